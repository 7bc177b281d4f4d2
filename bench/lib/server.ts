// Starting the Tongban server for a benchmark: buildApp + listen on 127.0.0.1:0, either in this process
// (server and load generator share one JS thread) or in a child process (each gets its own thread).
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { loadConfig, type Config } from '../../server/platform/config.ts';
import { openDatabase, type Database } from '../../server/platform/db/index.ts';
import { migrate } from '../../server/platform/db/migrate.ts';
import { seedDemo } from '../../server/seed/index.ts';
import { sealAudit } from '../../server/platform/audit.ts';

/** Where the data lives: a PGlite data folder or a PostgreSQL database. */
export type DbSpec = { kind: 'pglite'; dir: string } | { kind: 'postgres'; url: string };

export interface ServerOptions {
  /** Pino level; the server logs every request at info, which a benchmark does not want to measure. */
  logLevel: string;
  /** Seal the audit chain every this many ms, as server/main.ts does (2000); 0 = off. */
  auditSealIntervalMs: number;
  /** PostgreSQL pool size of the server (openDatabase's default is 20). */
  poolSize?: number;
}

export interface RunningServer {
  baseUrl: string;
  mode: 'inproc' | 'child';
  close(): Promise<void>;
}

export function openSpec(spec: DbSpec, poolSize?: number): Promise<Database> {
  return spec.kind === 'postgres' ? openDatabase({ databaseUrl: spec.url, poolSize }) : openDatabase({ dataDir: spec.dir });
}

/** Migrates and loads the demo data (fast password hashes), as a fresh `npm start` in demo mode would. */
export async function prepareDatabase(database: Database) {
  await migrate(database.db);
  await seedDemo(database.db, { fastHash: true });
}

/** The configuration of a demo-mode server, with its own temporary data folder for uploads. */
export function benchConfig(logLevel: string): { config: Config; cleanup: () => void } {
  const dataDir = mkdtempSync(join(tmpdir(), 'tongban-bench-'));
  const config: Config = {
    ...loadConfig({ NODE_ENV: 'development', TONGBAN_FAST_HASH: '1' }),
    dataDir,
    webDir: join(dataDir, 'no-web'),
    logLevel,
    port: 0,
    host: '127.0.0.1',
  };
  return { config, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${addr.port}`;
}

/** The server in this process, on an already open database (which stays open: the caller owns it). */
export async function startInProcess(database: Database, opts: ServerOptions): Promise<RunningServer> {
  const { config, cleanup } = benchConfig(opts.logLevel);
  const app = await buildApp({ config, database, auditSealIntervalMs: opts.auditSealIntervalMs || undefined });
  const baseUrl = await listen(app);
  return {
    baseUrl,
    mode: 'inproc',
    async close() {
      await app.close();
      cleanup();
    },
  };
}

/**
 * The server in a child process (bench/lib/server-child.ts, same tsx loader), which opens the database itself.
 * For PGlite the caller must not have the data folder open at the same time.
 */
export async function startChild(spec: DbSpec, opts: ServerOptions): Promise<RunningServer> {
  const child = fork(join(import.meta.dirname, 'server-child.ts'), [], {
    // BENCH_SERVER_NODE_ARGS adds node flags for the server only, e.g. "--cpu-prof --cpu-prof-dir=var/prof".
    execArgv: [...process.execArgv, ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [])],
    // The child's stdout (pino) goes to our stderr, so our stdout keeps only the result line.
    stdio: ['ignore', 2, 2, 'ipc'],
    env: { ...process.env, TONGBAN_BENCH_CHILD: JSON.stringify({ spec, opts }) },
  });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { baseUrl?: string; error?: string }) => (m.baseUrl ? resolve(m.baseUrl) : reject(new Error(m.error))));
    child.once('exit', (code) => reject(new Error(`server child exited with ${code}`)));
  });
  return {
    baseUrl,
    mode: 'child',
    close: () => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.send({ close: true });
    }),
  };
}

/** Body of the child process. */
export async function runChild() {
  const { spec, opts } = JSON.parse(process.env.TONGBAN_BENCH_CHILD!) as { spec: DbSpec; opts: ServerOptions };
  try {
    const database = await openSpec(spec, opts.poolSize);
    const { config, cleanup } = benchConfig(opts.logLevel);
    const app = await buildApp({ config, database, auditSealIntervalMs: opts.auditSealIntervalMs || undefined });
    const baseUrl = await listen(app);
    process.on('message', async () => {
      await app.close();
      await sealAudit(database.db).catch(() => undefined);
      await database.close();
      cleanup();
      process.exit(0);
    });
    process.send!({ baseUrl });
  } catch (e) {
    process.send!({ error: String((e as Error).stack ?? e) });
    process.exit(1);
  }
}

export const uniqueSuffix = () => randomUUID().replaceAll('-', '').slice(0, 10);
