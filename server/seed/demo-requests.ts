// Demo 12345 requests (演示诉求): about 240 requests received over the 30 days before `now`, so a fresh demo
// shows full desk queues and a live dashboard. Only into an empty requests table, and only from server/main.ts
// in demo mode (never from seedDemo: the tests start with no requests). The texts are our own written examples
// (data/requests/examples); each request walks a valid path of the workflow (domain/requests.ts) with its events
// in order, timed by the working calendar (departments work office hours on working days, the hotline every day).
// Deterministic for a given `now` (seeded PRNG). No SMS, inbox notices or audit entries are written for demo
// data, and deadline notices already due are marked as sent, so the jobs send nothing for it.
import { sql } from 'kysely';
import type { Db, Executor } from '../platform/db/index.ts';
import type { RequestEventsTable, RequestsTable } from '../platform/db/schema.ts';
import { addDays, chinaDate, endOfWorkingDay, isWorkingDay, makeCalendar } from '../../domain/calendar.ts';
import { DEFAULT_TIME_LIMITS, isUrgent, requestDueAt, RequestType, type ReplyResult, type TimeLimits } from '../../domain/requests.ts';
import * as calendarRepo from '../modules/calendar/calendar.repo.ts';
import { shippedCategories, shippedExamples, shippedPlaces } from '../modules/requests/classifier/training.ts';
import { chinaAt, DAY, MIN, prng, userActor, uuid, walk, type Actor, type Ctx, type Example, type Plan, type Rng, type Walk } from './demo-requests.walk.ts';

const COUNT = 240;
const DAYS = 30;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const ENTERPRISE_CUE = /公司|企业|我们厂|门店|营业执照|个体户|商户/;

const REQUEST_COLUMNS = {
  id: 'uuid', ticketNo: 'text', channel: 'text', text: 'text', type: 'text', category: 'text', departmentId: 'text', coDepartmentIds: 'text[]',
  status: 'text', version: 'int', contactName: 'text', phone: 'text', anonymous: 'boolean', confidential: 'boolean', streetId: 'text',
  community: 'text', citizenId: 'uuid', createdBy: 'uuid', open311ClientId: 'bigint', classification: 'jsonb', labelsConfirmed: 'boolean',
  urgent: 'boolean', receivedAt: 'timestamptz', dueAt: 'timestamptz', warnAt: 'timestamptz', extensionDays: 'int', extensionRequested: 'int',
  replyResult: 'text', replyText: 'text', repliedAt: 'timestamptz', satisfaction: 'text', reopenCount: 'int', returnsCount: 'int',
  supervised: 'boolean', warnedAt: 'timestamptz', overdueNotifiedAt: 'timestamptz', superviseDueAt: 'timestamptz', closedAt: 'timestamptz',
  closedOnTime: 'boolean', updatedAt: 'timestamptz',
} satisfies Partial<Record<keyof RequestsTable, string>>;
const EVENT_COLUMNS = {
  requestId: 'uuid', action: 'text', fromStatus: 'text', toStatus: 'text', departmentId: 'text', actorId: 'uuid', actorName: 'text',
  actorRole: 'text', comment: 'text', data: 'jsonb', at: 'timestamptz',
} satisfies Partial<Record<keyof RequestEventsTable, string>>;

/**
 * Many rows as ONE bind parameter (jsonb_to_recordset), in the given order: PGlite binds thousands of separate
 * parameters slowly. Every listed column is written (a missing value as NULL).
 */
async function insertRows(trx: Executor, table: string, columns: Record<string, string>, rows: object[]) {
  const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const names = Object.keys(columns);
  const json = JSON.stringify(rows.map((r, i) => Object.fromEntries([['seq_', i], ...names.map((c) => [snake(c), (r as Record<string, unknown>)[c] ?? null])])));
  const list = sql.raw(names.map(snake).join(', '));
  const defs = sql.raw(names.map((c) => `${snake(c)} ${columns[c]}`).join(', '));
  await sql`INSERT INTO ${sql.table(table)} (${list}) SELECT ${list} FROM jsonb_to_recordset(${json}::jsonb) AS x(seq_ int, ${defs}) ORDER BY seq_`.execute(trx);
}

