import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
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
import { FlagList } from './FlagList.tsx';
import { label, type Overview } from './types.ts';

/** The "Risiko og behov" section of the person page: flags, the current assessment, measures in force. */
export function PersonAssessmentSection({ personId }: { personId: string }) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const headingId = useId();
  const data = useApi(
    (signal) => api.get<Overview>(`/people/${personId}/assessments`, {}, signal),
    [personId],
  );
  const d = data.data;
  const inForce = d?.restrictions.filter((r) => r.inForce) ?? [];
  const separations = d?.nonAssociations.filter((n) => !n.endedOn) ?? [];
  return (
    <section aria-labelledby={headingId} className="section" data-testid="person-assessment">
      <Heading level={2} data-size="md" id={headingId}>
        {t('assess.section')}
      </Heading>
      {data.error !== undefined && <ErrorAlert error={data.error} />}
      {!d && data.loading && <Loading />}
      {d && (
        <>
          <FlagList flags={d.flags} />
          {d.current ? (
            <Facts
              className="facts--columns"
              items={[
                { label: t('assess.number'), value: String(d.current.number) },
                { label: t('assess.assessedOn'), value: formatDate(d.current.assessedOn, locale) },
                {
                  label: t('assess.reviewDate'),
                  value: (
                    <>
                      {formatDate(d.current.reviewDate, locale)}{' '}
                      {d.current.reviewDue && <Tag data-color="danger">{t('assess.reviewDue')}</Tag>}
                    </>
                  ),
                },
                {
                  label: t('assess.risks'),
                  value:
                    d.current.ratings
                      .map(
                        (r) =>
                          `${label(t, 'assess.purpose', r.purpose)}: ${label(t, 'assess.level', r.level)}`,
                      )
                      .join(', ') || '–',
                },
                {
                  label: t('assess.restrictions'),
                  value: inForce.map((r) => label(t, 'assess.kind', r.kind)).join(', ') || '–',
                },
                { label: t('assess.separations'), value: String(separations.length) },
              ]}
            />
          ) : (
            <Paragraph>{t('assess.none')}</Paragraph>
          )}
          <Paragraph>
            <AppLink to={`/vurdering/person/${personId}`}>{t('assess.open')}</AppLink>
            {can('assessment.manage') && (
              <>
                {' · '}
                <AppLink to={`/vurdering/ny?personId=${personId}`}>
                  {d.current ? t('assess.review') : t('assess.new')}
                </AppLink>
              </>
            )}
          </Paragraph>
        </>
      )}
    </section>
  );
}
