import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { createTestContext, type TestContext } from '../test/harness.ts';
import { refuseUnsafeProduction } from './production.ts';

let t: TestContext;
before(async () => { t = await createTestContext(); });
after(async () => { await t.close(); });

test('production refuses to run while demo accounts with the published password are active', async () => {
  await assert.rejects(refuseUnsafeProduction({ ...t.config, production: true, demo: false }, t.database.db), /演示账号/);
  await t.database.db.updateTable('users').set({ disabled: true }).where('isDemo', '=', true).execute();
  await refuseUnsafeProduction({ ...t.config, production: true, demo: false, masterKey: '0123456789abcdef0123456789abcdef' }, t.database.db);
});

test('production refuses to start without a master key for the signing keys', async () => {
  await assert.rejects(refuseUnsafeProduction({ ...t.config, production: true, demo: false, masterKey: undefined }, null), /TONGBAN_MASTER_KEY/);
});

test('production refuses demo mode before touching the database', async () => {
  await assert.rejects(refuseUnsafeProduction({ ...t.config, production: true, demo: true }, null), /演示模式/);
  await refuseUnsafeProduction({ ...t.config, production: false, demo: true }, null);
});

test('the server exits with a Chinese explanation when started in production demo mode', () => {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', TONGBAN_DEMO: '1', PORT: '0' };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, '../main.ts')], { env, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /拒绝启动：NODE_ENV=production 时不能启用演示模式/);
});