/** When a request came in: more on working days and in working hours (China time), never after `now`. */
function receivedTime(ctx: Ctx, rng: Rng): Date {
  const today = chinaDate(ctx.now);
  for (;;) {
    const date = addDays(today, -rng.int(0, DAYS - 1));
    const working = isWorkingDay(ctx.cal, date);
    if (!working && rng.chance(0.6)) continue;
    const r = rng.next();
    const minute = working
      ? r < 0.78 ? rng.int(480, 1079) : r < 0.95 ? rng.int(1080, 1379) : (rng.int(1380, 1919) % 1440)
      : r < 0.85 ? rng.int(480, 1319) : (rng.int(1320, 1919) % 1440);
    const t = chinaAt(date, minute);
    if (t.getTime() < ctx.now.getTime() - 10 * MIN) return new Date(t.getTime() + rng.int(0, 59) * 1000);
  }
}

/**
 * Inserts about 240 demo requests received in the 30 days before `now`, with their events, if the requests
 * table is empty; returns how many it inserted (0 when there were requests already).
 */
export async function seedDemoRequests(db: Db, now: Date): Promise<number> {
  if (await db.selectFrom('requests').select('id').limit(1).executeTakeFirst()) return 0;
  const [days, years, setting, users, departments, open311] = await Promise.all([
    calendarRepo.allDays(db), calendarRepo.coveredYears(db),
    db.selectFrom('requestSettings').select('value').where('key', '=', 'timeLimits').executeTakeFirst(),
    db.selectFrom('users').select(['id', 'username', 'realName', 'phone', 'companyName']).where('isDemo', '=', true).execute(),
    db.selectFrom('departments').select('id').execute(),
    db.selectFrom('open311Clients').select('id').where('revokedAt', 'is', null).orderBy('id').limit(1).executeTakeFirst(),
  ]);
  const ctx: Ctx = {
    cal: makeCalendar(days, years.map((y) => y.year)),
    limits: (setting?.value as TimeLimits | undefined) ?? DEFAULT_TIME_LIMITS,
    now, users: new Map(users.map((u) => [u.username, u.id])),
  };
  const known = new Set(departments.map((d) => d.id));
  const categories = shippedCategories().filter((c) => c.defaultDepartmentIds.every((d) => known.has(d)));
  const places = shippedPlaces();
  const rng = prng(12345);

  // The texts: a shuffled sample of the examples whose department exists.
  const pool = rng.shuffle([...new Map((shippedExamples() as Example[]).filter((e) => known.has(e.departmentId) && categories.some((c) => c.name === e.category)).map((e) => [e.text, e])).values()]);
  const account = (username: string) => users.find((u) => u.username === username);
  const defaultsOf = (category: string) => categories.find((c) => c.name === category)?.defaultDepartmentIds ?? [];

  const plans = pool.slice(0, COUNT).map((ex, i): Plan & { r: Rng; contact: { contactName: string | null; phone: string | null; anonymous: boolean; confidential: boolean; citizenId: string | null; createdBy: string | null; open311ClientId: number | null } } => {
    const r = prng(Math.imul(i + 1, 0x9e3779b1));
    const receivedAt = receivedTime(ctx, r);
    const urgent = isUrgent(ex.text);
    const dueAt = requestDueAt(ex.type, urgent, receivedAt, ctx.limits, (from, days) => endOfWorkingDay(ctx.cal, from, days));
    // Channel and filer.
    const channel = ENTERPRISE_CUE.test(ex.text) && ex.type !== '表扬' && r.chance(0.5) ? 'enterprise' : open311 && r.chance(0.03) ? 'open311' : r.chance(0.6) ? 'phone' : 'web';
    const person = () => `${r.pick([...SURNAMES])}${r.chance(0.5) ? '先生' : '女士'}`;
    const phone = () => `139${String(r.int(0, 99_999_999)).padStart(8, '0')}`;
    const confidential = r.chance(ex.type === '举报' ? 0.2 : 0.02);
    let contact = { contactName: person() as string | null, phone: phone() as string | null, anonymous: false, confidential, citizenId: null as string | null, createdBy: null as string | null, open311ClientId: null as number | null };
    let receiver: Actor = { id: null, name: '群众', role: 'citizen' };
    if (channel === 'phone') {
      receiver = userActor(ctx, 'operator', 'operator');
      contact.createdBy = receiver.id;
      if (r.chance(0.06)) Object.assign(contact, { contactName: null, anonymous: true });
    } else if (channel === 'enterprise' && account('enterprise')) {
      const u = account('enterprise')!;
      receiver = { id: u.id, name: u.username, role: 'enterprise' };
      contact = { ...contact, contactName: u.companyName ? `${u.realName}（${u.companyName}）` : u.realName, phone: u.phone, citizenId: u.id, createdBy: u.id };
    } else if (channel === 'open311') {
      receiver = { id: null, name: 'Open311', role: 'citizen' };
      contact.open311ClientId = Number(open311!.id);
    } else if (r.chance(0.2)) Object.assign(contact, { contactName: null, phone: null, anonymous: true });
    else if (r.chance(0.25)) {
      const u = account(r.chance(0.6) ? 'citizen' : 'citizen2');
      if (u) {
        receiver = { id: u.id, name: u.username, role: 'citizen' };
        contact = { ...contact, contactName: u.realName, phone: u.phone, citizenId: u.id, createdBy: u.id };
      }
    }
    // The classifier's proposal: right most of the time, otherwise corrected by the operator at dispatch.
    const others = categories.filter((c) => c.name !== ex.category);
    const wrong = r.chance(0.12) ? r.pick(others) : undefined;
    const proposal = wrong ? { type: ex.type, category: wrong.name, departmentId: wrong.defaultDepartmentIds[0]! } : { type: ex.type, category: ex.category, departmentId: ex.departmentId };
    const conf = (lo: number, hi: number) => Math.round(r.between(lo, hi) * 1000) / 1000;
    const confidences = wrong ? { type: conf(0.5, 0.9), category: conf(0.35, 0.6), departmentId: conf(0.3, 0.55) } : { type: conf(0.55, 0.95), category: conf(0.6, 0.97), departmentId: conf(0.55, 0.95) };
    const alts = (top: number, labels: string[]) => labels.slice(0, 2).map((label, k) => ({ label, confidence: Math.round((1 - top) * (k ? 0.25 : 0.55) * 1000) / 1000 }));
    const deptAlts = [...new Set([...(wrong ? [ex.departmentId] : []), ...defaultsOf(proposal.category), ...defaultsOf(ex.category)])].filter((d) => d !== proposal.departmentId);
    const classification = {
      ...proposal, confidence: Math.min(confidences.category, confidences.departmentId), confidences,
      alternatives: {
        type: alts(confidences.type, r.shuffle(RequestType.filter((t) => t !== ex.type))),
        category: alts(confidences.category, [...(wrong ? [ex.category] : []), ...r.shuffle(others.filter((c) => c.name !== proposal.category).map((c) => c.name))]),
        departmentId: alts(confidences.departmentId, deptAlts),
      },
      urgent, duplicates: [],
    };
    // How it is handled.
    const result: ReplyResult = ex.type === '表扬' ? 'explained'
      : ex.type === '咨询' ? (r.chance(0.85) ? 'explained' : 'resolved')
      : ex.type === '建议' ? (r.chance(0.75) ? 'explained' : r.chance(0.8) ? 'resolved' : 'unsolvable')
      : r.chance(0.75) ? 'resolved' : r.chance(0.75) ? 'explained' : 'unsolvable';
    const unhappy = ex.type !== '表扬' && r.chance(result === 'unsolvable' ? 0.35 : 0.13);
    const co = r.chance(0.05) ? defaultsOf(ex.category).filter((d) => d !== ex.departmentId).slice(0, 1) : [];
    return {
      r, ex, proposal, classification, receivedAt, dueAt, urgent, receiver, channel, contact,
      canCallBack: !!(contact.phone || contact.citizenId), direct: channel === 'phone' && ex.type === '咨询' && !wrong && r.chance(0.2),
      co, extension: 0, extendPending: false, supervise: false, late: r.chance(0.04), result,
      firstSat: unhappy ? 'unsatisfied' : r.chance(0.62) ? 'satisfied' : 'basically_satisfied',
      redoClose: r.chance(0.7), secondSat: r.chance(0.5) ? 'satisfied' : 'basically_satisfied',
      citizenRates: !!contact.citizenId && r.chance(0.4),
    };
  }).sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());

  // Special paths, each on requests of a fitting age: waiting, returned, overdue (some 督办), replied, answered,
  // returned once and redispatched, extended.
  const age = (p: Plan) => (now.getTime() - p.receivedAt.getTime()) / DAY;
  const left = (p: Plan) => (p.dueAt.getTime() - now.getTime()) / DAY;
  const order = rng.shuffle(plans.map((_, i) => i));
  const choose = (n: number, fits: (p: Plan) => boolean, set: (p: Plan, k: number) => void) => {
    let k = 0;
    for (const i of order) {
      const p = plans[i]!;
      if (k < n && !p.direct && !p.urgent && !p.stall && !p.wrongDept && !p.extension && fits(p)) set(p, k++);
    }
  };
  [...plans].reverse().filter((p) => !p.direct && !p.urgent && left(p) > 0).slice(0, 2).forEach((p) => { p.stall = 'received'; });
  choose(3, (p) => age(p) >= 3 && age(p) <= 8 && left(p) > 1 && defaultsOf(p.ex.category).some((d) => d !== p.ex.departmentId), (p) => {
    p.stall = 'returned';
    p.wrongDept = defaultsOf(p.ex.category).find((d) => d !== p.ex.departmentId);
  });
  choose(4, (p) => left(p) < -2 && age(p) <= 15, (p, k) => { p.stall = k === 3 ? 'dispatched' : 'processing'; p.supervise = k < 2; p.extendPending = k === 2; });
  choose(2, (p) => age(p) >= 1 && age(p) <= 5 && left(p) > 0.5, (p) => { p.stall = 'replied'; });
  choose(2, (p) => age(p) >= 1.5 && age(p) <= 6 && left(p) > 0.5, (p) => { p.stall = 'answered'; });
  choose(3, (p) => age(p) >= 8 && defaultsOf(p.ex.category).some((d) => d !== p.ex.departmentId), (p) => { p.wrongDept = defaultsOf(p.ex.category).find((d) => d !== p.ex.departmentId); p.co = []; });
  choose(2, (p) => age(p) >= 8 && age(p) <= 25 && ctx.limits.days[p.ex.type] >= 5, (p) => { p.extension = 3; });
  for (const p of plans) if (p.stall) p.late = false;

  const walks = plans.map((p) => {
    const w = walk(p, ctx, p.r, false);
    // A request with no special path must not end up open past its due date: handled in good time instead.
    const overdue = (x: Walk) => x.s.status !== 'closed' && x.s.dueAt < now;
    return !p.stall && overdue(w) ? walk(p, ctx, p.r, true) : w;
  });

  const ids = plans.map(() => uuid(rng));
  return db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('requests').select('id').limit(1).executeTakeFirst()) return 0;
    const { rows: seq } = await sql<{ n: string }>`SELECT nextval('request_ticket_seq')::text AS n FROM generate_series(1, ${plans.length})`.execute(trx);
    const numbers = seq.map((s) => Number(s.n)).sort((a, b) => a - b);
    const requests = plans.map((p, i) => {
      const { s, events } = walks[i]!;
      const dispatchedAt = events.find((e) => e.action === 'dispatch')?.at;
      const end = s.closedAt ? new Date(s.closedAt) : now;
      const warnAt = new Date(p.receivedAt.getTime() + 0.8 * (p.dueAt.getTime() - p.receivedAt.getTime()));
      const place = places.find((x) => p.ex.text.includes(x.name));
      return {
        ...s, ...p.contact, id: ids[i]!, ticketNo: `${chinaDate(p.receivedAt).replaceAll('-', '')}${String(numbers[i]).padStart(6, '0')}`,
        channel: p.channel, text: p.ex.text, urgent: p.urgent, streetId: place?.streetId ?? null, community: place?.name ?? null,
        classification: p.classification, receivedAt: p.receivedAt, warnAt, updatedAt: events.at(-1)!.at,
        warnedAt: dispatchedAt && warnAt < end ? new Date(Math.max(warnAt.getTime(), dispatchedAt.getTime())) : null,
        overdueNotifiedAt: dispatchedAt && s.dueAt < end ? new Date(Math.max(s.dueAt.getTime(), dispatchedAt.getTime())) : null,
      };
    });
    await insertRows(trx, 'requests', REQUEST_COLUMNS, requests);
    await insertRows(trx, 'request_events', EVENT_COLUMNS, walks.flatMap((w, i) => w.events.map((e) => ({ ...e, requestId: ids[i]! }))));
    return plans.length;
  });
}
