// One demo 12345 request walking its path through the workflow (see demo-requests.ts): each step is the
// transition the real action makes (domain/requests.ts), timed by the working calendar (departments act in
// office hours of working days, the hotline every day from 8:00 to 21:00); steps after `now` are not taken.
import type { Insertable } from 'kysely';
import type { RequestEventsTable, RequestsTable } from '../platform/db/schema.ts';
import { addDays, chinaDate, endOfWorkingDay, isWorkingDay, type WorkingCalendar } from '../../domain/calendar.ts';
import { mulberry32 } from '../../domain/random.ts';
import {
  afterCallback, nextRequestStatus,
  type ReplyResult, type RequestAction, type RequestStatus, type RequestType, type Satisfaction, type TimeLimits,
} from '../../domain/requests.ts';

export const MIN = 60_000;
export const DAY = 1440 * MIN;
const OFFICE: [number, number] = [8 * 60 + 30, 17 * 60 + 30];
const HOTLINE_DAY: [number, number] = [8 * 60, 21 * 60];

export interface Example { text: string; type: RequestType; category: string; departmentId: string }
export interface Actor { id: string | null; name: string; role: string }
export type Stall = 'received' | 'dispatched' | 'returned' | 'processing' | 'replied' | 'answered';

const RETURN_REASONS = ['经核实，该事项不属于本单位职责范围，请改派相关部门。', '该地点不在本单位管辖范围，建议转属地街道办理。', '诉求内容涉及其他部门的行政职能，申请退回重新派单。'];
const REPLIES: Record<ReplyResult, string[]> = {
  resolved: ['经现场核实，已安排人员处理，问题已解决，并电话告知诉求人。', '已责成责任单位整改到位，复查无问题，已向诉求人反馈。', '已协调相关单位当天处理完毕，诉求人对处理情况表示认可。'],
  explained: ['已电话联系诉求人，就相关政策规定和办理流程作了解释说明，诉求人表示理解。', '经核实，该事项已按规定办理，已向诉求人说明有关情况。', '已告知诉求人办理渠道、所需材料和办理时限。'],
  unsolvable: ['经核实，该问题涉及历史遗留原因，短期内无法解决，已向诉求人说明情况并做好解释。', '诉求超出现行政策规定范围，暂无法满足，已向诉求人耐心解释。'],
};
const PRAISE_REPLY = '已将群众的表扬转达相关单位和人员，感谢您对我们工作的支持。';
const SUGGESTION_REPLY = '感谢您的建议，已转相关科室研究，将在后续工作中统筹考虑。';
const DIRECT_ANSWERS = ['已根据办事指南当场解答，来电人表示清楚。', '已告知来电人相关政策和办理地点，无需转办。'];

