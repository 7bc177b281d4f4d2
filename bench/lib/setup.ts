// The common start of a benchmark run: a fresh store, migrated and seeded, and the real server on it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Database } from '../../server/platform/db/index.ts';
import { createFreshDatabase, ensurePostgres, serverInfo } from './postgres.ts';
import { progress } from './report.ts';
import { openSpec, prepareDatabase, startChild, startInProcess, type DbSpec, type RunningServer, type ServerOptions } from './server.ts';

export interface BenchStore {
  spec: DbSpec;
  drop: () => Promise<void>;
  /** The PostgreSQL server's settings, for the report. */
  postgresInfo?: string;
}

/** A fresh, empty store: a PGlite folder, or a new database on the PostgreSQL server (`pgServer`, else the bench's own). */
export async function freshStore(kind: 'pglite' | 'postgres', pgServer?: string): Promise<BenchStore> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'tongban-bench-pglite-'));
    return { spec: { kind, dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const server = pgServer ?? ensurePostgres();
  const fresh = await createFreshDatabase(server, 'tongban_bench');
  const postgresInfo = await serverInfo(server);
  progress(`postgres: ${postgresInfo}; database ${fresh.name}`);
  return { spec: { kind, url: fresh.url }, drop: fresh.drop, postgresInfo };
}

/**
 * Migrates and seeds the store, then starts the server in this process or in a child. In-process, the
 * returned database is the server's and stays open; with a child it is closed (PGlite has one owner at a time).
 */
export async function startBenchServer(spec: DbSpec, mode: string, opts: ServerOptions): Promise<{ server: RunningServer; database?: Database }> {
  const database = await openSpec(spec);
  const t0 = performance.now();
  await prepareDatabase(database);
  progress(`${spec.kind}: migrated and seeded in ${Math.round(performance.now() - t0)} ms`);
  let server: RunningServer;
  let open: Database | undefined = database;
  if (mode === 'child') {
    await database.close();
    open = undefined;
    server = await startChild(spec, opts);
  } else {
    server = await startInProcess(database, opts);
  }
  progress(`${spec.kind}: server (${server.mode}) at ${server.baseUrl}, log level ${opts.logLevel}, audit sealing ${opts.auditSealIntervalMs ? 'every 2 s' : 'off'}`);
  return { server, database: open };
}
