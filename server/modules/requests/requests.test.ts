// Intake of 12345 requests over real HTTP: ticket number, classification, receipt, urgency, duplicates,
// channels and who sees the caller.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../test/harness.ts';

let t: TestContext;
before(async () => { t = await createTestContext(); });
after(async () => { await t.close(); });

const file = (payload: Record<string, unknown>, token: string | null = null) => t.call(token, { method: 'POST', url: '/api/requests', payload });

test('a citizen files a request: ticket number, classification with alternatives, SMS receipt, event', async () => {
  const res = await file({ text: '东城花园小区门口的路灯坏了一个多星期了，晚上出门黑乎乎的很不安全', phone: '13900002222', address: '东城花园3栋' });
  assert.equal(res.status, 201, res.body);
  const r = res.json;
  assert.match(r.ticketNo, /^\d{14}$/);
  assert.equal(r.status, 'received');
  assert.ok(['咨询', '求助', '投诉', '举报', '建议', '表扬'].includes(r.classification.type));
  assert.equal(typeof r.classification.category, 'string');
  assert.equal(typeof r.classification.departmentId, 'string');
  assert.ok(r.classification.confidence > 0 && r.classification.confidence <= 1);
  assert.ok(r.classification.alternatives.category.length >= 1);
  const sms = await t.database.db.selectFrom('smsOutbox').selectAll().where('requestId', '=', r.id).execute();
  assert.equal(sms.length, 1);
  assert.ok(sms[0]!.body.includes(r.ticketNo));
  const operator = await t.login('operator');
  const detail = (await t.call(operator, { method: 'GET', url: `/api/requests/${r.id}` })).json;
  assert.equal(detail.phone, '13900002222');
  assert.equal(detail.streetId, 'dcjd');
  assert.equal(detail.community, '东城花园');
  assert.equal(detail.events[0].action, 'receive');
});

test('urgent requests are flagged and due within hours; a similar one from the same phone is proposed as a duplicate', async () => {
  const first = (await file({ text: '湖滨社区5栋楼道里闻到很浓的煤气味，怀疑燃气泄漏，快来人看看', phone: '13900003333' })).json;
  assert.equal(first.urgent, true);
  assert.ok(new Date(first.dueAt).getTime() - t.clock.now().getTime() <= 2 * 3_600_000);
  const again = (await file({ text: '湖滨社区5栋楼道里煤气味很浓，可能燃气泄漏了，请赶紧派人', phone: '13900003333' })).json;
  assert.ok(again.duplicates.some((d: { id: string }) => d.id === first.id));
});

test('channels: anonymous web is fine, a phone or login is needed otherwise; enterprise and phone channels need their roles', async () => {
  assert.equal((await file({ text: '西湖新村有人在绿化带里私自搭建棚子', anonymous: true })).status, 201);
  assert.equal((await file({ text: '西湖新村有人在绿化带里私自搭建棚子' })).status, 400);
  assert.equal((await file({ text: '公司门口道路破损严重', channel: 'enterprise', phone: '13900004444' }, await t.login('citizen'))).status, 403);
  assert.equal((await file({ text: '公司门口道路破损严重', channel: 'enterprise' }, await t.login('enterprise'))).status, 201);
  assert.equal((await file({ text: '来电反映路灯不亮', channel: 'phone', phone: '13900005555' }, await t.login('citizen'))).status, 403);
  assert.equal((await file({ text: '来电反映路灯不亮', channel: 'phone', phone: '13900005555' }, await t.login('operator'))).status, 201);
  for (const bad of [{ text: '短' }, { text: '正常的诉求内容在这里', phone: '123' }, { text: '正常的诉求内容在这里', channel: 'fax' }]) {
    const res = await file(bad);
    assert.equal(res.status, 400, JSON.stringify(bad));
    assert.match(res.json.message, /[\u4e00-\u9fa5]/);
  }
});

test('the operator classifies a text without writing a record', async () => {
  const before = await t.database.db.selectFrom('requests').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const c = (await t.call(await t.login('operator'), { method: 'POST', url: '/api/requests/classify', payload: { text: '楼下饭店的油烟直往我家窗户里灌' } })).json;
  assert.ok(c.category && c.departmentId && c.type);
  const after = await t.database.db.selectFrom('requests').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(after.n), Number(before.n));
});

