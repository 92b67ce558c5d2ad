import { Button, Table } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useAuth } from '../../auth.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { AgeGroupTag, StatusTag } from '../../components/StatusTag.tsx';
import { count, formatDate, formatNumber } from '../../i18n/format.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import type { QueueItem } from '../../types.ts';

export type QueueAction = 'summon' | 'postpone' | 'admit';

type Props = { items: QueueItem[]; onAction: (action: QueueAction, item: QueueItem) => void };

export function QueueTable({ items, onAction }: Props) {
  const { t } = useI18n();
  const { can } = useAuth();
  const actions = (
    [
      ['summon', 'queue.summon', can('queue.summon')],
      ['postpone', 'queue.postpone', can('queue.postpone')],
      ['admit', 'queue.admit', can('placement.admit')],
    ] as const
  )
    .filter(([, , allowed]) => allowed)
    .map(([action, label]) => ({ action, label }) satisfies { action: QueueAction; label: MessageKey });

  return (
    <div className="table-scroll">
      <Table border zebra data-size="sm" className="queue-table" aria-label={t('queue.title')}>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('queue.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('queue.caseNumber')}</Table.HeaderCell>
            <Table.HeaderCell>{t('queue.kindAndTerm')}</Table.HeaderCell>
            <Table.HeaderCell>{t('queue.orderDate')}</Table.HeaderCell>
            <Table.HeaderCell className="num">{t('queue.daysWaiting')}</Table.HeaderCell>
            <Table.HeaderCell>{t('queue.age')}</Table.HeaderCell>
            <Table.HeaderCell>{t('queue.status')}</Table.HeaderCell>
            <Table.HeaderCell>{t('queue.appearance')}</Table.HeaderCell>
            <Table.HeaderCell>{t('queue.postponedUntil')}</Table.HeaderCell>
            {actions.length > 0 && <Table.HeaderCell>{t('queue.actions')}</Table.HeaderCell>}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((item) => (
            <QueueRow key={item.sentenceId} item={item} actions={actions} onAction={onAction} />
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

type RowProps = {
  item: QueueItem;
  actions: { action: QueueAction; label: MessageKey }[];
  onAction: Props['onAction'];
};

function QueueRow({ item, actions, onAction }: RowProps) {
  const { t, locale } = useI18n();
  const nameId = useId();
  const reason = (code: string) => {
    const text = t(`reason.${code}` as MessageKey);
    return text === `reason.${code}` ? code : text;
  };

  return (
    <Table.Row>
      <Table.HeaderCell scope="row" id={nameId}>
        <AppLink to={`/people/${item.person.id}`}>
          {item.person.givenName} {item.person.familyName}
        </AppLink>
      </Table.HeaderCell>
      <Table.Cell>{breakable(item.caseNumber)}</Table.Cell>
      <Table.Cell>
        {t(`kind.${item.kind}`)}
        {item.termDays !== null && (
          <>
            <br />
            <span className="nowrap">{count(t, 'day', item.termDays)}</span>
          </>
        )}
      </Table.Cell>
      <Table.Cell>{formatDate(item.orderDate, locale)}</Table.Cell>
      <Table.Cell className="num">{formatNumber(item.daysWaiting, locale)}</Table.Cell>
      <Table.Cell>
        <AgeGroupTag group={item.ageGroup} />
      </Table.Cell>
      <Table.Cell>
        <StatusTag status={item.status} />
        {item.summonsSentOn && (
          <>
            <br />
            <span className="nowrap">
              {t('queue.sentOn', { date: formatDate(item.summonsSentOn, locale) })}
            </span>
          </>
        )}
      </Table.Cell>
      <Table.Cell>
        {item.appearanceDate
          ? item.appearanceFacility
            ? t('queue.appearanceAt', {
                date: formatDate(item.appearanceDate, locale),
                facility: item.appearanceFacility.name,
              })
            : formatDate(item.appearanceDate, locale)
          : '–'}
      </Table.Cell>
      <Table.Cell>
        {item.postponedUntil
          ? item.postponementReason
            ? t('queue.postponedReason', {
                date: formatDate(item.postponedUntil, locale),
                reason: reason(item.postponementReason),
              })
            : formatDate(item.postponedUntil, locale)
          : '–'}
      </Table.Cell>
      {actions.length > 0 && (
        <Table.Cell>
          <div className="row-actions">
            {actions.map(({ action, label }) => (
              <Button
                key={action}
                variant="secondary"
                data-size="sm"
                aria-describedby={nameId}
                onClick={() => onAction(action, item)}
              >
                {t(label)}
              </Button>
            ))}
          </div>
        </Table.Cell>
      )}
    </Table.Row>
  );
}

/** A case number may wrap after its dashes and before its slash, so the wide queue table fits the screen. */
function breakable(caseNumber: string) {
  const parts = caseNumber.split(/(?<=-)|(?=\/)/);
  return parts.map((part, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string, in a fixed order
    <span key={index}>
      {index > 0 && <wbr />}
      {part}
    </span>
  ));
}
