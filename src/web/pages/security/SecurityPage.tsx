import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { api } from '../../api.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { levelName } from './SecurityLevels.tsx';
import type { Overview } from './types.ts';

/** Every facility with its security level and how far its departments are classified. */
export function SecurityPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t('security.title'));
  const overview = useApi((signal) => api.get<Overview>('/security/facilities', {}, signal), []);
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('security.title')}
      </Heading>
      <Paragraph>{t('security.intro')}</Paragraph>
      {overview.error !== undefined && <ErrorAlert error={overview.error} />}
      {overview.loading && !overview.data && <Loading />}
      {overview.data && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
        <div className="table-scroll" tabIndex={0}>
          <Table border zebra data-testid="security-table">
            <caption>{t('security.tableCaption', { date: formatDate(overview.data.on, locale) })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('security.facility')}</Table.HeaderCell>
                <Table.HeaderCell>{t('security.level')}</Table.HeaderCell>
                <Table.HeaderCell>{t('security.validFrom')}</Table.HeaderCell>
                <Table.HeaderCell>{t('security.departmentsOwn')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {overview.data.items.map((i) => (
                <Table.Row key={i.facility.id}>
                  <Table.Cell>
                    <AppLink to={`/sikkerhet/${i.facility.id}`}>{i.facility.name}</AppLink>
                  </Table.Cell>
                  <Table.Cell>{levelName(t, i.level)}</Table.Cell>
                  <Table.Cell>{i.validFrom ? formatDate(i.validFrom, locale) : '–'}</Table.Cell>
                  <Table.Cell>
                    {t('security.ofDepartments', { own: i.departmentsClassified, all: i.departments })}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </>
  );
}