test('the closed loop: dispatch, sign, extend, reply, review, callback (重办 once), close', async () => {
  const citizen = await t.login('citizen');
  const operator = await t.login('operator');
  const cgj = await t.login('handler-cgj');
  const ga = await t.login('handler-ga');
  const act = (token: string, id: string, payload: Record<string, unknown>) => t.call(token, { method: 'POST', url: `/api/requests/${id}/actions`, payload });
  const r = (await file({ text: '春晖社区东门外的人行道砖松动翘起来了，老人走路容易绊倒', phone: '13900006666' }, citizen)).json;

  // Before dispatch no department sees it.
  assert.equal((await t.call(cgj, { method: 'GET', url: `/api/requests/${r.id}` })).status, 404);
  let d = await act(operator, r.id, { action: 'dispatch', departmentId: 'cgj', category: '城乡建设', type: '投诉' });
  assert.equal(d.status, 200, d.body);
  assert.equal(d.json.status, 'dispatched');
  assert.equal((await t.call(ga, { method: 'GET', url: `/api/requests/${r.id}` })).status, 404, 'another department does not see it');
  const seen = (await t.call(cgj, { method: 'GET', url: `/api/requests/${r.id}` })).json;
  assert.equal(seen.phone, '139****6666', 'departments see the phone masked');
  assert.deepEqual(seen.allowedActions.sort(), ['return', 'sign']);
  assert.ok((await t.call(cgj, { method: 'GET', url: '/api/requests' })).json.items.some((x: { id: string }) => x.id === r.id));

  assert.equal((await act(cgj, r.id, { action: 'reply', result: 'resolved', comment: '已修复' })).status, 409, 'reply before signing');
  assert.equal((await act(cgj, r.id, { action: 'sign' })).json.status, 'processing');
  const dueBefore = (await t.call(operator, { method: 'GET', url: `/api/requests/${r.id}` })).json.dueAt;
  await act(cgj, r.id, { action: 'extend', days: 2, comment: '需要采购材料' });
  d = await act(operator, r.id, { action: 'approve_extension' });
  assert.ok(new Date(d.json.dueAt) > new Date(dueBefore), 'the extension moves the due date');

  assert.equal((await act(cgj, r.id, { action: 'reply', comment: '已修复' })).status, 400, 'a reply needs a result');
  assert.equal((await act(cgj, r.id, { action: 'reply', result: 'resolved', comment: '已安排人员重新铺设人行道砖。' })).json.status, 'replied');
  assert.equal((await act(operator, r.id, { action: 'approve_reply' })).json.status, 'answered');
  const sms = await t.database.db.selectFrom('smsOutbox').select('body').where('requestId', '=', r.id).orderBy('id').execute();
  assert.ok(sms.at(-1)!.body.includes('已安排人员重新铺设人行道砖'));

  d = await act(operator, r.id, { action: 'callback', satisfaction: 'unsatisfied', comment: '群众说只修了一半' });
  assert.equal(d.json.status, 'processing', '不满意: 重办 to the same department');
  assert.equal(d.json.reopenCount, 1);
  assert.equal(d.json.departmentId, 'cgj');
  await act(cgj, r.id, { action: 'reply', result: 'resolved', comment: '已全部铺设完毕。' });
  await act(operator, r.id, { action: 'approve_reply' });
  d = await act(operator, r.id, { action: 'callback', satisfaction: 'satisfied' });
  assert.equal(d.json.status, 'closed');
  assert.equal(d.json.satisfaction, 'satisfied');

  const conflict = await act(cgj, r.id, { action: 'sign' });
  assert.equal(conflict.status, 409, 'the department still sees its closed request but cannot act on it');
  assert.equal(conflict.json.code, 'ACTION_NOT_ALLOWED');
  assert.deepEqual(conflict.json.allowedActions, []);
  const events = (await t.call(citizen, { method: 'GET', url: `/api/requests/${r.id}` })).json.events.map((e: { action: string }) => e.action);
  assert.deepEqual(events, ['receive', 'dispatch', 'sign', 'extend', 'approve_extension', 'reply', 'approve_reply', 'callback', 'reply', 'approve_reply', 'callback']);
});

