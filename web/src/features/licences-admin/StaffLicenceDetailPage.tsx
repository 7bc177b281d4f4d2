// 证照详情 for the issuing department: contents (identity numbers masked), signature facts, the case it came from,
// the status history, the signed PDF and, for reviewers, 撤销 / 吊销 / 暂扣 / 注销 with a reason.
import { Link, useParams } from 'react-router-dom';
import { Alert, Breadcrumb, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { hasRole, useAuth } from '../../app/auth.tsx';
import { PageState } from '../../components/PageState.tsx';
import { ApiError } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { statusLabel, validityText, type LicenceDetail } from '../licences/types.ts';
import { LicenceHistory } from '../licences/LicenceHistory.tsx';
import { SharedFieldsTable } from '../sharing/SharedFieldsTable.tsx';
import './licences-admin.css';
import { LicenceStatusTag } from './StaffLicencesPage.tsx';
import { StatusChangeForm } from './StatusChangeForm.tsx';
import { FINAL_STATUSES, svgSrc } from './types.ts';

function Facts({ l }: { l: LicenceDetail }) {
  return (
    <dl className="tb-dl">
      <dt>证照编号</dt>
      <dd>{l.number}</dd>
      <dt>证照标识</dt>
      <dd style={{ fontFamily: 'monospace' }}>{l.identifier}</dd>
      <dt>持证人</dt>
      <dd>{l.holderMasked}</dd>
      <dt>签发机关</dt>
      <dd>{l.issuer}</dd>
      <dt>有效期</dt>
      <dd>{validityText(l.issuedAt, l.expiresAt)}</dd>
      <dt>状态</dt>
      <dd>
        <LicenceStatusTag l={l} />
        {l.statusReason ? <span style={{ marginLeft: 8 }}>理由：{l.statusReason}</span> : null}
      </dd>
      <dt>版本</dt>
      <dd>
        第 {l.version} 版
        {l.replacesId ? (
          <>
            {' · '}
            <Link to={`/licences/${encodeURIComponent(l.replacesId)}`}>查看上一版</Link>
          </>
        ) : null}
        {l.replacedById ? (
          <>
            {' · '}
            <Link to={`/licences/${encodeURIComponent(l.replacedById)}`}>已换发，查看新版</Link>
          </>
        ) : null}
      </dd>
      <dt>来源办件</dt>
      <dd>{l.applicationId ? <Link to={`/workbench/cases/${encodeURIComponent(l.applicationId)}`}>{l.caseNo ?? '查看办件'}</Link> : '—'}</dd>
      <dt>签名密钥</dt>
      <dd style={{ fontFamily: 'monospace' }}>{l.kid}（SM2）</dd>
    </dl>
  );
}

export default function StaffLicenceDetailPage() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  const { data: l, loading, error, reload, setData } = useApi<LicenceDetail>(`/api/licences/${encodeURIComponent(id)}`);
  const notFound = error instanceof ApiError && (error.status === 404 || error.status === 403);
  const mayChange = !!l && hasRole(user, 'reviewer') && user?.departmentId === l.departmentId && !FINAL_STATUSES.includes(l.status);

  return (
    <div>
      <Breadcrumb className="tb-breadcrumb" items={[{ title: <Link to="/workbench">工作台</Link> }, { title: <Link to="/licences">证照管理</Link> }, { title: l?.number ?? '证照详情' }]} />
      {notFound ? (
        <PageState empty emptyText="证照不存在，或不是本部门签发的" />
      ) : (
        <PageState loading={loading && !l} error={error} onRetry={reload} skeletonRows={10}>
          {l ? (
            <>
              <section className="tb-card" aria-labelledby="lic-title">
                <div className="tb-lic-head">
                  <div>
                    <h1 id="lic-title" className="tb-page-title">
                      {l.typeName}
                    </h1>
                    <LicenceStatusTag l={l} />
                  </div>
                  <Button href={`/api/licences/${encodeURIComponent(l.id)}/pdf`} target="_blank" rel="noopener noreferrer" icon={<DownloadOutlined aria-hidden />}>
                    下载签章 PDF<span className="tb-sr-only">（在新标签页打开）</span>
                  </Button>
                </div>
                {l.status !== '01' ? (
                  <Alert
                    type={FINAL_STATUSES.includes(l.status) ? 'error' : 'warning'}
                    showIcon
                    style={{ margin: '12px 0' }}
                    title={`此证照已${statusLabel(l.status)}`}
                    description={l.statusReason ? `理由：${l.statusReason}` : undefined}
                  />
                ) : null}
                <div style={{ marginTop: 12 }}>
                  <Facts l={l} />
                </div>
                {mayChange ? (
                  <div style={{ marginTop: 16 }}>
                    <StatusChangeForm licence={l} onDone={setData} />
                  </div>
                ) : null}
              </section>
              <section className="tb-card" aria-labelledby="lic-fields">
                <h2 id="lic-fields" className="tb-section-title">
                  证照内容
                </h2>
                <div className="tb-lic-fields">
                  <div>
                    <SharedFieldsTable fields={l.fields} caption={`${l.typeName}的内容`} />
                    <p className="tb-muted" style={{ marginBottom: 0 }}>
                      身份证件号码已遮蔽。
                    </p>
                  </div>
                  {l.seal ? <img src={svgSrc(l.seal.svg)} alt={`电子印章：${l.seal.name}`} width={140} height={140} /> : null}
                </div>
              </section>
              <section className="tb-card" aria-labelledby="lic-history">
                <h2 id="lic-history" className="tb-section-title">
                  状态记录
                </h2>
                <LicenceHistory events={l.events} />
              </section>
            </>
          ) : null}
        </PageState>
      )}
    </div>
  );
}
