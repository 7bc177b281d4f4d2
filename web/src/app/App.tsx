// Providers, theme and routes. Pages are lazy-loaded so the first screen stays small.
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { AuthProvider } from './auth.tsx';
import { ElderlyProvider, useElderly } from './elderly.tsx';
import { elderlyTheme, normalTheme } from './theme.ts';
import { Layout } from './Layout.tsx';
import { RequireAuth } from './RequireAuth.tsx';
import { UnreadProvider } from './unread.tsx';

const HomePage = lazy(() => import('../features/portal/HomePage.tsx'));
const ItemsPage = lazy(() => import('../features/portal/ItemsPage.tsx'));
const ItemGuidePage = lazy(() => import('../features/portal/ItemGuidePage.tsx'));
const BundlesPage = lazy(() => import('../features/portal/BundlesPage.tsx'));
const BundleDetailPage = lazy(() => import('../features/portal/BundleDetailPage.tsx'));
const SearchPage = lazy(() => import('../features/search/SearchPage.tsx'));
const LoginPage = lazy(() => import('../features/account/LoginPage.tsx'));
const RegisterPage = lazy(() => import('../features/account/RegisterPage.tsx'));
const AccountPage = lazy(() => import('../features/account/AccountPage.tsx'));
const ApplyPage = lazy(() => import('../features/applications/ApplyPage.tsx'));
const MyCasesPage = lazy(() => import('../features/applications/MyCasesPage.tsx'));
const CaseDetailPage = lazy(() => import('../features/applications/CaseDetailPage.tsx'));
const NewRequestPage = lazy(() => import('../features/requests/citizen/NewRequestPage.tsx'));
const MyRequestsPage = lazy(() => import('../features/requests/citizen/MyRequestsPage.tsx'));
const MyRequestDetailPage = lazy(() => import('../features/requests/citizen/MyRequestDetailPage.tsx'));
const InboxPage = lazy(() => import('../features/inbox/InboxPage.tsx'));
const NotFoundPage = lazy(() => import('./NotFoundPage.tsx'));
const WorkbenchQueuePage = lazy(() => import('../features/workbench/index.tsx').then((m) => ({ default: m.WorkbenchQueuePage })));
const WorkbenchCasePage = lazy(() => import('../features/workbench/index.tsx').then((m) => ({ default: m.WorkbenchCasePage })));
const DeskQueuePage = lazy(() => import('../features/requests/desk/index.tsx').then((m) => ({ default: m.DeskQueuePage })));
const DeskNewRequestPage = lazy(() => import('../features/requests/desk/index.tsx').then((m) => ({ default: m.DeskNewRequestPage })));
const DeskRequestPage = lazy(() => import('../features/requests/desk/index.tsx').then((m) => ({ default: m.DeskRequestPage })));
const RequestDashboardPage = lazy(() => import('../features/requests/dashboard/DashboardPage.tsx'));
const DataUsePage = lazy(() => import('../features/sharing/DataUsePage.tsx'));
const StaffLicencesPage = lazy(() => import('../features/licences-admin/StaffLicencesPage.tsx'));
const StaffLicenceDetailPage = lazy(() => import('../features/licences-admin/StaffLicenceDetailPage.tsx'));
const AdminPage = lazy(() => import('../features/admin/index.tsx').then((m) => ({ default: m.AdminPage })));
const WalletPage = lazy(() => import('../features/licences/WalletPage.tsx'));
const LicenceDetailPage = lazy(() => import('../features/licences/LicenceDetailPage.tsx'));
const VerifyPage = lazy(() => import('../features/licences/VerifyPage.tsx'));

function PageFallback() {
  return (
    <div className="tb-route-loading" role="status" aria-live="polite">
      <Spin size="large" />
      <span className="tb-sr-only">页面加载中…</span>
    </div>
  );
}

const lazyPage = (node: ReactNode) => <Suspense fallback={<PageFallback />}>{node}</Suspense>;

