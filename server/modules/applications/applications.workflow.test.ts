// The 办件 workflow through HTTP: accept, correct, decide, complete, and what each status allows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { act, actOk, apply, detail, GA_ITEM, isChinese, upload } from '../../test/fixtures.ts';

let t: TestContext;
before(async () => { t = await createTestContext(); });
after(async () => { await t.close(); });

const notificationBodies = async (username: string) =>
  ((await t.call(await t.login(username), { method: 'GET', url: '/api/notifications?pageSize=100' })).json.items as { title: string; body: string }[]);

test('a case goes submit → accept → approve → complete and the applicant sees every step in order', async () => {
  const c = await apply(t, 'citizen', GA_ITEM);
  await actOk(t, 'clerk', c.id, 'accept');
  t.clock.set(new Date(t.clock.now().getTime() + 3_600_000));
  await actOk(t, 'reviewer-ga', c.id, 'approve', { comment: '材料齐全，准予迁入' });
  await actOk(t, 'reviewer-ga', c.id, 'complete');
  const d = await detail(t, 'citizen', c.id);
  assert.equal(d.status, 'completed');
  assert.equal(d.statusLabel, '已办结');
  assert.ok(d.acceptedAt && d.decidedAt && d.completedAt);
  assert.deepEqual(d.allowedActions, []);
  assert.deepEqual(d.events.map((e: { action: string; fromStatus: string | null; toStatus: string }) => [e.action, e.fromStatus, e.toStatus]), [
    ['submit', null, 'submitted'],
    ['accept', 'submitted', 'accepted'],
    ['approve', 'accepted', 'approved'],
    ['complete', 'approved', 'completed'],
  ]);
  assert.deepEqual(d.events.map((e: { actor: string; actorRole: string }) => [e.actor, e.actorRole]), [
    ['张三', 'applicant'], ['赵窗口', 'clerk'], ['区公安分局审批员', 'reviewer'], ['区公安分局审批员', 'reviewer'],
  ]);
  const times = d.events.map((e: { at: string }) => Date.parse(e.at));
  assert.ok(times.every((x: number) => Number.isFinite(x)));
  assert.deepEqual([...times].sort((a, b) => a - b), times, 'events are in time order');
  assert.equal(d.events[2].comment, '材料齐全，准予迁入');
});