/** Seeded helpers over mulberry32, so the demo data is the same for the same start time. */
export function prng(seed: number) {
  const next = mulberry32(seed);
  return {
    next,
    between: (lo: number, hi: number) => lo + next() * (hi - lo),
    int: (lo: number, hi: number) => Math.floor(lo + next() * (hi - lo + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    /** A shuffled copy (Fisher–Yates). */
    shuffle<T>(xs: readonly T[]): T[] {
      const out = [...xs];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
}
export type Rng = ReturnType<typeof prng>;

const chinaMinute = (t: Date) => Math.floor(((t.getTime() + 480 * MIN) % DAY) / MIN);
export const chinaAt = (date: string, minute: number) => new Date(Date.parse(`${date}T00:00:00+08:00`) + minute * MIN);
export const plus = (t: Date, minutes: number) => new Date(t.getTime() + minutes * MIN);
export const uuid = (rng: Rng) => {
  const h = Array.from({ length: 32 }, () => rng.int(0, 15).toString(16));
  h[12] = '4';
  h[16] = '89ab'[rng.int(0, 3)]!;
  return `${h.slice(0, 8).join('')}-${h.slice(8, 12).join('')}-${h.slice(12, 16).join('')}-${h.slice(16, 20).join('')}-${h.slice(20).join('')}`;
};

/** `t` if it falls in these hours (of a working day, if asked), else the start of the next such period. */
function within(cal: WorkingCalendar, t: Date, hours: [number, number], workingOnly: boolean, rng: Rng, jitter = 45): Date {
  let date = chinaDate(t);
  const m = chinaMinute(t);
  const ok = (d: string) => !workingOnly || isWorkingDay(cal, d);
  if (ok(date) && m >= hours[0] && m < hours[1]) return t;
  if (!(ok(date) && m < hours[0])) do date = addDays(date, 1); while (!ok(date));
  return chinaAt(date, hours[0] + rng.int(0, jitter));
}

export interface Ctx {
  cal: WorkingCalendar;
  limits: TimeLimits;
  now: Date;
  users: Map<string, string>;
}
export const userActor = (ctx: Ctx, username: string, role: string): Actor => ({ id: ctx.users.get(username) ?? null, name: username, role });
const handler = (ctx: Ctx, dept: string) => userActor(ctx, `handler-${dept}`, 'handler');

/** What happens to one request, decided before its path is walked. */
export interface Plan {
  ex: Example;
  channel: string;
  proposal: { type: RequestType; category: string; departmentId: string };
  classification: Record<string, unknown>;
  receivedAt: Date;
  dueAt: Date;
  urgent: boolean;
  receiver: Actor;
  canCallBack: boolean;
  direct: boolean;
  stall?: Stall;
  wrongDept?: string;
  co: string[];
  extension: number;
  extendPending: boolean;
  supervise: boolean;
  late: boolean;
  result: ReplyResult;
  firstSat: Satisfaction;
  redoClose: boolean;
  secondSat: Satisfaction;
  citizenRates: boolean;
}

type State = Omit<Insertable<RequestsTable>, 'id' | 'ticketNo' | 'channel' | 'text' | 'classification' | 'receivedAt' | 'warnAt' | 'updatedAt'> & { status: RequestStatus; dueAt: Date };
type Event = Omit<Insertable<RequestEventsTable>, 'requestId' | 'data' | 'at'> & { data: Record<string, unknown>; at: Date };
interface Input { departmentId?: string; co?: string[]; comment?: string; result?: ReplyResult; satisfaction?: Satisfaction; days?: number }

/** A request walking its path: each step is the transition the real action makes; steps after `now` are not taken. */
export class Walk {
  s: State;
  events: Event[] = [];
  t: Date;
  stopped = false;
  constructor(readonly p: Plan, readonly ctx: Ctx) {
    const { type, category, departmentId } = p.proposal;
    this.s = { status: 'received', type, category, departmentId, coDepartmentIds: [], dueAt: p.dueAt, labelsConfirmed: false, supervised: false, extensionDays: 0, reopenCount: 0, returnsCount: 0, version: 1 };
    this.t = p.receivedAt;
    this.events.push({ action: 'receive', fromStatus: null, toStatus: 'received', departmentId: null, actorId: p.receiver.id, actorName: p.receiver.name, actorRole: p.receiver.role, comment: null, data: { channel: p.channel }, at: p.receivedAt });
  }

  take(action: RequestAction, when: Date, actor: Actor, input: Input = {}): boolean {
    if (this.stopped) return false;
    const at = new Date(Math.max(when.getTime(), this.t.getTime() + MIN));
    if (at > this.ctx.now) return !(this.stopped = true);
    const s = this.s;
    const from = s.status;
    let to = nextRequestStatus(from, action);
    if (!to) throw new Error(`demo request: ${action} is not allowed in ${from}`);
    const data: Record<string, unknown> = {};
    switch (action) {
      case 'dispatch': {
        const departmentId = input.departmentId!;
        if (from === 'returned') data.returnDecision = departmentId !== s.departmentId ? 'accepted' : 'rejected';
        Object.assign(s, { departmentId, coDepartmentIds: input.co ?? [], type: this.p.ex.type, category: this.p.ex.category });
        Object.assign(data, { departmentId, coDepartmentIds: input.co ?? [], type: s.type, category: s.category });
        break;
      }
      case 'return': s.returnsCount = (s.returnsCount ?? 0) + 1; break;
      case 'extend': s.extensionRequested = data.days = input.days!; break;
      case 'approve_extension': {
        const days = s.extensionRequested!;
        s.dueAt = endOfWorkingDay(this.ctx.cal, s.dueAt, days);
        Object.assign(s, { extensionDays: (s.extensionDays ?? 0) + days, extensionRequested: null });
        Object.assign(data, { days, dueAt: s.dueAt.toISOString() });
        break;
      }
      case 'reply': Object.assign(s, { replyResult: input.result, replyText: input.comment, repliedAt: at }); data.result = input.result; break;
      case 'callback': {
        const next = afterCallback(input.satisfaction!, s.reopenCount ?? 0);
        to = next.status;
        s.satisfaction = input.satisfaction;
        if (next.reopen) Object.assign(s, { reopenCount: (s.reopenCount ?? 0) + 1, replyResult: null, replyText: null, repliedAt: null });
        if (next.escalate) s.supervised = true;
        if (to === 'closed') Object.assign(s, { closedAt: at, closedOnTime: !!s.repliedAt && new Date(s.repliedAt) <= s.dueAt });
        Object.assign(data, { satisfaction: input.satisfaction, reopen: next.reopen, escalate: next.escalate });
        break;
      }
      case 'supervise': {
        const due = endOfWorkingDay(this.ctx.cal, at, 2);
        Object.assign(s, { supervised: true, superviseDueAt: due });
        data.superviseDueAt = due.toISOString();
        break;
      }
      case 'close':
        Object.assign(s, { closedAt: at, closedOnTime: at <= s.dueAt });
        if (from === 'received') Object.assign(s, { replyResult: 'explained', replyText: input.comment, repliedAt: at });
        break;
      default:
        break;
    }
    s.status = to;
    s.version = (s.version ?? 1) + 1;
    this.events.push({ action, fromStatus: from, toStatus: to, departmentId: s.departmentId, actorId: actor.id, actorName: actor.name, actorRole: actor.role, comment: input.comment ?? null, data, at });
    this.t = at;
    return true;
  }
}

/** Walks a plan to `now`. `hurry`: every step minutes after the last (for requests that must not end up overdue). */
export function walk(p: Plan, ctx: Ctx, rng: Rng, hurry: boolean): Walk {
  const w = new Walk(p, ctx);
  const fast = hurry || p.urgent;
  const after = (lo: number, hi: number, fastLo: number, fastHi: number) => plus(w.t, fast ? rng.between(fastLo, fastHi) : rng.between(lo, hi));
  const office = (t: Date) => (fast ? t : within(ctx.cal, t, OFFICE, true, rng, 120));
  const hotline = (t: Date) => (fast ? t : within(ctx.cal, t, HOTLINE_DAY, false, rng));
  const operator = userActor(ctx, 'operator', 'operator');
  const dept = p.ex.departmentId;
  if (p.stall === 'received') return w;
  if (p.direct) {
    w.take('close', plus(w.t, rng.between(3, 15)), operator, { comment: rng.pick(DIRECT_ANSWERS) });
    return w;
  }
  const dispatchAt = () => (p.receiver.role === 'operator' ? after(3, 30, 2, 8) : hotline(after(10, 120, 2, 8)));
  if (p.wrongDept) {
    w.take('dispatch', dispatchAt(), operator, { departmentId: p.wrongDept });
    w.take('return', office(after(30, 240, 3, 10)), handler(ctx, p.wrongDept), { comment: rng.pick(RETURN_REASONS) });
    if (p.stall === 'returned') return w;
    w.take('dispatch', hotline(after(10, 90, 2, 8)), operator, { departmentId: dept, co: p.co });
  } else w.take('dispatch', dispatchAt(), operator, { departmentId: dept, co: p.co });
  if (p.stall === 'dispatched') return w;
  w.take('sign', office(after(10, 180, 3, 12)), handler(ctx, dept));
  if (p.extension) {
    w.take('extend', office(after(600, 1800, 5, 10)), handler(ctx, dept), { comment: '需会同相关部门现场核查，申请延长办理时限。', days: p.extension });
    w.take('approve_extension', hotline(after(30, 240, 3, 10)), operator);
  }
  if (p.stall === 'processing') {
    if (p.extendPending) w.take('extend', office(after(120, 600, 5, 10)), handler(ctx, dept), { comment: '涉及多个部门职责，需协调后处理，申请延期。', days: 5 });
    if (p.supervise) w.take('supervise', office(plus(w.s.dueAt, 1)), userActor(ctx, 'supervisor', 'supervisor'), { comment: '该诉求已超过办理时限，请于 2 个工作日内办结并答复。' });
    return w;
  }
  const replyAt = (lo: number, hi: number) => {
    if (fast) return after(10, 40, 10, 40);
    const due = w.s.dueAt.getTime();
    if (p.late) return office(plus(w.s.dueAt, rng.between(600, 3600)));
    const end = p.stall === 'replied' || p.stall === 'answered' ? Math.min(due, ctx.now.getTime() - 60 * MIN) : due;
    const t = office(new Date(w.t.getTime() + rng.between(lo, hi) * Math.max(0, end - w.t.getTime())));
    if (t.getTime() <= end - 10 * MIN) return t;
    // No office hours left before the end: right after signing (itself in office hours), else just before the end.
    const soon = plus(w.t, rng.between(10, 60));
    return soon.getTime() <= end ? soon : new Date(Math.max(w.t.getTime() + 10 * MIN, end - rng.between(30, 180) * MIN));
  };
  const replyText = (result: ReplyResult) => (p.ex.type === '表扬' ? PRAISE_REPLY : p.ex.type === '建议' && result === 'explained' ? SUGGESTION_REPLY : rng.pick(REPLIES[result]));
  w.take('reply', replyAt(0.1, 0.6), handler(ctx, dept), { result: p.result, comment: replyText(p.result) });
  if (p.stall === 'replied') return w;
  w.take('approve_reply', hotline(after(15, 150, 3, 15)), operator);
  if (p.stall === 'answered') return w;
  const rater = p.citizenRates ? p.receiver : operator;
  if (!p.canCallBack) {
    w.take('close', after(5, 60, 1, 5), operator, { comment: '匿名诉求无法回访，答复已审核，予以办结。' });
    return w;
  }
  w.take('callback', hotline(after(120, 1800, 5, 20)), rater, { satisfaction: p.firstSat, ...(p.firstSat === 'unsatisfied' ? { comment: '诉求人表示问题仍未解决，要求重新办理。' } : {}) });
  if (w.s.status !== 'processing') return w;
  const redo: ReplyResult = rng.chance(0.6) ? 'resolved' : 'explained';
  w.take('reply', office(after(60, 480, 10, 30)), handler(ctx, dept), { result: redo, comment: replyText(redo) });
  w.take('approve_reply', hotline(after(30, 180, 3, 10)), operator);
  if (p.redoClose) w.take('close', hotline(after(60, 600, 5, 20)), operator, { comment: '经重新办理，诉求人仍不满意，答复符合政策规定，经审核予以办结。' });
  else w.take('callback', hotline(after(120, 1440, 5, 20)), operator, { satisfaction: p.secondSat });
  return w;
}
