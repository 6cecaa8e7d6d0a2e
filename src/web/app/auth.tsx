import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { App } from 'antd';
import type { Me } from '../../common/contracts/auth';
import type { Role } from '../../common/enums';
import { ApiError, setUnauthorizedHandler } from '../api/client';
import { getMe, logout as apiLogout } from '../api/endpoints';
import { clearRegionTree } from '../api/regions';
import { FullPageSpin } from '../components/PageState';
import { useI18n } from '../i18n/lang';

interface AuthState {
  me: Me | null;
  /** True until the first /api/me answers. */
  checking: boolean;
  signedIn: (me: Me) => void;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(true);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { t } = useI18n();

  useEffect(() => {
    let live = true;
    getMe().then(
      (m) => live && setMe(m),
      (e: unknown) => {
        if (live && !(e instanceof ApiError && e.status === 401)) console.warn('GET /api/me failed', e);
      },
    ).finally(() => live && setChecking(false));
    return () => {
      live = false;
    };
  }, []);

  // Any 401 after sign-in means the session is gone: back to the login page, then return here.
  useEffect(() => {
    setUnauthorizedHandler(() => {
      setMe((prev) => {
        if (prev) message.warning({ content: t('error.sessionExpired'), key: 'session' });
        return null;
      });
      clearRegionTree();
      if (window.location.pathname !== '/login') {
        navigate('/login', { replace: true, state: { from: window.location.pathname + window.location.search } });
      }
    });
    return () => setUnauthorizedHandler(null);
  }, [navigate, message, t]);

  const signedIn = useCallback((m: Me) => {
    clearRegionTree();
    setMe(m);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await apiLogout();
    } catch {
      // the session may already be gone; leave anyway
    }
    clearRegionTree();
    setMe(null);
    navigate('/login', { replace: true });
  }, [navigate]);

  const value = useMemo(() => ({ me, checking, signedIn, signOut }), [me, checking, signedIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user; only for components under RequireAuth. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a session');
  return me;
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, checking } = useAuth();
  const location = useLocation();
  if (checking) return <FullPageSpin />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

/** Which roles may open which pages (the server enforces the same; this only shapes the menu). */
export const PAGE_ROLES = {
  home: null,
  sources: null,
  users: ['admin', 'bureau', 'town'],
  regions: ['admin', 'bureau', 'town', 'grid', 'expert'],
  map: null,
  ledgers: ['admin', 'bureau', 'town', 'provider_manager'],
  inbox: null,
  calendar: null,
  completeness: ['admin', 'bureau', 'town', 'provider_manager', 'inspector', 'grid', 'expert'],
  screening: ['admin', 'bureau', 'town'],
  checklists: ['admin', 'bureau', 'town', 'provider_manager', 'inspector', 'expert'],
  proposals: ['provider_manager', 'inspector', 'town', 'bureau', 'admin'],
  knowledge: null,
  plans: ['admin', 'bureau', 'town', 'provider_manager', 'inspector', 'grid'],
  field: ['admin', 'bureau', 'town', 'provider_manager', 'inspector', 'grid'],
  issues: null,
  figures: ['admin', 'bureau', 'town', 'provider_manager', 'inspector', 'grid', 'expert'],
  workCalendar: ['admin', 'bureau', 'town'],
  risk: ['admin', 'bureau', 'town', 'provider_manager', 'inspector', 'grid', 'expert'],
} satisfies Record<string, readonly Role[] | null>;

export function canOpen(role: Role, page: keyof typeof PAGE_ROLES): boolean {
  const roles: readonly Role[] | null = PAGE_ROLES[page];
  return roles === null || roles.includes(role);
}
