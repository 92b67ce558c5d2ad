import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiError, api, setCsrfToken, setUnauthorizedHandler } from './api.ts';
import { storedLocale, useI18n } from './i18n/index.tsx';
import type { Locale, Me, Permission, Session } from './types.ts';

type AuthState =
  | { status: 'loading' }
  // signedOut: the user chose to leave, so the sign-in page should not lead back to the page they left.
  | { status: 'anonymous'; signedOut?: boolean }
  | { status: 'signedIn'; user: Me };

type Auth = {
  state: AuthState;
  user: Me | null;
  can: (permission: Permission) => boolean;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  saveLocale: (locale: Locale) => Promise<void>;
};

const AuthContext = createContext<Auth | null>(null);

export function loginPath(next: string): string {
  return next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login';
}

/** Only a path inside this app: never another origin ("//host" or "https://…"). */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next.startsWith('/login') ? '/' : next;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const { adopt } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();

  const accept = useCallback(
    (session: Session) => {
      setCsrfToken(session.csrfToken);
      setState({ status: 'signedIn', user: session.user });
      const chosen = storedLocale();
      if (chosen && chosen !== session.user.locale) {
        // The user picked a language in this browser: keep showing it and remember it in the profile.
        api.put<Session>('/auth/me/locale', { locale: chosen }).then(
          (updated) => {
            setCsrfToken(updated.csrfToken);
            setState({ status: 'signedIn', user: updated.user });
          },
          () => undefined,
        );
      } else {
        adopt(session.user.locale);
      }
    },
    [adopt],
  );

  useEffect(() => {
    let live = true;
    api.probe<Session>('/auth/me').then(
      (session) => live && accept(session),
      () => live && setState({ status: 'anonymous' }),
    );
    return () => {
      live = false;
    };
  }, [accept]);

  // A 401 from any call means the session is gone: back to the sign-in page, remembering where we were.
  const here = location.pathname + location.search;
  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setState({ status: 'anonymous' });
      if (!here.startsWith('/login')) navigate(loginPath(here), { replace: true });
    });
    return () => setUnauthorizedHandler(null);
  }, [here, navigate]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const session = await api.post<Session>('/auth/login', { username, password }, { handle401: false });
      accept(session);
    },
    [accept],
  );

  const signOut = useCallback(async () => {
    try {
      await api.post<void>('/auth/logout', {}, { handle401: false });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    }
    setCsrfToken(null);
    setState({ status: 'anonymous', signedOut: true });
    navigate('/login', { replace: true });
  }, [navigate]);

  const saveLocale = useCallback(
    async (locale: Locale) => {
      if (state.status !== 'signedIn') return;
      const session = await api.put<Session>('/auth/me/locale', { locale });
      setCsrfToken(session.csrfToken);
      setState({ status: 'signedIn', user: session.user });
    },
    [state.status],
  );

  const value = useMemo<Auth>(() => {
    const user = state.status === 'signedIn' ? state.user : null;
    return {
      state,
      user,
      can: (permission) => user?.permissions.includes(permission) ?? false,
      signIn,
      signOut,
      saveLocale,
    };
  }, [state, signIn, signOut, saveLocale]);

  return <AuthContext value={value}>{children}</AuthContext>;
}

export function useAuth(): Auth {
  const context = useContext(AuthContext);
  if (!context) throw new Error('useAuth must be used inside AuthProvider');
  return context;
}
