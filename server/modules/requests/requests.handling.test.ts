// The hotline's configuration and background work over real HTTP: direct-dispatch rules, time limits,
// disputed returns, the citizen's own rating, attachments, deadline warnings, overdue notices and the SMS sender.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestContext, multipart, SAMPLE, type TestContext } from '../../test/harness.ts';

let t: TestContext;
before(async () => { t = await createTestContext(); });
after(async () => { await t.close(); });

const file = (payload: Record<string, unknown>, token: string | null = null) => t.call(token, { method: 'POST', url: '/api/requests', payload });
const act = (token: string, id: string, payload: Record<string, unknown>) => t.call(token, { method: 'POST', url: `/api/requests/${id}/actions`, payload });
const inbox = async (username: string) => (await t.call(await t.login(username), { method: 'GET', url: '/api/notifications?pageSize=50' })).json.items as { title: string; body: string; link: string }[];

test('an admin direct-dispatch rule (category + street → department) outranks the classifier', async () => {
  const admin = await t.login('admin');
  const rules = '/api/admin/requests/dispatch-rules';
  assert.equal((await t.call(await t.login('operator'), { method: 'GET', url: rules })).status, 403);
  const bad = await t.call(admin, { method: 'POST', url: rules, payload: { category: '不存在', departmentId: 'cgj' } });
  assert.equal(bad.status, 400);
  assert.equal((await t.call(admin, { method: 'POST', url: rules, payload: { category: '城乡建设', streetId: 'cgj', departmentId: 'cgj' } })).status, 400, 'the street must be a street');
  const text = '东城花园小区门口的路灯坏了一个多星期，晚上很黑';
  const plain = (await file({ text, phone: '13900012001' })).json;
  const category = plain.classification.category;
  const created = await t.call(admin, { method: 'POST', url: rules, payload: { category, streetId: 'dcjd', departmentId: 'dcjd', note: '东城街道辖区先由街道处置' } });
  assert.equal(created.status, 201, created.body);
  assert.equal((await t.call(admin, { method: 'POST', url: rules, payload: { category, streetId: 'dcjd', departmentId: 'cgj' } })).status, 409);
  const ruled = (await file({ text, phone: '13900012002' })).json;
  assert.equal(ruled.classification.departmentId, 'dcjd');
  const elsewhere = (await file({ text: text.replace('东城花园', '竹林村'), phone: '13900012003' })).json;
  assert.notEqual(elsewhere.classification.departmentId === 'dcjd' && elsewhere.classification.category === category, true, 'the rule holds only in its street');
  const list = (await t.call(admin, { method: 'GET', url: rules })).json.rules;
  assert.ok(list.some((r: { id: number; departmentId: string }) => r.id === created.json.id && r.departmentId === 'dcjd'));
  assert.equal((await t.call(admin, { method: 'DELETE', url: `${rules}/${created.json.id}` })).status, 204);
  assert.equal((await t.call(admin, { method: 'DELETE', url: `${rules}/${created.json.id}` })).status, 404);
});

test('time limits are configurable and set the due date of new requests', async () => {
  const admin = await t.login('admin');
  const limits = (await t.call(null, { method: 'GET', url: '/api/requests/meta' })).json.timeLimits;
  assert.equal(limits.days['建议'], 10);
  const bad = await t.call(admin, { method: 'PUT', url: '/api/admin/requests/time-limits', payload: { urgentHours: 0, days: limits.days } });
  assert.equal(bad.status, 400);
  assert.match(bad.json.message, /[\u4e00-\u9fa5]/);
  const days = Object.fromEntries(Object.keys(limits.days).map((k) => [k, 20]));
  assert.equal((await t.call(admin, { method: 'PUT', url: '/api/admin/requests/time-limits', payload: { urgentHours: 4, days } })).status, 200);
  const r = (await file({ text: '建议在西湖新村门口增设一个公交站台，方便老人出行', phone: '13900012010' })).json;
  const days20 = (new Date(r.dueAt).getTime() - t.clock.now().getTime()) / 86_400_000;
  assert.ok(days20 > 20, `20 working days is more than 20 calendar days (got ${days20.toFixed(1)})`);
  await t.call(admin, { method: 'PUT', url: '/api/admin/requests/time-limits', payload: limits });
});

