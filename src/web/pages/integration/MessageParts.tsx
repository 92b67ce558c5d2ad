import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useAuth } from '../../auth.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { Facts } from '../../components/Facts.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { count, formatDays, formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { MessageIssue, Reaction, Receipt } from '../../types.ts';
import { ReceiptTag } from './ReceiptTag.tsx';

/** The receipt as it was sent, field by field. */
export function ReceiptFacts({ receipt }: { receipt: Receipt }) {
  const { t } = useI18n();
  const items = [
    { label: t('messages.status'), value: <ReceiptTag status={receipt.status} /> },
    { label: t('messages.receipt'), value: <span className="mono">{receipt.status}</span> },
    { label: t('message.receiptRef'), value: <span className="mono">{receipt.meldingsIdRef}</span> },
    { label: t('message.receiptId'), value: <span className="mono">{receipt.meldingsId}</span> },
  ];
  if (receipt.beskrivelse) items.push({ label: t('message.receiptText'), value: <>{receipt.beskrivelse}</> });
  if (receipt.saksRef)
    items.push({ label: t('message.receiptCase'), value: <span className="mono">{receipt.saksRef}</span> });
  return <Facts items={items} />;
}

/** Errors or notes: the field of the message and what is said about it. */
export function IssueTable({
  title,
  issues,
  level = 2,
}: {
  title: string;
  issues: MessageIssue[];
  level?: 2 | 3;
}) {
  const { t } = useI18n();
  const headingId = useId();
  if (issues.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={level} data-size={level === 2 ? 'md' : 'sm'} id={headingId}>
        {title}
      </Heading>
      <div className="table-scroll">
        <Table border zebra data-size="sm" aria-labelledby={headingId}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('message.field')}</Table.HeaderCell>
              <Table.HeaderCell>{t('message.problem')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {issues.map((issue, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one field can carry several issues, in a fixed order
              <Table.Row key={`${issue.path}-${index}`}>
                <Table.Cell>
                  <span className="mono">{issue.path}</span>
                </Table.Cell>
                <Table.Cell>{issue.message}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}

function reactionDetails(
  r: Reaction,
  t: ReturnType<typeof useI18n>['t'],
  locale: ReturnType<typeof useI18n>['locale'],
) {
  const parts: string[] = [];
  const days = (n: number | null) => (n === null ? null : formatDays(n, t));
  const add = (key: Parameters<typeof t>[0], value: string | null) => {
    if (value) parts.push(t(key, { value }));
  };
  add(r.kind === 'prison' || r.kind === 'youth' ? 'message.term' : 'message.duration', days(r.termDays));
  add('message.conditional', days(r.conditionalDays));
  add('message.probation', days(r.probationDays));
  add('message.deduction', days(r.deductionDays));
  add('message.substitute', days(r.substituteDays));
  add('message.hours', r.hours === null ? null : formatNumber(r.hours, locale));
  add('message.amount', r.amountNok === null ? null : formatNumber(r.amountNok, locale));
  if (r.electronicControl)
    parts.push(
      r.electronicControlDays === null
        ? t('message.electronicControl')
        : t('message.electronicControlFor', { value: formatDays(r.electronicControlDays, t) }),
    );
  if (r.indefinite) parts.push(t('message.indefinite'));
  add('message.legalBasis', r.legalBasis);
  if (r.description) parts.push(r.description);
  return parts;
}

/** The judgment's reactions as the message states them, and what went to the queue. */
export function ReactionTable({ reactions, personId }: { reactions: Reaction[]; personId: string | null }) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const headingId = useId();
  if (reactions.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('message.reactions')}
      </Heading>
      <div className="table-scroll">
        <Table border zebra data-size="sm" aria-labelledby={headingId}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('message.reaction')}</Table.HeaderCell>
              <Table.HeaderCell>{t('message.details')}</Table.HeaderCell>
              <Table.HeaderCell>{t('message.queue')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {reactions.map((r, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the reactions of one message, in the message's order
              <Table.Row key={index}>
                <Table.HeaderCell scope="row">{t(`reaction.${r.kind}`)}</Table.HeaderCell>
                <Table.Cell>
                  {reactionDetails(r, t, locale).map((line) => (
                    <div key={line}>{line}</div>
                  ))}
                </Table.Cell>
                <Table.Cell>
                  {r.sentence ? (
                    <>
                      <StatusTag status={r.sentence.status} />{' '}
                      {personId && can('person.read') ? (
                        <AppLink to={`/people/${personId}`}>
                          {t('message.queuedAt', {
                            kind: t(`kind.${r.sentence.kind}`),
                            facility: r.sentence.facility.name,
                          })}
                        </AppLink>
                      ) : (
                        t('message.queuedAt', {
                          kind: t(`kind.${r.sentence.kind}`),
                          facility: r.sentence.facility.name,
                        })
                      )}
                      {r.sentence.hours !== null && (
                        <div className="nowrap">{count(t, 'hour', r.sentence.hours)}</div>
                      )}
                    </>
                  ) : (
                    <Paragraph data-size="sm">{t('message.notQueued')}</Paragraph>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}
