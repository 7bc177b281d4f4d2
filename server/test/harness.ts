// Test harness: every test file gets its own database, cloned from a migrated and seeded template,
// on PGlite by default or on the PostgreSQL server named by TEST_DATABASE_URL.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig, type Config } from '../platform/config.ts';
import { openDatabase, type Database } from '../platform/db/index.ts';
import { migrate, MIGRATIONS_DIR } from '../platform/db/migrate.ts';
import { FixedClock } from '../platform/clock.ts';
import { seedDemo, DEMO_PASSWORD } from '../seed/index.ts';
import { DEMO_DIR } from '../seed/catalog.ts';
import { KNOWLEDGE_DIR } from '../modules/search/knowledge-files.ts';

export { DEMO_PASSWORD };
const ROOT = resolve(import.meta.dirname, '../..');
const CACHE = join(ROOT, '.test-cache');

/** Changes to migrations or demo data make a new template. */
function templateKey(): string {
  const h = createHash('sha256');
  for (const dir of [MIGRATIONS_DIR, DEMO_DIR, join(DEMO_DIR, 'calendar'), KNOWLEDGE_DIR, join(KNOWLEDGE_DIR, 'aliases')]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      const p = join(dir, f);
      if (f.endsWith('.sql') || f.endsWith('.json')) h.update(f).update(readFileSync(p));
    }
  }
  h.update(readFileSync(join(ROOT, 'server/seed/demo-accounts.ts')));
  return h.digest('hex').slice(0, 16);
}

async function buildTemplate(db: Database) {
  await migrate(db.db);
  await seedDemo(db.db, { fastHash: true });
}

async function pgliteFromTemplate(): Promise<Database> {
  const file = join(CACHE, `pglite-template-${templateKey()}.tar.gz`);
  if (!existsSync(file)) {
    mkdirSync(CACHE, { recursive: true });
    const fresh = await openDatabase({});
    await buildTemplate(fresh);
    const dump = await fresh.pglite!.dumpDataDir('gzip');
    await fresh.close();
    // Written under a temporary name and renamed: parallel test files never read half a template.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, file);
  }
  return openDatabase({ loadDataDir: new Blob([readFileSync(file)]) });
}

async function postgresFromTemplate(url: string): Promise<{ db: Database; drop: () => Promise<void> }> {
  const template = `tongban_tpl_${templateKey()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(4242)');
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (!exists.rowCount) {
      await admin.query(`CREATE DATABASE ${template}`);
      const tplUrl = new URL(url);
      tplUrl.pathname = `/${template}`;
      const db = await openDatabase({ databaseUrl: tplUrl.toString(), poolSize: 2 });
      await buildTemplate(db);
      await db.close();
    }
    const name = `tongban_t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.query('SELECT pg_advisory_unlock(4242)');
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    const db = await openDatabase({ databaseUrl: dbUrl.toString(), poolSize: 10 });
    return {
      db,
      drop: async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
        await c.end();
      },
    };
  } finally {
    await admin.end();
  }
}

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  clock: FixedClock;
  config: Config;
  /** Logs in a (demo) user and returns the Bearer token. */
  login(username: string, password?: string): Promise<string>;
  /** app.inject with a Bearer token; JSON bodies parsed into `.json`. */
  call(token: string | null, opts: InjectOptions): Promise<{ status: number; json: any; headers: Record<string, unknown>; body: string }>;
  close(): Promise<void>;
}

/** A fresh app on its own database. The clock starts on a working day in 2026 unless told otherwise. */
export async function createTestContext(opts: { now?: string; config?: Partial<Config> } = {}): Promise<TestContext> {
  const url = process.env.TEST_DATABASE_URL;
  let database: Database;
  let drop = async () => {};
  if (url) ({ db: database, drop } = await postgresFromTemplate(url));
  else database = await pgliteFromTemplate();
  const dataDir = join(tmpdir(), `tongban-test-${randomUUID()}`);
  const config: Config = {
    ...loadConfig({ NODE_ENV: 'test', TONGBAN_FAST_HASH: '1' }),
    dataDir, webDir: join(dataDir, 'no-web'), logLevel: 'silent', ...opts.config,
  };
  const clock = new FixedClock(new Date(opts.now ?? '2026-03-02T02:00:00Z'));
  const app = await buildApp({ config, database, clock });
  await app.ready();
  // Sessions expire on the test clock: a token is reused only while the clock has not moved far.
  const tokens = new Map<string, { token: string; at: number }>();
  const ctx: TestContext = {
    app, database, clock, config,
    async login(username, password = DEMO_PASSWORD) {
      const key = `${username}\n${password}`;
      const cached = tokens.get(key);
      if (cached && Math.abs(clock.now().getTime() - cached.at) < 3_600_000) return cached.token;
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const token = res.json().token as string;
      tokens.set(key, { token, at: clock.now().getTime() });
      return token;
    },
    async call(token, o) {
      const headers = { ...(o.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) };
      const res = await app.inject({ ...o, headers });
      let json: unknown;
      try {
        json = res.body ? JSON.parse(res.body) : undefined;
      } catch {
        json = undefined;
      }
      return { status: res.statusCode, json, headers: res.headers as Record<string, unknown>, body: res.body };
    },
    async close() {
      await app.close();
      await database.close();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return ctx;
}

/** A tiny valid PDF, PNG and JPEG for upload tests. */
export const SAMPLE = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'),
  png: Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f5e6e50000000049454e44ae426082', 'hex'),
  jpeg: Buffer.from('ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffc0000b080001000101011100ffc4001f0000010501010101010100000000000000000102030405060708090a0bffda0008010100003f00d2cf20ffd9', 'hex'),
};

/** A multipart body with one file field, for app.inject. */
export function multipart(field: string, filename: string, content: Buffer, contentType = 'application/octet-stream') {
  const boundary = `----tongban${randomUUID()}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
