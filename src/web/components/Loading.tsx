import { Spinner } from '@digdir/designsystemet-react';
import { useT } from '../i18n/index.tsx';

export function Loading() {
  const t = useT();
  return (
    <div className="loading" role="status">
      <Spinner aria-hidden data-size="md" />
      <span>{t('common.loading')}</span>
    </div>
  );
}
