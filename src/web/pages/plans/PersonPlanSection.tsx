import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { api } from '../../api.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Facts } from '../../components/Facts.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { label, type PlanOverview } from './types.ts';

/** The "Plan" section of the person page: the plan's state and the next step on the progression path. */
export function PersonPlanSection({ personId }: { personId: string }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const data = useApi((signal) => api.get<PlanOverview>(`/people/${personId}/plan`, {}, signal), [personId]);
  const d = data.data;
  const next = d?.path.find((s) => s.status === 'next');
  const state = !d?.plan
    ? t('plan.state.none')
    : d.agreed
      ? t('plan.state.agreed', { number: d.agreed.number })
      : t('plan.state.draft');
  return (
    <section aria-labelledby={headingId} className="section" data-testid="person-plan">
      <Heading level={2} data-size="md" id={headingId}>
        {t('plan.section')}
      </Heading>
      {data.error !== undefined && <ErrorAlert error={data.error} />}
      {!d && data.loading && <Loading />}
      {d && (
        <>
          <Facts
            items={[
              { label: t('plan.section.state'), value: state },
              {
                label: t('plan.section.next'),
                value: next
                  ? `${label(t, 'plan.step', next.step)}${next.date ? `, ${formatDate(next.date, locale)}` : ''}`
                  : '–',
              },
            ]}
          />
          <Paragraph>
            <AppLink to={`/plan/${personId}`}>{t('plan.open')}</AppLink>
          </Paragraph>
        </>
      )}
    </section>
  );
}
