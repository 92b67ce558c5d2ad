import { Button, SkipLink } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useAuth } from '../auth.tsx';
import { type MessageKey, useT } from '../i18n/index.tsx';
import { NotificationBanner } from '../pages/incidents/NotificationBanner.tsx';
import type { Me, Permission } from '../types.ts';
import { AppLink } from './AppLink.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export const navItems: { to: string; label: MessageKey; permission: Permission }[] = [
  { to: '/', label: 'nav.dashboard', permission: 'dashboard.read' },
  { to: '/people', label: 'nav.people', permission: 'person.search' },
  { to: '/queue', label: 'nav.queue', permission: 'queue.read' },
  { to: '/organisation', label: 'nav.organisation', permission: 'organisation.read' },
  { to: '/integration', label: 'nav.integration', permission: 'integration.read' },
  { to: '/eligibility', label: 'nav.eligibility', permission: 'eligibility.read' },
  { to: '/calculator', label: 'nav.calculator', permission: 'calculation.use' },
  { to: '/crisis/early-release', label: 'nav.crisis', permission: 'crisis.early_release' },
  { to: '/infection', label: 'nav.infection', permission: 'infection.read' },
  { to: '/measures', label: 'nav.measures', permission: 'measures.read' },
  { to: '/kriseoversikt', label: 'nav.crisisDashboard', permission: 'crisis.dashboard' },
  { to: '/utbrudd', label: 'nav.outbreak', permission: 'outbreak.manage' },
  { to: '/helse', label: 'nav.health', permission: 'health.read' },
  { to: '/kohort', label: 'nav.cohort', permission: 'health.read' },
  { to: '/vaktliste', label: 'nav.roster', permission: 'roster.read' },
  { to: '/besok', label: 'nav.visits', permission: 'visits.read' },
  { to: '/besoksrom', label: 'nav.visitingRooms', permission: 'visits.rooms.manage' },
  { to: '/permisjon', label: 'nav.leave', permission: 'leave.read' },
  { to: '/hendelser', label: 'nav.incidents', permission: 'incident.read' },
  { to: '/hendelser/statistikk', label: 'nav.incidentStatistics', permission: 'incident.statistics' },
  { to: '/sikkerhet', label: 'nav.security', permission: 'security.read' },
  { to: '/vurdering', label: 'nav.assessments', permission: 'assessment.read' },
  { to: '/planer', label: 'nav.plans', permission: 'plan.read' },
  { to: '/aktiviteter', label: 'nav.activities', permission: 'activity.read' },
  { to: '/kontaktbetjent', label: 'nav.caseload', permission: 'caseload.read' },
  { to: '/loslatelse', label: 'nav.release', permission: 'release.manage' },
  { to: '/samarbeid', label: 'nav.partners', permission: 'caseload.read' },
  { to: '/oppfolging/statistikk', label: 'nav.followupStatistics', permission: 'followup.statistics' },
];

export function Layout() {
  const t = useT();
  const { user } = useAuth();
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstPath = useRef(pathname);

  // After navigating inside the app, start reading at the new page, as a full page load would.
  useEffect(() => {
    if (pathname === firstPath.current) return;
    firstPath.current = '';
    mainRef.current?.focus();
  }, [pathname]);

  return (
    <>
      <SkipLink href="#main">{t('common.skipToMain')}</SkipLink>
      <header className="app-header">
        <div className="app-header__bar">
          <AppLink to="/" className="app-header__brand">
            {t('app.name')}
          </AppLink>
          <div className="app-header__tools">
            {user && <UserInfo user={user} />}
            <LanguageSwitch />
            {user && <SignOut />}
          </div>
        </div>
        {user && <MainNav user={user} />}
        {/* Serious incidents reach the unit leader at once, on every page. */}
        {user?.permissions.includes('incident.manage') && <NotificationBanner />}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        <Outlet />
      </main>
    </>
  );
}

function MainNav({ user }: { user: Me }) {
  const t = useT();
  const items = navItems.filter((item) => user.permissions.includes(item.permission));
  if (items.length === 0) return null;
  return (
    <nav aria-label={t('nav.label')} className="app-nav">
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.to === '/'}>
              {t(item.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function UserInfo({ user }: { user: Me }) {
  const t = useT();
  const roles = user.roles.map((role) => t(`role.${role}`)).join(', ');
  const scope = user.scope.kind === 'national' ? t('scope.national') : user.scope.names.join(', ');
  return (
    <div className="app-header__user">
      <span className="app-header__name">{user.displayName}</span>
      <span>
        {t('header.roles')}: {roles}
      </span>
      <span>
        {t('header.scope')}: {scope}
      </span>
    </div>
  );
}

function SignOut() {
  const t = useT();
  const { signOut } = useAuth();
  const [busy, setBusy] = useState(false);
  const onClick = () => {
    if (busy) return;
    setBusy(true);
    signOut().finally(() => setBusy(false));
  };
  return (
    <Button variant="secondary" data-size="sm" onClick={onClick} aria-disabled={busy || undefined}>
      {t('header.signOut')}
    </Button>
  );
}
