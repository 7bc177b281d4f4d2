import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../server/platform/db/index.ts';
import { migrate } from '../server/platform/db/migrate.ts';
import { writeAudit } from '../server/platform/audit.ts';

const BIN = resolve(import.meta.dirname, 'bin.js');

function tongban(dataDir: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, TONGBAN_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

async function withDb<T>(dataDir: string, f: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>) {
  const database = await openDatabase({ dataDir: join(dataDir, 'pglite') });
  try {
    return await f(database.db);
  } finally {
    await database.close();
  }
}

test('tongban audit verify passes on an intact log and names the first tampered row', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-cli-'));
  try {
    await withDb(dir, async (db) => {
      await migrate(db);
      for (let i = 0; i < 5; i++) await writeAudit(db, { actorName: 'tester', action: 'login', detail: { n: i } }, new Date(`2026-03-0${i + 1}T00:00:00Z`));
    });
    const ok = tongban(dir, 'audit', 'verify');
    assert.equal(ok.status, 0, ok.out);
    assert.match(ok.out, /审计日志完整：共校验 5 条/);

    await withDb(dir, async (db) => {
      // The table refuses updates; an attacker with database access switches the guard off first.
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(db);
      await sql`UPDATE audit_log SET detail = '{"n":99}' WHERE seq = 3`.execute(db);
    });
    const bad = tongban(dir, 'audit', 'verify');
    assert.equal(bad.status, 2, bad.out);
    assert.match(bad.out, /seq=3/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the audit log refuses updates and deletes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-cli-'));
  try {
    await withDb(dir, async (db) => {
      await migrate(db);
      await writeAudit(db, { actorName: 'tester', action: 'login' }, new Date());
      await assert.rejects(sql`UPDATE audit_log SET action = 'x'`.execute(db), /append-only/);
      await assert.rejects(sql`DELETE FROM audit_log`.execute(db), /append-only/);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
