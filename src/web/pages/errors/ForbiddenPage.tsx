import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { useT } from '../../i18n/index.tsx';

export function ForbiddenPage() {
  const t = useT();
  useDocumentTitle(t('forbidden.title'));
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('forbidden.title')}
      </Heading>
      <Paragraph>{t('forbidden.text')}</Paragraph>
    </>
  );
}
