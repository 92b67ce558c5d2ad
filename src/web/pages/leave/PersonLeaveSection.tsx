import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Facts } from '../../components/Facts.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { label, periodText, statusText } from './labels.ts';
import type { PersonLeave } from './types.ts';

/** The "Permisjon" section of the person page: what the engine says and the person's applications. */
export function PersonLeaveSection({ personId }: { personId: string }) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const headingId = useId();
  const data = useApi((signal) => api.get<PersonLeave>(`/people/${personId}/leave`, {}, signal), [personId]);
  const d = data.data;
  return (
    <section aria-labelledby={headingId} className="section" data-testid="person-leave">
      <Heading level={2} data-size="md" id={headingId}>
        {t('leave.person.heading')}
      </Heading>
      {data.error !== undefined && <ErrorAlert error={data.error} />}
      {!d && data.loading && <Loading />}
      {d && (
        <>
          {!d.inPrison && <Paragraph>{t('leave.person.notInPrison')}</Paragraph>}
          <Facts
            items={[
              {
                label: t('leave.person.ordinaryFrom'),
                value: d.ordinaryLeaveFrom
                  ? formatDate(d.ordinaryLeaveFrom, locale)
                  : t('leave.factors.notApplicable'),
              },
              {
                label: t('leave.person.dayReleaseFrom'),
                value: d.dayReleaseFrom
                  ? formatDate(d.dayReleaseFrom, locale)
                  : t('leave.factors.notApplicable'),
              },
              {
                label: t('leave.person.quota'),
                value: t('leave.person.quotaValue', { left: d.quotaLeft, quota: d.quotaDays }),
              },
            ]}
          />
          {d.items.length > 0 && (
            <ul>
              {d.items.map((a) => (
                <li key={a.id}>
                  <AppLink to={`/permisjon/${a.id}`}>
                    {label(t, 'leave.kind', a.kind)}: {periodText(t, locale, a)}
                  </AppLink>{' '}
                  – {statusText(t, a)}
                </li>
              ))}
            </ul>
          )}
          {d.inPrison && can('leave.apply') && (
            <Paragraph>
              <AppLink to={`/permisjon/ny?personId=${personId}`}>{t('leave.person.apply')}</AppLink>
            </Paragraph>
          )}
        </>
      )}
    </section>
  );
}
