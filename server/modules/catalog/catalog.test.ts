import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../test/harness.ts';

let t: TestContext;
before(async () => { t = await createTestContext(); });
after(async () => { await t.close(); });

test('health reports the database kind', async () => {
  const r = await t.call(null, { method: 'GET', url: '/api/health' });
  assert.equal(r.status, 200);
  assert.deepEqual(r.json, { status: 'ok', db: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite' });
});

test('the demo catalog has 28 departments, 257 items and 12 bundles', async () => {
  const d = await t.call(null, { method: 'GET', url: '/api/departments' });
  assert.equal(d.json.departments.length, 28);
  const i = await t.call(null, { method: 'GET', url: '/api/items?pageSize=1' });
  assert.equal(i.json.total, 257);
  const b = await t.call(null, { method: 'GET', url: '/api/bundles' });
  assert.equal(b.json.bundles.length, 12);
});