test('a disputed return is decided by the hotline: back to the same department needs a reason', async () => {
  const operator = await t.login('operator');
  const cgj = await t.login('handler-cgj');
  const r = (await file({ text: '望江社区菜市场门口占道经营，人行道都堵死了', phone: '13900012020' })).json;
  await act(operator, r.id, { action: 'dispatch', departmentId: 'cgj' });
  await act(cgj, r.id, { action: 'return', comment: '应由街道处理' });
  assert.equal((await act(operator, r.id, { action: 'dispatch', departmentId: 'cgj' })).status, 400, 'rejecting a return needs a reason');
  const back = await act(operator, r.id, { action: 'dispatch', departmentId: 'cgj', comment: '占道经营属城管执法职责，退单不成立' });
  assert.equal(back.json.status, 'dispatched');
  assert.equal(back.json.departmentId, 'cgj');
  const decided = (await t.database.db.selectFrom('requestEvents').select('data').where('requestId', '=', r.id).where('action', '=', 'dispatch').orderBy('id', 'desc').executeTakeFirstOrThrow()).data as { returnDecision: string };
  assert.equal(decided.returnDecision, 'rejected');
});

test('the citizen rates the answer to their own request; nobody else can', async () => {
  const citizen = await t.login('citizen');
  const operator = await t.login('operator');
  const sthj = await t.login('handler-sthj');
  const r = (await file({ text: '柳岸小区旁边的工地晚上十一点还在施工，噪音很大', phone: '13900012030' }, citizen)).json;
  await act(operator, r.id, { action: 'dispatch', departmentId: 'sthj' });
  await act(sthj, r.id, { action: 'sign' });
  await act(sthj, r.id, { action: 'reply', result: 'resolved', comment: '已责令工地夜间停工。' });
  await act(operator, r.id, { action: 'approve_reply' });
  const mine = (await t.call(citizen, { method: 'GET', url: `/api/requests/${r.id}` })).json;
  assert.deepEqual(mine.allowedActions, ['callback']);
  assert.equal((await act(await t.login('citizen2'), r.id, { action: 'callback', satisfaction: 'satisfied' })).status, 404);
  assert.equal((await act(sthj, r.id, { action: 'callback', satisfaction: 'satisfied' })).status, 403);
  const rated = await act(citizen, r.id, { action: 'callback', satisfaction: 'basically_satisfied', comment: '晚上安静多了' });
  assert.equal(rated.status, 200, rated.body);
  assert.equal(rated.json.status, 'closed');
  assert.equal(rated.json.satisfaction, 'basically_satisfied');
});

test('attachments: only your own files; the assigned department can read them, another cannot', async () => {
  const citizen = await t.login('citizen');
  const up = await t.call(citizen, { method: 'POST', url: '/api/files', ...multipart('file', '现场照片.png', SAMPLE.png) });
  assert.equal(up.status, 201, up.body);
  const other = await t.call(await t.login('citizen2'), { method: 'POST', url: '/api/files', ...multipart('file', 'x.png', SAMPLE.png) });
  assert.equal((await file({ text: '春晖社区垃圾站满了没人清运，臭味很大', attachmentIds: [other.json.fileId] }, citizen)).status, 400);
  assert.equal((await file({ text: '春晖社区垃圾站满了没人清运，臭味很大', anonymous: true, attachmentIds: [up.json.fileId] })).status, 400, 'anonymous filers cannot attach');
  const r = (await file({ text: '春晖社区垃圾站满了没人清运，臭味很大', attachmentIds: [up.json.fileId] }, citizen)).json;
  await act(await t.login('operator'), r.id, { action: 'dispatch', departmentId: 'cgj' });
  const seen = (await t.call(await t.login('handler-cgj'), { method: 'GET', url: `/api/requests/${r.id}` })).json;
  assert.deepEqual(seen.attachments.map((a: { fileId: string; name: string }) => [a.fileId, a.name]), [[up.json.fileId, '现场照片.png']]);
  assert.equal((await t.call(await t.login('handler-cgj'), { method: 'GET', url: `/api/files/${up.json.fileId}` })).status, 200);
  assert.equal((await t.call(await t.login('handler-ga'), { method: 'GET', url: `/api/files/${up.json.fileId}` })).status, 404);
});

