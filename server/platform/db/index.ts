import { mkdirSync } from 'node:fs';
import { CamelCasePlugin, Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

export type { DB } from './schema.ts';
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Repos take either the database or a transaction. */
export type Executor = Kysely<DB> | Transaction<DB>;

export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DbKind;
  /** The PGlite instance, when embedded (for dumps in tests). */
  pglite?: PGlite;
  close(): Promise<void>;
}

// int8 (counts, bigserial ids) as numbers; date as 'YYYY-MM-DD' strings, never as local-time Date objects.
const INT8 = 20;
const DATE = 1082;
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(DATE, (v) => v);
const pgliteParsers = { [INT8]: (v: string) => Number(v), [DATE]: (v: string) => v };

export interface OpenOptions {
  databaseUrl?: string;
  /** Folder for PGlite data; undefined keeps it in memory. */
  dataDir?: string;
  /** A dumped PGlite data folder to start from (tests reuse a migrated template). */
  loadDataDir?: Blob | File;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const plugins = [new CamelCasePlugin()];
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 20 });
    // pool.end() resolves once it has asked every connection to close, not when they are closed. Waiting for the
    // connections themselves means that after close() nothing of ours is left on the server (so dropping or
    // stopping it right away cannot hit a connection that is still saying goodbye, which then throws).
    const open = new Set<pg.Client>();
    pool.on('connect', (c) => {
      open.add(c);
      c.once('end', () => open.delete(c));
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins });
    const close = async () => {
      const ending = [...open].map((c) => new Promise<void>((r) => c.once('end', () => r())));
      await db.destroy();
      await Promise.all(ending);
    };
    return { db, kind: 'postgres', close };
  }
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir: opts.dataDir,
    loadDataDir: opts.loadDataDir,
    parsers: pgliteParsers,
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite), plugins });
  // Kysely only destroys a driver it has started (on the first query); PGlite is closed here in any case, or an
  // instance that never ran a query through Kysely stays open and its timers keep the process from exiting.
  const close = async () => {
    await db.destroy();
    if (!pglite.closed) await pglite.close();
  };
  return { db, kind: 'pglite', pglite, close };
}
