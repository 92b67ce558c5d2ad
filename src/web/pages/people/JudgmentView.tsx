import { Card, Details, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { Facts } from '../../components/Facts.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { count, formatDate, formatDays } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Judgment, Sentence } from '../../types.ts';

export function JudgmentView({ judgment }: { judgment: Judgment }) {
  const { t, locale } = useI18n();
  return (
    <article className="judgment">
      <Heading level={3} data-size="sm">
        {t('judgment.heading', { caseNumber: judgment.caseNumber })}
      </Heading>
      <Facts
        className="facts--columns"
        items={[
          { label: t('judgment.court'), value: judgment.court },
          { label: t('judgment.date'), value: formatDate(judgment.judgmentDate, locale) },
          { label: t('judgment.offence'), value: judgment.offence },
        ]}
      />
      <div className="sentences">
        {judgment.sentences.map((sentence) => (
          <SentenceView key={sentence.id} sentence={sentence} />
        ))}
      </div>
    </article>
  );
}

function SentenceView({ sentence }: { sentence: Sentence }) {
  const { t, locale } = useI18n();
  const kind = t(`kind.${sentence.kind}`);
  const length = [
    sentence.termDays !== null && { label: t('sentence.term'), value: formatDays(sentence.termDays, t) },
    sentence.minimumTermDays !== null && {
      label: t('sentence.minimumTerm'),
      value: formatDays(sentence.minimumTermDays, t),
    },
    sentence.frameDays !== null && { label: t('sentence.frame'), value: formatDays(sentence.frameDays, t) },
    sentence.hours !== null && { label: t('sentence.hours'), value: count(t, 'hour', sentence.hours) },
    sentence.substituteDays !== null && {
      label: t('sentence.substitute'),
      value: formatDays(sentence.substituteDays, t),
    },
  ].filter((fact) => fact !== false);

  return (
    <Card variant="tinted" className="sentence">
      <Card.Block>
        <Heading level={4} data-size="xs">
          {kind}
        </Heading>
        <Facts
          className="facts--columns"
          items={[
            { label: t('sentence.status'), value: <StatusTag status={sentence.status} /> },
            ...length,
            { label: t('sentence.orderDate'), value: formatDate(sentence.orderDate, locale) },
          ]}
        />
      </Card.Block>
      <Details>
        <Details.Summary>{t('sentence.history', { kind: kind.toLowerCase() })}</Details.Summary>
        <Details.Content>
          {sentence.statusHistory.length === 0 ? (
            <Paragraph>{t('sentence.noHistory')}</Paragraph>
          ) : (
            <Table border data-size="sm" aria-label={t('sentence.history', { kind: kind.toLowerCase() })}>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('history.date')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('history.status')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('history.reason')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('history.facility')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('history.by')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {sentence.statusHistory.map((change, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: history entries have no id and never reorder
                  <Table.Row key={index}>
                    <Table.Cell>{formatDate(change.date, locale)}</Table.Cell>
                    <Table.Cell>{t(`status.${change.status}`)}</Table.Cell>
                    <Table.Cell>{change.reason ?? '–'}</Table.Cell>
                    <Table.Cell>{change.facility?.name ?? '–'}</Table.Cell>
                    <Table.Cell>{change.by ?? '–'}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </Details.Content>
      </Details>
    </Card>
  );
}
