// 一件事一次办: the list of bundles.
import { Link } from 'react-router-dom';
import { AppstoreOutlined } from '@ant-design/icons';
import { PageState } from '../../components/PageState.tsx';
import { useApi } from '../../lib/useApi.ts';
import type { Bundle } from '../../lib/types.ts';
import './portal.css';

export default function BundlesPage() {
  const { data, loading, error, reload } = useApi<{ bundles: Bundle[] }>('/api/bundles');
  return (
    <div>
      <h1 className="tb-page-title">一件事一次办</h1>
      <p className="tb-muted">把人生中、企业经营中要一起办的几件事整合起来：一次告知、一表申请、一套材料、并联办理。</p>
      <PageState loading={loading} error={error} onRetry={reload} empty={!data?.bundles.length} emptyText="暂无一件事主题">
        <ul className="tb-item-list">
          {data?.bundles.map((b) => (
            <li key={b.code} className="tb-item-row">
              <h2 style={{ fontSize: 19, margin: '0 0 6px' }}>
                <AppstoreOutlined aria-hidden style={{ color: '#0052d9', marginRight: 8 }} />
                <Link to={`/bundles/${encodeURIComponent(b.code)}`}>{b.name}</Link>
              </h2>
              <p style={{ margin: '0 0 6px' }}>{b.description}</p>
              <div className="tb-item-meta">
                <span>整合 {b.itemCodes.length} 个事项</span>
                <span>分 {b.parallelGroups.length} 步办理</span>
                <span>共用表单 {b.sharedForm.length} 项</span>
              </div>
            </li>
          ))}
        </ul>
      </PageState>
    </div>
  );
}