function ThemedApp() {
  const { elderly } = useElderly();
  return (
    <ConfigProvider locale={zhCN} theme={elderly ? elderlyTheme : normalTheme} componentSize={elderly ? 'large' : 'middle'} button={{ autoInsertSpace: false }}>
      <AntApp>
        <BrowserRouter>
          <AuthProvider>
            <UnreadProvider>
              <Routes>
                <Route element={<Layout />}>
                  <Route index element={lazyPage(<HomePage />)} />
                  <Route path="items" element={lazyPage(<ItemsPage />)} />
                  <Route path="items/:code" element={lazyPage(<ItemGuidePage />)} />
                  <Route path="bundles" element={lazyPage(<BundlesPage />)} />
                  <Route path="bundles/:code" element={lazyPage(<BundleDetailPage />)} />
                  <Route path="search" element={lazyPage(<SearchPage />)} />
                  <Route path="login" element={lazyPage(<LoginPage />)} />
                  <Route path="register" element={lazyPage(<RegisterPage />)} />
                  <Route path="account" element={<RequireAuth>{lazyPage(<AccountPage />)}</RequireAuth>} />
                  <Route path="apply/:code" element={<RequireAuth roles={['citizen', 'enterprise']}>{lazyPage(<ApplyPage />)}</RequireAuth>} />
                  <Route path="my/cases" element={<RequireAuth roles={['citizen', 'enterprise']}>{lazyPage(<MyCasesPage />)}</RequireAuth>} />
                  <Route path="my/cases/:id" element={<RequireAuth roles={['citizen', 'enterprise']}>{lazyPage(<CaseDetailPage />)}</RequireAuth>} />
                  <Route path="requests/new" element={lazyPage(<NewRequestPage />)} />
                  <Route path="my/requests" element={<RequireAuth roles={['citizen', 'enterprise']}>{lazyPage(<MyRequestsPage />)}</RequireAuth>} />
                  <Route path="my/requests/:id" element={<RequireAuth roles={['citizen', 'enterprise']}>{lazyPage(<MyRequestDetailPage />)}</RequireAuth>} />
                  <Route path="inbox" element={<RequireAuth>{lazyPage(<InboxPage />)}</RequireAuth>} />
                  <Route path="workbench" element={<RequireAuth roles={['clerk', 'reviewer']}>{lazyPage(<WorkbenchQueuePage />)}</RequireAuth>} />
                  <Route path="workbench/cases/:id" element={<RequireAuth roles={['clerk', 'reviewer']}>{lazyPage(<WorkbenchCasePage />)}</RequireAuth>} />
                  <Route path="desk/requests" element={<RequireAuth roles={['operator', 'supervisor', 'handler', 'admin']}>{lazyPage(<DeskQueuePage />)}</RequireAuth>} />
                  <Route path="desk/requests/new" element={<RequireAuth roles={['operator', 'supervisor', 'admin']}>{lazyPage(<DeskNewRequestPage />)}</RequireAuth>} />
                  <Route path="desk/requests/:id" element={<RequireAuth roles={['operator', 'supervisor', 'handler', 'admin']}>{lazyPage(<DeskRequestPage />)}</RequireAuth>} />
                  <Route path="desk/dashboard" element={<RequireAuth roles={['operator', 'supervisor', 'handler', 'admin']}>{lazyPage(<RequestDashboardPage />)}</RequireAuth>} />
                  <Route path="wallet" element={<RequireAuth roles={['citizen', 'enterprise']}>{lazyPage(<WalletPage />)}</RequireAuth>} />
                  <Route path="wallet/:id" element={<RequireAuth>{lazyPage(<LicenceDetailPage />)}</RequireAuth>} />
                  <Route path="verify" element={lazyPage(<VerifyPage />)} />
                  <Route path="my/data-use" element={<RequireAuth roles={['citizen', 'enterprise']}>{lazyPage(<DataUsePage />)}</RequireAuth>} />
                  <Route path="licences" element={<RequireAuth roles={['clerk', 'reviewer']}>{lazyPage(<StaffLicencesPage />)}</RequireAuth>} />
                  <Route path="licences/:id" element={<RequireAuth roles={['clerk', 'reviewer', 'admin']}>{lazyPage(<StaffLicenceDetailPage />)}</RequireAuth>} />
                  <Route path="admin/*" element={<RequireAuth roles={['admin']}>{lazyPage(<AdminPage />)}</RequireAuth>} />
                  <Route path="*" element={lazyPage(<NotFoundPage />)} />
                </Route>
              </Routes>
            </UnreadProvider>
          </AuthProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <ElderlyProvider>
      <ThemedApp />
    </ElderlyProvider>
  );
}
