import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Facts } from '../../components/Facts.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { formatNumber, isIsoDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Department, FacilityDetail } from '../../types.ts';
import { SecurityLevels } from '../security/SecurityLevels.tsx';

export function FacilityPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const [params] = useSearchParams();
  const asOfParam = params.get('asOf');
  const asOf = asOfParam && isIsoDate(asOfParam) ? asOfParam : undefined;
  const { data, error, loading } = useApi(
    (signal) => api.get<FacilityDetail>(`/facilities/${encodeURIComponent(id)}`, { asOf }, signal),
    [id, asOf],
  );
  const title = data?.name ?? t('facility.title');
  useDocumentTitle(title);
  const n = (value: number) => formatNumber(value, locale);

  return (
    <>
      <Paragraph data-size="sm">
        <AppLink to={asOf ? `/organisation?asOf=${asOf}` : '/organisation'}>{t('facility.back')}</AppLink>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      {error !== undefined && <ErrorAlert error={error} />}
      {loading && !data && <Loading />}
      {data && (
        <>
          <Facts
            className="facts--columns"
            items={[
              { label: t('facility.kind'), value: t(`facilityKind.${data.kind}`) },
              { label: t('facility.municipality'), value: data.municipality },
              { label: t('facility.code'), value: data.code },
              {
                label: t('facility.partOf'),
                value: data.parents.length ? data.parents.map((parent) => parent.name).join(' › ') : '–',
              },
              { label: t('count.beds'), value: n(data.beds) },
              { label: t('count.occupied'), value: n(data.occupied) },
              { label: t('count.free'), value: n(data.free) },
              ...(data.kind === 'probation_office'
                ? []
                : [
                    {
                      label: t('single.places'),
                      value: data.singleOccupancy.inForce
                        ? n(data.singleOccupancy.places)
                        : `${n(data.singleOccupancy.places)} (${t('single.notInForce')})`,
                    },
                  ]),
              ...(data.singleOccupancy.inForce && data.kind !== 'probation_office'
                ? [{ label: t('single.cellsOver'), value: n(data.singleOccupancy.cellsOverCapacity) }]
                : []),
            ]}
          />
          {data.singleOccupancy.inForce && data.kind !== 'probation_office' && (
            <Paragraph data-size="sm">{t('single.inForceNote')}</Paragraph>
          )}
          {can('health.read') && data.kind !== 'probation_office' && (
            <Paragraph>
              <AppLink to={`/kohort?facility=${data.id}`}>{t('facility.toCohort')}</AppLink>
            </Paragraph>
          )}
          {can('security.read') && <SecurityLevels facilityId={data.id} asOf={asOf} />}
          <Heading level={2} data-size="md">
            {t('facility.departments')}
          </Heading>
          {data.departments.length === 0 ? (
            <Paragraph>{t('facility.noDepartments')}</Paragraph>
          ) : (
            data.departments.map((department) => (
              <DepartmentView key={department.id} department={department} />
            ))
          )}
        </>
      )}
    </>
  );
}

function DepartmentView({ department }: { department: Department }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const beds = department.cells.flatMap((cell) => cell.beds);
  const free = beds.filter((bed) => !bed.occupied).length;

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={3} data-size="sm" id={headingId}>
        {department.name}
      </Heading>
      <Paragraph data-size="sm">
        {t('facility.departmentSummary', {
          free: formatNumber(free, locale),
          beds: formatNumber(beds.length, locale),
        })}
      </Paragraph>
      <Table border zebra data-size="sm" aria-labelledby={headingId} className="beds-table">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('facility.cell')}</Table.HeaderCell>
            <Table.HeaderCell>{t('facility.bed')}</Table.HeaderCell>
            <Table.HeaderCell>{t('facility.bedStatus')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {department.cells.flatMap((cell) =>
            cell.beds.map((bed) => (
              <Table.Row key={bed.id}>
                <Table.Cell>{cell.number}</Table.Cell>
                <Table.Cell>{bed.label}</Table.Cell>
                <Table.Cell>
                  <span className={bed.usable ? 'bed bed--free' : 'bed bed--occupied'}>
                    {bed.occupied ? t('bed.occupied') : bed.usable ? t('bed.free') : t('single.bedNotUsable')}
                  </span>
                </Table.Cell>
              </Table.Row>
            )),
          )}
        </Table.Body>
      </Table>
    </section>
  );
}
