// Plain SQL migrations from db/migrations, applied in name order, each in a transaction, recorded in a table.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import type { Db } from './index.ts';

export const MIGRATIONS_DIR = resolve(import.meta.dirname, '../../../db/migrations');

export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  const files = readdirSync(dir).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort();
  const applied: string[] = [];
  for (const name of files) {
    const text = readFileSync(join(dir, name), 'utf8');
    const checksum = createHash('sha256').update(text).digest('hex');
    const done = await db.transaction().execute(async (trx) => {
      // Several instances may start at once: one migrates, the others wait and then skip.
      await sql`SELECT pg_advisory_xact_lock(727272)`.execute(trx);
      const row = await sql<{ checksum: string }>`SELECT checksum FROM schema_migrations WHERE name = ${name}`.execute(trx);
      if (row.rows[0]) {
        if (row.rows[0].checksum !== checksum) throw new Error(`migration ${name} was changed after it was applied`);
        return false;
      }
      await sql.raw(text).execute(trx);
      await sql`INSERT INTO schema_migrations (name, checksum) VALUES (${name}, ${checksum})`.execute(trx);
      return true;
    });
    if (done) applied.push(name);
  }
  return applied;
}
