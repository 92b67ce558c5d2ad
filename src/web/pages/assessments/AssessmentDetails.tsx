import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { Facts } from '../../components/Facts.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { type Assessment, label } from './types.ts';

/** One assessment: who, when, from what, needs, the rated risks with their proposals, the security need. */
export function AssessmentDetails({ a, level = 2 }: { a: Assessment; level?: 2 | 3 }) {
  const { t, locale } = useI18n();
  const needsId = useId();
  const risksId = useId();
  const sub = (level + 1) as 3 | 4;
  return (
    <>
      <Facts
        className="facts--columns"
        items={[
          { label: t('assess.number'), value: String(a.number) },
          { label: t('assess.col.status'), value: label(t, 'assess.status', a.status) },
          {
            label: t('assess.occasion'),
            value: a.eventDescription
              ? `${label(t, 'assess.occasion', a.occasion)}: ${a.eventDescription}`
              : label(t, 'assess.occasion', a.occasion),
          },
          { label: t('assess.assessedOn'), value: formatDate(a.assessedOn, locale) },
          {
            label: t('assess.reviewDate'),
            value: (
              <>
                {formatDate(a.reviewDate, locale)}{' '}
                {a.reviewDue && <Tag data-color="danger">{t('assess.reviewDue')}</Tag>}
              </>
            ),
          },
          { label: t('assess.createdBy'), value: a.createdBy },
          { label: t('assess.sources'), value: a.informationSources },
          {
            label: t('assess.securityLevel'),
            value: a.securityLevel
              ? `${label(t, 'assess.security', a.securityLevel)}: ${a.securityBasis ?? ''}`
              : t('assess.securityNone'),
          },
        ]}
      />
      <Heading level={sub} data-size="xs" id={needsId}>
        {t('assess.needs')}
      </Heading>
      <Table border zebra aria-labelledby={needsId}>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('assess.needArea')}</Table.HeaderCell>
            <Table.HeaderCell>{t('assess.needLevel')}</Table.HeaderCell>
            <Table.HeaderCell>{t('assess.needNote')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {a.needs.map((n) => (
            <Table.Row key={n.area}>
              <Table.Cell>{label(t, 'assess.need', n.area)}</Table.Cell>
              <Table.Cell>{label(t, 'assess.needLevel', n.level)}</Table.Cell>
              <Table.Cell>{n.note || '–'}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {a.resources && (
        <Paragraph>
          <strong>{t('assess.resources')}:</strong> {a.resources}
        </Paragraph>
      )}
      <Heading level={sub} data-size="xs" id={risksId}>
        {t('assess.risks')}
      </Heading>
      <Paragraph>{t('assess.risksIntro')}</Paragraph>
      <div className="table-scroll">
        <Table border zebra aria-labelledby={risksId} data-testid="assessment-risks">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('assess.purpose')}</Table.HeaderCell>
              <Table.HeaderCell>{t('assess.probability')}</Table.HeaderCell>
              <Table.HeaderCell>{t('assess.consequence')}</Table.HeaderCell>
              <Table.HeaderCell>{t('assess.score')}</Table.HeaderCell>
              <Table.HeaderCell>{t('assess.basis')}</Table.HeaderCell>
              <Table.HeaderCell>{t('assess.proposals')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {a.ratings.map((r) => (
              <Table.Row key={r.purpose}>
                <Table.Cell>{label(t, 'assess.purpose', r.purpose)}</Table.Cell>
                <Table.Cell>{r.probability}</Table.Cell>
                <Table.Cell>{r.consequence}</Table.Cell>
                <Table.Cell>
                  {r.score} ({label(t, 'assess.level', r.level)})
                </Table.Cell>
                <Table.Cell>{r.basis}</Table.Cell>
                <Table.Cell>
                  {r.proposals.map((k) => label(t, 'assess.kind', k)).join(' → ') || t('assess.noProposal')}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </>
  );
}
