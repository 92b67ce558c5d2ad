import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { type ReactNode, useId } from 'react';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Facts } from '../../components/Facts.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { PersonDetail, Placement } from '../../types.ts';
import { PersonAssessmentSection } from '../assessments/PersonAssessmentSection.tsx';
import { PersonLeaveSection } from '../leave/PersonLeaveSection.tsx';
import { MoveAction } from '../placement/MoveAction.tsx';
import { PersonPlanSection } from '../plans/PersonPlanSection.tsx';
import { VisitorsSection } from '../visits/VisitorsSection.tsx';
import { AuditSection } from './AuditSection.tsx';
import { HealthSection } from './HealthSection.tsx';
import { JudgmentView } from './JudgmentView.tsx';
import { KeyDatesSection } from './KeyDatesSection.tsx';

export function PersonPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const { data, error, loading, reload } = useApi(
    (signal) => api.get<PersonDetail>(`/people/${encodeURIComponent(id)}`, {}, signal),
    [id],
  );
  const title = data ? `${data.givenName} ${data.familyName}` : t('person.title');
  useDocumentTitle(title);
  const identityId = useId();
  const judgmentsId = useId();

  return (
    <>
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      {error !== undefined && <ErrorAlert error={error} />}
      {loading && !data && <Loading />}
      {data && (
        <>
          <section aria-labelledby={identityId} className="section">
            <Heading level={2} data-size="md" id={identityId}>
              {t('person.identity')}
            </Heading>
            <Facts
              className="facts--columns"
              items={[
                { label: t('person.name'), value: `${data.givenName} ${data.familyName}` },
                { label: t('person.birthDate'), value: formatDate(data.birthDate, locale) },
                { label: t('person.nationalId'), value: <span className="mono">{data.nationalId}</span> },
                { label: t('person.nationalIdKind'), value: t(`idKind.${data.nationalIdKind}`) },
                {
                  label: t('person.gender'),
                  value: data.gender ? t(`gender.${data.gender}`) : t('common.notStated'),
                },
              ]}
            />
          </section>
          <PlacementSection
            placement={data.placement}
            action={
              can('placement.admit') && data.placement?.kind === 'cell' ? (
                <MoveAction person={data} onMoved={reload} />
              ) : null
            }
          />
          <section aria-labelledby={judgmentsId} className="section">
            <Heading level={2} data-size="md" id={judgmentsId}>
              {t('person.judgments')}
            </Heading>
            {data.judgments.length === 0 ? (
              <Paragraph>{t('person.noJudgments')}</Paragraph>
            ) : (
              data.judgments.map((judgment) => <JudgmentView key={judgment.id} judgment={judgment} />)
            )}
          </section>
          {can('person.read') && <KeyDatesSection personId={data.id} />}
          {can('health.read') && <HealthSection personId={data.id} />}
          {can('visits.read') && (
            <VisitorsSection personId={data.id} name={`${data.givenName} ${data.familyName}`} />
          )}
          {can('leave.read') && <PersonLeaveSection personId={data.id} />}
          {can('assessment.read') && <PersonAssessmentSection personId={data.id} />}
          {can('plan.read') && <PersonPlanSection personId={data.id} />}
          {can('person.audit.read') && <AuditSection personId={data.id} />}
        </>
      )}
    </>
  );
}

function PlacementSection({ placement, action }: { placement: Placement | null; action?: ReactNode }) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const headingId = useId();

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('person.placement')}
      </Heading>
      {placement === null ? (
        <Paragraph>{t('person.noPlacement')}</Paragraph>
      ) : (
        <Facts
          className="facts--columns"
          items={[
            { label: t('placement.kind'), value: t(`placementKind.${placement.kind}`) },
            {
              label: t('placement.facility'),
              value: can('organisation.read') ? (
                <AppLink to={`/organisation/facilities/${placement.facility.id}`}>
                  {placement.facility.name}
                </AppLink>
              ) : (
                placement.facility.name
              ),
            },
            ...(placement.kind === 'cell'
              ? [
                  { label: t('placement.department'), value: placement.department?.name ?? '–' },
                  { label: t('placement.cell'), value: placement.cell?.number ?? '–' },
                  { label: t('placement.bed'), value: placement.bed?.label ?? '–' },
                ]
              : []),
            { label: t('placement.since'), value: formatDate(placement.since, locale) },
          ]}
        />
      )}
      {action}
    </section>
  );
}
