import { Button, Fieldset, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { api } from '../../api.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { VisitNotice } from './types.ts';

/**
 * The notice a visitor is given when a booked visit is under review or was changed or cancelled on
 * review: what happens to the visit, why, and what changed. In bokmål or English, printable.
 */
export function VisitNoticePage({ visitId }: { visitId: string }) {
  const { t, locale } = useI18n();
  useDocumentTitle(t('visits.notice.title'));
  const data = useApi((signal) => api.get<VisitNotice>(`/visits/${visitId}/notice`, {}, signal), [visitId]);
  const [language, setLanguage] = useState<'nb' | 'en'>(locale);
  if (data.error !== undefined) return <ErrorAlert error={data.error} />;
  if (!data.data) return <Loading />;
  const { person, notice } = data.data;
  const text = notice?.[language];
  return (
    <article className="leave-letter" data-testid="visit-notice">
      <div className="no-print row-actions">
        <AppLink to={`/people/${person.id}`}>{t('visits.notice.back')}</AppLink>
        {notice && (
          <Fieldset data-size="sm">
            <Fieldset.Legend>{t('visits.notice.language')}</Fieldset.Legend>
            <div className="row-actions">
              {(['nb', 'en'] as const).map((l) => (
                <Button
                  key={l}
                  type="button"
                  data-size="sm"
                  variant={language === l ? 'primary' : 'tertiary'}
                  aria-pressed={language === l}
                  onClick={() => setLanguage(l)}
                >
                  {t(l === 'nb' ? 'visits.notice.nb' : 'visits.notice.en')}
                </Button>
              ))}
            </div>
          </Fieldset>
        )}
        {notice && (
          <Button variant="secondary" onClick={() => window.print()}>
            {t('visits.notice.print')}
          </Button>
        )}
      </div>
      {!text ? (
        <>
          <Heading level={1} data-size="lg">
            {t('visits.notice.title')}
          </Heading>
          <Paragraph>{t('visits.notice.none')}</Paragraph>
        </>
      ) : (
        <div lang={language}>
          <Heading level={1} data-size="lg">
            {text.title}
          </Heading>
          {text.paragraphs.map((p) => (
            <Paragraph key={p}>{p}</Paragraph>
          ))}
          {text.changes.length > 0 && (
            <>
              <Heading level={2} data-size="md">
                {text.changesHeading}
              </Heading>
              <ul>
                {text.changes.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </>
          )}
          <Paragraph data-size="sm">{text.legal}</Paragraph>
        </div>
      )}
    </article>
  );
}
