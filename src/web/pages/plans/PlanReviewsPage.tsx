import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useEffect } from 'react';
import { api } from '../../api.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { DueFilter, useDueFilter } from '../../components/DueFilter.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { ReviewsDue } from './types.ts';

/**
 * What a unit leader checks per facility: the plans due for review (overdue first) and the
 * inmates assessed but still without a plan, with the days since intake.
 */
export function PlanReviewsPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t('plan.due.title'));
  const { draft, setDraft, filter, setFilter } = useDueFilter();
  const data = useApi(
    (signal) =>
      api.get<ReviewsDue>(
        '/plans/reviews-due',
        { facilityId: filter.facilityId || undefined, withinDays: filter.withinDays },
        signal,
      ),
    [filter.facilityId, filter.withinDays],
  );
  const d = data.data;
  // The first facility in the caller's scope is shown until another is chosen.
  const first = d?.facilities[0]?.id;
  useEffect(() => {
    if (!filter.facilityId && first) {
      setDraft((x) => ({ ...x, facilityId: first }));
      setFilter((x) => ({ ...x, facilityId: first }));
    }
  }, [filter.facilityId, first, setDraft, setFilter]);
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('plan.due.title')}
      </Heading>
      <Paragraph>{t('plan.due.intro')}</Paragraph>
      <DueFilter
        labels={{ facility: t('plan.due.facility'), within: t('plan.due.within'), show: t('plan.due.show') }}
        facilities={d?.facilities}
        value={draft}
        onChange={setDraft}
        onApply={setFilter}
      />
      {data.error !== undefined && <ErrorAlert error={data.error} />}
      {!d && data.loading && <Loading />}
      {d && d.facilities.length === 0 && <Paragraph>{t('plan.due.noFacilities')}</Paragraph>}
      {d?.facility && (
        <>
          <section className="section" aria-labelledby="plan-due-heading">
            <Heading level={2} data-size="md" id="plan-due-heading">
              {t('plan.due.plansHeading', { facility: d.facility.name })}
            </Heading>
            {d.plans.length === 0 ? (
              <Paragraph data-testid="plans-due-empty">
                {t('plan.due.none', { date: formatDate(d.until, locale) })}
              </Paragraph>
            ) : (
              <div className="table-scroll">
                <Table border zebra data-testid="plans-due">
                  <caption className="visually-hidden">
                    {t('plan.due.plansHeading', { facility: d.facility.name })}
                  </caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('plan.due.col.person')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('plan.due.col.version')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('plan.due.col.review')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {d.plans.map((p) => (
                      <Table.Row key={p.planId} data-overdue={p.overdue ? 'true' : 'false'}>
                        <Table.Cell>
                          <AppLink to={`/plan/${p.person.id}`}>{p.person.name}</AppLink>
                        </Table.Cell>
                        <Table.Cell>{p.agreedVersion ?? '–'}</Table.Cell>
                        <Table.Cell>
                          {formatDate(p.nextReviewDate, locale)}{' '}
                          <Tag data-color={p.overdue ? 'danger' : 'info'}>
                            {p.overdue ? t('plan.due.overdue') : t('plan.due.upcoming')}
                          </Tag>
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            )}
          </section>
          <section className="section" aria-labelledby="plan-none-heading">
            <Heading level={2} data-size="md" id="plan-none-heading">
              {t('plan.due.withoutHeading')}
            </Heading>
            {d.withoutPlan.length === 0 ? (
              <Paragraph data-testid="plans-missing-empty">{t('plan.due.withoutNone')}</Paragraph>
            ) : (
              <div className="table-scroll">
                <Table border zebra data-testid="plans-missing">
                  <caption className="visually-hidden">{t('plan.due.withoutHeading')}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('plan.due.col.person')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('plan.due.col.assessed')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('plan.due.col.intake')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('plan.due.col.days')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {d.withoutPlan.map((p) => (
                      <Table.Row key={p.person.id}>
                        <Table.Cell>
                          <AppLink to={`/plan/${p.person.id}`}>{p.person.name}</AppLink>
                        </Table.Cell>
                        <Table.Cell>{formatDate(p.assessedOn, locale)}</Table.Cell>
                        <Table.Cell>{formatDate(p.intakeDate, locale)}</Table.Cell>
                        <Table.Cell>{p.daysSinceIntake}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            )}
          </section>
        </>
      )}
    </>
  );
}
