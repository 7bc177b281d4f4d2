// /my/requests — 我的诉求: the citizen's or enterprise's own 12345 requests with status and answer time.
import { Link, useSearchParams } from 'react-router-dom';
import { StatusFilter } from '../../../components/StatusFilter.tsx';
import { FormOutlined } from '@ant-design/icons';
import { LinkButton } from '../../../components/LinkButton.tsx';
import { PageState } from '../../../components/PageState.tsx';
import { UrlPagination } from '../../../components/UrlPagination.tsx';
import { qs } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { DueBadge, type RequestList } from '../shared/index.ts';
import { CitizenStatusTag, waitsForAnswer } from './status.tsx';
import '../../applications/applications.css';
import './citizen.css';

const PAGE_SIZE = 10;
const FILTERS = [
  { value: '', label: '全部' },
  { value: 'answered', label: '待我评价' },
  { value: 'closed', label: '已办结' },
];

/** The first line of the request, short enough for a list. */
export function summary(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

export default function MyRequestsPage() {
  const [params] = useSearchParams();
  const status = params.get('status') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const { data, loading, error, reload } = useApi<RequestList>(`/api/requests${qs({ status, page, pageSize: PAGE_SIZE })}`);
  const filterLabel = FILTERS.find((f) => f.value === status)?.label ?? status;

  return (
    <div>
      <div className="tb-req-list-head">
        <h1 className="tb-page-title">我的诉求</h1>
        <LinkButton type="primary" to="/requests/new" icon={<FormOutlined aria-hidden />}>
          我要反映
        </LinkButton>
      </div>
      <StatusFilter options={FILTERS} className="tb-req-filter" />
      <PageState
        loading={loading}
        error={error}
        onRetry={reload}
        empty={!data?.items.length}
        emptyText={status ? `没有“${filterLabel}”的诉求` : '您还没有反映过诉求'}
        emptyAction={
          <LinkButton type="primary" to="/requests/new">
            我要反映
          </LinkButton>
        }
      >
        <p className="tb-muted" aria-live="polite">
          共 {data?.total ?? 0} 件
        </p>
        <ul className="tb-case-list">
          {data?.items.map((r) => (
            <li key={r.id} className="tb-case-row">
              <div>
                <h2>
                  <Link to={`/my/requests/${r.id}`}>{summary(r.text)}</Link>
                </h2>
                <div className="tb-case-meta">
                  <span>工单号：{r.ticketNo}</span>
                  <span>提交时间：{formatDateTime(r.receivedAt)}</span>
                </div>
              </div>
              <div className="tb-actions-row">
                <CitizenStatusTag status={r.status} />
                {waitsForAnswer(r.status) ? <DueBadge status={r.status} receivedAt={r.receivedAt} dueAt={r.dueAt} /> : null}
              </div>
            </li>
          ))}
        </ul>
        {data ? <UrlPagination page={page} pageSize={PAGE_SIZE} total={data.total} /> : null}
      </PageState>
    </div>
  );
}
