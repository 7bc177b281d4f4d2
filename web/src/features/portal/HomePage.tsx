// 首页: search with typeahead and hot words, 长辈版 switch, popular items, 一件事, departments, topics, and the applicant's shortcuts.
import { Link } from 'react-router-dom';
import { SearchOutlined, FileSearchOutlined, FolderOpenOutlined, BellOutlined, AppstoreOutlined, UserOutlined } from '@ant-design/icons';
import { ElderlyToggle } from '../../app/ElderlyToggle.tsx';
import { useAuth, isApplicant } from '../../app/auth.tsx';
import { useElderly } from '../../app/elderly.tsx';
import { useUnread } from '../../app/unread.tsx';
import { PageState } from '../../components/PageState.tsx';
import { useApi } from '../../lib/useApi.ts';
import type { Bundle, DepartmentInfo, ItemSummary } from '../../lib/types.ts';
import { ItemBadges } from './ItemBadges.tsx';
import { SearchBox } from '../search/SearchBox.tsx';
import { HotWords } from '../search/HotWords.tsx';
import { HotlineEntry } from '../requests/citizen/HotlineEntry.tsx';
import { SharingSummary } from '../sharing/SharingSummary.tsx';
import { LicenceEntry } from '../licences/LicenceEntry.tsx';
import './portal.css';

function ApplicantShortcuts() {
  const { user } = useAuth();
  const { unread } = useUnread();
  const all = useApi<{ total: number }>(user && isApplicant(user) ? '/api/applications?pageSize=1' : null);
  const corr = useApi<{ total: number }>(user && isApplicant(user) ? '/api/applications?status=correction_required&pageSize=1' : null);
  if (!user || !isApplicant(user)) return null;
  return (
    <section className="tb-card tb-shortcuts" aria-labelledby="home-mine">
      <h2 id="home-mine" className="tb-section-title">
        您好，{user.realName || user.username}
      </h2>
      <div className="tb-shortcut-grid">
        <Link to="/my/cases" className="tb-shortcut">
          <FolderOpenOutlined aria-hidden className="tb-shortcut-icon" />
          <span className="tb-shortcut-num">{all.loading ? '…' : (all.data?.total ?? '—')}</span>
          <span>我的办件</span>
        </Link>
        <Link to="/my/cases?status=correction_required" className="tb-shortcut">
          <FileSearchOutlined aria-hidden className="tb-shortcut-icon tb-warn" />
          <span className="tb-shortcut-num">{corr.loading ? '…' : (corr.data?.total ?? '—')}</span>
          <span>待补正</span>
        </Link>
        <Link to="/inbox" className="tb-shortcut">
          <BellOutlined aria-hidden className="tb-shortcut-icon" />
          <span className="tb-shortcut-num">{unread}</span>
          <span>未读消息</span>
        </Link>
      </div>
    </section>
  );
}

function PopularItems({ limit }: { limit: number }) {
  const { data, loading, error, reload } = useApi<{ items: ItemSummary[] }>(`/api/items/popular?limit=${limit}`);
  const { elderly } = useElderly();
  return (
    <section className="tb-card" aria-labelledby="home-popular">
      <div className="tb-section-head">
        <h2 id="home-popular" className="tb-section-title">
          热门事项
        </h2>
        <Link to="/items">查看全部事项</Link>
      </div>
      <PageState loading={loading} error={error} onRetry={reload} empty={!data?.items.length} emptyText="暂无热门事项">
        <ul className={elderly ? 'tb-tile-list' : 'tb-popular-grid'}>
          {data?.items.map((it) => (
            <li key={it.code}>
              <Link to={`/items/${encodeURIComponent(it.code)}`} className={elderly ? 'tb-tile' : 'tb-popular-card'}>
                <span className="tb-popular-name">{it.name}</span>
                {elderly ? null : <span className="tb-popular-dept">{it.departmentName}</span>}
                {elderly ? null : <ItemBadges item={it} />}
              </Link>
            </li>
          ))}
        </ul>
      </PageState>
    </section>
  );
}

function BundleEntries() {
  const { data, loading, error, reload } = useApi<{ bundles: Bundle[] }>('/api/bundles');
  return (
    <section className="tb-card" aria-labelledby="home-bundles">
      <div className="tb-section-head">
        <h2 id="home-bundles" className="tb-section-title">
          一件事一次办
        </h2>
        <Link to="/bundles">全部一件事</Link>
      </div>
      <PageState loading={loading} error={error} onRetry={reload} empty={!data?.bundles.length} emptyText="暂无一件事主题">
        <ul className="tb-bundle-grid">
          {data?.bundles.map((b) => (
            <li key={b.code}>
              <Link to={`/bundles/${encodeURIComponent(b.code)}`} className="tb-bundle-card">
                <AppstoreOutlined aria-hidden className="tb-bundle-icon" />
                <span className="tb-bundle-name">{b.name}</span>
                <span className="tb-bundle-meta">整合 {b.itemCodes.length} 个事项 · 一表申请</span>
              </Link>
            </li>
          ))}
        </ul>
      </PageState>
    </section>
  );
}

