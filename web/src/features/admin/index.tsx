// 管理后台: catalog upkeep, working-day calendar, users and the audit log, under /admin/*.
import { Col, Grid, Menu, Row } from 'antd';
import { AppstoreOutlined, CalendarOutlined, FileProtectOutlined, TeamOutlined } from '@ant-design/icons';
import { Navigate, NavLink, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { ItemListPage } from './items/ItemListPage.tsx';
import { ItemEditorPage } from './items/ItemEditorPage.tsx';
import { CalendarPage } from './calendar/CalendarPage.tsx';
import { UsersPage } from './users/UsersPage.tsx';
import { AuditPage } from './audit/AuditPage.tsx';

const MENU = [
  { key: 'items', icon: <AppstoreOutlined aria-hidden />, label: '事项管理' },
  { key: 'calendar', icon: <CalendarOutlined aria-hidden />, label: '工作日历' },
  { key: 'users', icon: <TeamOutlined aria-hidden />, label: '用户' },
  { key: 'audit', icon: <FileProtectOutlined aria-hidden />, label: '审计日志' },
];

export function AdminPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg !== false;
  const section = location.pathname.replace(/^\/admin\/?/, '').split('/')[0] || 'items';

  return (
    <Row gutter={[16, 16]} wrap={!wide}>
      <Col flex={wide ? '200px' : '100%'}>
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
          <Route path="items/:code" element={<ItemEditorPage />} />
          <Route path="calendar" element={<CalendarPage />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="audit" element={<AuditPage />} />
          <Route path="*" element={<Navigate to="items" replace />} />
        </Routes>
      </Col>
    </Row>
  );
}
