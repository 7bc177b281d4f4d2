// 首页: how many uploads the platform spared people by reusing data the government already holds (免提交),
// and for a logged-in applicant how many they were spared, with the way to their data-use record.
import { Link } from 'react-router-dom';
import { CloudDownloadOutlined } from '@ant-design/icons';
import { isApplicant, useAuth } from '../../app/auth.tsx';
import { useApi } from '../../lib/useApi.ts';
import type { SharingSummary as Summary } from './types.ts';
import './sharing.css';

/** Keyed by the user, so logging in or out asks again: `mine` is for the logged-in applicant. */
export function SharingSummary() {
  const { user, loading } = useAuth();
  if (loading) return null;
  return <SummaryCard key={user?.id ?? 'anonymous'} applicant={isApplicant(user)} />;
}

function SummaryCard({ applicant }: { applicant: boolean }) {
  const { data, error } = useApi<Summary>('/api/sharing/summary');
  // A count is a nicety: when it cannot be had the home page simply goes without it.
  if (error || !data) return null;
  return (
    <section className="tb-card tb-sharing-count" aria-labelledby="home-sharing">
      <CloudDownloadOutlined aria-hidden style={{ fontSize: 28, color: '#00474f' }} />
      <h2 id="home-sharing" className="tb-section-title" style={{ margin: 0 }}>
        免提交
      </h2>
      <span>
        已为群众免提交材料 <strong>{data.total}</strong> 份
      </span>
      {applicant && data.mine !== null ? (
        <span>
          您已免提交 <strong>{data.mine}</strong> 份 · <Link to="/my/data-use">我的数据使用记录</Link>
        </span>
      ) : (
        <span className="tb-muted">办事时选择“使用政府已有数据”，无需重复上传</span>
      )}
    </section>
  );
}
