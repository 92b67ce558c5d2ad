import { Heading, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Pager } from '../../components/Pager.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { MessageSummary, Page } from '../../types.ts';
import { RECEIPT_STATUSES, ReceiptTag } from './ReceiptTag.tsx';

const PAGE_SIZE = 20;

/** Messages from the justice sector: what came, from whom, and the receipt each got. */
export function MessagesPage() {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  useDocumentTitle(t('messages.title'));
  const [params, setParams] = useSearchParams();
  const status = RECEIPT_STATUSES.find((s) => s === params.get('status')) ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);

  const { data, error, loading } = useApi(
    (signal) =>
      api.get<Page<MessageSummary>>('/integration/messages', { status, page, pageSize: PAGE_SIZE }, signal),
    [status, page],
  );

  const setStatus = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set('status', value);
    else next.delete('status');
    next.delete('page');
    setParams(next);
  };

  const goTo = (target: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(target));
    setParams(next);
  };

  return (
    <>
      <div className="page-head">
        <Heading level={1} data-size="lg">
          {t('messages.title')}
        </Heading>
        {can('integration.import') && <AppLink to="/integration/import">{t('messages.import')}</AppLink>}
      </div>
      <Paragraph>{t('messages.intro')}</Paragraph>
      <fieldset className="filters">
        <legend className="ds-sr-only">{t('messages.filters')}</legend>
        <SelectField label={t('messages.statusFilter')} value={status} onChange={setStatus}>
          <Select.Option value="">{t('common.all')}</Select.Option>
          {RECEIPT_STATUSES.map((s) => (
            <Select.Option key={s} value={s}>
              {t(`receiptStatus.${s}`)}
            </Select.Option>
          ))}
        </SelectField>
      </fieldset>
      {error !== undefined && <ErrorAlert error={error} />}
      {loading && !data && <Loading />}
      {data && (
        <>
          <Paragraph role="status">
            {data.total === 0
              ? t('messages.empty')
              : t('messages.count', { count: formatNumber(data.total, locale) })}
          </Paragraph>
          {data.items.length > 0 && (
            <>
              <div className="table-scroll">
                <Table border zebra data-size="sm" aria-label={t('messages.title')} data-testid="messages">
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('messages.receivedAt')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('messages.sender')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('messages.caseNumber')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('messages.person')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('messages.status')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('messages.receipt')}</Table.HeaderCell>
                      <Table.HeaderCell className="num">{t('messages.sentences')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {data.items.map((m) => (
                      <Table.Row key={m.id}>
                        <Table.HeaderCell scope="row">
                          <AppLink to={`/integration/${m.id}`}>
                            {formatDateTime(m.receivedAt, locale)}
                          </AppLink>
                        </Table.HeaderCell>
                        <Table.Cell>
                          {m.senderName ?? m.senderOrganization ?? t('messages.unknown')}
                          <br />
                          <span className="nowrap">{t(`channel.${m.channel}`)}</span>
                        </Table.Cell>
                        <Table.Cell>{m.caseNumber ?? '–'}</Table.Cell>
                        <Table.Cell>
                          {m.person ? (
                            can('person.read') ? (
                              <AppLink to={`/people/${m.person.id}`}>
                                {m.person.givenName} {m.person.familyName}
                              </AppLink>
                            ) : (
                              `${m.person.givenName} ${m.person.familyName}`
                            )
                          ) : (
                            '–'
                          )}
                        </Table.Cell>
                        <Table.Cell>
                          <ReceiptTag status={m.status} />
                        </Table.Cell>
                        <Table.Cell>
                          <span className="mono">{m.status}</span>
                        </Table.Cell>
                        <Table.Cell className="num">{formatNumber(m.sentences, locale)}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
              <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={goTo} />
            </>
          )}
        </>
      )}
    </>
  );
}
