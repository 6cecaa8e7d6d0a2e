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
const SourceListPage = lazy(() => import('../pages/sources/SourceListPage'));
const SourceCreatePage = lazy(() => import('../pages/sources/SourceCreatePage'));
const SourceDetailPage = lazy(() => import('../pages/sources/SourceDetailPage'));
const ProposalsPage = lazy(() => import('../pages/proposals/ProposalsPage'));
const UsersPage = lazy(() => import('../pages/users/UsersPage'));
const RegionsPage = lazy(() => import('../pages/regions/RegionsPage'));
const MapPage = lazy(() => import('../pages/map/MapPage'));
const LedgerImportPage = lazy(() => import('../pages/ledgers/LedgerImportPage'));
const InboxPage = lazy(() => import('../pages/inbox/InboxPage'));
const CalendarPage = lazy(() => import('../pages/calendar/CalendarPage'));
const CompletenessPage = lazy(() => import('../pages/completeness/CompletenessPage'));
const ScreeningPage = lazy(() => import('../pages/screening/ScreeningPage'));
const ChecklistsPage = lazy(() => import('../pages/checklists/ChecklistsPage'));
const KnowledgePage = lazy(() => import('../pages/knowledge/KnowledgePage'));
const PlansPage = lazy(() => import('../pages/plans/PlansPage'));
const FieldPage = lazy(() => import('../pages/field/FieldPage'));
const IssuesPage = lazy(() => import('../pages/issues/IssuesPage'));
const IssueDetailPage = lazy(() => import('../pages/issues/IssueDetailPage'));
const FiguresPage = lazy(() => import('../pages/figures/FiguresPage'));
const WorkCalendarPage = lazy(() => import('../pages/work-calendar/WorkCalendarPage'));
const RiskPage = lazy(() => import('../pages/risk/RiskPage'));
const QrCardPage = lazy(() => import('../components/qr/QrCardPage'));

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
              {/* The printable QR card: outside the layout, so only the card prints. */}
              <Route path="/sources/:id/qr" element={<RequireAuth><Guard page="sources"><QrCardPage /></Guard></RequireAuth>} />
              <Route
                element={
                  <RequireAuth>
                    <AppLayout />
                  </RequireAuth>
                }
              >
                <Route index element={<Guard page="home"><HomePage /></Guard>} />
                <Route path="sources" element={<Guard page="sources"><SourceListPage /></Guard>} />
                <Route path="sources/new" element={<Guard page="sources"><SourceCreatePage /></Guard>} />
                <Route path="sources/:id" element={<Guard page="sources"><SourceDetailPage /></Guard>} />
                <Route path="proposals" element={<Guard page="proposals"><ProposalsPage /></Guard>} />
                <Route path="users" element={<Guard page="users"><UsersPage /></Guard>} />
                <Route path="regions" element={<Guard page="regions"><RegionsPage /></Guard>} />
                <Route path="map" element={<Guard page="map"><MapPage /></Guard>} />
                <Route path="ledgers/import" element={<Guard page="ledgers"><LedgerImportPage /></Guard>} />
                <Route path="inbox" element={<Guard page="inbox"><InboxPage /></Guard>} />
                <Route path="calendar" element={<Guard page="calendar"><CalendarPage /></Guard>} />
                <Route path="completeness" element={<Guard page="completeness"><CompletenessPage /></Guard>} />
                <Route path="screening" element={<Guard page="screening"><ScreeningPage /></Guard>} />
                <Route path="checklists" element={<Guard page="checklists"><ChecklistsPage /></Guard>} />
                <Route path="knowledge/:tab?" element={<Guard page="knowledge"><KnowledgePage /></Guard>} />
                <Route path="plans/*" element={<Guard page="plans"><PlansPage /></Guard>} />
                <Route path="field/*" element={<Guard page="field"><FieldPage /></Guard>} />
                <Route path="issues" element={<Guard page="issues"><IssuesPage /></Guard>} />
                <Route path="issues/:id" element={<Guard page="issues"><IssueDetailPage /></Guard>} />
                <Route path="figures" element={<Guard page="figures"><FiguresPage /></Guard>} />
                <Route path="work-calendar" element={<Guard page="workCalendar"><WorkCalendarPage /></Guard>} />
                <Route path="risk" element={<Guard page="risk"><RiskPage /></Guard>} />
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
