import { useState } from 'react';
import { Button, Drawer, Layout, Tooltip } from 'antd';
import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Link, Outlet } from 'react-router-dom';
import { ROLE } from '../../common/enums';
import { LangSwitch } from '../components/LangSwitch';
import { useIsMobile } from '../components/useIsMobile';
import { useI18n } from '../i18n/lang';
import { InboxBell } from '../pages/inbox/InboxBell';
import { useAuth, useMe } from './auth';
import { NavMenu } from './NavMenu';
import { Logo } from './Logo';

export function AppLayout() {
  const me = useMe();
  const { signOut } = useAuth();
  const { t, label } = useI18n();
  const mobile = useIsMobile();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const roleLabel = label(ROLE, me.role);
  const scopeName = me.scope.name ?? (me.scope.kind === 'all' ? t('nav.scopeAll') : '');

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <header className="es-header">
        {mobile && (
          <Button
            data-testid="menu-toggle"
            className="es-header-btn"
            type="text"
            icon={<MenuOutlined />}
            aria-label={t('nav.menu')}
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <Link to="/" className="es-brand">
          <Logo />
          <span>{t('app.name')}</span>
          {!mobile && <span className="es-brand-sub">{t('app.tagline')}</span>}
        </Link>
        <div className="es-header-spacer" />
        {/* On a phone the user's name, role and scope live in the drawer, leaving room for the buttons. */}
        {!mobile && (
          <div className="es-header-user" data-testid="header-user">
            <span className="name">{me.displayName}</span>
            <span className="meta">
              {roleLabel}
              {scopeName ? ` · ${scopeName}` : ''}
            </span>
          </div>
        )}
        <InboxBell />
        <LangSwitch ghost />
        <Tooltip title={t('nav.logout')}>
          <Button
            data-testid="logout"
            className="es-header-btn"
            type="text"
            icon={<LogoutOutlined />}
            aria-label={t('nav.logout')}
            onClick={() => void signOut()}
          >
            {mobile ? null : t('nav.logout')}
          </Button>
        </Tooltip>
      </header>
      <Layout>
        {!mobile && (
          <Layout.Sider width={200} theme="light" style={{ borderRight: '1px solid #eef0ee' }}>
            <NavMenu role={me.role} />
          </Layout.Sider>
        )}
        <Layout.Content className="es-content">
          <Outlet />
        </Layout.Content>
      </Layout>
      {mobile && (
        <Drawer
          placement="left"
          size={260}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={t('app.name')}
          styles={{ body: { padding: 0 } }}
        >
          <div className="es-drawer-user">
            <div style={{ fontWeight: 600 }}>{me.displayName}</div>
            <div className="es-muted">{roleLabel}</div>
            {scopeName && <div className="es-muted">{scopeName}</div>}
          </div>
          <NavMenu role={me.role} onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}
