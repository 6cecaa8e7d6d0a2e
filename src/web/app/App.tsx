import { lazy, Suspense, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { LangProvider, useI18n } from '../i18n/lang';
import { LoadingBlock } from '../components/PageState';
import { AuthProvider, RequireAuth, canOpen, useMe, type PAGE_ROLES } from './auth';
import { AppLayout } from './AppLayout';
import { NoAccessPage, NotFoundPage } from './StatusPages';
import { LoginPage } from '../pages/LoginPage';
import { theme } from './theme';
import './styles.css';

// Pages load on demand; the home page brings echarts with it.
const HomePage = lazy(() => import('../pages/home/HomePage'));
const SourcesPage = lazy(() => import('../pages/SourcesPage'));
const UsersPage = lazy(() => import('../pages/users/UsersPage'));
const RegionsPage = lazy(() => import('../pages/regions/RegionsPage'));

function Guard({ page, children }: { page: keyof typeof PAGE_ROLES; children: ReactNode }) {
  const me = useMe();
  if (!canOpen(me.role, page)) return <NoAccessPage />;
  return <Suspense fallback={<LoadingBlock />}>{children}</Suspense>;
}

function Themed({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <LangProvider>
      <Themed>
        <BrowserRouter>
          <AuthProvider>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route
                element={
                  <RequireAuth>
                    <AppLayout />
                  </RequireAuth>
                }
              >
                <Route index element={<Guard page="home"><HomePage /></Guard>} />
                <Route path="sources" element={<Guard page="sources"><SourcesPage /></Guard>} />
                <Route path="users" element={<Guard page="users"><UsersPage /></Guard>} />
                <Route path="regions" element={<Guard page="regions"><RegionsPage /></Guard>} />
                <Route path="index.html" element={<Navigate to="/" replace />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </AuthProvider>
        </BrowserRouter>
      </Themed>
    </LangProvider>
  );
}
