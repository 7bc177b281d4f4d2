// The answer of POST /api/licences/verify as a big, plain verdict, the licence summary and the checks done.
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { VerifyResult } from './types.ts';

type Look = 'ok' | 'bad' | 'warn' | 'unknown';

function verdict(r: VerifyResult): { title: string; look: Look } {
  switch (r.status) {
    case 'valid':
      return { title: '真实有效', look: 'ok' };
    case 'tampered':
      return { title: '已被篡改', look: 'bad' };
    case 'revoked':
      return { title: `已${r.licenceStatusLabel ?? '撤销'}`, look: 'bad' };
    case 'expired':
      return { title: '已过期', look: 'warn' };
    case 'inactive':
      return { title: r.licenceStatusLabel ? `已${r.licenceStatusLabel.replace(/^已/, '')}` : '已失效', look: 'warn' };
    default:
      return { title: '无法核验', look: 'unknown' };
  }
}

const ICON: Record<Look, ReactNode> = {
  ok: <CheckCircleFilled aria-hidden />,
  bad: <CloseCircleFilled aria-hidden />,
  warn: <ExclamationCircleFilled aria-hidden />,
  unknown: <QuestionCircleFilled aria-hidden />,
};

function Check({ ok, label }: { ok: boolean; label: string }) {
  return (
    <li className={ok ? 'is-ok' : 'is-bad'}>
      {ok ? <CheckCircleFilled aria-hidden /> : <CloseCircleFilled aria-hidden />}
      <span>
        {label}：{ok ? '通过' : '未通过'}
      </span>
    </li>
  );
}

export function VerifyVerdict({ r }: { r: VerifyResult }) {
  const v = verdict(r);
  const l = r.licence;
  return (
    <section className={`tb-verdict is-${v.look}`} aria-labelledby="verdict-title" data-testid="verify-verdict">
      <div className="tb-verdict-head" role="status" aria-live="polite">
        <span className="tb-verdict-icon">{ICON[v.look]}</span>
        <div>
          <h2 id="verdict-title" className="tb-verdict-title">
            {v.title}
          </h2>
          <p className="tb-verdict-message">{r.message}</p>
          {r.reason ? <p className="tb-verdict-message">原因：{r.reason}</p> : null}
        </div>
      </div>
      {l ? (
        <dl className="tb-dl tb-verdict-dl">
          <dt>证照类型</dt>
          <dd>{l.type}</dd>
          <dt>证照编号</dt>
          <dd className="tb-mono">{l.number}</dd>
          <dt>持证主体</dt>
          <dd>{l.holderMasked}</dd>
          <dt>发证机关</dt>
          <dd>{l.issuer}</dd>
          <dt>有效期</dt>
          <dd>
            {l.issuedAt} 至 {l.expiresAt ?? '长期'}
          </dd>
          {r.licenceStatusLabel ? (
            <>
              <dt>登记状态</dt>
              <dd>{r.licenceStatusLabel}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      <h3 className="tb-verdict-checks-title">核验项目</h3>
      <ul className="tb-verdict-checks">
        <Check ok={r.checks.signature} label="发证机关 SM2 电子签名" />
        <Check ok={r.checks.digest} label="证照内容 SM3 摘要" />
        {r.checks.file !== undefined ? <Check ok={r.checks.file} label="PDF 文件完整性" /> : null}
        <Check ok={r.checks.known} label="证照库登记" />
      </ul>
    </section>
  );
}
