import { useEffect } from 'react';
import { useT } from '../i18n/index.tsx';

/** Sets document.title to "<page> – Varde". */
export function useDocumentTitle(title: string): void {
  const t = useT();
  const app = t('app.name');
  useEffect(() => {
    document.title = title && title !== app ? `${title} – ${app}` : app;
  }, [title, app]);
}
