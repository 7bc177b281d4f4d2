// The licence drawn like a certificate: type, fields (sensitive ones masked with a 显示 toggle for the holder),
// holder, issuer with its e-seal, validity, number and 证照标识.
import { useState } from 'react';
import { Button } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { maskIdNumber } from '../../../../domain/codes.ts';
import { statusTag, validityText, type LicenceDetail, type LicenceField } from './types.ts';

function FieldValue({ f }: { f: LicenceField }) {
  const [shown, setShown] = useState(false);
  const masked = f.value.includes('*'); // staff already get it masked from the server
  if (!f.sensitive || masked || !f.value) return <>{f.value || '—'}</>;
  return (
    <span className="tb-sensitive">
      <span aria-live="polite">{shown ? f.value : maskIdNumber(f.value)}</span>
      <Button
        type="link"
        size="small"
        icon={shown ? <EyeInvisibleOutlined aria-hidden /> : <EyeOutlined aria-hidden />}
        aria-pressed={shown}
        aria-label={`${shown ? '隐藏' : '显示'}${f.label}`}
        onClick={() => setShown((v) => !v)}
      >
        {shown ? '隐藏' : '显示'}
      </Button>
    </span>
  );
}

export function CertificatePanel({ l }: { l: LicenceDetail }) {
  const tag = statusTag(l);
  const sealSrc = l.seal?.svg ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(l.seal.svg)}` : null;
  return (
    <section className={`tb-certificate${tag.tone === 'green' ? '' : ' is-dim'}`} aria-labelledby="cert-title">
      <div className="tb-certificate-head">
        <p className="tb-certificate-nation">中华人民共和国</p>
        <h2 id="cert-title" className="tb-certificate-title">
          {l.typeName}
        </h2>
        <p className="tb-certificate-sub">（电子证照）</p>
      </div>
      <dl className="tb-dl tb-certificate-fields">
        {l.fields.map((f) => (
          <div key={f.key} className="tb-dl-row">
            <dt>{f.label}</dt>
            <dd>
              <FieldValue f={f} />
            </dd>
          </div>
        ))}
        <div className="tb-dl-row">
          <dt>有效期限</dt>
          <dd>{validityText(l.issuedAt, l.expiresAt)}</dd>
        </div>
        <div className="tb-dl-row">
          <dt>证照编号</dt>
          <dd className="tb-mono">{l.number}</dd>
        </div>
      </dl>
      <div className="tb-certificate-foot">
        <div>
          <p className="tb-certificate-issuer">发证机关：{l.issuer}</p>
          <p>发证日期：{l.issuedAt}</p>
        </div>
        {sealSrc ? <img className="tb-seal" src={sealSrc} alt={`${l.seal!.name}（电子印章）`} width={120} height={120} /> : null}
      </div>
      <p className="tb-certificate-id">
        <span>证照标识：</span>
        <span className="tb-mono">{l.identifier}</span>
      </p>
    </section>
  );
}
