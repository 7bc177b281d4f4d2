// /my/requests/:id — one of my 12345 requests: where it stands (steps), the department's answer once sent,
// the rating card when it waits for my 回访, and its history.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Breadcrumb } from 'antd';
import { ReplyResultLabel, SatisfactionLabel, type Satisfaction } from '../../../../../domain/requests.ts';
import { LinkButton } from '../../../components/LinkButton.tsx';
import { PageState } from '../../../components/PageState.tsx';
import { SoftTag } from '../../../components/SoftTag.tsx';
import { ApiError } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { afterRatingMessage, CallbackCard } from './CallbackCard.tsx';
import { RequestHistory } from './RequestHistory.tsx';
import { departmentName, DueBadge, useDepartments, type RequestDetail } from '../shared/index.ts';
import { CitizenStatusTag, RequestSteps, waitsForAnswer } from './status.tsx';
import '../../applications/applications.css';
import './citizen.css';

function Answer({ r }: { r: RequestDetail }) {
  // The department's reply reaches the citizen only after the hotline has approved it (answered, closed).
  if (!(r.status === 'answered' || r.status === 'closed') || !(r.replyText || r.replyResult)) return null;
  return (
    <section className="tb-card tb-req-answer" aria-labelledby="req-answer">
      <h2 id="req-answer" className="tb-section-title">
        办理答复
      </h2>
      {r.replyResult ? (
        <p>
          办理结果：<SoftTag tone={r.replyResult === 'unsolvable' ? 'orange' : 'green'}>{ReplyResultLabel[r.replyResult]}</SoftTag>
        </p>
      ) : null}
      {r.replyText ? <p className="tb-req-answer-text">{r.replyText}</p> : null}
      {r.satisfaction && r.status === 'closed' ? <p>您的评价：{SatisfactionLabel[r.satisfaction]}</p> : null}
    </section>
  );
}

function Facts({ r, departmentName }: { r: RequestDetail; departmentName: (id: string | null) => string }) {
  const assigned = r.status !== 'received' && r.status !== 'returned';
  return (
    <dl className="tb-dl">
      <dt>提交时间</dt>
      <dd>{formatDateTime(r.receivedAt)}</dd>
      {waitsForAnswer(r.status) ? (
        <>
          <dt>预计答复</dt>
          <dd>
            <DueBadge status={r.status} receivedAt={r.receivedAt} dueAt={r.dueAt} showDate />
            {r.urgent ? '（紧急诉求，优先处置）' : ''}
          </dd>
        </>
      ) : null}
      <dt>诉求类型</dt>
      <dd>
        {r.type} · {r.category}
        {r.status === 'received' ? <span className="tb-muted">（初步归类，热线派单时核实）</span> : null}
      </dd>
      <dt>承办单位</dt>
      <dd>{assigned ? departmentName(r.departmentId) || '—' : '热线派单中'}</dd>
      {r.address || r.community ? (
        <>
          <dt>地点</dt>
          <dd>{r.address || r.community}</dd>
        </>
      ) : null}
      {r.attachments?.length ? (
        <>
          <dt>附件</dt>
          <dd>
            <ul className="tb-req-files">
              {r.attachments.map((f) => (
                <li key={f.fileId}>
                  <a href={`/api/files/${encodeURIComponent(f.fileId)}`} target="_blank" rel="noopener noreferrer">
                    {f.name}
                    <span className="tb-sr-only">（在新窗口打开）</span>
                  </a>
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      <dt>联系方式</dt>
      <dd>{r.anonymous ? '匿名反映' : [r.contactName, r.phone].filter(Boolean).join('，') || '—'}{r.confidential ? '（保密：承办部门看不到您的姓名和电话）' : ''}</dd>
    </dl>
  );
}

export default function MyRequestDetailPage() {
  const { id = '' } = useParams();
  const { data: r, loading, error, reload, setData } = useApi<RequestDetail>(`/api/requests/${encodeURIComponent(id)}`);
  const { departments } = useDepartments();
  const deptName = (id: string | null) => (departments ? departmentName(departments, id) : '');
  const [flash, setFlash] = useState<string | null>(null);
  const notFound = error instanceof ApiError && (error.status === 404 || error.status === 400);

  return (
    <div>
      <Breadcrumb className="tb-breadcrumb" items={[{ title: <Link to="/">首页</Link> }, { title: <Link to="/my/requests">我的诉求</Link> }, { title: r?.ticketNo ?? '诉求详情' }]} />
      {notFound ? (
        <PageState empty emptyText="诉求不存在，或您无权查看" emptyAction={<LinkButton type="primary" to="/my/requests">返回我的诉求</LinkButton>} />
      ) : (
        <PageState loading={loading && !r} error={error} onRetry={reload} skeletonRows={10}>
          {r ? (
            <>
              {flash ? <Alert type="success" showIcon title={flash} role="status" closable={{ onClose: () => setFlash(null) }} style={{ marginBottom: 12 }} /> : null}
              <section className="tb-card" aria-labelledby="req-title">
                <div className="tb-case-head">
                  <div>
                    <h1 id="req-title" className="tb-page-title" style={{ marginBottom: 6 }}>
                      {r.channel === 'enterprise' ? '企业诉求' : '我的诉求'} {r.ticketNo}
                    </h1>
                    {r.reopenCount ? <p className="tb-muted">已重新办理 {r.reopenCount} 次{r.supervised ? '，热线中心督办中' : ''}</p> : null}
                  </div>
                  <CitizenStatusTag status={r.status} />
                </div>
                <div className="tb-req-steps">
                  <RequestSteps status={r.status} />
                </div>
                <h2 className="tb-req-subtitle">反映的内容</h2>
                <p className="tb-req-text">{r.text}</p>
                <Facts r={r} departmentName={deptName} />
              </section>
              <Answer r={r} />
              {r.allowedActions.includes('callback') ? (
                <CallbackCard
                  request={r}
                  onDone={(d, s: Satisfaction) => {
                    setData(d);
                    setFlash(afterRatingMessage(d, s));
                    window.scrollTo(0, 0);
                  }}
                />
              ) : null}
              <section className="tb-card" aria-labelledby="req-history">
                <h2 id="req-history" className="tb-section-title">
                  办理记录
                </h2>
                <RequestHistory events={r.events} departmentName={deptName} />
              </section>
            </>
          ) : null}
        </PageState>
      )}
    </div>
  );
}
