import { Details, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Facts } from '../../components/Facts.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { MessageDetail } from '../../types.ts';
import { IssueTable, ReactionTable, ReceiptFacts } from './MessageParts.tsx';
import { ReceiptTag } from './ReceiptTag.tsx';

/** One message: where it came from, the receipt it got, what was wrong, what it created. */
export function MessagePage({ id }: { id: string }) {
  const { t } = useI18n();
  const { data, error, loading } = useApi(
    (signal) => api.get<MessageDetail>(`/integration/messages/${encodeURIComponent(id)}`, {}, signal),
    [id],
  );
  const title = data?.caseNumber
    ? t('message.titleCase', { caseNumber: data.caseNumber })
    : t('message.title');
  useDocumentTitle(title);

  return (
    <>
      <AppLink to="/integration">{t('message.back')}</AppLink>
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      {error !== undefined && <ErrorAlert error={error} />}
      {loading && !data && <Loading />}
      {data && <MessageView message={data} />}
    </>
  );
}

export function MessageView({ message: m }: { message: MessageDetail }) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const aboutId = useId();
  const receiptId = useId();
  const person = m.person;

  return (
    <>
      <section aria-labelledby={aboutId} className="section">
        <Heading level={2} data-size="md" id={aboutId}>
          {t('message.about')}
        </Heading>
        <Facts
          className="facts--columns"
          items={[
            { label: t('messages.status'), value: <ReceiptTag status={m.status} /> },
            { label: t('messages.receivedAt'), value: formatDateTime(m.receivedAt, locale) },
            {
              label: t('message.processedAt'),
              value: m.processedAt ? formatDateTime(m.processedAt, locale) : '–',
            },
            { label: t('message.sentAt'), value: m.sentAt ? formatDateTime(m.sentAt, locale) : '–' },
            {
              label: t('messages.sender'),
              value: [m.senderName, m.senderOrganization].filter(Boolean).join(', ') || t('messages.unknown'),
            },
            { label: t('message.channel'), value: t(`channel.${m.channel}`) },
            {
              label: t('message.signature'),
              value:
                m.transport === 'jws'
                  ? t('message.signedWith', { kid: m.keyId ?? '–' })
                  : t('message.unsigned'),
            },
            {
              label: t('message.contract'),
              value: `${m.contract.name} ${m.contract.version ?? ''}`.trim(),
            },
            { label: t('message.messageId'), value: <span className="mono">{m.messageId ?? '–'}</span> },
            { label: t('message.attempts'), value: formatNumber(m.attempts, locale) },
            { label: t('messages.caseNumber'), value: m.caseNumber ?? '–' },
            {
              label: t('messages.person'),
              value: person ? (
                can('person.read') ? (
                  <AppLink to={`/people/${person.id}`}>
                    {person.givenName} {person.familyName}
                  </AppLink>
                ) : (
                  `${person.givenName} ${person.familyName}`
                )
              ) : (
                t('message.noPerson')
              ),
            },
          ]}
        />
      </section>
      <section aria-labelledby={receiptId} className="section">
        <Heading level={2} data-size="md" id={receiptId}>
          {t('messages.receipt')}
        </Heading>
        <ReceiptFacts receipt={m.receipt} />
      </section>
      <IssueTable title={t('message.errors')} issues={m.errors} />
      <IssueTable title={t('message.notes')} issues={m.notes} />
      <ReactionTable reactions={m.reactions} personId={person?.id ?? null} />
      {m.status === 'MOTTATT' && (
        <Paragraph>
          {t('message.counts', {
            offences: formatNumber(m.offences, locale),
            victims: formatNumber(m.victims, locale),
          })}
        </Paragraph>
      )}
      {m.payload !== null && (
        <Details>
          <Details.Summary>{t('message.payload')}</Details.Summary>
          <Details.Content>
            <pre className="payload">{m.payload}</pre>
          </Details.Content>
        </Details>
      )}
    </>
  );
}
