// 我的办件: the applicant's own cases with status and time left.
import { Link, useSearchParams } from 'react-router-dom';
import { StatusFilter } from '../../components/StatusFilter.tsx';
import { ApplicationStatusLabel, type ApplicationStatus } from '../../../../domain/workflow.ts';
import { DeadlineBadge } from '../../components/DeadlineBadge.tsx';
import { LinkButton } from '../../components/LinkButton.tsx';
import { PageState } from '../../components/PageState.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { qs } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import type { ApplicationSummary } from '../../lib/types.ts';
import './applications.css';
import { UrlPagination } from '../../components/UrlPagination.tsx';

const PAGE_SIZE = 10;
const FILTERS: { value: string; label: string }[] = [
  { value: '', label: '全部' },
  { value: 'correction_required', label: ApplicationStatusLabel.correction_required },
  { value: 'submitted', label: '待受理' },
  { value: 'accepted', label: '审查中' },
  { value: 'completed', label: ApplicationStatusLabel.completed },
  { value: 'draft', label: ApplicationStatusLabel.draft },
];

export default function MyCasesPage() {
  const [params] = useSearchParams();
  const status = params.get('status') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const { data, loading, error, reload } = useApi<{ items: ApplicationSummary[]; total: number }>(
    `/api/applications${qs({ status, page, pageSize: PAGE_SIZE, sort: 'newest' })}`,
  );

  return (
    <div>
      <h1 className="tb-page-title">我的办件</h1>
      <StatusFilter options={FILTERS} style={{ border: 0, padding: 0, margin: '0 0 12px' }} />
      <PageState
        loading={loading}
        error={error}
        onRetry={reload}
        empty={!data?.items.length}
        emptyText={status ? `没有“${ApplicationStatusLabel[status as ApplicationStatus] ?? status}”的办件` : '您还没有办件'}
        emptyAction={
          <LinkButton type="primary" to="/items">
            去办事
          </LinkButton>
        }
      >
        <p className="tb-muted" aria-live="polite">
          共 {data?.total ?? 0} 件
        </p>
        <ul className="tb-case-list">
          {data?.items.map((c) => (
            <li key={c.id} className="tb-case-row">
              <div>
                <h2>
                  <Link to={`/my/cases/${c.id}`}>{c.itemName}</Link>
                </h2>
                <div className="tb-case-meta">
                  <span>办件编号：{c.caseNo}</span>
                  <span>{c.departmentName}</span>
                  <span>提交时间：{formatDateTime(c.submittedAt)}</span>
                </div>
              </div>
              <div className="tb-actions-row">
                <StatusTag status={c.status} />
                <DeadlineBadge status={c.status} daysLeft={c.daysLeft} deadlineLevel={c.deadlineLevel} dueDate={c.dueDate} dueDateProvisional={c.dueDateProvisional} showDate />
              </div>
            </li>
          ))}
        </ul>
        {data ? <UrlPagination page={page} pageSize={PAGE_SIZE} total={data.total} /> : null}
      </PageState>
    </div>
  );
}
