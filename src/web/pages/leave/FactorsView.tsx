import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { label } from './labels.ts';
import type { Assessment, Factors } from './types.ts';

/** The factors and the recommendation side by side, with each reason and its source. */
export function FactorsView({ factors, assessment }: { factors: Factors; assessment: Assessment }) {
  const { t, locale } = useI18n();
  const reasonsId = useId();
  const area = (a: Factors['prison']) =>
    t('leave.factors.levelTrend', {
      level: label(t, 'leave.level', a.level),
      trend: label(t, 'leave.trend', a.trend),
    }) + (a.incidence14d === null ? '' : ` (${a.incidence14d})`);
  const yesNo = (b: boolean) => (b ? t('leave.yes') : t('leave.no'));
  const rows: [string, string][] = [
    [t('leave.factors.prison', { municipality: factors.prison.municipality }), area(factors.prison)],
    [
      t('leave.factors.destination', { municipality: factors.destination.municipality }),
      area(factors.destination),
    ],
    [t('leave.factors.transport'), yesNo(factors.publicTransport)],
    [
      t('leave.factors.staffing'),
      t('leave.factors.staffingValue', { n: factors.staffing.inQuarantine, of: factors.staffing.staff }),
    ],
    [
      t('leave.factors.measures'),
      factors.measures.length === 0
        ? t('leave.factors.noMeasures')
        : factors.measures.map((m) => label(t, 'leave.measure', m)).join(', '),
    ],
    [t('leave.factors.minor'), yesNo(factors.minor)],
    [
      t('leave.factors.firstDate'),
      factors.eligibility.firstDate
        ? `${formatDate(factors.eligibility.firstDate, locale)} (${factors.eligibility.firstDateRule ?? ''})`
        : t('leave.factors.notApplicable'),
    ],
    [
      t('leave.factors.quotaLeft'),
      factors.eligibility.quotaLeft === null
        ? t('leave.factors.notApplicable')
        : String(factors.eligibility.quotaLeft),
    ],
  ];
  return (
    <div className="leave-side-by-side" data-testid="leave-factors">
      <div>
        <Table border>
          <caption>
            {t('leave.factors.caption')} ·{' '}
            {t('leave.factors.asOf', { date: formatDate(factors.asOf, locale) })}
          </caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('leave.factors.factor')}</Table.HeaderCell>
              <Table.HeaderCell>{t('leave.factors.value')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map(([k, v]) => (
              <Table.Row key={k}>
                <Table.HeaderCell scope="row">{k}</Table.HeaderCell>
                <Table.Cell>{v}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <div>
        <Heading level={3} data-size="sm" data-testid="leave-recommendation">
          {t('leave.recommendation', { rec: label(t, 'leave.rec', assessment.recommendation) })}
        </Heading>
        {assessment.conditions.length > 0 && (
          <Paragraph>
            {t('leave.conditions', {
              list: assessment.conditions.map((c) => label(t, 'leave.cond', c)).join(', '),
            })}
          </Paragraph>
        )}
        <Heading level={4} data-size="xs" id={reasonsId}>
          {t('leave.reasons')}
        </Heading>
        <ul aria-labelledby={reasonsId}>
          {assessment.reasons.map((r) => (
            <li key={r.code}>
              <strong>{label(t, 'leave.effect', r.effect)}:</strong> {r.text[locale]}
              <br />
              <small>{t('leave.source', { source: r.source })}</small>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
