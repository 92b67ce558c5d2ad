import { Button } from '@digdir/designsystemet-react';
import { useAuth } from '../auth.tsx';
import { useI18n } from '../i18n/index.tsx';
import type { Locale } from '../types.ts';

/** One button that switches to the other language; its text is in that language. */
export function LanguageSwitch() {
  const { locale, t, choose } = useI18n();
  const { saveLocale } = useAuth();
  const other: Locale = locale === 'nb' ? 'en' : 'nb';

  const onClick = () => {
    choose(other);
    // The profile remembers the choice too; the screen has already switched, so a failure here is harmless.
    saveLocale(other).catch(() => undefined);
  };

  return (
    <Button variant="tertiary" data-size="sm" lang={other} onClick={onClick}>
      {t('lang.switch')}
    </Button>
  );
}
