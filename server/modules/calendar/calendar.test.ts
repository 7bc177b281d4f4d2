import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { isChinese } from '../../test/fixtures.ts';

let t: TestContext;
before(async () => { t = await createTestContext(); });
after(async () => { await t.close(); });

const add = (from: string, days: number | string) => t.call(null, { method: 'GET', url: `/api/calendar/add-working-days?from=${from}&days=${days}` });

test('adding working days skips weekends and the 国庆 holiday and counts the 调休 Saturday', async () => {
  // Tue 29 Sep: Wed 30 Sep, (1–7 Oct off), Thu 8, Fri 9, Sat 10 (调休 working day), Mon 12.
  const r = await add('2026-09-29', 5);
  assert.equal(r.status, 200);
  assert.deepEqual(r.json, { date: '2026-10-12', provisional: false });
  assert.equal((await add('2026-03-06', 1)).json.date, '2026-03-09', 'Friday + 1 is Monday');
});

test('0 working days (即办) is the same day', async () => {
  assert.deepEqual((await add('2026-03-04', 0)).json, { date: '2026-03-04', provisional: false });
  assert.equal((await add('2026-10-03', 0)).json.date, '2026-10-03');
});

test('a date past the last published year is marked provisional', async () => {
  const r = await add('2026-12-30', 5);
  assert.equal(r.status, 200);
  assert.equal(r.json.provisional, true);
  assert.ok(r.json.date > '2027-01-01');
  assert.equal((await add('2026-12-01', 5)).json.provisional, false);
});

test('working days between two dates', async () => {
  const r = await t.call(null, { method: 'GET', url: '/api/calendar/working-days-between?from=2026-09-29&to=2026-10-12' });
  assert.equal(r.status, 200);
  assert.deepEqual(r.json, { days: 5 });
});

test('an invalid date is refused with 400 naming from', async () => {
  for (const from of ['2026-02-30', 'tomorrow', '2026-9-1']) {
    const r = await add(from, 1);
    assert.equal(r.status, 400, from);
    assert.equal(r.json.fields[0].field, 'from');
    assert.ok(isChinese(r.json.message));
  }
});

test('a negative or fractional number of days is refused with 400 naming days', async () => {
  for (const days of ['-1', '1.5', 'x']) {
    const r = await add('2026-03-02', days);
    assert.equal(r.status, 400, days);
    assert.equal(r.json.fields[0].field, 'days');
  }
});

test('a year shows its holidays, 调休 days and whether it is covered', async () => {
  const r = await t.call(null, { method: 'GET', url: '/api/calendar/years/2026' });
  assert.equal(r.status, 200);
  assert.equal(r.json.covered, true);
  assert.equal(r.json.provisional, false);
  const oct1 = r.json.days.find((d: { date: string }) => d.date === '2026-10-01');
  assert.deepEqual({ isOffDay: oct1.isOffDay, isWorkingDay: oct1.isWorkingDay, name: oct1.name }, { isOffDay: true, isWorkingDay: false, name: '国庆节' });
  const oct10 = r.json.days.find((d: { date: string }) => d.date === '2026-10-10');
  assert.equal(oct10.isWorkingDay, true);
  const next = await t.call(null, { method: 'GET', url: '/api/calendar/years/2027' });
  assert.equal(next.json.covered, false);
  assert.equal(next.json.provisional, true);
});

test('an administrator sets a weekday as a holiday and clears it again', async () => {
  const admin = await t.login('admin');
  const set = await t.call(admin, { method: 'PUT', url: '/api/calendar/days/2026-11-18', payload: { isOffDay: true, name: '测试假日' } });
  assert.equal(set.status, 200, set.body);
  const day = set.json.days.find((d: { date: string }) => d.date === '2026-11-18');
  assert.deepEqual({ isOffDay: day.isOffDay, name: day.name, updatedBy: day.updatedBy, isWorkingDay: day.isWorkingDay }, { isOffDay: true, name: '测试假日', updatedBy: 'admin', isWorkingDay: false });
  const cleared = await t.call(admin, { method: 'DELETE', url: '/api/calendar/days/2026-11-18' });
  assert.equal(cleared.status, 200);
  assert.ok(!cleared.json.days.some((d: { date: string }) => d.date === '2026-11-18'));
});

