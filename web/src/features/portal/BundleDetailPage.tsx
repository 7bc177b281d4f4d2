// 一件事 detail: what it covers, the steps (items in one step run in parallel), the shared form.
import { Link, useParams } from 'react-router-dom';
import { Breadcrumb } from 'antd';
import { LinkButton } from '../../components/LinkButton.tsx';
import { PageState } from '../../components/PageState.tsx';
import { ApiError } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import type { BundleDetail, ItemSummary } from '../../lib/types.ts';
import { ItemBadges } from './ItemBadges.tsx';
import './portal.css';

export default function BundleDetailPage() {
  const { code = '' } = useParams();
  const { data: bundle, loading, error, reload } = useApi<BundleDetail>(`/api/bundles/${encodeURIComponent(code)}`);
  const byCode = new Map<string, ItemSummary>((bundle?.items ?? []).map((i) => [i.code, i]));
  const groups = bundle ? (bundle.parallelGroups.length ? bundle.parallelGroups : [bundle.itemCodes]) : [];

  return (
    <div>
      <Breadcrumb
        className="tb-breadcrumb"
        items={[{ title: <Link to="/">首页</Link> }, { title: <Link to="/bundles">一件事</Link> }, { title: bundle?.name ?? code }]}
      />
      {error instanceof ApiError && error.status === 404 ? (
        <PageState empty emptyText="没有找到这个一件事主题" emptyAction={<LinkButton type="primary" to="/bundles">查看全部一件事</LinkButton>} />
      ) : (
        <PageState loading={loading} error={error} onRetry={reload} skeletonRows={8}>
          {bundle ? (
            <>
              <section className="tb-card">
                <h1 className="tb-page-title">{bundle.name}</h1>
                <p className="tb-prose">{bundle.description}</p>
              </section>
              <section className="tb-card" aria-labelledby="b-steps">
                <h2 id="b-steps" className="tb-section-title">
                  办理步骤
                </h2>
                <p className="tb-muted">同一步骤中的事项同时（并联）办理，上一步办结后自动进入下一步。</p>
                <ol className="tb-steps-list">
                  {groups.map((g, i) => (
                    <li key={i} className="tb-step">
                      <h3>
                        第 {i + 1} 步{g.length > 1 ? `（${g.length} 个事项并联办理）` : ''}
                      </h3>
                      <ul className="tb-step-items">
                        {g.map((c) => {
                          const it = byCode.get(c);
                          return (
                            <li key={c} className="tb-item-row">
                              <Link to={`/items/${encodeURIComponent(c)}`} style={{ fontWeight: 700 }}>
                                {it?.name ?? c}
                              </Link>
                              {it ? <div className="tb-item-meta">{it.departmentName}</div> : null}
                              {it ? <ItemBadges item={it} /> : null}
                            </li>
                          );
                        })}
                      </ul>
                    </li>
                  ))}
                </ol>
              </section>
              <section className="tb-card" aria-labelledby="b-form">
                <h2 id="b-form" className="tb-section-title">
                  一表申请：共用表单信息
                </h2>
                <p className="tb-muted">以下信息只需填写一次，自动用于各个事项。</p>
                <ul className="tb-form-fields">
                  {bundle.sharedForm.map((f) => (
                    <li key={f}>{f}</li>
                  ))}
                </ul>
              </section>
            </>
          ) : null}
        </PageState>
      )}
    </div>
  );
}
