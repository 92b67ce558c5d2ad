import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { loginPath, useAuth } from '../auth.tsx';
import { ForbiddenPage } from '../pages/errors/ForbiddenPage.tsx';
import type { Permission } from '../types.ts';
import { Loading } from './Loading.tsx';

/** Shows the page only to a signed-in user who has the permission; others go to sign in or see "no access". */
export function Protected({ permission, children }: { permission?: Permission; children: ReactNode }) {
  const { state, can } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'anonymous') {
    return (
      <Navigate to={state.signedOut ? '/login' : loginPath(location.pathname + location.search)} replace />
    );
  }
  if (permission && !can(permission)) return <ForbiddenPage />;
  return children;
}