test('an administrator can make a Saturday a 调休 working day', async () => {
  const admin = await t.login('admin');
  assert.equal((await add('2026-11-20', 1)).json.date, '2026-11-23');
  const set = await t.call(admin, { method: 'PUT', url: '/api/calendar/days/2026-11-21', payload: { isOffDay: false, name: '调休' } });
  assert.equal(set.status, 200, set.body);
  assert.equal((await add('2026-11-20', 1)).json.date, '2026-11-21');
  await t.call(admin, { method: 'DELETE', url: '/api/calendar/days/2026-11-21' });
  assert.equal((await add('2026-11-20', 1)).json.date, '2026-11-23');
});

test('setting a day to what the weekend rule already says is refused with 400', async () => {
  const admin = await t.login('admin');
  const r = await t.call(admin, { method: 'PUT', url: '/api/calendar/days/2026-11-22', payload: { isOffDay: true, name: '周日' } });
  assert.equal(r.status, 400);
  assert.equal(r.json.fields[0].field, 'isOffDay');
});

test('an administrator marks a year covered, and its dates stop being provisional', async () => {
  const admin = await t.login('admin');
  assert.equal((await add('2028-03-01', 1)).json.provisional, true);
  const r = await t.call(admin, { method: 'PUT', url: '/api/calendar/years/2028', payload: { covered: true, source: '国务院办公厅通知（测试）' } });
  assert.equal(r.status, 200, r.body);
  assert.equal(r.json.covered, true);
  assert.equal(r.json.source, '国务院办公厅通知（测试）');
  assert.ok(r.json.coveredYears.includes(2028));
  assert.equal((await add('2028-03-01', 1)).json.provisional, false);
  const undo = await t.call(admin, { method: 'PUT', url: '/api/calendar/years/2028', payload: { covered: false } });
  assert.equal(undo.json.covered, false);
  assert.equal((await add('2028-03-01', 1)).json.provisional, true);
});

test('a weekday made a holiday changes add-working-days', async () => {
  const admin = await t.login('admin');
  assert.equal((await add('2026-11-02', 3)).json.date, '2026-11-05');
  await t.call(admin, { method: 'PUT', url: '/api/calendar/days/2026-11-04', payload: { isOffDay: true, name: '测试' } });
  assert.equal((await add('2026-11-02', 3)).json.date, '2026-11-06');
  const between = await t.call(null, { method: 'GET', url: '/api/calendar/working-days-between?from=2026-11-02&to=2026-11-06' });
  assert.equal(between.json.days, 3);
  await t.call(admin, { method: 'DELETE', url: '/api/calendar/days/2026-11-04' });
  assert.equal((await add('2026-11-02', 3)).json.date, '2026-11-05');
});

test('only administrators may edit the calendar: citizen and clerk 403, anonymous 401', async () => {
  const edits = [
    { method: 'PUT', url: '/api/calendar/days/2026-11-25', payload: { isOffDay: true, name: 'x' } },
    { method: 'DELETE', url: '/api/calendar/days/2026-11-25' },
    { method: 'PUT', url: '/api/calendar/years/2029', payload: { covered: true } },
  ] as const;
  for (const e of edits) {
    assert.equal((await t.call(await t.login('citizen'), e)).status, 403, `${e.method} ${e.url}`);
    assert.equal((await t.call(await t.login('clerk'), e)).status, 403, `${e.method} ${e.url}`);
    assert.equal((await t.call(null, e)).status, 401, `${e.method} ${e.url}`);
  }
  assert.equal((await add('2026-11-24', 1)).json.date, '2026-11-25', 'nothing changed');
});
