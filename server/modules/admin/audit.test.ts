import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestContext, DEMO_PASSWORD, type TestContext } from '../../test/harness.ts';
import { actOk, apply, GA_ITEM } from '../../test/fixtures.ts';

let t: TestContext;
before(async () => { t = await createTestContext(); });
after(async () => { await t.close(); });

interface AuditItem { id: number; seq: number | null; at: string; actorName: string | null; action: string; targetType: string | null; targetId: string | null; detail: Record<string, unknown>; ip: string | null }
const audit = async (query = '') => {
  const r = await t.call(await t.login('admin'), { method: 'GET', url: `/api/admin/audit?pageSize=100${query}` });
  assert.equal(r.status, 200, r.body);
  return r.json as { items: AuditItem[]; total: number };
};
const verify = async () => {
  const r = await t.call(await t.login('admin'), { method: 'POST', url: '/api/admin/audit/verify' });
  assert.equal(r.status, 200, r.body);
  return r.json as { ok: boolean; checked: number; firstBadSeq?: number; reason?: string };
};

test('logins, failed logins and case changes appear in the audit log', async () => {
  await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'citizen2', password: 'Wrong-pass1' }, remoteAddress: '10.9.0.1' });
  await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'citizen2', password: DEMO_PASSWORD }, remoteAddress: '10.9.0.1' });
  const c = await apply(t, 'citizen', GA_ITEM);
  await actOk(t, 'clerk', c.id, 'accept');
  const all = (await audit()).items;
  const failed = all.find((a) => a.action === 'login.failed' && a.actorName === 'citizen2');
  assert.equal(failed?.ip, '10.9.0.1');
  assert.ok(all.some((a) => a.action === 'login' && a.actorName === 'citizen2' && a.ip === '10.9.0.1'));
  const changes = all.filter((a) => a.targetId === c.id).map((a) => [a.action, a.actorName, a.detail.from, a.detail.to]);
  assert.deepEqual(changes.reverse(), [['application.submit', 'citizen', null, 'submitted'], ['application.accept', 'clerk', 'submitted', 'accepted']]);
  assert.ok(!JSON.stringify(all).includes(DEMO_PASSWORD), 'no passwords in the log');
});

test('the audit log can be filtered by action', async () => {
  const r = await audit('&action=application.');
  assert.ok(r.items.length > 0);
  assert.ok(r.items.every((a) => a.action.startsWith('application.')));
  assert.equal(r.total, r.items.length);
});

test('only administrators read or verify the audit log: citizen and clerk 403, anonymous 401', async () => {
  for (const username of ['citizen', 'clerk']) {
    const token = await t.login(username);
    assert.equal((await t.call(token, { method: 'GET', url: '/api/admin/audit' })).status, 403, username);
    assert.equal((await t.call(token, { method: 'POST', url: '/api/admin/audit/verify' })).status, 403, username);
  }
  assert.equal((await t.call(null, { method: 'GET', url: '/api/admin/audit' })).status, 401);
  assert.equal((await t.call(null, { method: 'POST', url: '/api/admin/audit/verify' })).status, 401);
});

test('the untouched hash chain verifies', async () => {
  const r = await verify();
  assert.equal(r.ok, true, r.reason);
  assert.ok(r.checked > 0);
  assert.ok((await audit()).items.every((a) => a.seq !== null), 'verifying seals every entry');
});

test('the audit log cannot be changed through the database guard', async () => {
  await verify();
  const row = (await audit()).items.find((a) => a.seq !== null)!;
  await assert.rejects(sql`UPDATE audit_log SET detail = '{"forged":true}' WHERE id = ${row.id}`.execute(t.database.db), /append-only/);
  await assert.rejects(sql`DELETE FROM audit_log WHERE id = ${row.id}`.execute(t.database.db), /append-only/);
});

test('a row changed behind the guard is found by verification, by its seq', async () => {
  await verify();
  const sealed = (await audit('&action=application.accept')).items.find((a) => a.seq !== null)!;
  const db = t.database.db;
  await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(db);
  try {
    await sql`UPDATE audit_log SET detail = ${JSON.stringify({ ...sealed.detail, to: 'rejected' })}::jsonb WHERE id = ${sealed.id}`.execute(db);
  } finally {
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(db);
  }
  const r = await verify();
  assert.equal(r.ok, false);
  assert.equal(r.firstBadSeq, sealed.seq);
  assert.match(r.reason ?? '', /篡改|不一致/);
});