test('asking for correction without listing the materials is refused (400)', async () => {
  const c = await apply(t, 'citizen', GA_ITEM);
  for (const body of [{}, { missingMaterials: [] }, { missingMaterials: ['  '] }]) {
    const r = await act(t, 'clerk', c.id, 'request_correction', body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.equal(r.json.fields[0].field, 'missingMaterials');
    assert.ok(isChinese(r.json.message));
  }
  assert.equal((await detail(t, 'citizen', c.id)).status, 'submitted');
});

test('a correction notice lists every missing material at once, in the case and in the inbox', async () => {
  const c = await apply(t, 'citizen', GA_ITEM);
  const missing = ['结婚证', '被投靠人居民户口簿', '合法稳定住所证明'];
  const d = await actOk(t, 'clerk', c.id, 'request_correction', { missingMaterials: missing, comment: '请补齐后重新提交' });
  assert.equal(d.status, 'correction_required');
  assert.deepEqual(d.correction.missingMaterials, missing);
  assert.deepEqual(d.events.at(-1).missingMaterials, missing);
  const note = (await notificationBodies('citizen')).find((n) => n.title === `【一次性告知补正】办件 ${c.caseNo}`);
  assert.ok(note, 'the applicant got a notice');
  for (const m of missing) assert.ok(note.body.includes(m), `the notice names ${m}`);
  assert.deepEqual((await detail(t, 'citizen', c.id)).allowedActions, ['resubmit', 'withdraw']);
});

test('the applicant resubmits with the missing material and the case is back in the queue', async () => {
  const c = await apply(t, 'citizen', GA_ITEM);
  await actOk(t, 'clerk', c.id, 'request_correction', { missingMaterials: ['结婚证'] });
  const f = await upload(t, await t.login('citizen'));
  const d = await actOk(t, 'citizen', c.id, 'resubmit', { materials: [{ name: '结婚证', fileId: f.fileId }] });
  assert.equal(d.status, 'submitted');
  assert.equal(d.checklist.find((m: { name: string }) => m.name === '结婚证').provided, true);
  assert.deepEqual(d.events.map((e: { action: string }) => e.action), ['submit', 'request_correction', 'resubmit']);
  await actOk(t, 'clerk', c.id, 'accept');
});

test('refusing to accept (不予受理) needs a reason', async () => {
  const c = await apply(t, 'citizen', GA_ITEM);
  const r = await act(t, 'clerk', c.id, 'reject', { comment: '   ' });
  assert.equal(r.status, 400);
  assert.equal(r.json.fields[0].field, 'comment');
  const d = await actOk(t, 'clerk', c.id, 'reject', { comment: '不属于本区管辖' });
  assert.equal(d.status, 'rejected');
  assert.equal(d.events.at(-1).comment, '不属于本区管辖');
});

test('denying (不予许可) needs a reason', async () => {
  const c = await apply(t, 'citizen', GA_ITEM);
  await actOk(t, 'clerk', c.id, 'accept');
  const r = await act(t, 'reviewer-ga', c.id, 'deny');
  assert.equal(r.status, 400);
  assert.equal(r.json.fields[0].field, 'comment');
  assert.equal((await actOk(t, 'reviewer-ga', c.id, 'deny', { comment: '不符合迁入条件' })).status, 'denied');
  assert.equal((await actOk(t, 'reviewer-ga', c.id, 'complete')).status, 'completed');
});

test('a special procedure (特别程序) needs a reason and ends with resume', async () => {
  const c = await apply(t, 'citizen', GA_ITEM);
  await actOk(t, 'clerk', c.id, 'accept');
  assert.equal((await act(t, 'reviewer-ga', c.id, 'suspend')).status, 400);
  const s = await actOk(t, 'reviewer-ga', c.id, 'suspend', { comment: '专家评审' });
  assert.equal(s.status, 'suspended');
  assert.deepEqual(s.allowedActions, ['resume']);
  assert.equal((await actOk(t, 'reviewer-ga', c.id, 'resume')).status, 'accepted');
});

test('the applicant withdraws a case', async () => {
  const c = await apply(t, 'citizen', GA_ITEM);
  await actOk(t, 'clerk', c.id, 'accept');
  assert.equal((await act(t, 'clerk', c.id, 'withdraw')).status, 403, 'staff cannot withdraw for the applicant');
  const d = await actOk(t, 'citizen', c.id, 'withdraw');
  assert.equal(d.status, 'withdrawn');
  assert.deepEqual(d.allowedActions, []);
});

test('an action the status does not allow is refused with 409 and the allowed list', async () => {
  const c = await apply(t, 'citizen', GA_ITEM);
  const r = await act(t, 'reviewer-ga', c.id, 'approve');
  assert.equal(r.status, 409);
  assert.equal(r.json.code, 'ACTION_NOT_ALLOWED');
  assert.deepEqual(r.json.allowedActions, ['accept', 'reject', 'request_correction', 'withdraw']);
  assert.ok(isChinese(r.json.message));
  await actOk(t, 'clerk', c.id, 'accept');
  const again = await act(t, 'clerk', c.id, 'accept');
  assert.equal(again.status, 409);
  assert.deepEqual(again.json.allowedActions, ['approve', 'deny', 'suspend', 'withdraw']);
  await actOk(t, 'citizen', c.id, 'withdraw');
  const done = await act(t, 'citizen', c.id, 'resubmit');
  assert.equal(done.status, 409);
  assert.deepEqual(done.json.allowedActions, []);
});

test('each user is offered only the actions they may take now', async () => {
  const c = await apply(t, 'citizen', GA_ITEM);
  assert.deepEqual((await detail(t, 'citizen', c.id)).allowedActions, ['withdraw']);
  assert.deepEqual((await detail(t, 'clerk', c.id)).allowedActions, ['accept', 'reject', 'request_correction']);
  assert.deepEqual((await detail(t, 'reviewer-ga', c.id)).allowedActions, ['accept', 'reject', 'request_correction']);
  assert.deepEqual((await detail(t, 'admin', c.id)).allowedActions, []);
  await actOk(t, 'clerk', c.id, 'accept');
  assert.deepEqual((await detail(t, 'clerk', c.id)).allowedActions, []);
  assert.deepEqual((await detail(t, 'reviewer-ga', c.id)).allowedActions, ['approve', 'deny', 'suspend']);
  assert.deepEqual((await detail(t, 'citizen', c.id)).allowedActions, ['withdraw']);
});

test('an unknown action or a stray missingMaterials is refused with 400', async () => {
  const c = await apply(t, 'citizen', GA_ITEM);
  const r = await act(t, 'clerk', c.id, 'teleport');
  assert.equal(r.status, 400);
  assert.equal(r.json.fields[0].field, 'action');
  const stray = await act(t, 'clerk', c.id, 'accept', { missingMaterials: ['结婚证'] });
  assert.equal(stray.status, 400);
  assert.equal(stray.json.fields[0].field, 'missingMaterials');
});
