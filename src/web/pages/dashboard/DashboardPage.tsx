import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Facts } from '../../components/Facts.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { count, formatDate, formatNumber, formatPercent } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Dashboard } from '../../types.ts';
import { RegionTable } from './RegionTable.tsx';

export function DashboardPage() {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  useDocumentTitle(t('dashboard.title'));
  const { data, error, loading } = useApi((signal) => api.get<Dashboard>('/dashboard', {}, signal), []);

  const n = (value: number) => formatNumber(value, locale);

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('dashboard.title')}
      </Heading>
      {error !== undefined && <ErrorAlert error={error} />}
      {loading && !data && <Loading />}
      {data && (
        <>
          <Paragraph>{t('dashboard.asOf', { date: formatDate(data.asOf, locale) })}</Paragraph>
          <div className="cards">
            <Card>
              <Heading level={2} data-size="xs">
                {t('dashboard.capacity')}
              </Heading>
              <Facts
                items={[
                  { label: t('dashboard.totalBeds'), value: n(data.total.beds) },
                  { label: t('count.occupied'), value: n(data.total.occupied) },
                  { label: t('count.free'), value: n(data.total.free) },
                  {
                    label: t('count.occupancy'),
                    value: formatPercent(data.total.occupied, data.total.beds, locale),
                  },
                  ...(data.singleOccupancy.facilitiesInForce > 0
                    ? [
                        { label: t('single.places'), value: n(data.singleOccupancy.places) },
                        { label: t('single.cellsOver'), value: n(data.singleOccupancy.cellsOverCapacity) },
                      ]
                    : []),
                ]}
              />
            </Card>
            <Card>
              <Heading level={2} data-size="xs">
                {t('dashboard.queue')}
              </Heading>
              <Facts
                items={[
                  { label: t('dashboard.queueLength'), value: n(data.queue.length) },
                  {
                    label: t('dashboard.oldestOrder'),
                    value: formatDate(data.queue.oldestOrderDate, locale),
                  },
                  {
                    label: t('dashboard.oldestWaiting'),
                    value:
                      data.queue.oldestDaysWaiting === null
                        ? '–'
                        : count(t, 'day', data.queue.oldestDaysWaiting),
                  },
                ]}
              />
              {can('queue.read') && <AppLink to="/queue">{t('dashboard.toQueue')}</AppLink>}
            </Card>
            <Card>
              <Heading level={2} data-size="xs">
                {t('dashboard.em')} / {t('dashboard.remand')}
              </Heading>
              <Facts
                items={[
                  { label: t('dashboard.emCount'), value: n(data.em.count) },
                  { label: t('dashboard.remandCount'), value: n(data.remand.count) },
                ]}
              />
            </Card>
            <Card>
              <Heading level={2} data-size="xs">
                {t('dashboard.week', {
                  from: formatDate(data.week.from, locale),
                  to: formatDate(data.week.to, locale),
                })}
              </Heading>
              <Facts
                items={[
                  { label: t('dashboard.admissions'), value: n(data.week.admissions) },
                  { label: t('dashboard.releases'), value: n(data.week.releases) },
                ]}
              />
            </Card>
          </div>
          <RegionTable regions={data.regions} />
        </>
      )}
    </>
  );
}
