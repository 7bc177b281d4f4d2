// SQL of the 12345 reports. Every figure is a SQL aggregate: one pass over the requests received in the
// range gives the totals, the time series and every breakdown at once (GROUPING SETS), so a report
// costs a few scans of the range, not a JS loop over its rows.
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import type { RequestCounts, StatsGranularity } from '../../../domain/request-stats.ts';

/** Requests received in [start, end); with a department, those dispatched to it as 主办. */
export interface StatsScope {
  start: Date;
  end: Date;
  departmentId?: string;
}

const LOCAL = sql`AT TIME ZONE 'Asia/Shanghai'`;

function inScope(s: StatsScope, alias = 'requests'): RawBuilder<unknown> {
  const t = sql.ref(alias);
  const dept = s.departmentId ? sql` AND ${t}.department_id = ${s.departmentId} AND ${t}.status <> 'received'` : sql``;
  return sql`${t}.received_at >= ${s.start} AND ${t}.received_at < ${s.end}${dept}`;
}

const COUNTS = (now: Date) => sql`
  count(*)::int AS "received",
  count(*) FILTER (WHERE status = 'closed')::int AS "closed",
  count(*) FILTER (WHERE status = 'closed' AND closed_on_time)::int AS "closedOnTime",
  count(*) FILTER (WHERE reply_result IS NOT NULL)::int AS "replied",
  count(*) FILTER (WHERE reply_result = 'resolved')::int AS "resolved",
  count(*) FILTER (WHERE satisfaction IS NOT NULL)::int AS "rated",
  count(*) FILTER (WHERE satisfaction IN ('satisfied', 'basically_satisfied'))::int AS "satisfied",
  count(*) FILTER (WHERE status <> 'closed' AND due_at < ${now})::int AS "overdue",
  count(*) FILTER (WHERE urgent)::int AS "urgent",
  count(*) FILTER (WHERE supervised)::int AS "supervised",
  count(*) FILTER (WHERE reopen_count > 0)::int AS "reopened"`;

/** Which grouping a row of the GROUPING SETS query belongs to. */
export type GroupKind = 'total' | 'bucket' | 'category' | 'type' | 'channel' | 'department' | 'street' | 'community';

export interface GroupedCounts extends RequestCounts {
  kind: GroupKind;
  bucket: string | null;
  category: string | null;
  type: string | null;
  channel: string | null;
  departmentId: string | null;
  streetId: string | null;
  community: string | null;
}

interface GroupedRow extends RequestCounts {
  gb: number; gc: number; gt: number; gch: number; gd: number; gs: number; gcm: number;
  bucket: string | null; category: string | null; type: string | null; channel: string | null; departmentId: string | null; streetId: string | null; community: string | null;
}

function kindOf(r: GroupedRow): GroupKind {
  if (!r.gb) return 'bucket';
  if (!r.gc) return 'category';
  if (!r.gt) return 'type';
  if (!r.gch) return 'channel';
  if (!r.gd) return 'department';
  if (!r.gs) return r.gcm ? 'street' : 'community';
  return 'total';
}

/**
 * Counts of the requests in scope: in total, per time bucket, per category, type, channel, handling
 * department (null: not dispatched yet), street, and street + community. One scan of the range.
 */
export async function groupedCounts(db: Executor, s: StatsScope, g: StatsGranularity, now: Date): Promise<GroupedCounts[]> {
  const { rows } = await sql<GroupedRow>`
    SELECT GROUPING(bucket)::int AS gb, GROUPING(category)::int AS gc, GROUPING(type)::int AS gt, GROUPING(channel)::int AS gch,
           GROUPING(dept)::int AS gd, GROUPING(street_id)::int AS gs, GROUPING(community)::int AS gcm,
           bucket::text AS "bucket", category AS "category", type AS "type", channel AS "channel", dept AS "departmentId",
           street_id AS "streetId", community AS "community", ${COUNTS(now)}
    FROM (
      SELECT date_trunc(${g}, received_at ${LOCAL})::date AS bucket, category, type, channel,
             CASE WHEN status = 'received' THEN NULL ELSE department_id END AS dept, street_id, community,
             status, closed_on_time, reply_result, satisfaction, due_at, urgent, supervised, reopen_count
      FROM requests WHERE ${inScope(s)}
    ) r
    GROUP BY GROUPING SETS ((), (bucket), (category), (type), (channel), (dept), (street_id), (street_id, community))`.execute(db);
  return rows.map((row) => {
    const { gb: _b, gc: _c, gt: _t, gch: _ch, gd: _d, gs: _s, gcm: _cm, ...r } = row;
    return { ...r, kind: kindOf(row) };
  });
}

