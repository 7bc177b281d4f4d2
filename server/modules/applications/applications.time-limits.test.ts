// Time limits (时限) counted in working days of the official calendar, on a clock the tests move.
// 2026-09-29 is a Tuesday just before 国庆 (1–7 Oct off, Sat 10 Oct a 调休 working day).
import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { actOk, addWorkingDays, apply, detail, GA_ITEM } from '../../test/fixtures.ts';

const START = '2026-09-29T02:00:00Z'; // 10:00 in China
let t: TestContext;
before(async () => { t = await createTestContext({ now: START }); });
after(async () => { await t.close(); });
beforeEach(() => { t.clock.set(START); });
afterEach(() => closeOpened());

/** 10:00 China time on the given date. */
const on = (date: string) => t.clock.set(`${date}T02:00:00Z`);
const summary = async () => {
  const r = await t.call(await t.login('clerk'), { method: 'GET', url: '/api/applications/summary' });
  assert.equal(r.status, 200, r.body);
  return r.json as { submitted: number; correctionRequired: number; accepted: number; suspended: number; awaitingCompletion: number; warning: number; overdue: number };
};
const listed = async (caseNo: string) => {
  const r = await t.call(await t.login('clerk'), { method: 'GET', url: `/api/applications?q=${caseNo}` });
  assert.equal(r.json.items.length, 1);
  return r.json.items[0] as { dueDate: string; daysLeft: number; deadlineLevel: string | null };
};
/** A case accepted today; withdrawn again at the end of the test so it does not count in later ones. */
async function acceptedCase() {
  const c = await apply(t, 'citizen', GA_ITEM);
  const d = await actOk(t, 'clerk', c.id, 'accept');
  opened.push(c.id);
  return { ...c, ...d } as { id: string; caseNo: string; dueDate: string; warnDate: string; acceptDate: string; limitDays: number; daysLeft: number };
}
const opened: string[] = [];
async function closeOpened() {
  for (const id of opened.splice(0)) {
    const d = await detail(t, 'citizen', id);
    if (d.status === 'suspended') await actOk(t, 'reviewer-ga', id, 'resume');
    if ((await detail(t, 'citizen', id)).allowedActions.includes('withdraw')) await actOk(t, 'citizen', id, 'withdraw');
  }
}

test('the promised limit is counted in working days from acceptance and skips 国庆', async () => {
  const c = await acceptedCase();
  assert.equal(c.acceptDate, '2026-09-29');
  assert.equal(c.limitDays, 5);
  assert.equal(c.dueDate, await addWorkingDays(t, c.acceptDate, c.limitDays));
  assert.equal(c.dueDate, '2026-10-12');
  assert.ok(c.dueDate > '2026-10-07', 'after the holiday');
  assert.equal(c.daysLeft, 5);
  assert.equal((await listed(c.caseNo)).deadlineLevel, 'normal');
});

test('a special procedure stops the clock: the due date moves by exactly the working days suspended', async () => {
  const c = await acceptedCase();
  await actOk(t, 'reviewer-ga', c.id, 'suspend', { comment: '专家评审' });
  const suspendedOn = '2026-09-29';
  t.clock.advanceDays(10); // 2026-10-09, during which 3 working days pass (30 Sep, 8 Oct, 9 Oct)
  const waiting = await detail(t, 'reviewer-ga', c.id);
  assert.equal(waiting.daysLeft, 5, 'time left stands still while suspended');
  const resumed = await actOk(t, 'reviewer-ga', c.id, 'resume');
  const paused = (await t.call(null, { method: 'GET', url: `/api/calendar/working-days-between?from=${suspendedOn}&to=2026-10-09` })).json.days;
  assert.equal(paused, 3);
  assert.equal(resumed.pausedWorkingDays, paused);
  assert.equal(resumed.dueDate, await addWorkingDays(t, c.dueDate, paused));
  assert.equal(resumed.dueDate, '2026-10-15');
  assert.equal(resumed.status, 'accepted');
});

test('at 80 % of the promised time the case shows a warning, in the list and on the workbench', async () => {
  const c = await acceptedCase();
  assert.equal(c.warnDate, await addWorkingDays(t, c.acceptDate, Math.ceil(c.limitDays * 0.8)));
  on('2026-10-09');
  const before = await summary();
  assert.equal((await listed(c.caseNo)).deadlineLevel, 'normal');
  on(c.warnDate);
  assert.equal((await listed(c.caseNo)).deadlineLevel, 'warning');
  assert.equal((await summary()).warning, before.warning + 1);
});

test('past its due date a case counts as overdue on the workbench and in the list', async () => {
  const c = await acceptedCase();
  on(c.dueDate);
  const before = await summary();
  const lastDay = await listed(c.caseNo);
  assert.equal(lastDay.deadlineLevel, 'warning');
  assert.equal(lastDay.daysLeft, 0);
  on('2026-10-13');
  const after = await summary();
  assert.equal(after.overdue, before.overdue + 1);
  assert.equal(after.warning, before.warning - 1);
  const late = await listed(c.caseNo);
  assert.equal(late.deadlineLevel, 'overdue');
  assert.equal(late.daysLeft, -1);
  const overdueFirst = await t.call(await t.login('clerk'), { method: 'GET', url: '/api/applications?sort=timeLeft' });
  assert.equal(overdueFirst.json.items[0].id, c.id, 'the most urgent case comes first');
});

test('a holiday added by an administrator moves open due dates one working day later', async () => {
  const c = await acceptedCase();
  assert.equal(c.dueDate, '2026-10-12');
  const admin = await t.login('admin');
  const set = await t.call(admin, { method: 'PUT', url: '/api/calendar/days/2026-10-09', payload: { isOffDay: true, name: '测试' } });
  assert.equal(set.status, 200, set.body);
  const moved = await detail(t, 'citizen', c.id);
  assert.equal(moved.dueDate, await addWorkingDays(t, c.acceptDate, c.limitDays));
  assert.equal(moved.dueDate, '2026-10-13');
  const cleared = await t.call(admin, { method: 'DELETE', url: '/api/calendar/days/2026-10-09' });
  assert.equal(cleared.status, 200);
  assert.equal((await detail(t, 'citizen', c.id)).dueDate, '2026-10-12', 'and back when the holiday is removed');
});
