// Demo 12345 requests: seeded into a test database (which starts with none) at the test clock's now, then
// checked as the demo shows them: once only, valid workflow paths, plausible dashboard figures, the
// department's queue, and nothing for the deadline and SMS jobs to send.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../test/harness.ts';
import { createRequestJobs } from '../modules/requests/requests.jobs.ts';
import { chinaDate } from '../../domain/calendar.ts';
import { nextRequestStatus, RequestStatus, type RequestAction } from '../../domain/requests.ts';
import { seedDemoRequests } from './demo-requests.ts';

let t: TestContext;
let inserted = 0;
let tookMs = 0;
let notificationsBefore = 0;

const count = async (table: 'requests' | 'smsOutbox' | 'notifications') =>
  Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

before(async () => {
  t = await createTestContext();
  assert.equal(await count('requests'), 0, 'the test database starts with no requests');
  notificationsBefore = await count('notifications');
  const started = Date.now();
  inserted = await seedDemoRequests(t.database.db, t.clock.now());
  tookMs = Date.now() - started;
});
after(async () => { await t.close(); });

const requests = () => t.database.db.selectFrom('requests').selectAll().orderBy('receivedAt').execute();

test('about 240 requests over the last 30 days, inserted once, quickly, with ticket numbers of their day', async () => {
  assert.ok(inserted >= 200 && inserted <= 280, `inserted ${inserted}`);
  assert.equal(await count('requests'), inserted);
  assert.ok(tookMs < 5000, `seeding took ${tookMs} ms`);
  assert.equal(await seedDemoRequests(t.database.db, t.clock.now()), 0, 'a second call adds nothing');
  assert.equal(await count('requests'), inserted);

  const now = t.clock.now();
  const rows = await requests();
  const tickets = new Set(rows.map((r) => r.ticketNo));
  assert.equal(tickets.size, rows.length, 'ticket numbers are unique');
  for (const r of rows) {
    const at = new Date(r.receivedAt);
    assert.ok(at <= now && now.getTime() - at.getTime() <= 30 * 86_400_000, `${r.ticketNo} received ${at.toISOString()}`);
    assert.match(r.ticketNo, /^\d{14}$/);
    assert.equal(r.ticketNo.slice(0, 8), chinaDate(at).replaceAll('-', ''));
  }
  // The numbers come from the ticket sequence, so real requests filed later never collide with them.
  const { rows: [seq] } = await sql<{ last: string }>`SELECT last_value::text AS last FROM request_ticket_seq`.execute(t.database.db);
  assert.equal(Number(seq!.last), Math.max(...rows.map((r) => Number(r.ticketNo.slice(8)))));
});

test('a realistic mix: every status, a few returned, overdue and supervised, channels and filers', async () => {
  const rows = await requests();
  const now = t.clock.now();
  const by = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).length;
  for (const s of Object.values(RequestStatus)) assert.ok(by((r) => r.status === s) >= 1, `some requests are ${s}`);
  assert.ok(by((r) => r.status === 'closed') > rows.length * 0.7, 'most are closed');
  const returned = by((r) => r.status === 'returned');
  assert.ok(returned >= 2 && returned <= 4, `returned ${returned}`);
  const overdue = by((r) => r.status !== 'closed' && new Date(r.dueAt) < now);
  assert.ok(overdue >= 3 && overdue <= 5, `overdue ${overdue}`);
  const supervised = by((r) => r.supervised);
  assert.ok(supervised >= 1 && supervised <= 2, `supervised ${supervised}`);
  assert.ok(by((r) => r.urgent) >= 1 && by((r) => r.urgent) < 20);
  assert.ok(by((r) => r.reopenCount > 0 && r.status === 'closed') >= 1, 'some were redone, then closed');
  assert.ok(by((r) => r.anonymous) >= 1 && by((r) => r.confidential) >= 1);
  const channels = new Set(rows.map((r) => r.channel));
  for (const c of ['phone', 'web', 'enterprise']) assert.ok(channels.has(c), `channel ${c}`);
  assert.ok(by((r) => r.channel === 'phone') + by((r) => r.channel === 'web') > rows.length * 0.8, 'mostly phone and web');
  assert.ok(by((r) => r.streetId !== null && r.community !== null) >= 10, 'places named in the text are recognised');
  for (const r of rows) if (r.phone && !r.citizenId) assert.match(r.phone, /^139\d{8}$/);
});