/**
 * 退单 made on the requests received in the range, in total, per bucket (of the request's receipt) and
 * per department that returned it; with a department in scope, only those that department made.
 */
export async function returnCounts(db: Executor, s: StatsScope, g: StatsGranularity) {
  const dept = s.departmentId ? sql` AND e.department_id = ${s.departmentId}` : sql``;
  const { rows } = await sql<{ gb: number; gd: number; bucket: string | null; departmentId: string | null; n: number }>`
    SELECT GROUPING(bucket)::int AS gb, GROUPING(dept)::int AS gd, bucket::text AS "bucket", dept AS "departmentId", count(*)::int AS n
    FROM (
      SELECT date_trunc(${g}, r.received_at ${LOCAL})::date AS bucket, e.department_id AS dept
      FROM requests r
      -- Only requests that were returned are looked up, each through request_events_request_idx
      -- (OFFSET 0 keeps the planner from hashing the whole, ever-growing events table instead).
      CROSS JOIN LATERAL (SELECT department_id FROM request_events WHERE request_id = r.id AND action = 'return' OFFSET 0) e
      WHERE r.returns_count > 0 AND r.received_at >= ${s.start} AND r.received_at < ${s.end}${dept}
    ) x
    GROUP BY GROUPING SETS ((), (bucket), (dept))`.execute(db);
  return {
    total: rows.find((r) => r.gb && r.gd)?.n ?? 0,
    byBucket: new Map(rows.filter((r) => !r.gb).map((r) => [r.bucket!, r.n])),
    byDepartment: new Map(rows.filter((r) => !r.gd).map((r) => [r.departmentId ?? '', r.n])),
  };
}

/** Requests per category in two adjacent windows [lastStart, thisStart) and [thisStart, end). */
export async function categoryWeeks(db: Executor, lastStart: Date, thisStart: Date, end: Date, departmentId?: string) {
  const { rows } = await sql<{ category: string; thisWeek: number; lastWeek: number }>`
    SELECT category AS "category",
           count(*) FILTER (WHERE received_at >= ${thisStart})::int AS "thisWeek",
           count(*) FILTER (WHERE received_at < ${thisStart})::int AS "lastWeek"
    FROM requests WHERE ${inScope({ start: lastStart, end, departmentId })}
    GROUP BY category`.execute(db);
  return rows;
}

/** The texts of the two windows (the newest `limit` of each), for hot words. */
export async function textsOfWeeks(db: Executor, lastStart: Date, thisStart: Date, end: Date, departmentId: string | undefined, limit: number) {
  const q = (start: Date, stop: Date) =>
    sql<{ text: string }>`SELECT text AS "text" FROM requests WHERE ${inScope({ start, end: stop, departmentId })} ORDER BY received_at DESC LIMIT ${limit}`.execute(db);
  const [thisWeek, lastWeek] = await Promise.all([q(thisStart, end), q(lastStart, thisStart)]);
  return { thisWeek: thisWeek.rows.map((r) => r.text), lastWeek: lastWeek.rows.map((r) => r.text) };
}

export const departmentNames = (db: Executor) => db.selectFrom('departments').select(['id', 'shortName', 'kind']).execute();

export const departmentExists = (db: Executor, id: string) => db.selectFrom('departments').select('id').where('id', '=', id).executeTakeFirst().then((r) => !!r);

/** The requests received in the range, oldest first, for the daily report's list. */
export const requestsReceived = (db: Executor, s: StatsScope, limit: number) =>
  db.selectFrom('requests')
    .select(['ticketNo', 'receivedAt', 'channel', 'type', 'category', 'departmentId', 'status', 'dueAt', 'closedAt', 'closedOnTime',
      'contactName', 'phone', 'anonymous', 'confidential', 'streetId', 'community', 'urgent'])
    .where(inScope(s) as RawBuilder<boolean>)
    .orderBy('receivedAt').orderBy('ticketNo').limit(limit).execute();
