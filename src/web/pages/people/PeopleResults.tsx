import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { AppLink } from '../../components/AppLink.tsx';
import { Pager } from '../../components/Pager.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Page, PersonHit } from '../../types.ts';

type Props = { q: string; result: Page<PersonHit>; onPage: (page: number) => void };

export function PeopleResults({ q, result, onPage }: Props) {
  const { t, locale } = useI18n();
  const headingId = useId();

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('people.results')}
      </Heading>
      <Paragraph role="status">
        {result.total === 0
          ? t('people.empty', { q })
          : t('people.count', { count: formatNumber(result.total, locale) })}
      </Paragraph>
      {result.items.length > 0 && (
        <>
          <div className="table-scroll">
            <Table border zebra aria-labelledby={headingId}>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('people.name')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('people.birthDate')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('people.nationalId')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('people.status')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('people.facility')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('people.matchedBy')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {result.items.map((hit) => (
                  <Table.Row key={hit.id}>
                    <Table.HeaderCell scope="row">
                      <AppLink to={`/people/${hit.id}`}>
                        {hit.givenName} {hit.familyName}
                      </AppLink>
                    </Table.HeaderCell>
                    <Table.Cell>{formatDate(hit.birthDate, locale)}</Table.Cell>
                    <Table.Cell className="mono">{hit.nationalIdMasked}</Table.Cell>
                    <Table.Cell>
                      <StatusTag status={hit.status} />
                    </Table.Cell>
                    <Table.Cell>{hit.facility?.name ?? '–'}</Table.Cell>
                    <Table.Cell>{t(`matchedBy.${hit.matchedBy}`)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <Pager page={result.page} pageSize={result.pageSize} total={result.total} onChange={onPage} />
        </>
      )}
    </section>
  );
}
