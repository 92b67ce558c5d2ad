import { Paragraph, Tag } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/index.tsx';
import { type Flag, label } from './types.ts';

/** The person's flags, each with whether it is computed or recorded, its explanation and source. */
export function FlagList({ flags }: { flags: Flag[] }) {
  const { t, locale } = useI18n();
  if (flags.length === 0) return <Paragraph>{t('assess.noFlags')}</Paragraph>;
  return (
    <ul data-testid="assessment-flags">
      {flags.map((f) => (
        <li key={f.code}>
          <Tag data-color={f.code === 'minor' || f.code === 'interpreter' ? 'info' : 'warning'}>
            {label(t, 'assess.flag', f.code)}
          </Tag>{' '}
          ({label(t, 'assess.flagBasis', f.basis)}) {f.explanation[locale]}{' '}
          <small>{t('assess.flagSource', { source: f.source })}</small>
        </li>
      ))}
    </ul>
  );
}