test('returns, reassignment, supervision, direct close, and who may do what', async () => {
  const operator = await t.login('operator');
  const supervisor = await t.login('supervisor');
  const ga = await t.login('handler-ga');
  const act = (token: string, id: string, payload: Record<string, unknown>) => t.call(token, { method: 'POST', url: `/api/requests/${id}/actions`, payload });
  const r = (await file({ text: '湖滨社区旁边的河道里有人往水里倒污水，水都发黑了', anonymous: true })).json;
  await act(operator, r.id, { action: 'dispatch', departmentId: 'ga' });
  assert.equal((await t.call(ga, { method: 'GET', url: `/api/requests/${r.id}` })).json.contactName, null, 'an anonymous filer stays unknown');
  assert.equal((await act(ga, r.id, { action: 'return' })).status, 400, 'a return needs a reason');
  assert.equal((await act(ga, r.id, { action: 'return', comment: '不属于公安职责，应由生态环境部门处理' })).json.status, 'returned');
  assert.equal((await t.call(ga, { method: 'GET', url: `/api/requests/${r.id}` })).json.returnsCount, 1);
  assert.equal((await act(operator, r.id, { action: 'supervise', comment: '尽快处理' })).status, 403, 'only the supervisor opens 督办');
  assert.equal((await act(supervisor, r.id, { action: 'supervise', comment: '尽快处理', days: 1 })).json.supervised, true);
  const moved = await act(operator, r.id, { action: 'reassign', departmentId: 'sthj', comment: '改派生态环境分局' });
  assert.equal(moved.json.departmentId, 'sthj');
  assert.equal(moved.json.status, 'dispatched');
  assert.equal((await act(ga, r.id, { action: 'sign' })).status, 404, 'the old department no longer sees it');
  assert.equal((await act(await t.login('citizen'), r.id, { action: 'close', comment: 'x' })).status, 404);

  const question = (await file({ text: '请问居住证办理需要带哪些材料？', phone: '13900007777' })).json;
  const closed = await act(operator, question.id, { action: 'close', comment: '已告知：身份证、租房合同或居住证明。' });
  assert.equal(closed.json.status, 'closed', '直接办结');
  assert.equal(closed.json.replyResult, 'explained');
  assert.equal((await act(operator, question.id, { action: 'dispatch', departmentId: 'nope' })).status, 409);
  const unknownDept = (await file({ text: '望江社区的路灯坏了好几盏', phone: '13900008888' })).json;
  assert.equal((await act(operator, unknownDept.id, { action: 'dispatch', departmentId: 'nope' })).status, 400);
});


test('npx tongban train learns from the shipped data and every request whose labels an operator confirmed', async () => {
  const { trainAndStore, storedModel, confirmedRequests } = await import('./classifier/stored-model.ts');
  const { shippedTrainingData, classifierFor } = await import('./classifier/training.ts');
  const operator = await t.login('operator');
  const r = (await file({ text: '石桥村村口的小桥栏杆断了，孩子上学要经过很危险', phone: '13900009999' })).json;
  await t.call(operator, { method: 'POST', url: `/api/requests/${r.id}/actions`, payload: { action: 'dispatch', departmentId: 'nsz', category: '农业农村', type: '求助' } });
  const confirmed = await confirmedRequests(t.database.db);
  assert.ok(confirmed.some((c) => c.text.includes('石桥村村口') && c.category === '农业农村' && c.departmentId === 'nsz'));
  const result = await trainAndStore(t.database.db, t.clock.now(), 'test');
  assert.equal(result.confirmed, confirmed.length);
  assert.equal(result.samples, shippedTrainingData().length + confirmed.length);
  const stored = await storedModel(t.database.db);
  assert.ok(stored);
  const c = classifierFor(stored.model).classify('村里的小桥栏杆断了');
  assert.ok(c.category.label && c.department.label);
});
