// Reports on 12345 requests (issue 5 "Reports"): the dashboard figures and the daily report. Who may see
// which scope is decided here: the hotline centre any department or all, a department only its own.
import type { Db } from '../../platform/db/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AuthUser } from '../../platform/auth.ts';
import { hasRole } from '../../platform/auth.ts';
import { Role } from '../../../domain/enums.ts';
import { forbidden, invalid } from '../../../domain/errors.ts';
import { addDays, chinaDate, type IsoDate } from '../../../domain/calendar.ts';
import {
  bucketsBetween, countWords, daysInRange, figures, hotTopicWeeks, MAX_STATS_DAYS, risingTerms, ZERO_COUNTS,
  type RequestCounts, type StatsGranularity,
} from '../../../domain/request-stats.ts';
import { requestSegmenter, shippedPlaces } from './classifier/training.ts';
import { HOTLINE_ROLES } from './requests.policy.ts';
import * as repo from './requests.stats.repo.ts';

const DAY_MS = 86_400_000;
/** Hot words read at most this many texts per week (the newest): enough for a trend, bounded in cost. */
const HOT_TEXT_LIMIT = 20_000;

const chinaDayStart = (date: IsoDate) => new Date(`${date}T00:00:00+08:00`);

export interface StatsQuery {
  from?: IsoDate;
  to?: IsoDate;
  departmentId?: string;
  granularity?: StatsGranularity;
}

/** Counts without the fields only the hotline's totals need. */
function breakdown(c: RequestCounts) {
  const f = figures(c);
  return { received: f.received, closed: f.closed, onTimeRate: f.onTimeRate, resolutionRate: f.resolutionRate, satisfactionRate: f.satisfactionRate, overdue: f.overdue, urgent: f.urgent };
}

