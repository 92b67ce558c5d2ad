import { Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { formatDate, formatNumber, todayInOslo } from '../../i18n/format.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { label } from '../incidents/labels.ts';
import { type FollowupStatistics, type Recidivism, STAT_FIELDS } from './types.ts';

type OrgNode = { kind: string; children: OrgNode[]; facilities: { id: string; name: string }[] };

function facilitiesOf(node: OrgNode, out: { id: string; name: string }[] = []) {
  for (const f of node.facilities) out.push(f);
  for (const c of node.children) facilitiesOf(c, out);
  return out;
}

/** Follow-up figures for a period, nationally or for one facility: counts and shares only, no names. */
export function FollowupStatisticsPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t('followupStats.title'));
  const today = todayInOslo();
  const initial = { from: `${Number(today.slice(0, 4)) - 1}-01-01`, to: today, facilityId: '' };
  const [draft, setDraft] = useState(initial);
  const [query, setQuery] = useState(initial);
  const org = useApi((signal) => api.get<{ root: OrgNode }>('/organisation', {}, signal), []);
  const facilities = org.data ? facilitiesOf(org.data.root) : [];
  const stats = useApi(
    (signal) =>
      api.get<FollowupStatistics>(
        '/followup/statistics',
        { from: query.from, to: query.to, facilityId: query.facilityId || undefined },
        signal,
      ),
    [query.from, query.to, query.facilityId],
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setQuery(draft);
  };
  const n = (v: number) => formatNumber(v, locale);
  const pct = (v: number | null) => (v === null ? '–' : `${formatNumber(v, locale)} %`);
  const s = stats.data;

  const recidivismTable = (caption: string, rows: Recidivism[], group: (r: Recidivism) => string) => (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <div className="table-scroll" tabIndex={0}>
      <Table border zebra>
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('followupStats.col.group')}</Table.HeaderCell>
            <Table.HeaderCell>{t('followupStats.col.released')}</Table.HeaderCell>
            <Table.HeaderCell>{t('followupStats.col.followedUp')}</Table.HeaderCell>
            <Table.HeaderCell>{t('followupStats.col.returned')}</Table.HeaderCell>
            <Table.HeaderCell>{t('followupStats.col.rate')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={group(r)}>
              <Table.Cell>{group(r)}</Table.Cell>
              <Table.Cell>{n(r.released)}</Table.Cell>
              <Table.Cell>{n(r.followedUp)}</Table.Cell>
              <Table.Cell>{n(r.returned)}</Table.Cell>
              <Table.Cell>{pct(r.rate)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('followupStats.title')}
      </Heading>
      <Paragraph>{t('followupStats.intro')}</Paragraph>
      <form className="form field-row" onSubmit={onSubmit} noValidate>
        <Textfield
          type="date"
          label={t('followupStats.from')}
          value={draft.from}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
        />
        <Textfield
          type="date"
          label={t('followupStats.to')}
          value={draft.to}
          onChange={(e) => setDraft({ ...draft, to: e.target.value })}
        />
        <SelectField
          label={t('followupStats.facility')}
          value={draft.facilityId}
          onChange={(facilityId) => setDraft({ ...draft, facilityId })}
        >
          <option value="">{t('followupStats.national')}</option>
          {facilities.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </SelectField>
        <div>
          <Button type="submit">{t('followupStats.show')}</Button>
        </div>
      </form>
      {stats.error !== undefined && <ErrorAlert error={stats.error} />}
      {stats.loading && !s && <Loading />}
      {s && (
        <>
          <Paragraph data-testid="followup-period">
            {t('followupStats.period', { from: formatDate(s.from, locale), to: formatDate(s.to, locale) })}
          </Paragraph>
          <Heading level={2} data-size="md">
            {t('followupStats.figuresHeading')}
          </Heading>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
          <div className="table-scroll" tabIndex={0}>
            <Table border zebra data-testid="followup-figures">
              <caption>{t('followupStats.figuresHeading')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('followupStats.col.measure')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('followupStats.col.count')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('followupStats.col.of')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('followupStats.col.share')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {STAT_FIELDS(s).map((row) => (
                  <Table.Row key={row.key}>
                    <Table.HeaderCell scope="row">
                      {t(`followupStats.row.${row.key}` as MessageKey, {
                        date: formatDate(s.activity.on, locale),
                        days: s.plans.withinDays,
                      })}
                    </Table.HeaderCell>
                    <Table.Cell>{n(row.count)}</Table.Cell>
                    <Table.Cell>{n(row.of)}</Table.Cell>
                    <Table.Cell>{pct(row.share)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <Heading level={2} data-size="md">
            {t('followupStats.recidivismHeading', { years: s.recidivism.years })}
          </Heading>
          <Paragraph>{t('followupStats.recidivismIntro', { years: s.recidivism.years })}</Paragraph>
          {recidivismTable(t('followupStats.byTotal'), [s.recidivism.total], () => t('followupStats.total'))}
          {recidivismTable(t('followupStats.byAge'), s.recidivism.byAgeGroup, (r) =>
            label(t, 'followupStats.age', r.group ?? ''),
          )}
          {recidivismTable(t('followupStats.byGender'), s.recidivism.byGender, (r) =>
            label(t, 'followupStats.gender', r.group ?? ''),
          )}
          {recidivismTable(t('followupStats.byLength'), s.recidivism.byLength, (r) =>
            label(t, 'followupStats.length', r.group ?? ''),
          )}
          {recidivismTable(t('followupStats.byFacilityKind'), s.recidivism.byFacilityKind, (r) =>
            label(t, 'followupStats.facilityKind', r.group ?? ''),
          )}
        </>
      )}
    </>
  );
}
