import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Pager } from '../../components/Pager.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import type { AuditEntry, Page } from '../../types.ts';

const PAGE_SIZE = 10;

/** "Who has looked at this record": the audit trail of reads and changes of one person. */
export function AuditSection({ personId }: { personId: string }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const [page, setPage] = useState(1);
  const { data, error, loading } = useApi(
    (signal) =>
      api.get<Page<AuditEntry>>(
        `/people/${encodeURIComponent(personId)}/audit`,
        { page, pageSize: PAGE_SIZE },
        signal,
      ),
    [personId, page],
  );

  // Roles, actions and purposes come as codes; a code without a translation (a purpose a
  // caller wrote in its own words) is shown as the server sends it.
  const translate = (prefix: string, code: string) => {
    const key = `${prefix}.${code}` as MessageKey;
    const text = t(key);
    return text === key ? code : text;
  };

  return (
    <section aria-labelledby={headingId} className="section" data-testid="audit">
      <Heading level={2} data-size="md" id={headingId}>
        {t('audit.title')}
      </Heading>
      <Paragraph data-size="sm">{t('audit.help')}</Paragraph>
      {error !== undefined && <ErrorAlert error={error} />}
      {loading && !data && <Loading />}
      {data &&
        (data.total === 0 ? (
          <Paragraph>{t('audit.empty')}</Paragraph>
        ) : (
          <>
            <div className="table-scroll">
              <Table border zebra aria-labelledby={headingId}>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('audit.at')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('audit.user')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('audit.role')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('audit.action')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('audit.purpose')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {data.items.map((entry, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: audit entries have no id in the contract
                    <Table.Row key={`${entry.at}-${index}`}>
                      <Table.Cell>{formatDateTime(entry.at, locale)}</Table.Cell>
                      <Table.Cell>{entry.user}</Table.Cell>
                      <Table.Cell>{translate('role', entry.role)}</Table.Cell>
                      <Table.Cell>{translate('auditAction', entry.action)}</Table.Cell>
                      <Table.Cell>{translate('auditPurpose', entry.purpose)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
            <Pager
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              onChange={setPage}
              label={t('audit.title')}
            />
          </>
        ))}
    </section>
  );
}
