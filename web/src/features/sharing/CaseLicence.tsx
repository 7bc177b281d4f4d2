// The e-licence a completed case issued: number, type, status and the way to it (the holder's 卡包 or the
// staff licence page and its signed PDF).
import { Link } from 'react-router-dom';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { SoftTag, type Tone } from '../../components/SoftTag.tsx';
import type { CaseLicence as Licence } from './types.ts';
import './sharing.css';

const tone = (status: string): Tone => (status === '01' ? 'green' : status === '03' || status === '07' ? 'red' : status === '02' ? 'orange' : 'grey');

export function CaseLicence({ licence, audience }: { licence: Licence; audience: 'holder' | 'staff' }) {
  const to = audience === 'holder' ? `/wallet/${encodeURIComponent(licence.id)}` : `/licences/${encodeURIComponent(licence.id)}`;
  return (
    <div className="tb-case-licence">
      <SafetyCertificateOutlined aria-hidden className="tb-case-licence-icon" />
      <div className="tb-case-licence-text">
        <div>
          <strong>{licence.typeName}</strong> <SoftTag tone={tone(licence.status)}>{licence.statusLabel}</SoftTag>
        </div>
        <div>证照编号：{licence.number}</div>
        <div className="tb-actions-row" style={{ marginTop: 6, gap: 16 }}>
          <Link to={to}>{audience === 'holder' ? '在卡包中查看' : '查看证照'}<span className="tb-sr-only">：{licence.typeName}</span></Link>
          {audience === 'staff' ? (
            <a href={`/api/licences/${encodeURIComponent(licence.id)}/pdf`} target="_blank" rel="noopener noreferrer">
              下载 PDF<span className="tb-sr-only">（在新标签页打开）</span>
            </a>
          ) : null}
        </div>
      </div>
    </div>
  );
}