test('deadline warnings and overdue notices go out once; overdue requests are on the supervision list; SMS are sent', async () => {
  const operator = await t.login('operator');
  const start = t.clock.now();
  const r = (await file({ text: '南山村的自来水这两天一直发黄，没法做饭', phone: '13900012040' })).json;
  await act(operator, r.id, { action: 'dispatch', departmentId: 'nsz' });
  const due = new Date(r.dueAt);
  // Just past 80 % of the time limit: a warning to the department's handlers.
  t.clock.set(new Date(start.getTime() + 0.85 * (due.getTime() - start.getTime())));
  await t.app.jobs.tick();
  const warned = (await inbox('handler-nsz')).filter((n) => n.link === `/desk/requests/${r.id}`);
  assert.deepEqual(warned.map((n) => n.title), ['诉求即将到期']);
  const list = (await t.call(await t.login('operator'), { method: 'GET', url: '/api/requests?warning=true&pageSize=100' })).json.items;
  assert.ok(list.some((x: { id: string; warning: boolean }) => x.id === r.id && x.warning));
  // Past due: the department and the supervisors hear of it, once.
  t.clock.set(new Date(due.getTime() + 60_000));
  await t.app.jobs.tick();
  t.clock.set(new Date(due.getTime() + 120_000));
  await t.app.jobs.tick();
  assert.deepEqual((await inbox('handler-nsz')).filter((n) => n.link === `/desk/requests/${r.id}`).map((n) => n.title).sort(), ['诉求即将到期', '诉求已超期']);
  assert.equal((await inbox('supervisor')).filter((n) => n.link === `/desk/requests/${r.id}` && n.title === '诉求已超期').length, 1);
  const overdue = (await t.call(await t.login('supervisor'), { method: 'GET', url: '/api/requests?overdue=true&pageSize=100' })).json.items;
  assert.ok(overdue.some((x: { id: string; overdue: boolean }) => x.id === r.id && x.overdue));
  // The receipts went to the gateway (the demo gateway writes a log in the data folder).
  const pending = await t.database.db.selectFrom('smsOutbox').select('id').where('sentAt', 'is', null).execute();
  assert.equal(pending.length, 0);
  const log = readFileSync(join(t.config.dataDir, 'sms.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(log.some((m) => m.phone === '13900012040' && m.body.includes(r.ticketNo)));
  t.clock.set(start);
});

test('a duplicate is merged into the request it repeats; its filer gets the same answer', async () => {
  const operator = await t.login('operator');
  const cgj = await t.login('handler-cgj');
  const first = (await file({ text: '西湖新村3号楼前的井盖不见了，晚上很危险', phone: '13900012050' })).json;
  const again = (await file({ text: '西湖新村3号楼门前井盖丢了，很危险', phone: '13900012051' })).json;
  assert.ok(again.duplicates.some((d: { id: string }) => d.id === first.id), 'proposed as a duplicate');
  assert.equal((await act(operator, again.id, { action: 'merge' })).status, 400, 'merge needs the target');
  assert.equal((await act(operator, again.id, { action: 'merge', duplicateOf: again.id })).status, 400);
  assert.equal((await act(cgj, again.id, { action: 'merge', duplicateOf: first.id })).status, 404);
  const merged = await act(operator, again.id, { action: 'merge', duplicateOf: first.id });
  assert.equal(merged.status, 200, merged.body);
  assert.equal(merged.json.status, 'closed');
  assert.equal(merged.json.duplicateOf, first.id);
  assert.deepEqual(merged.json.allowedActions, [], 'a merged duplicate is handled on its main request');
  assert.equal((await act(operator, again.id, { action: 'reopen', comment: '再看看' })).status, 409);
  await act(operator, first.id, { action: 'dispatch', departmentId: 'cgj' });
  await act(cgj, first.id, { action: 'sign' });
  await act(cgj, first.id, { action: 'reply', result: 'resolved', comment: '已补装井盖。' });
  await act(operator, first.id, { action: 'approve_reply' });
  const sms = await t.database.db.selectFrom('smsOutbox').select('body').where('phone', '=', '13900012051').orderBy('id').execute();
  assert.ok(sms.at(-1)!.body.includes('已补装井盖'), 'the duplicate filer hears the answer too');
});

test('the filer sees the answer only once the hotline sent it, and no notes between staff or staff names', async () => {
  const citizen = await t.login('citizen');
  const operator = await t.login('operator');
  const cgj = await t.login('handler-cgj');
  const r = (await file({ text: '春晖社区8栋旁边的树枝压到电线了，刮风时很危险', phone: '13900012060' }, citizen)).json;
  await act(operator, r.id, { action: 'dispatch', departmentId: 'ga' });
  await act(await t.login('handler-ga'), r.id, { action: 'return', comment: '内部说明：不属于公安职责' });
  await act(operator, r.id, { action: 'dispatch', departmentId: 'cgj' });
  await act(cgj, r.id, { action: 'sign' });
  await act(cgj, r.id, { action: 'reply', result: 'resolved', comment: '已修剪树枝。' });
  const under = (await t.call(citizen, { method: 'GET', url: `/api/requests/${r.id}` })).json;
  assert.equal(under.replyText, null, 'not before the hotline approved it');
  assert.ok(under.events.every((e: { comment: string | null; actorName: string }) => e.comment === null && !/handler|operator/.test(e.actorName)));
  await act(operator, r.id, { action: 'approve_reply' });
  await act(citizen, r.id, { action: 'callback', satisfaction: 'satisfied', comment: '谢谢' });
  const done = (await t.call(citizen, { method: 'GET', url: `/api/requests/${r.id}` })).json;
  assert.equal(done.replyText, '已修剪树枝。');
  const callback = done.events.find((e: { action: string }) => e.action === 'callback');
  assert.equal(callback.satisfaction, 'satisfied');
  assert.equal(callback.comment, '谢谢');
  const staffView = (await t.call(operator, { method: 'GET', url: `/api/requests/${r.id}` })).json;
  assert.ok(staffView.events.some((e: { comment: string | null }) => e.comment === '内部说明：不属于公安职责'));
});

test('an enterprise request names the company; the list can be sorted newest first', async () => {
  const ent = await t.login('enterprise');
  const r = (await file({ text: '园区门口的道路坑洼不平，货车进出困难', channel: 'enterprise' }, ent)).json;
  const seen = (await t.call(await t.login('operator'), { method: 'GET', url: `/api/requests/${r.id}` })).json;
  assert.match(seen.contactName, /（.+公司.*）|（.+）/);
  const newest = (await t.call(ent, { method: 'GET', url: '/api/requests?sort=newest' })).json.items;
  assert.equal(newest[0].id, r.id);
  assert.equal((await t.call(ent, { method: 'GET', url: '/api/requests?sort=oldest' })).status, 400);
});

test('a co-handling department sees the request but only the lead department signs and replies; a call keeps no operator name', async () => {
  const operator = await t.login('operator');
  const r = (await file({ text: '来电反映湖滨社区河边护栏断了两节', channel: 'phone', phone: '13900012070' }, operator)).json;
  assert.equal((await t.call(operator, { method: 'GET', url: `/api/requests/${r.id}` })).json.contactName, null);
  await act(operator, r.id, { action: 'dispatch', departmentId: 'cgj', coDepartmentIds: ['xhjd'] });
  const co = await t.login('handler-xhjd');
  const seen = (await t.call(co, { method: 'GET', url: `/api/requests/${r.id}` })).json;
  assert.deepEqual(seen.allowedActions, []);
  const refused = await act(co, r.id, { action: 'sign' });
  assert.equal(refused.status, 403);
  assert.match(refused.json.message, /主办部门/);
  assert.deepEqual((await t.call(await t.login('handler-cgj'), { method: 'GET', url: `/api/requests/${r.id}` })).json.allowedActions.sort(), ['return', 'sign']);
});
