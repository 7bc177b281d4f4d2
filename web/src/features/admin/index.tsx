// 管理后台: catalog upkeep, search analytics and knowledge base, working-day calendar, users and the audit log, under /admin/*.
import { lazy, Suspense } from 'react';
import { Col, Grid, Menu, Row, Spin } from 'antd';
import { ApiOutlined, AppstoreOutlined, BookOutlined, CalendarOutlined, FileProtectOutlined, KeyOutlined, LineChartOutlined, PhoneOutlined, TeamOutlined } from '@ant-design/icons';
import { Navigate, NavLink, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useElderly } from '../../app/elderly.tsx';
import { ItemListPage } from './items/ItemListPage.tsx';
import { ItemEditorPage } from './items/ItemEditorPage.tsx';
import { NewItemPage } from './items/NewItemPage.tsx';
import { CalendarPage } from './calendar/CalendarPage.tsx';
import { UsersPage } from './users/UsersPage.tsx';
import { AuditPage } from './audit/AuditPage.tsx';
import { KnowledgePage } from './search/KnowledgePage.tsx';
import { RequestSettingsPage } from './requests/RequestSettingsPage.tsx';
import { Open311ClientsPage } from './open311/Open311ClientsPage.tsx';
import { KeysPage } from '../licences-admin/KeysPage.tsx';

// Charts (echarts) load only with the analytics page.
const SearchAnalyticsPage = lazy(() => import('./search/SearchAnalyticsPage.tsx').then((m) => ({ default: m.SearchAnalyticsPage })));

const MENU = [
  { key: 'items', icon: <AppstoreOutlined aria-hidden />, label: '事项管理' },
  { key: 'search', icon: <LineChartOutlined aria-hidden />, label: '搜索分析' },
  { key: 'knowledge', icon: <BookOutlined aria-hidden />, label: '知识库' },
  { key: 'requests', icon: <PhoneOutlined aria-hidden />, label: '诉求派单' },
  { key: 'open311', icon: <ApiOutlined aria-hidden />, label: 'Open311' },
  { key: 'calendar', icon: <CalendarOutlined aria-hidden />, label: '工作日历' },
  { key: 'licences', icon: <KeyOutlined aria-hidden />, label: '电子印章与密钥' },
  { key: 'users', icon: <TeamOutlined aria-hidden />, label: '用户' },
  { key: 'audit', icon: <FileProtectOutlined aria-hidden />, label: '审计日志' },
];

export function AdminPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg !== false;
  const { elderly } = useElderly();
  const section = location.pathname.replace(/^\/admin\/?/, '').split('/')[0] || 'items';

  return (
    <Row gutter={[16, 16]} wrap={!wide}>
      <Col flex={wide ? (elderly ? '250px' : '200px') : '100%'}>
        <nav aria-label="管理功能">
          {wide ? (
            <Menu mode="inline" selectedKeys={[section]} items={MENU} onClick={(e) => navigate(`/admin/${e.key}`)} style={{ borderRadius: 8 }} />
          ) : (
            <ul className="tb-admin-tabs">
              {MENU.map((m) => (
                <li key={m.key}>
                  <NavLink to={`/admin/${m.key}`} className={({ isActive }) => (isActive ? 'is-active' : '')}>
                    {m.icon} {m.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          )}
          <style>{`
.tb-admin-tabs{display:flex;flex-wrap:wrap;gap:8px;list-style:none;margin:0;padding:0}
.tb-admin-tabs a{display:inline-flex;align-items:center;gap:6px;min-height:40px;padding:6px 14px;border-radius:20px;background:#fff;border:1px solid #d0d0d0;color:#1f1f1f;text-decoration:none}
.tb-admin-tabs a.is-active{background:#0052d9;border-color:#0052d9;color:#fff;font-weight:600}
.tb-admin-tabs a:focus-visible{outline:3px solid #0052d9;outline-offset:2px}
`}</style>
        </nav>
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        <Routes>
          <Route index element={<Navigate to="items" replace />} />
          <Route path="items" element={<ItemListPage />} />
          <Route path="items/new" element={<NewItemPage />} />
          <Route path="items/:code" element={<ItemEditorPage />} />
          <Route
            path="search"
            element={
              <Suspense fallback={<div className="tb-route-loading" role="status"><Spin size="large" /><span className="tb-sr-only">页面加载中…</span></div>}>
                <SearchAnalyticsPage />
              </Suspense>
            }
          />
          <Route path="knowledge" element={<KnowledgePage />} />
          <Route path="requests" element={<RequestSettingsPage />} />
          <Route path="calendar" element={<CalendarPage />} />
          <Route path="licences" element={<KeysPage />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="open311" element={<Open311ClientsPage />} />
          <Route path="audit" element={<AuditPage />} />
          <Route path="*" element={<Navigate to="items" replace />} />
        </Routes>
      </Col>
    </Row>
  );
}
