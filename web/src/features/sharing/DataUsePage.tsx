// 我的数据使用记录: every time my shared data or licences were fetched or viewed — who, when, for what, which
// record, and the case it was for. A table on wide screens; cards on phones and in 长辈版.
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Breadcrumb, Button, Table } from 'antd';
import { LinkButton } from '../../components/LinkButton.tsx';
import { PageState } from '../../components/PageState.tsx';
import { SoftTag } from '../../components/SoftTag.tsx';
import { UrlPagination } from '../../components/UrlPagination.tsx';
import { api, qs } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import type { ApplicationSummary } from '../../lib/types.ts';
import { DataUseActionLabel, type DataUseEntry, type DataUsePage as Answer } from './types.ts';
import './sharing.css';

const PAGE_SIZE = 20;

const who = (e: DataUseEntry) => (e.actorOrg ? `${e.actorOrg}（${e.actorName}）` : `${e.actorName}（本人）`);

/** The case a log row was for. The log names the case number; the case page needs its id, looked up on click. */
function CaseLink({ caseNo }: { caseNo: string | null }) {
  const navigate = useNavigate();
  const [state, setState] = useState<'idle' | 'busy' | 'missing'>('idle');
  if (!caseNo) return <span>—</span>;
  if (state === 'missing') return <span>{caseNo}（未找到）</span>;
  return (
    <Button
      type="link"
      className="tb-link-button"
      loading={state === 'busy'}
      onClick={async () => {
        setState('busy');
        try {
          const r = await api.get<{ items: ApplicationSummary[] }>(`/api/applications${qs({ q: caseNo, pageSize: 1 })}`);
          const hit = r.items.find((a) => a.caseNo === caseNo);
          if (hit) navigate(`/my/cases/${hit.id}`);
          else setState('missing');
        } catch {
          setState('missing');
        }
      }}
    >
      {caseNo}
      <span className="tb-sr-only">（查看办件）</span>
    </Button>
  );
}

function ActionTag({ e }: { e: DataUseEntry }) {
  return <SoftTag tone={e.action === 'fetch' ? 'cyan' : 'blue'}>{DataUseActionLabel[e.action] ?? e.action}</SoftTag>;
}

function UseTable({ items }: { items: DataUseEntry[] }) {
  return (
    <div className="tb-data-use-table">
      <Table<DataUseEntry>
        rowKey={(e, i) => `${e.at}-${i}`}
        size="middle"
        pagination={false}
        dataSource={items}
        columns={[
          { title: '时间', dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
          { title: '使用方', key: 'who', render: (_v, e) => who(e) },
          { title: '方式', key: 'action', width: 80, render: (_v, e) => <ActionTag e={e} /> },
          { title: '用途（用证事由）', dataIndex: 'purpose' },
          { title: '使用的数据', key: 'rec', render: (_v, e) => `${e.recordTitle}（${e.sourceLabel}）` },
          { title: '办件', key: 'case', width: 190, render: (_v, e) => <CaseLink caseNo={e.caseNo} /> },
        ]}
      />
    </div>
  );
}

function UseCards({ items }: { items: DataUseEntry[] }) {
  return (
    <ul className="tb-data-use-cards">
      {items.map((e, i) => (
        <li key={`${e.at}-${i}`}>
          <h2>
            <ActionTag e={e} />
            {e.recordTitle}
          </h2>
          <dl className="tb-dl">
            <dt>时间</dt>
            <dd>{formatDateTime(e.at)}</dd>
            <dt>使用方</dt>
            <dd>{who(e)}</dd>
            <dt>用途</dt>
            <dd>{e.purpose}</dd>
            <dt>数据来源</dt>
            <dd>{e.sourceLabel}</dd>
            <dt>办件</dt>
            <dd>
              <CaseLink caseNo={e.caseNo} />
            </dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}

export default function DataUsePage() {
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const { data, loading, error, reload } = useApi<Answer>(`/api/my/data-use${qs({ page, pageSize: PAGE_SIZE })}`);
  return (
    <div>
      <Breadcrumb className="tb-breadcrumb" items={[{ title: <Link to="/">首页</Link> }, { title: <Link to="/account">个人中心</Link> }, { title: '我的数据使用记录' }]} />
      <h1 className="tb-page-title">我的数据使用记录</h1>
      <p className="tb-muted">
        您在办事时授权使用的政府已有数据（免提交）和电子证照，每一次被调取或被工作人员查看，都记录在这里：谁、什么时候、为了什么。如发现不明使用，请拨打 12345 反映。
      </p>
      <section className="tb-card" aria-label="使用记录">
        <PageState
          loading={loading && !data}
          error={error}
          onRetry={reload}
          empty={!!data && data.items.length === 0}
          emptyText="还没有使用记录。办事时选择“使用政府已有数据（免提交）”后，每次调取和查看都会记录在这里。"
          emptyAction={
            <LinkButton type="primary" to="/items">
              去办事
            </LinkButton>
          }
        >
          {data ? (
            <>
              <p style={{ marginTop: 0 }}>共 {data.total} 条记录</p>
              <UseTable items={data.items} />
              <UseCards items={data.items} />
              <UrlPagination page={page} pageSize={PAGE_SIZE} total={data.total} scrollToTop />
            </>
          ) : null}
        </PageState>
      </section>
    </div>
  );
}