export function createRequestStats(db: Db, clock: Clock) {
  const placeNames = shippedPlaces().map((p) => p.name);
  let names: Promise<Map<string, { name: string; kind: string }>> | undefined;
  const loadNames = () => repo.departmentNames(db).then((rows) => new Map(rows.map((d) => [d.id, { name: d.shortName, kind: d.kind }])));
  /** Department names change rarely (catalogue upkeep): read once per process, again when an id is missing. */
  async function departmentName(id: string | null): Promise<string> {
    if (!id) return '';
    let m = await (names ??= loadNames());
    if (!m.has(id)) m = await (names = loadNames());
    return m.get(id)?.name ?? id;
  }
  async function streetNames() {
    const m = await (names ??= loadNames());
    return [...m.values()].filter((d) => d.kind === 'street').map((d) => d.name);
  }

  /**
   * The department a user may report on: the hotline (and admins) any one or all; a department handler
   * only their own, whatever they ask for; everyone else nothing.
   */
  async function scopeFor(user: AuthUser, departmentId: string | undefined): Promise<string | undefined> {
    if (hasRole(user, ...HOTLINE_ROLES)) {
      if (departmentId && !(await repo.departmentExists(db, departmentId))) throw invalid('departmentId', `部门不存在：${departmentId}`);
      return departmentId;
    }
    if (hasRole(user, Role.handler) && user.departmentId) {
      if (departmentId && departmentId !== user.departmentId) throw forbidden('只能查看本部门的诉求统计');
      return user.departmentId;
    }
    throw forbidden('只有热线中心和承办部门可以查看诉求统计');
  }

  function range(from: IsoDate | undefined, to: IsoDate | undefined) {
    const toDate = to ?? chinaDate(clock.now());
    const fromDate = from ?? addDays(toDate, -29);
    if (fromDate > toDate) throw invalid('from', '开始日期不能晚于结束日期');
    if (daysInRange(fromDate, toDate) > MAX_STATS_DAYS) throw invalid('from', `统计区间最长 ${MAX_STATS_DAYS} 天`);
    return { from: fromDate, to: toDate, start: chinaDayStart(fromDate), end: new Date(chinaDayStart(toDate).getTime() + DAY_MS) };
  }

  async function hotTopics(to: IsoDate, departmentId: string | undefined) {
    const weeks = hotTopicWeeks(to);
    const lastStart = chinaDayStart(weeks.lastWeek.from);
    const thisStart = chinaDayStart(weeks.thisWeek.from);
    const end = new Date(chinaDayStart(to).getTime() + DAY_MS);
    const [cats, texts, streets] = await Promise.all([
      repo.categoryWeeks(db, lastStart, thisStart, end, departmentId),
      repo.textsOfWeeks(db, lastStart, thisStart, end, departmentId, HOT_TEXT_LIMIT),
      streetNames(),
    ]);
    const places = [...placeNames, ...streets];
    const seg = requestSegmenter();
    const words = (list: string[]) => countWords(list.map((t) => seg.cut(t)), places);
    return {
      ...weeks,
      categories: risingTerms(new Map(cats.map((c) => [c.category, c.thisWeek])), new Map(cats.map((c) => [c.category, c.lastWeek])), 1, 10)
        .map(({ term, ...r }) => ({ category: term, ...r })),
      keywords: risingTerms(words(texts.thisWeek), words(texts.lastWeek), 2, 20).map(({ term, ...r }) => ({ keyword: term, ...r })),
    };
  }

  /** The figures of one department (or all) and range, without hot topics (the daily report reuses it). */
  async function report(departmentId: string | undefined, r: ReturnType<typeof range>, granularity: StatsGranularity) {
    const scope = { start: r.start, end: r.end, departmentId };
    const [groups, returns] = await Promise.all([repo.groupedCounts(db, scope, granularity, clock.now()), repo.returnCounts(db, scope, granularity)]);
    const of = (kind: repo.GroupKind) => groups.filter((g) => g.kind === kind);
    const total = of('total')[0] ?? ZERO_COUNTS;
    const buckets = new Map(of('bucket').map((b) => [b.bucket!, b]));
    const sorted = <T extends { received: number }>(rows: T[]) => rows.sort((a, b) => b.received - a.received);

    const departmentIds = new Set([...of('department').map((d) => d.departmentId ?? ''), ...returns.byDepartment.keys()]);
    const byDepartment = await Promise.all([...departmentIds].map(async (id) => {
      const c = of('department').find((d) => (d.departmentId ?? '') === id) ?? ZERO_COUNTS;
      return { departmentId: id || null, departmentName: id ? await departmentName(id) : '未派单', ...breakdown(c), returns: returns.byDepartment.get(id) ?? 0 };
    }));
    const place = async (g: repo.GroupedCounts) => ({ streetId: g.streetId, streetName: g.streetId ? await departmentName(g.streetId) : '未识别地点', ...breakdown(g) });
    return {
      from: r.from, to: r.to, granularity, departmentId: departmentId ?? null,
      departmentName: departmentId ? await departmentName(departmentId) : null,
      totals: figures(total, returns.total),
      series: bucketsBetween(r.from, r.to, granularity).map((bucket) => ({ bucket, ...figures(buckets.get(bucket) ?? ZERO_COUNTS, returns.byBucket.get(bucket) ?? 0) })),
      byCategory: sorted(of('category').map((g) => ({ category: g.category!, ...breakdown(g) }))),
      byType: sorted(of('type').map((g) => ({ type: g.type!, ...breakdown(g) }))),
      byChannel: sorted(of('channel').map((g) => ({ channel: g.channel!, ...breakdown(g) }))),
      byDepartment: sorted(byDepartment),
      hotspots: {
        streets: sorted(await Promise.all(of('street').map(place))),
        communities: sorted(await Promise.all(of('community').filter((g) => g.community).map(async (g) => ({ ...(await place(g)), community: g.community! })))),
      },
    };
  }

  return {
    async stats(user: AuthUser, q: StatsQuery) {
      const departmentId = await scopeFor(user, q.departmentId);
      const r = range(q.from, q.to);
      const [base, hot] = await Promise.all([report(departmentId, r, q.granularity ?? 'day'), hotTopics(r.to, departmentId)]);
      return { ...base, hotTopics: hot };
    },

    /** The daily report's content: the day, the month to date, and the day's requests. */
    async daily(user: AuthUser, date: IsoDate | undefined, departmentId: string | undefined) {
      const day = date ?? chinaDate(clock.now());
      const dept = await scopeFor(user, departmentId);
      const [today, month] = await Promise.all([
        report(dept, range(day, day), 'day'),
        report(dept, range(`${day.slice(0, 8)}01`, day), 'month'),
      ]);
      const rows = await repo.requestsReceived(db, { start: chinaDayStart(day), end: new Date(chinaDayStart(day).getTime() + DAY_MS), departmentId: dept }, 10_000);
      const list = await Promise.all(rows.map(async (r) => ({ ...r, departmentName: r.status === 'received' ? '' : await departmentName(r.departmentId), streetName: await departmentName(r.streetId) })));
      return { date: day, departmentId: dept ?? null, departmentName: today.departmentName, today, month, requests: list, now: clock.now() };
    },
  };
}

export type RequestStats = ReturnType<typeof createRequestStats>;
