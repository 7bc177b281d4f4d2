import { LinkButton } from '../components/LinkButton.tsx';
// Route guard: not logged in → /login?next=…; logged in without the role → a 403 page.
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Result, Spin } from 'antd';
import { useAuth, hasRole } from './auth.tsx';

export function RequireAuth({ roles, children }: { roles?: string[]; children: ReactNode }) {
  const { user, loading } = useAuth();
  const location = useLocation();
  if (loading) {
    return (
      <div className="tb-route-loading" role="status" aria-live="polite">
        <Spin size="large" />
        <span className="tb-sr-only">正在确认登录状态…</span>
      </div>
    );
  }
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (roles && !hasRole(user, ...roles)) {
    return (
      <Result
        status="403"
        title={<h1 className="tb-result-title">无权访问</h1>}
        subTitle="当前账号没有访问此页面的权限。如需办理，请使用相应的账号登录。"
        extra={
          <LinkButton type="primary" to="/">
            返回首页
          </LinkButton>
        }
      />
    );
  }
  return <>{children}</>;
}
