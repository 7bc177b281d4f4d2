// Who may see and act on a case: roles, departments, concurrent staff, personal data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { act, actOk, apply, detail, GA_ITEM, RSJ_ITEM } from '../../test/fixtures.ts';

let t: TestContext;
before(async () => { t = await createTestContext(); });
after(async () => { await t.close(); });

const get = async (username: string | null, url: string) => t.call(username ? await t.login(username) : null, { method: 'GET', url });
const listIds = async (username: string, query = '') => {
  const r = await get(username, `/api/applications?pageSize=100${query}`);
  assert.equal(r.status, 200, r.body);
  return (r.json.items as { id: string }[]).map((i) => i.id);
};

test("a citizen may never accept, even their own case (403), whatever its status", async () => {
  const c = await apply(t, 'citizen', GA_ITEM);
  const r = await act(t, 'citizen', c.id, 'accept');
  assert.equal(r.status, 403);
  assert.equal(r.json.code, 'FORBIDDEN');
  await actOk(t, 'citizen', c.id, 'withdraw');
  // The role is checked before the status: a finished case still answers 403, not 409.
  assert.equal((await act(t, 'citizen', c.id, 'accept')).status, 403);
  assert.equal((await act(t, 'citizen', c.id, 'approve')).status, 403);
});

test('a clerk may accept but may not approve (403)', async () => {
  const c = await apply(t, 'citizen', GA_ITEM);
  await actOk(t, 'clerk', c.id, 'accept');
  assert.equal((await act(t, 'clerk', c.id, 'approve')).status, 403);
  assert.equal((await act(t, 'admin', c.id, 'approve')).status, 403, 'administrators do not decide cases');
});

test("a reviewer of another department cannot see or act on the case (404)", async () => {
  const c = await apply(t, 'citizen', GA_ITEM);
  assert.equal((await get('reviewer-rsj', `/api/applications/${c.id}`)).status, 404);
  const r = await act(t, 'reviewer-rsj', c.id, 'accept');
  assert.equal(r.status, 404);
  assert.equal(r.json.code, 'APPLICATION_NOT_FOUND');
  assert.equal((await detail(t, 'citizen', c.id)).status, 'submitted');
});

test("the department's own reviewer may accept its case", async () => {
  const c = await apply(t, 'citizen', GA_ITEM);
  const d = await actOk(t, 'reviewer-ga', c.id, 'accept');
  assert.equal(d.status, 'accepted');
  assert.equal(d.events.at(-1).actorRole, 'reviewer');
});

test('two staff acting on one case at once: one wins, the other gets 409', async () => {
  const c = await apply(t, 'citizen', GA_ITEM);
  const [a, b] = await Promise.all([
    act(t, 'clerk', c.id, 'accept'),
    act(t, 'reviewer-ga', c.id, 'request_correction', { missingMaterials: ['结婚证'] }),
  ]);
  assert.deepEqual([a.status, b.status].sort(), [200, 409], `${a.body}\n${b.body}`);
  const loser = a.status === 409 ? a : b;
  assert.equal(loser.json.code, 'ACTION_NOT_ALLOWED');
  const d = await detail(t, 'clerk', c.id);
  assert.equal(d.status, a.status === 200 ? 'accepted' : 'correction_required');
  assert.equal(d.events.length, 2, 'only the winner left an event');
});

test('acting on a version someone else has changed is refused with 409 VERSION_CONFLICT', async () => {
  const c = await apply(t, 'citizen', GA_ITEM);
  const seen = (await detail(t, 'reviewer-ga', c.id)).version;
  await actOk(t, 'clerk', c.id, 'accept', { version: seen });
  const stale = await act(t, 'reviewer-ga', c.id, 'approve', { version: seen });
  assert.equal(stale.status, 409);
  assert.equal(stale.json.code, 'VERSION_CONFLICT');
  assert.equal((await detail(t, 'reviewer-ga', c.id)).status, 'accepted');
  const fresh = (await detail(t, 'reviewer-ga', c.id)).version;
  assert.equal((await act(t, 'reviewer-ga', c.id, 'approve', { version: fresh })).status, 200);
});

test("another citizen cannot see or touch someone's case (404)", async () => {
  const c = await apply(t, 'citizen', GA_ITEM);
  const r = await get('citizen2', `/api/applications/${c.id}`);
  assert.equal(r.status, 404);
  assert.equal(r.json.code, 'APPLICATION_NOT_FOUND');
  assert.equal((await act(t, 'citizen2', c.id, 'withdraw')).status, 404);
  assert.ok(!(await listIds('citizen2')).includes(c.id));
  assert.equal((await get('citizen', '/api/applications/00000000-0000-4000-8000-000000000000')).status, 404);
  assert.equal((await get('citizen', '/api/applications/not-a-uuid')).status, 400);
});

test('the clerk sees every department; a reviewer only their own', async () => {
  const ga = await apply(t, 'citizen', GA_ITEM);
  const rsj = await apply(t, 'citizen', RSJ_ITEM);
  const clerk = await listIds('clerk');
  assert.ok(clerk.includes(ga.id) && clerk.includes(rsj.id));
  const reviewerRsj = await listIds('reviewer-rsj');
  assert.ok(reviewerRsj.includes(rsj.id));
  assert.ok(!reviewerRsj.includes(ga.id));
  assert.ok(!(await listIds('reviewer-rsj', '&departmentId=ga')).includes(ga.id), 'a filter cannot widen the scope');
  const reviewerGa = await listIds('reviewer-ga');
  assert.ok(reviewerGa.includes(ga.id) && !reviewerGa.includes(rsj.id));
  const mine = await listIds('citizen');
  assert.ok(mine.includes(ga.id) && mine.includes(rsj.id));
});

test('roles without a case list are refused: operator 403, anonymous 401', async () => {
  assert.equal((await get('operator', '/api/applications')).status, 403);
  assert.equal((await get(null, '/api/applications')).status, 401);
  assert.equal((await get('citizen', '/api/applications/summary')).status, 403);
  assert.equal((await get(null, '/api/applications/summary')).status, 401);
  assert.equal((await get('clerk', '/api/applications/summary')).status, 200);
});

test('the handling reviewer sees the full ID number; an administrator sees it masked', async () => {
  const c = await apply(t, 'citizen', GA_ITEM);
  const own = (await get('citizen', '/api/auth/me')).json.user;
  const reviewer = await detail(t, 'reviewer-ga', c.id);
  assert.equal(reviewer.applicant.idNumber, own.idNumber);
  assert.equal(reviewer.applicant.phone, own.phone);
  assert.equal(reviewer.applicant.name, '张三');
  const admin = await detail(t, 'admin', c.id);
  assert.match(admin.applicant.idNumber, /^\d{4}\*{10}[\dX]{4}$/);
  assert.equal(admin.applicant.phone, '138****5678');
  assert.equal(admin.applicant.name, '张*');
  assert.deepEqual(admin.formData, {});
  assert.ok(!JSON.stringify(admin).includes(own.idNumber));
  const adminList = await get('admin', `/api/applications?q=${c.caseNo}`);
  assert.equal(adminList.json.items[0].applicantName, '张*');
  const clerkList = await get('clerk', `/api/applications?q=${c.caseNo}`);
  assert.equal(clerkList.json.items[0].applicantName, '张三');
});
