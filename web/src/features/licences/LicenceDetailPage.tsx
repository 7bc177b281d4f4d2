// 证照详情: the certificate, its status and history, 下载 PDF, its own QR for offline verification, 亮证 and 亮证记录.
import { Link, useParams } from 'react-router-dom';
import { Alert, Breadcrumb, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useAuth, isApplicant } from '../../app/auth.tsx';
import { PageState } from '../../components/PageState.tsx';
import { SoftTag } from '../../components/SoftTag.tsx';
import { useApi } from '../../lib/useApi.ts';
import { CertificatePanel } from './CertificatePanel.tsx';
import { PresentationLog } from './PresentationLog.tsx';
import { QrImage } from './QrImage.tsx';
import { ShowLicence } from './ShowLicence.tsx';
import { LicenceHistory } from './LicenceHistory.tsx';
import { statusLabel, statusTag, type LicenceDetail, type PresentationRecord } from './types.ts';
import './licences.css';

function StatusNotice({ l }: { l: LicenceDetail }) {
  const tag = statusTag(l);
  if (tag.tone === 'green') return null;
  const title = l.status === '01' && l.expired ? `此证照已于 ${l.expiresAt} 过期` : `此证照已${l.statusLabel || statusLabel(l.status)}`;
  return <Alert className="tb-page-state" type={tag.tone === 'red' ? 'error' : 'warning'} showIcon title={title} description={l.statusReason ? `原因：${l.statusReason}` : undefined} />;
}

export default function LicenceDetailPage() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  const holder = isApplicant(user);
  const { data: l, loading, error, reload } = useApi<LicenceDetail>(`/api/licences/${encodeURIComponent(id)}`);
  const log = useApi<{ items: PresentationRecord[] }>(holder && l ? `/api/licences/${encodeURIComponent(id)}/presentations` : null);
  const tag = l ? statusTag(l) : null;

  return (
    <div>
      <Breadcrumb className="tb-breadcrumb" items={[holder ? { title: <Link to="/wallet">我的卡包</Link> } : { title: '电子证照' }, { title: l?.typeName ?? '证照详情' }]} />
      <PageState loading={loading} error={error} onRetry={reload}>
        {l && tag ? (
          <>
            <div className="tb-case-head">
              <h1 className="tb-page-title">{l.typeName}</h1>
              <div className="tb-actions-row">
                <SoftTag tone={tag.tone}>
                  <span className="tb-sr-only">状态：</span>
                  {tag.label}
                </SoftTag>
                {l.version > 1 ? <SoftTag tone="blue">第 {l.version} 版</SoftTag> : null}
              </div>
            </div>
            <StatusNotice l={l} />
            {l.replacedById ? (
              <Alert className="tb-page-state" type="info" showIcon title={<>此证照已换发新版本，<Link to={`/wallet/${l.replacedById}`}>查看新版本</Link></>} />
            ) : null}
            <div className="tb-licence-layout">
              <div className="tb-licence-main">
                <CertificatePanel l={l} />
                <div className="tb-actions-row tb-licence-actions">
                  {holder ? <ShowLicence l={l} onCreated={log.reload} /> : null}
                  <Button size="large" icon={<DownloadOutlined aria-hidden />} href={`/api/licences/${encodeURIComponent(l.id)}/pdf`} download={`${l.number}.pdf`}>
                    下载 PDF
                  </Button>
                </div>
              </div>
              <aside className="tb-licence-side" aria-label="证照信息">
                <section className="tb-card tb-licence-qr-card" aria-labelledby="qr-title">
                  <h2 id="qr-title" className="tb-section-title">
                    证照二维码
                  </h2>
                  <QrImage text={l.qr} size={200} alt={`${l.typeName}的核验二维码`} />
                  <p className="tb-muted tb-hint">二维码内含国密 SM2 签名，他人可在“证照核验”页或离线核验真伪。出示给他人请使用“亮证”，可只出示所选内容。</p>
                </section>
                <section className="tb-card" aria-labelledby="info-title">
                  <h2 id="info-title" className="tb-section-title">
                    签发信息
                  </h2>
                  <dl className="tb-dl tb-dl-compact">
                    <dt>发证机关</dt>
                    <dd>{l.issuer}</dd>
                    <dt>签发日期</dt>
                    <dd>{l.issuedAt}</dd>
                    <dt>有效期至</dt>
                    <dd>{l.expiresAt ?? '长期'}</dd>
                    {l.caseNo ? (
                      <>
                        <dt>来源办件</dt>
                        <dd>{holder && l.applicationId ? <Link to={`/my/cases/${l.applicationId}`}>{l.caseNo}</Link> : l.caseNo}</dd>
                      </>
                    ) : null}
                    {l.replacesId ? (
                      <>
                        <dt>换发自</dt>
                        <dd>
                          <Link to={`/wallet/${l.replacesId}`}>上一版本</Link>
                        </dd>
                      </>
                    ) : null}
                    <dt>签名密钥</dt>
                    <dd className="tb-mono">{l.kid}</dd>
                  </dl>
                </section>
              </aside>
            </div>
            <section className="tb-card" aria-labelledby="hist-title">
              <h2 id="hist-title" className="tb-section-title">
                状态与历史
              </h2>
              <p>
                当前状态：<strong>{tag.label}</strong>
                {l.statusReason ? `（${l.statusReason}）` : ''}
              </p>
              <LicenceHistory events={l.events} />
            </section>
            {holder ? <PresentationLog log={log} fields={l.fields} /> : null}
          </>
        ) : null}
      </PageState>
    </div>
  );
}
