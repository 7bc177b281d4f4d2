// Loads one page of the queue. The list endpoint filters by a single status and has no deadline filter,
// so 待办结 (approved + denied) and 预警 / 超期 are gathered from several status lists and paged here.
import { api, qs } from '../../lib/api.ts';
import type { CaseList, CaseRow } from './types.ts';
import { levelOf } from './format.ts';

export interface QueueQuery {
  q: string;
  status: string;
  itemCode: string;
  departmentId: string | undefined;
  deadlineLevel: string;
  sort: 'timeLeft' | 'newest';
  page: number;
  pageSize: number;
}

/** Statuses whose clock runs (suspended and correction_required stand still). */
const CLOCKED = ['submitted', 'accepted', 'approved', 'denied'];
const GATHER_MAX = 100;

export interface QueueResult extends CaseList {
  /** More cases exist than were gathered for a client-side filter. */
  truncated: boolean;
}

export async function fetchQueue(f: QueueQuery): Promise<QueueResult> {
  const statuses = f.status ? f.status.split(',').filter(Boolean) : [];
  const base = { itemCode: f.itemCode, departmentId: f.departmentId, q: f.q, sort: f.sort };
  if (statuses.length <= 1 && !f.deadlineLevel) {
    const r = await api.get<CaseList>(`/api/applications${qs({ ...base, status: statuses[0], page: f.page, pageSize: f.pageSize })}`);
    return { ...r, truncated: false };
  }
  const gather = statuses.length ? statuses : CLOCKED;
  const lists = await Promise.all(
    gather.map((status) => api.get<CaseList>(`/api/applications${qs({ ...base, status, deadlineLevel: f.deadlineLevel, page: 1, pageSize: GATHER_MAX })}`)),
  );
  let rows: CaseRow[] = lists.flatMap((l) => l.items);
  if (f.deadlineLevel) rows = rows.filter((r) => r.daysLeft !== null && levelOf(r.deadlineLevel, r.daysLeft) === f.deadlineLevel);
  rows.sort(
    f.sort === 'newest'
      ? (a, b) => (b.submittedAt ?? '').localeCompare(a.submittedAt ?? '')
      : (a, b) => (a.daysLeft ?? Number.MAX_SAFE_INTEGER) - (b.daysLeft ?? Number.MAX_SAFE_INTEGER),
  );
  const start = (f.page - 1) * f.pageSize;
  return { items: rows.slice(start, start + f.pageSize), total: rows.length, truncated: lists.some((l) => l.total > GATHER_MAX) };
}
