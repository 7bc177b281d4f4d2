// The page shell: skip link, header with navigation, main landmark, footer. Works down to 375 px wide.
import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { MenuOutlined, CloseOutlined, UserOutlined } from '@ant-design/icons';
import { useAuth, hasRole, isAdmin, isApplicant, isStaff } from './auth.tsx';
import { useElderly } from './elderly.tsx';
import { useUnread } from './unread.tsx';
import { ElderlyToggle } from './ElderlyToggle.tsx';
import { AssistantProvider } from '../features/assistant/AssistantProvider.tsx';

interface NavEntry {
  to: string;
  label: string;
  end?: boolean;
  badge?: number;
}

function useNavEntries(): NavEntry[] {
  const { user } = useAuth();
  const { elderly } = useElderly();
  const { unread } = useUnread();
  const entries: NavEntry[] = [{ to: '/', label: '首页', end: true }];
  entries.push({ to: '/items', label: elderly ? '找服务' : '办事指南' });
  if (!elderly) entries.push({ to: '/bundles', label: '一件事' });
  if (!user || isApplicant(user)) entries.push({ to: '/my/cases', label: '我的办件' });
  if (isApplicant(user)) entries.push({ to: '/my/requests', label: '我的诉求' });
  if (isApplicant(user)) entries.push({ to: '/wallet', label: '我的卡包' });
  // Applicants reach 证照核验 from the home page and their 卡包; the bar has no room for both.
  if (!isApplicant(user)) entries.push({ to: '/verify', label: '证照核验' });
  if (user) entries.push({ to: '/inbox', label: '消息', badge: unread });
  if (isStaff(user)) entries.push({ to: '/workbench', label: '工作台' });
  if (isStaff(user)) entries.push({ to: '/licences', label: '证照管理' });
  if (hasRole(user, 'operator', 'supervisor', 'handler', 'admin')) entries.push({ to: '/desk/requests', label: '诉求工作台' });
  if (hasRole(user, 'operator', 'supervisor', 'handler', 'admin')) entries.push({ to: '/desk/dashboard', label: '诉求看板' });
  if (isAdmin(user)) entries.push({ to: '/admin', label: '管理' });
  return entries;
}

function NavItems({ entries, onNavigate }: { entries: NavEntry[]; onNavigate?: () => void }) {
  return (
    <ul>
      {entries.map((e) => (
        <li key={e.to}>
          <NavLink to={e.to} end={e.end} className={({ isActive }) => `tb-nav-link${isActive ? ' is-active' : ''}`} onClick={onNavigate}>
            {e.label}
            {e.badge ? (
              <span className="tb-badge">
                {e.badge > 99 ? '99+' : e.badge}
                <span className="tb-sr-only">条未读</span>
              </span>
            ) : null}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

function UserArea({ onNavigate }: { onNavigate?: () => void }) {
  const { user, loading, logout } = useAuth();
  const navigate = useNavigate();
  if (loading) return <span className="tb-user-loading">…</span>;
  if (!user) {
    return (
      <>
        <Link to="/login" className="tb-header-link" onClick={onNavigate}>
          登录
        </Link>
        <Link to="/register" className="tb-header-link" onClick={onNavigate}>
          注册
        </Link>
      </>
    );
  }
  return (
    <>
      <Link to="/account" className="tb-header-link tb-user-name" onClick={onNavigate}>
        <UserOutlined aria-hidden /> {user.realName || user.username}
        <span className="tb-sr-only">（个人中心）</span>
      </Link>
      <button
        type="button"
        className="tb-header-link tb-header-button"
        onClick={async () => {
          onNavigate?.();
          await logout();
          navigate('/');
        }}
      >
        退出
      </button>
    </>
  );
}

export function Layout() {
  const entries = useNavEntries();
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  // 智能客服 on portal pages only: not on the staff workbench, the 12345 desk or in the admin area.
  const portal = !/^\/(admin|workbench|desk)(\/|$)/.test(location.pathname);

  // Close the mobile menu on navigation and move focus to the page, as a screen reader expects.
  useEffect(() => {
    setMenuOpen(false);
    window.scrollTo(0, 0);
  }, [location.pathname]);

  return (
    <AssistantProvider enabled={portal}>
      <div className={`tb-app${portal ? ' has-assistant' : ''}`}>
        <a
          href="#main"
          className="tb-skip"
          onClick={(e) => {
            e.preventDefault();
            mainRef.current?.focus();
          }}
        >
          跳到主要内容
        </a>
        <header className="tb-header">
          <div className="tb-gov-strip">
            <div className="tb-container">安澜市示范区人民政府 · 一体化政务服务平台</div>
          </div>
          <div className="tb-container tb-header-inner">
            <Link to="/" className="tb-brand">
              <span className="tb-logo-mark" aria-hidden>
                通
              </span>
              <span className="tb-brand-text">
                <span className="tb-brand-name">通办</span>
                <span className="tb-brand-sub">安澜市示范区一网通办</span>
              </span>
              <span className="tb-sr-only">（返回首页）</span>
            </Link>
            <nav className="tb-nav tb-desktop-only" aria-label="主导航">
              <NavItems entries={entries} />
            </nav>
            <div className="tb-header-actions">
              <ElderlyToggle />
              <div className="tb-desktop-only tb-user-area">
                <UserArea />
              </div>
              <button
                type="button"
                className="tb-menu-button tb-mobile-only"
                aria-expanded={menuOpen}
                aria-controls="tb-mobile-nav"
                onClick={() => setMenuOpen((v) => !v)}
              >
                {menuOpen ? <CloseOutlined aria-hidden /> : <MenuOutlined aria-hidden />}
                <span>{menuOpen ? '收起' : '菜单'}</span>
              </button>
            </div>
          </div>
          {menuOpen ? (
            <nav id="tb-mobile-nav" className="tb-mobile-nav tb-mobile-only" aria-label="菜单导航">
              <NavItems entries={entries} onNavigate={() => setMenuOpen(false)} />
              <div className="tb-mobile-user">
                <UserArea onNavigate={() => setMenuOpen(false)} />
              </div>
            </nav>
          ) : null}
        </header>
        <main id="main" ref={mainRef} tabIndex={-1} className="tb-main">
          <div className="tb-container">
            <Outlet />
          </div>
        </main>
        <footer className="tb-footer">
          <div className="tb-container tb-footer-inner">
            <div>
              <p className="tb-footer-title">通办 · 安澜市示范区一网通办</p>
              <p>主办单位：安澜市示范区政务服务和数据管理局</p>
              <p>政务服务便民热线：12345（7×24 小时）</p>
            </div>
            <div>
              <p>办事大厅：安澜市示范区政务服务中心（工作日 9:00–17:00）</p>
              <p>本网站支持长辈版、键盘操作和读屏软件</p>
              <p>通办是开源的政务服务平台，示例数据均为虚构</p>
            </div>
          </div>
        </footer>
      </div>
    </AssistantProvider>
  );
}
