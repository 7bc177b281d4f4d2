import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { buildApp } from '../../app.ts';

let t: TestContext;
before(async () => {
  // Monday 2026-03-02, 10:00 in China.
  t = await createTestContext({ now: '2026-03-02T02:00:00Z' });
});
after(async () => { await t.close(); });

async function acceptedCase() {
  const citizen = await t.login('citizen');
  const created = await t.call(citizen, { method: 'POST', url: '/api/applications', payload: { itemCode: 'SFQ-GA-013', formData: {} } }); // 居住证核发, 7 working days
  assert.equal(created.status, 201, created.body);
  const accepted = await t.call(await t.login('clerk'), { method: 'POST', url: `/api/applications/${created.json.id}/actions`, payload: { action: 'accept' } });
  assert.equal(accepted.status, 200, accepted.body);
  return accepted.json as { id: string; caseNo: string; dueDate: string; warnDate: string; limitDays: number };
}

async function inbox(username: string) {
  const r = await t.call(await t.login(username), { method: 'GET', url: '/api/notifications?pageSize=100' });
  return (r.json.items as { title: string }[]).map((n) => n.title);
}

test('staff are warned once at 80 % of the time and the case is escalated once when overdue', async () => {
  const c = await acceptedCase();
  assert.ok(c.limitDays > 0, 'the item needs a time limit for this test');
  await t.app.jobs.tick();
  assert.ok(!(await inbox('reviewer-ga')).some((x) => x.includes(c.caseNo)), 'no alert on the first day');

  t.clock.set(`${c.warnDate}T02:00:00Z`);
  await t.app.jobs.tick();
  await t.app.jobs.tick();
  const warned = (await inbox('reviewer-ga')).filter((x) => x === `【即将到期】办件 ${c.caseNo}`);
  assert.equal(warned.length, 1, 'one warning, however often the sweep runs');
  assert.ok(!(await inbox('reviewer-rsj')).some((x) => x.includes(c.caseNo)), 'other departments are not told');

  const dayAfterDue = new Date(Date.parse(`${c.dueDate}T02:00:00Z`) + 86_400_000);
  t.clock.set(dayAfterDue);
  await t.app.jobs.tick();
  await t.app.jobs.tick();
  assert.equal((await inbox('reviewer-ga')).filter((x) => x === `【已超期】办件 ${c.caseNo}`).length, 1);
  assert.equal((await inbox('admin')).filter((x) => x === `【已超期】办件 ${c.caseNo}`).length, 1, 'escalated to the administrators');

  const audit = await t.call(await t.login('admin'), { method: 'GET', url: '/api/admin/audit?action=application.overdue' });
  assert.ok(audit.json.items.some((a: { targetId: string }) => a.targetId === c.id));
});

test('two server instances on one database send each alert once', async () => {
  t.clock.set('2026-04-01T02:00:00Z');
  const c = await acceptedCase();
  const second = await buildApp({ config: t.config, database: t.database, clock: t.clock });
  try {
    const dayAfterDue = new Date(Date.parse(`${c.dueDate}T02:00:00Z`) + 86_400_000);
    t.clock.set(dayAfterDue);
    await Promise.all([t.app.jobs.tick(), second.jobs.tick(), t.app.jobs.tick(), second.jobs.tick()]);
    const titles = (await inbox('reviewer-ga')).filter((x) => x === `【已超期】办件 ${c.caseNo}`);
    assert.equal(titles.length, 1);
    // Both instances serve the same data.
    const viaSecond = await second.inject({ method: 'GET', url: `/api/applications/${c.id}`, headers: { authorization: `Bearer ${await t.login('citizen')}` } });
    assert.equal(viaSecond.statusCode, 200);
    assert.equal(viaSecond.json().caseNo, c.caseNo);
  } finally {
    await second.close();
  }
});

test('a suspended case (special procedure) is not reported overdue', async () => {
  t.clock.set('2026-05-06T02:00:00Z');
  const c = await acceptedCase();
  const r = await t.call(await t.login('reviewer-ga'), { method: 'POST', url: `/api/applications/${c.id}/actions`, payload: { action: 'suspend', comment: '专家评审' } });
  assert.equal(r.status, 200, r.body);
  t.clock.set(new Date(Date.parse(`${c.dueDate}T02:00:00Z`) + 5 * 86_400_000));
  await t.app.jobs.tick();
  assert.ok(!(await inbox('reviewer-ga')).some((x) => x === `【已超期】办件 ${c.caseNo}`));
});
