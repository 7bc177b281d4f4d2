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
