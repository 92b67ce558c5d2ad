import { Link } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';

type Props = { to: string; children: ReactNode; className?: string; 'aria-describedby'?: string };

/** A designsystem link that navigates inside the app without reloading the page. */
export function AppLink({ to, children, ...rest }: Props) {
  return (
    <Link asChild>
      <RouterLink to={to} {...rest}>
        {children}
      </RouterLink>
    </Link>
  );
}
