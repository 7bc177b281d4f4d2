// 亮证记录: every code the holder made for this licence, the fields it disclosed, and each time someone viewed it.
import { SoftTag } from '../../components/SoftTag.tsx';
import { PageState } from '../../components/PageState.tsx';
import { formatDateTime } from '../../lib/format.ts';
import type { ApiState } from '../../lib/useApi.ts';
import type { LicenceField, PresentationRecord } from './types.ts';

function state(p: PresentationRecord): { label: string; tone: 'green' | 'grey' | 'blue' } {
  if (p.singleUse && p.usedAt) return { label: '已使用', tone: 'blue' };
  if (Date.parse(p.expiresAt) <= Date.now()) return { label: '已过期', tone: 'grey' };
  return { label: '有效中', tone: 'green' };
}

export function PresentationLog({ log, fields }: { log: ApiState<{ items: PresentationRecord[] }>; fields: LicenceField[] }) {
  const label = new Map(fields.map((f) => [f.key, f.label]));
  const names = (keys: string[]) => keys.map((k) => label.get(k) ?? k).join('、') || '—';
  const items = log.data?.items ?? [];
  return (
    <section className="tb-card" aria-labelledby="pres-title">
      <h2 id="pres-title" className="tb-section-title">
        亮证记录
      </h2>
      <p className="tb-muted">每次亮证出示了哪些内容，谁在什么时候查看过，都记录在这里。</p>
      <PageState loading={log.loading && !log.data} error={log.error} onRetry={log.reload} empty={!items.length} emptyText="还没有亮证记录" skeletonRows={2}>
        <ol className="tb-pres-list">
          {items.map((p) => {
            const s = state(p);
            return (
              <li key={p.id} className="tb-pres">
                <div className="tb-pres-head">
                  <strong>{formatDateTime(p.createdAt)} 亮证</strong>
                  <SoftTag tone={s.tone}>{s.label}</SoftTag>
                  {p.singleUse ? <SoftTag tone="purple">一次有效</SoftTag> : null}
                  <span className="tb-muted">有效至 {formatDateTime(p.expiresAt)}</span>
                </div>
                <p className="tb-pres-fields">出示内容：{names(p.fields)}</p>
                {p.views.length ? (
                  <ul className="tb-pres-views" aria-label="查看记录">
                    {p.views.map((v, i) => (
                      <li key={`${v.at}-${i}`}>
                        <time dateTime={v.at}>{formatDateTime(v.at)}</time>
                        <span>
                          {v.viewer}
                          {v.org ? `（${v.org}）` : ''} 查看了
                        </span>
                        <span>{names(v.fields)}</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="tb-muted tb-pres-none">尚无人查看</p>
                )}
              </li>
            );
          })}
        </ol>
      </PageState>
    </section>
  );
}
