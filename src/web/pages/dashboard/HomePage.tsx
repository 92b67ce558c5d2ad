import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useAuth } from '../../auth.tsx';
import { navItems } from '../../components/Layout.tsx';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { useT } from '../../i18n/index.tsx';

/** The front page: the dashboard for those who may see it, otherwise the first page the user may open. */
export function HomePage({ dashboard }: { dashboard: ReactNode }) {
  const { can } = useAuth();
  if (can('dashboard.read')) return dashboard;
  const first = navItems.find((item) => item.to !== '/' && can(item.permission));
  if (first) return <Navigate to={first.to} replace />;
  return <Welcome />;
}

function Welcome() {
  const t = useT();
  useDocumentTitle(t('home.title'));
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('home.title')}
      </Heading>
      <Paragraph>{t('home.text')}</Paragraph>
    </>
  );
}
