// One licence in the wallet, drawn like a card in a 卡包: type, number, issuer, validity and status.
import { Link } from 'react-router-dom';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { SoftTag } from '../../components/SoftTag.tsx';
import { statusTag, validityText, type LicenceSummary } from './types.ts';

export function LicenceCard({ l }: { l: LicenceSummary }) {
  const tag = statusTag(l);
  const dim = tag.tone !== 'green';
  return (
    <Link to={`/wallet/${l.id}`} className={`tb-licence-card${dim ? ' is-dim' : ''}${l.holderKind === 'enterprise' ? ' is-enterprise' : ''}`}>
      <span className="tb-licence-card-top">
        <SafetyCertificateOutlined aria-hidden className="tb-licence-card-icon" />
        <span className="tb-licence-card-type">{l.typeName}</span>
        <SoftTag tone={tag.tone} style={{ marginInlineEnd: 0 }}>
          <span className="tb-sr-only">状态：</span>
          {tag.label}
        </SoftTag>
      </span>
      <span className="tb-licence-card-holder">{l.holderName}</span>
      <span className="tb-licence-card-meta">
        <span>证照编号：{l.number}</span>
        <span>发证机关：{l.issuer}</span>
        <span>有效期：{validityText(l.issuedAt, l.expiresAt)}</span>
      </span>
    </Link>
  );
}
