import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import { ApartmentOutlined, AuditOutlined, DatabaseOutlined, HomeOutlined, TeamOutlined, DashboardOutlined } from '@ant-design/icons';
import { BellOutlined, BookOutlined, CalendarOutlined, CheckSquareOutlined, EnvironmentOutlined, FileSearchOutlined, PieChartOutlined, UploadOutlined } from '@ant-design/icons';
import { AlertOutlined, BarChartOutlined, FieldTimeOutlined, MobileOutlined, ScheduleOutlined } from '@ant-design/icons';
import { Link, useLocation } from 'react-router-dom';
import type { Role } from '../../common/enums';
import type { DictKey } from '../i18n/dict';
import { useI18n } from '../i18n/lang';
import { canOpen, type PAGE_ROLES } from './auth';

const ITEMS: { page: keyof typeof PAGE_ROLES; path: string; label: DictKey; icon: React.ReactNode }[] = [
  { page: 'home', path: '/', label: 'nav.home', icon: <HomeOutlined /> },
  { page: 'sources', path: '/sources', label: 'nav.sources', icon: <DatabaseOutlined /> },
  { page: 'map', path: '/map', label: 'map.nav', icon: <EnvironmentOutlined /> },
  { page: 'proposals', path: '/proposals', label: 'nav.proposals', icon: <AuditOutlined /> },
  { page: 'users', path: '/users', label: 'nav.users', icon: <TeamOutlined /> },
  { page: 'regions', path: '/regions', label: 'nav.regions', icon: <ApartmentOutlined /> },
  { page: 'calendar', path: '/calendar', label: 'cal.nav', icon: <CalendarOutlined /> },
  { page: 'completeness', path: '/completeness', label: 'compl.nav', icon: <PieChartOutlined /> },
  { page: 'screening', path: '/screening', label: 'screen.nav', icon: <FileSearchOutlined /> },
  { page: 'risk', path: '/risk', label: 'risk.nav', icon: <DashboardOutlined /> },
  { page: 'plans', path: '/plans', label: 'plan.nav', icon: <ScheduleOutlined /> },
  { page: 'field', path: '/field', label: 'field.nav', icon: <MobileOutlined /> },
  { page: 'issues', path: '/issues', label: 'issue.nav', icon: <AlertOutlined /> },
  { page: 'figures', path: '/figures', label: 'fig.nav', icon: <BarChartOutlined /> },
  { page: 'workCalendar', path: '/work-calendar', label: 'wcal.nav', icon: <FieldTimeOutlined /> },
  { page: 'checklists', path: '/checklists', label: 'ck.nav', icon: <CheckSquareOutlined /> },
  { page: 'ledgers', path: '/ledgers/import', label: 'ledger.nav', icon: <UploadOutlined /> },
  { page: 'knowledge', path: '/knowledge', label: 'kn.nav', icon: <BookOutlined /> },
  { page: 'inbox', path: '/inbox', label: 'inbox.nav', icon: <BellOutlined /> },
];

/** The role-aware navigation; the same menu in the side bar (desktop) and in the drawer (phone). */
export function NavMenu({ role, onNavigate }: { role: Role; onNavigate?: () => void }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const selected = '/' + (pathname.split('/')[1] ?? '');
  const items: MenuProps['items'] = ITEMS.filter((i) => canOpen(role, i.page)).map((i) => ({
    key: '/' + (i.path.split('/')[1] ?? ''),
    icon: i.icon,
    label: (
      <Link to={i.path} onClick={onNavigate} data-testid={`nav-${i.page}`}>
        {t(i.label)}
      </Link>
    ),
  }));
  return <Menu data-testid="nav-menu" className="es-sider-menu" mode="inline" selectedKeys={[selected]} items={items} />;
}
