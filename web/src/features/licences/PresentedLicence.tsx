// What a verifier sees for a 亮证 code: the licence summary and only the fields the holder chose to show.
// Needs a verifier or staff login; 410 means the code expired or was already used.
import { Alert } from 'antd';
import { useLocation } from 'react-router-dom';
import { useAuth } from '../../app/auth.tsx';
import { LinkButton } from '../../components/LinkButton.tsx';
import { PageState } from '../../components/PageState.tsx';
import { SoftTag } from '../../components/SoftTag.tsx';
import { ApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import { groupCode, type PresentedLicence as Presented } from './types.ts';

function verdictOf(d: Presented): { ok: boolean; label: string; message: string } {
  if (!d.licence.genuine) return { ok: false, label: '签名无效', message: '电子签名核验未通过，证照内容可能被改动，请勿采信。' };
  if (d.licence.status !== '01') return { ok: false, label: d.licence.statusLabel, message: `此证照当前状态为“${d.licence.statusLabel}”，不能作为有效证照使用。` };
  if (d.licence.expired) return { ok: false, label: '已过期', message: `此证照已于 ${d.licence.expiresAt} 过期。` };
  return { ok: true, label: '真实有效', message: '电子签名核验通过，以下为持证人本次选择出示的内容。' };
}

function LoginFirst({ loggedIn }: { loggedIn: boolean }) {
  const location = useLocation();
  const next = encodeURIComponent(location.pathname + location.search);
  return (
    <Alert
      className="tb-page-state"
      type="warning"
      showIcon
      title={loggedIn ? '当前账号不能查看亮证内容' : '请先登录核验账号'}
      description={loggedIn ? '亮证内容只向核验单位（核验账号）和政务工作人员展示。请退出后使用核验账号登录。' : '亮证内容只向核验单位和政务工作人员展示，登录后将自动返回本页。'}
      action={
        <LinkButton type="primary" to={`/login?next=${next}`}>
          {loggedIn ? '切换账号' : '登录核验'}
        </LinkButton>
      }
    />
  );
}

export function PresentedLicence({ code }: { code: string }) {
  const { user, loading: authLoading } = useAuth();
  const { data, loading, error, reload } = useApi<Presented>(user ? `/api/presentations/${encodeURIComponent(code)}` : null);
  const status = error instanceof ApiError ? error.status : 0;
  const v = data ? verdictOf(data) : null;
  return (
    <section className="tb-card" aria-labelledby="presented-title">
      <h2 id="presented-title" className="tb-section-title">
        亮证码 <span className="tb-mono">{groupCode(code)}</span>
      </h2>
      {authLoading ? (
        <PageState loading skeletonRows={2} />
      ) : !user || status === 401 || status === 403 ? (
        <LoginFirst loggedIn={!!user && status !== 401} />
      ) : status === 410 ? (
        <Alert className="tb-page-state" type="warning" showIcon role="alert" title="亮证码已过期或已使用" description="请持证人重新生成亮证码后再核验。" />
      ) : status === 404 ? (
        <Alert className="tb-page-state" type="error" showIcon role="alert" title="亮证码不存在" description="请核对亮证码是否输入正确。" />
      ) : (
        <PageState loading={loading} error={error} onRetry={reload}>
          {data && v ? (
            <div data-testid="presented-licence" className={`tb-verdict is-${v.ok ? 'ok' : 'bad'}`}>
              <div className="tb-verdict-head">
                <div>
                  <p className="tb-verdict-title">
                    {data.licence.typeName}
                    <SoftTag tone={v.ok ? 'green' : 'red'} style={{ marginInlineStart: 12, verticalAlign: 'middle' }}>
                      {v.label}
                    </SoftTag>
                  </p>
                  <p className="tb-verdict-message">{v.message}</p>
                </div>
              </div>
              <dl className="tb-dl tb-verdict-dl">
                {data.fields.map((f) => (
                  <div key={f.key} className="tb-dl-row">
                    <dt>{f.label}</dt>
                    <dd>{f.value || '—'}</dd>
                  </div>
                ))}
                <dt>证照编号</dt>
                <dd className="tb-mono">{data.licence.number}</dd>
                <dt>发证机关</dt>
                <dd>{data.licence.issuer}</dd>
                <dt>有效期</dt>
                <dd>
                  {data.licence.issuedAt} 至 {data.licence.expiresAt ?? '长期'}
                </dd>
              </dl>
              <p className="tb-muted tb-hint">
                亮证码有效至 {formatDateTime(data.expiresAt)}
                {data.singleUse ? '，仅可查看一次（本次查看后已失效）' : ''}。本次查看已记录，持证人可以看到。
              </p>
            </div>
          ) : null}
        </PageState>
      )}
    </section>
  );
}
