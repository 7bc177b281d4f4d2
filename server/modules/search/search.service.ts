// Search as a service: answers queries with the in-process engine, logs every search without personal
// data, records clicks, and reports on what people ask (hot queries, zero results, catalogue gaps).
import type { Db } from '../../platform/db/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { chinaDate } from '../../../domain/calendar.ts';
import { invalid } from '../../../domain/errors.ts';
import type { EngineHolder } from './engine-holder.ts';
import { scrubQuery } from './scrub.ts';
import * as repo from './search.repo.ts';

export const HOTLINE = '12345';
const DAY_MS = 86_400_000;
const LOG_RETENTION_DAYS = 400;

/** Start of a China-time calendar day as an instant. */
const chinaDayStart = (date: string) => new Date(`${date}T00:00:00+08:00`);

/** Every date from `from` to `to`, inclusive (a trend chart needs the quiet days too). */
function everyDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = chinaDayStart(from).getTime(); t <= chinaDayStart(to).getTime(); t += DAY_MS) out.push(chinaDate(new Date(t)));
  return out;
}

export function createSearchService(db: Db, clock: Clock, holder: EngineHolder) {
  return {
    /** `log: false` for lookups by hotline staff (their callers' words are not what the public searches for). */
    async search(query: string, limit: number, source: 'search' | 'assistant' = 'search', opts: { log?: boolean } = {}) {
      const { engine, meta } = await holder.get();
      const outcome = engine.search(query, limit);
      const results = outcome.results.map((r) => ({
        code: r.code,
        kind: r.kind,
        name: r.name,
        departmentId: r.departmentId,
        score: r.score,
        ...(meta.get(r.code) ?? { departmentName: '', onlineDepth: null, promisedLimitDays: null, itemCount: null }),
        matched: r.matched,
      }));
      const log = opts.log === false ? null : await repo.insertLog(db, {
        query: scrubQuery(query.trim()),
        normalized: scrubQuery(outcome.normalized).slice(0, 200),
        resultCodes: results.map((r) => r.code),
        noMatch: outcome.noMatch,
        source,
        createdAt: clock.now(),
      });
      return { results, noMatch: outcome.noMatch, suggestion: outcome.suggestion, outOfScope: outcome.outOfScope, logId: log ? String(log.id) : null, hotline: HOTLINE };
    },

    async suggest(query: string) {
      const { engine } = await holder.get();
      return { suggestions: engine.suggest(query, 8) };
    },

    /** A click on a result of a logged search; unknown logs and codes that were not shown are ignored. */
    async click(logId: number, code: string, rank: number) {
      await repo.recordClick(db, logId, code, rank, clock.now());
    },

    /**
     * Hot words under the search box: short Chinese queries many people searched and opened a result
     * for lately (at most half of the list), then the knowledge base's curated hot words.
     */
    async hot(limit = 10) {
      const { engine } = await holder.get();
      const since = new Date(clock.now().getTime() - 7 * DAY_MS);
      const popular = (await repo.popularQueries(db, since, 3, limit * 3))
        .filter((p) => p.clicks > 0 && /^[\p{Script=Han}]{2,10}$/u.test(p.query))
        .slice(0, Math.floor(limit / 2));
      const words = [...popular.map((p) => p.query), ...engine.hotwords];
      return { hotwords: [...new Set(words)].slice(0, limit) };
    },

    async stats(from?: string, to?: string) {
      const today = chinaDate(clock.now());
      const toDate = to ?? today;
      const fromDate = from ?? chinaDate(new Date(chinaDayStart(toDate).getTime() - 29 * DAY_MS));
      if (fromDate > toDate) throw invalid('from', '开始日期不能晚于结束日期');
      const start = chinaDayStart(fromDate);
      const end = new Date(chinaDayStart(toDate).getTime() + DAY_MS);
      if (end.getTime() - start.getTime() > 370 * DAY_MS) throw invalid('from', '统计区间最长一年');
      const s = await repo.logStats(db, start, end);
      const searches = Number(s.totals.searches);
      const noMatch = Number(s.totals.noMatch);
      const clicks = Number(s.totals.clicks);
      return {
        from: fromDate,
        to: toDate,
        totals: { searches, noMatch, clicks, clickThroughRate: searches ? clicks / searches : 0, noMatchRate: searches ? noMatch / searches : 0 },
        daily: everyDay(fromDate, toDate).map((date) => {
          const d = s.daily.find((x) => x.date === date);
          return { date, searches: Number(d?.searches ?? 0), noMatch: Number(d?.noMatch ?? 0), clicks: Number(d?.clicks ?? 0) };
        }),
        hotQueries: s.hot.map((h) => ({ query: h.query, count: Number(h.count), clicks: Number(h.clicks), noMatch: Number(h.noMatch) })),
        zeroResult: s.zero.map((z) => ({ query: z.query, count: Number(z.count), lastAt: new Date(z.lastAt as Date | string).toISOString() })),
      };
    },

    /** Search analytics cover at most the last 400 days; older log rows are deleted. */
    purgeOldLog: () => repo.deleteLogBefore(db, new Date(clock.now().getTime() - LOG_RETENTION_DAYS * DAY_MS)),

    /** Frequent no-match queries, each checked again against today's engine. */
    async gaps(days: number, minCount: number) {
      const since = new Date(clock.now().getTime() - days * DAY_MS);
      const rows = await repo.noMatchGroups(db, since, minCount, 100);
      const { engine } = await holder.get();
      return {
        gaps: rows.map((r) => {
          const now = engine.search(r.query, 1);
          const top = now.noMatch ? null : now.results[0];
          return {
            query: r.query,
            count: Number(r.count),
            firstAt: new Date(r.firstAt as Date | string).toISOString(),
            lastAt: new Date(r.lastAt as Date | string).toISOString(),
            nowAnswered: !!top,
            topResult: top ? { code: top.code, name: top.name } : null,
          };
        }),
      };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
