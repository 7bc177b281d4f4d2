// The desk queue's tabs per role and how one page of a tab is loaded. A tab is one list query or several
// shown one after another (预警/超期 = the overdue ones, then those past the warning point), paged exactly
// across them: the list endpoint takes one status and one time filter at a time.
import { requestsApi, type RequestList, type RequestListQuery } from '../shared/index.ts';

export interface DeskTab {
  key: string;
  label: string;
  queries: RequestListQuery[];
  tone?: 'warning';
}

const DUE: RequestListQuery[] = [{ overdue: true }, { warning: true }];

export const HOTLINE_TABS: DeskTab[] = [
  { key: 'received', label: '待派单', queries: [{ status: 'received' }] },
  { key: 'returned', label: '退单待处理', queries: [{ status: 'returned' }] },
  { key: 'replied', label: '待审核答复', queries: [{ status: 'replied' }] },
  { key: 'answered', label: '待回访', queries: [{ status: 'answered' }] },
  { key: 'due', label: '预警/超期', queries: DUE, tone: 'warning' },
  { key: 'supervised', label: '督办', queries: [{ supervised: true }] },
  { key: 'all', label: '全部', queries: [{}] },
];

export const HANDLER_TABS: DeskTab[] = [
  { key: 'dispatched', label: '待签收', queries: [{ status: 'dispatched' }] },
  { key: 'processing', label: '办理中', queries: [{ status: 'processing' }] },
  { key: 'replied', label: '已答复', queries: [{ status: 'replied' }, { status: 'answered' }] },
  { key: 'due', label: '预警/超期', queries: DUE, tone: 'warning' },
  { key: 'all', label: '全部', queries: [{}] },
];

export interface DeskFilter {
  q: string;
  type: string;
  category: string;
  urgent: boolean;
  /** The hotline only: one department's requests. */
  departmentId: string;
}

function filterQuery(f: DeskFilter): RequestListQuery {
  return { q: f.q || undefined, type: f.type || undefined, category: f.category || undefined, urgent: f.urgent || undefined, departmentId: f.departmentId || undefined };
}

const total = (q: RequestListQuery) => requestsApi.list({ ...q, page: 1, pageSize: 1 }).then((r) => r.total);

/** Which pages of each query hold the rows of one page of their concatenation, and the slice of them to keep. */
export function pagePlan(totals: number[], page: number, pageSize: number): { query: number; pages: number[]; from: number; to: number }[] {
  const start = (page - 1) * pageSize;
  const end = start + pageSize;
  const plan: { query: number; pages: number[]; from: number; to: number }[] = [];
  let offset = 0;
  totals.forEach((n, query) => {
    // Rows [from, to) of this query fall on the requested page: at most two of its own pages.
    const from = Math.max(start - offset, 0);
    const to = Math.min(end - offset, n);
    offset += n;
    if (from >= to) return;
    const first = Math.floor(from / pageSize) + 1;
    const last = Math.floor((to - 1) / pageSize) + 1;
    const skipped = (first - 1) * pageSize;
    plan.push({ query, pages: Array.from({ length: last - first + 1 }, (_, k) => first + k), from: from - skipped, to: to - skipped });
  });
  return plan;
}

export async function fetchDeskPage(tab: DeskTab, f: DeskFilter, page: number, pageSize: number): Promise<RequestList> {
  const queries = tab.queries.map((q) => ({ ...filterQuery(f), ...q }));
  if (queries.length === 1) return requestsApi.list({ ...queries[0], page, pageSize });
  const totals = await Promise.all(queries.map(total));
  const parts = await Promise.all(
    pagePlan(totals, page, pageSize).map(async ({ query, pages, from, to }) => {
      const lists = await Promise.all(pages.map((p) => requestsApi.list({ ...queries[query], page: p, pageSize })));
      return lists.flatMap((l) => l.items).slice(from, to);
    }),
  );
  return { items: parts.flat(), total: totals.reduce((a, b) => a + b, 0), page, pageSize };
}

/** The number on each tab under the current filters. */
export async function fetchTabCounts(tabs: DeskTab[], f: DeskFilter): Promise<Record<string, number>> {
  const counts = await Promise.all(
    tabs.map(async (t): Promise<[string, number]> => {
      const totals = await Promise.all(t.queries.map((q) => total({ ...filterQuery(f), ...q })));
      return [t.key, totals.reduce((a, b) => a + b, 0)];
    }),
  );
  return Object.fromEntries(counts);
}
