import './key-dates.css';
import { Alert, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { Facts } from '../../components/Facts.tsx';
import { count, formatDate, formatDays } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { eligibilityColor, eligibilityText, explained, keyName, valueUnit } from './labels.ts';
import type { Grounded, KeyDate, KeyDatesResult } from './types.ts';

export type SentenceLabel = { id: string; label: string };

type Props = {
  result: KeyDatesResult;
  /** Names of the sentences the dates belong to; a column "Applies to" is shown when there are several. */
  sentences?: SentenceLabel[];
};

/** Key dates in date order; those without a date keep the engine's order, after the rest. */
export function inDateOrder(keyDates: KeyDate[]): KeyDate[] {
  return keyDates
    .map((keyDate, index) => ({ keyDate, index }))
    .sort((a, b) => {
      const x = a.keyDate.date;
      const y = b.keyDate.date;
      if (x === y) return a.index - b.index;
      if (x === null) return 1;
      if (y === null) return -1;
      return x < y ? -1 : 1;
    })
    .map(({ keyDate }) => keyDate);
}

/** The result of a key-dates calculation: the term, the key dates with their grounds, the leave quota and warnings. */
export function KeyDatesView({ result, sentences = [] }: Props) {
  const { t, locale } = useI18n();
  const termId = useId();
  const datesId = useId();
  const leaveId = useId();
  const warningsId = useId();
  const showSentence = sentences.length > 1;
  const sentenceName = (ids: string[]) =>
    ids.map((id) => sentences.find((s) => s.id === id)?.label ?? id).join(', ') || '–';

  const grounds: { label: string; value: Grounded }[] = [
    ...(result.combinedTerm ? [{ label: t('keyDates.combinedTerm'), value: result.combinedTerm }] : []),
    { label: t('keyDates.remandCredit'), value: result.remandCredit },
    ...(result.absence.days > 0 ? [{ label: t('keyDates.absence'), value: result.absence }] : []),
  ];

  return (
    <div className="key-dates">
      <Paragraph data-size="sm">{t('keyDates.asOf', { date: formatDate(result.asOf, locale) })}</Paragraph>

      <section aria-labelledby={termId} className="section">
        <Heading level={3} data-size="sm" id={termId}>
          {t('keyDates.term')}
        </Heading>
        <Facts
          className="facts--columns"
          items={[
            {
              label: t('keyDates.combinedTerm'),
              value: result.combinedTerm ? formatDays(result.combinedTerm.days, t) : t('keyDates.noTerm'),
            },
            { label: t('keyDates.remandCredit'), value: formatDays(result.remandCredit.days, t) },
            ...(result.absence.days > 0
              ? [{ label: t('keyDates.absence'), value: formatDays(result.absence.days, t) }]
              : []),
            {
              label: t('keyDates.executionStart'),
              value: result.executionStart
                ? formatDate(result.executionStart, locale)
                : t('keyDates.notStarted'),
            },
            {
              label: t('keyDates.served'),
              value: result.servedDays === null ? '–' : formatDays(result.servedDays, t),
            },
            {
              label: t('keyDates.expectedEnd'),
              value: result.expectedEnd ? formatDate(result.expectedEnd, locale) : t('keyDates.noDate'),
            },
          ]}
        />
        <ul className="grounds">
          {grounds.map(({ label, value }) => (
            <li key={label}>
              <strong>{label}:</strong> {explained(value.explanation, locale)}{' '}
              <LegalRef value={value.legalRef} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby={datesId} className="section">
        <Heading level={3} data-size="sm" id={datesId}>
          {t('keyDates.dates')}
        </Heading>
        {result.keyDates.length === 0 ? (
          <Paragraph>{t('keyDates.noKeyDates')}</Paragraph>
        ) : (
          <div className="table-scroll">
            <Table border zebra aria-labelledby={datesId} className="key-dates-table">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('keyDates.what')}</Table.HeaderCell>
                  {showSentence && <Table.HeaderCell>{t('keyDates.appliesTo')}</Table.HeaderCell>}
                  <Table.HeaderCell>{t('keyDates.date')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('keyDates.status')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('keyDates.explanation')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {inDateOrder(result.keyDates).map((keyDate) => (
                  <Table.Row key={`${keyDate.key}:${keyDate.sentenceIds.join(',')}`}>
                    <Table.HeaderCell scope="row" className="key-dates-table__what">
                      {keyName(t, keyDate.key)}
                      {keyDate.value !== undefined && (
                        <span className="key-dates-table__value">
                          {' '}
                          ({count(t, valueUnit(keyDate.key), keyDate.value)})
                        </span>
                      )}
                    </Table.HeaderCell>
                    {showSentence && <Table.Cell>{sentenceName(keyDate.sentenceIds)}</Table.Cell>}
                    <Table.Cell className="nowrap">
                      {keyDate.date ? formatDate(keyDate.date, locale) : t('keyDates.noDate')}
                    </Table.Cell>
                    <Table.Cell>
                      <Tag data-color={eligibilityColor[keyDate.eligibility.status]}>
                        {eligibilityText(keyDate.eligibility, t, locale)}
                      </Tag>
                    </Table.Cell>
                    <Table.Cell>
                      <div>{explained(keyDate.explanation, locale)}</div>
                      {keyDate.eligibility.status === 'not_applicable' &&
                        explained(keyDate.eligibility.reason, locale) !==
                          explained(keyDate.explanation, locale) && (
                          <div>{explained(keyDate.eligibility.reason, locale)}</div>
                        )}
                      <LegalRef value={keyDate.legalRef} />
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </section>

      {result.leaveQuota && (
        <section aria-labelledby={leaveId} className="section">
          <Heading level={3} data-size="sm" id={leaveId}>
            {t('keyDates.leaveQuota')}
          </Heading>
          <Facts
            className="facts--columns"
            items={[
              { label: t('keyDates.quota'), value: count(t, 'day', result.leaveQuota.quotaDays) },
              { label: t('keyDates.used'), value: count(t, 'day', result.leaveQuota.usedDays) },
              { label: t('keyDates.left'), value: count(t, 'day', result.leaveQuota.leftDays) },
              ...(result.leaveQuota.periodFrom || result.leaveQuota.periodTo
                ? [
                    {
                      label: t('keyDates.quotaPeriod'),
                      value: t('keyDates.period', {
                        from: formatDate(result.leaveQuota.periodFrom, locale),
                        to: formatDate(result.leaveQuota.periodTo, locale),
                      }),
                    },
                  ]
                : []),
            ]}
          />
          <Paragraph data-size="sm">
            {explained(result.leaveQuota.explanation, locale)} <LegalRef value={result.leaveQuota.legalRef} />
          </Paragraph>
        </section>
      )}

      {result.warnings.length > 0 && (
        <section aria-labelledby={warningsId} className="section">
          <Alert data-color="warning">
            <Heading level={3} data-size="xs" id={warningsId}>
              {t('keyDates.warnings')}
            </Heading>
            <ul className="grounds">
              {result.warnings.map((warning) => (
                <li key={`${warning.rule}:${warning.explanation.nb}`}>
                  {explained(warning.explanation, locale)} <LegalRef value={warning.legalRef} />
                </li>
              ))}
            </ul>
          </Alert>
        </section>
      )}
    </div>
  );
}

export function LegalRef({ value }: { value: string }) {
  const { t } = useI18n();
  return <span className="legal-ref">{t('keyDates.legalRef', { ref: value })}</span>;
}
