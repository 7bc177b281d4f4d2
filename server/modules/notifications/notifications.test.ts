import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { actOk, apply, GA_ITEM } from '../../test/fixtures.ts';

let t: TestContext;
before(async () => { t = await createTestContext(); });
after(async () => { await t.close(); });

interface Note { id: number; title: string; body: string; link: string | null; createdAt: string; readAt: string | null }
const inbox = async (username: string, query = '') => {
  const r = await t.call(await t.login(username), { method: 'GET', url: `/api/notifications?pageSize=100${query}` });
  assert.equal(r.status, 200, r.body);
  return r.json as { items: Note[]; unread: number; total: number };
};
const markRead = async (username: string, id: number) => t.call(await t.login(username), { method: 'POST', url: `/api/notifications/${id}/read` });

test('the applicant is told when the case is submitted and when it is accepted', async () => {
  const c = await apply(t, 'citizen', GA_ITEM);
  await actOk(t, 'clerk', c.id, 'accept');
  const box = await inbox('citizen');
  const mine = box.items.filter((n) => n.title.includes(c.caseNo));
  assert.deepEqual(mine.map((n) => n.title), [`【受理】办件 ${c.caseNo}`, `【提交申请】办件 ${c.caseNo}`], 'newest first');
  assert.ok(mine.every((n) => n.readAt === null && n.link === `/my/cases/${c.id}`));
  assert.match(mine[0]!.body, /已受理/);
  assert.ok(!(await inbox('citizen2')).items.some((n) => n.title.includes(c.caseNo)), 'nobody else is told');
});

test('marking one message read lowers the unread count and hides it from the unread list', async () => {
  const c = await apply(t, 'citizen', GA_ITEM);
  const before = await inbox('citizen');
  const note = before.items.find((n) => n.title.includes(c.caseNo))!;
  const r = await markRead('citizen', note.id);
  assert.equal(r.status, 200, r.body);
  const after = await inbox('citizen');
  assert.equal(after.unread, before.unread - 1);
  assert.ok(after.items.find((n) => n.id === note.id)!.readAt);
  assert.ok(!(await inbox('citizen', '&unread=true')).items.some((n) => n.id === note.id));
  assert.equal((await markRead('citizen', note.id)).status, 200, 'marking it again is harmless');
});

test('read-all marks every message read', async () => {
  await apply(t, 'citizen', GA_ITEM);
  const before = await inbox('citizen');
  assert.ok(before.unread > 0);
  const r = await t.call(await t.login('citizen'), { method: 'POST', url: '/api/notifications/read-all' });
  assert.equal(r.status, 200);
  assert.equal(r.json.updated, before.unread);
  const after = await inbox('citizen');
  assert.equal(after.unread, 0);
  assert.equal(after.total, before.total);
  assert.deepEqual((await inbox('citizen', '&unread=true')).items, []);
});

test("someone else's message cannot be marked read (404) and stays unread for its owner", async () => {
  const c = await apply(t, 'citizen', GA_ITEM);
  await apply(t, 'citizen2', GA_ITEM); // citizen2 has messages of their own
  const note = (await inbox('citizen')).items.find((n) => n.title.includes(c.caseNo))!;
  const r = await markRead('citizen2', note.id);
  assert.equal(r.status, 404);
  assert.equal(r.json.code, 'NOTIFICATION_NOT_FOUND');
  assert.equal((await inbox('citizen')).items.find((n) => n.id === note.id)!.readAt, null);
  assert.equal((await markRead('citizen2', 999_999)).status, 404, 'a message that does not exist');
});

test('an anonymous caller must log in for the inbox (401)', async () => {
  assert.equal((await t.call(null, { method: 'GET', url: '/api/notifications' })).status, 401);
  assert.equal((await t.call(null, { method: 'POST', url: '/api/notifications/1/read' })).status, 401);
  assert.equal((await t.call(null, { method: 'POST', url: '/api/notifications/read-all' })).status, 401);
});