function BrowseByDepartment() {
  const { data, loading, error, reload } = useApi<{ departments: DepartmentInfo[] }>('/api/departments');
  const departments = (data?.departments ?? []).filter((d) => (d.itemCount ?? 0) > 0);
  return (
    <section className="tb-card" aria-labelledby="home-depts">
      <h2 id="home-depts" className="tb-section-title">
        按部门查找
      </h2>
      <PageState loading={loading} error={error} onRetry={reload} empty={!departments.length} emptyText="暂无部门">
        <ul className="tb-chip-grid">
          {departments.map((d) => (
            <li key={d.id}>
              <Link to={`/items?departmentId=${encodeURIComponent(d.id)}`} className="tb-chip">
                {d.shortName || d.name}
                <span className="tb-chip-count">{d.itemCount} 项</span>
              </Link>
            </li>
          ))}
        </ul>
      </PageState>
    </section>
  );
}

function BrowseByTopic() {
  const { data, loading, error, reload } = useApi<{ tags: { tag: string; count: number }[] }>('/api/tags');
  return (
    <section className="tb-card" aria-labelledby="home-tags">
      <h2 id="home-tags" className="tb-section-title">
        按主题查找
      </h2>
      <PageState loading={loading} error={error} onRetry={reload} empty={!data?.tags.length} emptyText="暂无主题">
        <ul className="tb-chip-grid">
          {data?.tags.map((t) => (
            <li key={t.tag}>
              <Link to={`/items?tag=${encodeURIComponent(t.tag)}`} className="tb-chip">
                {t.tag}
                <span className="tb-chip-count">{t.count}</span>
              </Link>
            </li>
          ))}
        </ul>
      </PageState>
    </section>
  );
}

/** 长辈版 home: a few big tiles instead of many small links. */
function ElderlyTiles() {
  const { user } = useAuth();
  const { unread } = useUnread();
  return (
    <nav aria-label="常用服务" className="tb-card">
      <h2 className="tb-section-title">常用服务</h2>
      <ul className="tb-big-tiles">
        <li>
          <Link to="/items" className="tb-big-tile">
            <SearchOutlined aria-hidden />
            <span>找服务</span>
          </Link>
        </li>
        <li>
          <Link to="/my/cases" className="tb-big-tile">
            <FolderOpenOutlined aria-hidden />
            <span>我的办件</span>
          </Link>
        </li>
        <li>
          <Link to={user ? '/inbox' : '/login?next=%2Finbox'} className="tb-big-tile">
            <BellOutlined aria-hidden />
            <span>消息{unread ? `（${unread} 条未读）` : ''}</span>
          </Link>
        </li>
        <li>
          <Link to={user ? '/account' : '/login'} className="tb-big-tile">
            <UserOutlined aria-hidden />
            <span>{user ? '我的账号' : '登录'}</span>
          </Link>
        </li>
      </ul>
    </nav>
  );
}

export default function HomePage() {
  const { elderly } = useElderly();
  return (
    <div className="tb-home">
      <section className="tb-hero" aria-labelledby="home-title">
        <div className="tb-hero-inner">
          <h1 id="home-title" className="tb-hero-title">
            安澜市示范区一网通办
          </h1>
          <p className="tb-hero-sub">用您自己的话搜索要办的事，办事指南、在线申请、进度查询一站办理</p>
          <SearchBox id="home-search" big={elderly} emptyTarget="/items" />
          <HotWords tone="light" />
          <div className="tb-hero-toggle">
            <ElderlyToggle variant="hero" />
            {elderly ? null : <span className="tb-hero-note">字更大、按钮更大、操作更简单</span>}
          </div>
        </div>
      </section>
      <ApplicantShortcuts />
      <SharingSummary />
      <HotlineEntry />
      <LicenceEntry />
      {elderly ? (
        <>
          <ElderlyTiles />
          <PopularItems limit={6} />
        </>
      ) : (
        <>
          <PopularItems limit={8} />
          <BundleEntries />
          <div className="tb-two-col">
            <BrowseByDepartment />
            <BrowseByTopic />
          </div>
        </>
      )}
    </div>
  );
}
