// 办事指南 / 事项: search and filter the catalog. Every filter lives in the URL so a result page can be shared.
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Input, Radio } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { ApplicantTypeLabel, type ApplicantType } from '../../../../domain/enums.ts';
import { PageState } from '../../components/PageState.tsx';
import { qs } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import type { DepartmentInfo, ItemSummary } from '../../lib/types.ts';
import { ItemBadges } from './ItemBadges.tsx';
import './portal.css';
import { UrlPagination } from '../../components/UrlPagination.tsx';

const PAGE_SIZE = 10;
const FILTER_KEYS = ['q', 'departmentId', 'tag', 'applicantType', 'onlineDepth', 'crossProvince'] as const;

function Filters({ params, set }: { params: URLSearchParams; set: (k: string, v: string) => void }) {
  const depts = useApi<{ departments: DepartmentInfo[] }>('/api/departments');
  const tags = useApi<{ tags: { tag: string; count: number }[] }>('/api/tags');
  const radio = (name: string, legend: string, options: { value: string; label: string }[]) => (
    <fieldset>
      <legend>{legend}</legend>
      <Radio.Group
        name={name}
        value={params.get(name) ?? ''}
        onChange={(e) => set(name, e.target.value)}
        options={[{ value: '', label: '全部' }, ...options]}
      />
    </fieldset>
  );
  return (
    <section className="tb-card tb-filters" aria-labelledby="filters-title">
      <h2 id="filters-title" className="tb-section-title">
        筛选
      </h2>
      <div className="tb-filter">
        <label className="tb-filter-label" htmlFor="f-dept">
          实施部门
        </label>
        <select id="f-dept" className="tb-native-select" value={params.get('departmentId') ?? ''} onChange={(e) => set('departmentId', e.target.value)}>
          <option value="">全部部门</option>
          {(depts.data?.departments ?? [])
            .filter((d) => (d.itemCount ?? 0) > 0)
            .map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}（{d.itemCount}）
              </option>
            ))}
        </select>
      </div>
      <div className="tb-filter">
        <label className="tb-filter-label" htmlFor="f-tag">
          主题
        </label>
        <select id="f-tag" className="tb-native-select" value={params.get('tag') ?? ''} onChange={(e) => set('tag', e.target.value)}>
          <option value="">全部主题</option>
          {(tags.data?.tags ?? []).map((t) => (
            <option key={t.tag} value={t.tag}>
              {t.tag}（{t.count}）
            </option>
          ))}
        </select>
      </div>
      {radio(
        'applicantType',
        '服务对象',
        (Object.keys(ApplicantTypeLabel) as ApplicantType[]).map((k) => ({ value: k, label: ApplicantTypeLabel[k] })),
      )}
      {radio('onlineDepth', '办理深度', [
        { value: 'full_online', label: '全程网办' },
        { value: 'online_apply_onsite_verify', label: '网上申请窗口核验' },
        { value: 'onsite', label: '窗口办理' },
      ])}
      {radio('crossProvince', '跨省通办', [{ value: 'true', label: '仅跨省通办' }])}
    </section>
  );
}

export default function ItemsPage() {
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  useEffect(() => setQ(params.get('q') ?? ''), [params]);
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);

  const query: Record<string, string | number> = { page, pageSize: PAGE_SIZE };
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) query[k] = v;
  }
  const { data, loading, error, reload } = useApi<{ items: ItemSummary[]; total: number }>(`/api/items${qs(query)}`);

  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    next.delete('page');
    setParams(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    set('q', q.trim());
  };
  const hasFilters = FILTER_KEYS.some((k) => params.get(k));

  return (
    <div>
      <h1 className="tb-page-title">办事指南</h1>
      <form role="search" className="tb-hero-search tb-card" onSubmit={submit} style={{ padding: 12 }}>
        <label htmlFor="items-q" className="tb-sr-only">
          搜索事项名称
        </label>
        <Input
          id="items-q"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="输入事项名称或关键词"
          prefix={<SearchOutlined aria-hidden />}
          allowClear
          size="large"
        />
        <Button type="primary" htmlType="submit" size="large">
          搜索
        </Button>
      </form>
      <div className="tb-items-layout">
        <Filters params={params} set={set} />
        <section aria-labelledby="results-title">
          <div className="tb-result-bar">
            <h2 id="results-title" className="tb-section-title" style={{ margin: 0 }}>
              {params.get('q') ? `“${params.get('q')}”的搜索结果` : '全部事项'}
            </h2>
            <span aria-live="polite">{data && !loading ? `共 ${data.total} 项` : ''}</span>
          </div>
          <PageState
            loading={loading}
            error={error}
            onRetry={reload}
            empty={!data?.items.length}
            emptyText={hasFilters ? '没有找到符合条件的事项' : '暂无事项'}
            emptyAction={
              hasFilters ? (
                <div className="tb-actions-row tb-center">
                  <Button type="primary" onClick={() => setParams(new URLSearchParams())}>
                    清除搜索和筛选
                  </Button>
                  <Link to="/bundles">看看“一件事”</Link>
                </div>
              ) : null
            }
          >
            <ul className="tb-item-list">
              {data?.items.map((it) => (
                <li key={it.code} className="tb-item-row">
                  <h3>
                    <Link to={`/items/${encodeURIComponent(it.code)}`}>{it.name}</Link>
                  </h3>
                  <div className="tb-item-meta">
                    <span>{it.departmentName}</span>
                    <span>{it.type}</span>
                    <span>服务对象：{it.applicantTypes.map((a) => ApplicantTypeLabel[a] ?? a).join('、')}</span>
                  </div>
                  <ItemBadges item={it} />
                </li>
              ))}
            </ul>
            {data ? <UrlPagination page={page} pageSize={PAGE_SIZE} total={data.total} scrollToTop /> : null}
          </PageState>
        </section>
      </div>
    </div>
  );
}
