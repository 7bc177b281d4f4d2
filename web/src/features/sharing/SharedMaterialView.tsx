// A material taken from shared data (免提交), as the copy fetched at submission: provider, fields, purpose and
// when the applicant consented. Shown on the applicant's case page and in the staff workbench.
import { SoftTag } from '../../components/SoftTag.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { SharedFieldsTable } from './SharedFieldsTable.tsx';
import type { SharedMaterial } from './types.ts';
import './sharing.css';

export function SharedMaterialView({ m, showName }: { m: SharedMaterial; showName?: boolean }) {
  return (
    <div className="tb-shared-copy">
      <div className="tb-shared-copy-head">
        {showName ? <span className="tb-material-name">{m.name}</span> : null}
        <SoftTag tone="cyan">免提交</SoftTag>
        <span>
          {m.title}（{m.sourceLabel}）
        </span>
      </div>
      <dl className="tb-shared-meta">
        <dt>提供单位</dt>
        <dd>{m.provider}</dd>
        <dt>用证事由</dt>
        <dd>{m.purpose}</dd>
        <dt>授权时间</dt>
        <dd>{formatDateTime(m.consentedAt)}</dd>
      </dl>
      <SharedFieldsTable fields={m.fields} caption={`${m.name}（调取的${m.sourceLabel}）`} />
    </div>
  );
}