test('every request walks a valid path of the workflow, its events in time order', async () => {
  const rows = await requests();
  const events = await t.database.db.selectFrom('requestEvents').selectAll().orderBy('id').execute();
  const now = t.clock.now();
  for (const r of rows) {
    const evs = events.filter((e) => e.requestId === r.id);
    assert.equal(evs[0]?.action, 'receive', r.ticketNo);
    assert.equal(evs[0]!.fromStatus, null);
    assert.equal(evs[0]!.toStatus, 'received');
    assert.equal(new Date(evs[0]!.at).getTime(), new Date(r.receivedAt).getTime());
    for (let i = 1; i < evs.length; i++) {
      const [prev, e] = [evs[i - 1]!, evs[i]!];
      const where = `${r.ticketNo} #${i} ${e.action}`;
      assert.equal(e.fromStatus, prev.toStatus, where);
      const expected = nextRequestStatus(e.fromStatus as RequestStatus, e.action as RequestAction);
      const redo = e.action === 'callback' && (e.data as { satisfaction?: string }).satisfaction === 'unsatisfied' && e.toStatus === 'processing';
      assert.ok(expected === e.toStatus || redo, `${where}: ${e.fromStatus} → ${e.toStatus}`);
      assert.ok(new Date(e.at) > new Date(prev.at) && new Date(e.at) <= now, `${where} at ${new Date(e.at).toISOString()}`);
      if (e.actorRole === 'handler') assert.equal(e.actorName, `handler-${e.departmentId}`, where);
      if (['operator', 'supervisor', 'handler'].includes(e.actorRole)) assert.ok(e.actorId, `${where}: a demo account acts`);
    }
    const last = evs.at(-1)!;
    assert.equal(last.toStatus, r.status, r.ticketNo);
    assert.equal(r.version, evs.length, `${r.ticketNo}: one version per action`);
    assert.equal(r.labelsConfirmed, false, `${r.ticketNo}: demo texts are training examples already; they must not count twice in npx tongban train`);
    assert.equal(r.returnsCount, evs.filter((e) => e.action === 'return').length);
    if (r.status === 'closed') assert.equal(new Date(r.closedAt!).getTime(), new Date(last.at).getTime());
  }
});

test('the dashboard of the last 30 days shows plausible figures', async () => {
  const res = await t.call(await t.login('supervisor'), { method: 'GET', url: '/api/requests/stats' });
  assert.equal(res.status, 200, res.body);
  const s = res.json.totals;
  assert.equal(s.received, inserted);
  assert.ok(s.closed > inserted * 0.7);
  assert.ok(s.onTimeRate >= 0.85 && s.onTimeRate <= 1, `onTimeRate ${s.onTimeRate}`);
  assert.ok(s.satisfactionRate >= 0.8 && s.satisfactionRate < 1, `satisfactionRate ${s.satisfactionRate}`);
  assert.ok(s.resolutionRate > 0.3 && s.resolutionRate < 1, `resolutionRate ${s.resolutionRate}`);
  assert.ok(s.overdue >= 1, `overdue ${s.overdue}`);
  assert.ok(s.returns >= 2, `returns ${s.returns}`);
  assert.ok(s.supervised >= 1 && s.reopened >= 1 && s.urgent >= 1);
  assert.ok(res.json.series.filter((b: { received: number }) => b.received > 0).length >= 25, 'requests on most days');
});

test('a department handler finds its requests in its queue', async () => {
  const { departmentId, n } = await t.database.db.selectFrom('requests').select(['departmentId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '<>', 'received').groupBy('departmentId').orderBy('n', 'desc').executeTakeFirstOrThrow();
  const withCo = await t.database.db.selectFrom('requests').select('id').where('status', '<>', 'received')
    .where((eb) => eb.or([eb('departmentId', '=', departmentId), eb(eb.val(departmentId), '=', eb.fn.any('coDepartmentIds'))])).execute();
  assert.ok(Number(n) >= 5, `${departmentId} has ${n}`);
  const token = await t.login(`handler-${departmentId}`);
  const list = await t.call(token, { method: 'GET', url: '/api/requests?pageSize=100' });
  assert.equal(list.status, 200, list.body);
  assert.equal(list.json.total, withCo.length);
  const open = list.json.items.find((r: { status: string }) => r.status !== 'closed') ?? list.json.items[0];
  const detail = await t.call(token, { method: 'GET', url: `/api/requests/${open.id}` });
  assert.equal(detail.status, 200, detail.body);
  assert.ok(detail.json.events.length >= 2);
});

test('nothing for the jobs to send: no SMS, no notices, deadline notices already past marked as sent', async () => {
  assert.equal(await count('smsOutbox'), 0);
  assert.equal(await count('notifications'), notificationsBefore);
  const sent: string[] = [];
  const jobs = createRequestJobs(t.database.db, t.clock, { kind: 'file', send: async (phone) => { sent.push(phone); } });
  assert.deepEqual(await jobs.sweepDeadlines(), { warnings: 0, overdue: 0 });
  assert.deepEqual(await jobs.sendSms(), { sent: 0, failed: 0 });
  assert.equal(await count('notifications'), notificationsBefore);
  assert.deepEqual(sent, []);
});
