// PostgreSQL for benchmarks: BENCH_DATABASE_URL names a server; without it the bench runs itself again under
// scripts/with-postgres.sh, which starts a throw-away cluster, exports BENCH_DATABASE_URL and removes it afterwards.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import pg from 'pg';
import { progress } from './report.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Returns BENCH_DATABASE_URL. When it is not set, re-runs this very process (same node flags, same tsx loader,
 * same arguments) under scripts/with-postgres.sh with inherited stdio, and exits with its status: the caller's
 * code after this call only ever runs with a server.
 */
export function ensurePostgres(): string {
  const url = process.env.BENCH_DATABASE_URL;
  if (url) return url;
  if (process.env.TONGBAN_BENCH_REEXEC === '1') throw new Error('BENCH_DATABASE_URL is still unset after scripts/with-postgres.sh');
  progress('BENCH_DATABASE_URL not set: starting a throw-away PostgreSQL with scripts/with-postgres.sh');
  const res = spawnSync('bash', [resolve(ROOT, 'scripts/with-postgres.sh'), process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, TONGBAN_BENCH_REEXEC: '1' },
  });
  if (res.error) throw res.error;
  process.exit(res.status ?? 1);
}

/** A new, empty database on the server of `serverUrl`; drop() removes it (forcibly closing leftover connections). */
export async function createFreshDatabase(serverUrl: string, prefix: string): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await withAdmin(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    name,
    drop: () => withAdmin(serverUrl, async (c) => {
      // pg's pool.end() resolves before its sockets are gone; a forced drop would then kill backends whose clients
      // are still ending, and such a client emits an unhandled 'error'. So wait until the database is quiet first.
      for (let i = 0; i < 100; i++) {
        const left = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if (!left.rows[0]!.n) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }).then(() => undefined),
  };
}

async function withAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** The server's version and the settings that matter for the figures, for the report. */
export async function serverInfo(url: string): Promise<string> {
  return withAdmin(url, async (c) => {
    const r = await c.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings WHERE name IN ('server_version','shared_buffers','fsync','synchronous_commit','max_connections')`);
    return r.rows.map((x) => `${x.name}=${x.setting}`).join(' ');
  });
}
