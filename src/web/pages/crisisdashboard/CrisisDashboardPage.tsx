import { Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useId, useState } from 'react';
import { api, withQuery } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Facts } from '../../components/Facts.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { formatDate, isIsoDate, todayInOslo } from '../../i18n/format.ts';
import { type MessageKey, type Translate, useI18n } from '../../i18n/index.tsx';
import { LineChart } from './LineChart.tsx';
import type { CrisisDashboard, Figure, Figures, SeriesResponse } from './types.ts';
import './crisis-dashboard.css';

/** A figure with its change since the day before, in words as well as an arrow. */
function Change({ figure, t }: { figure: Figure; t: Translate }) {
  const n = Math.abs(figure.change);
  const text =
    figure.change > 0
      ? t('crisisDash.up', { n })
      : figure.change < 0
        ? t('crisisDash.down', { n })
        : t('crisisDash.same');
  const arrow = figure.change > 0 ? '▲' : figure.change < 0 ? '▼' : '';
  return (
    <>
      {figure.value}{' '}
      <span
        className={`crisis-change crisis-change--${figure.change > 0 ? 'up' : figure.change < 0 ? 'down' : 'same'}`}
      >
        ({arrow && <span aria-hidden="true">{arrow} </span>}
        {text})
      </span>
    </>
  );
}

const COLUMNS: { key: keyof Figures; label: MessageKey }[] = [
  { key: 'inmateCases', label: 'crisisDash.col.inmateCases' },
  { key: 'staffCases', label: 'crisisDash.col.staffCases' },
  { key: 'inmateQuarantine', label: 'crisisDash.col.inmateQuarantine' },
  { key: 'staffQuarantine', label: 'crisisDash.col.staffQuarantine' },
  { key: 'capacity', label: 'crisisDash.col.capacity' },
  { key: 'occupied', label: 'crisisDash.col.occupied' },
  { key: 'free', label: 'crisisDash.col.free' },
  { key: 'queueAffected', label: 'crisisDash.col.queue' },
  { key: 'visitsCancelled', label: 'crisisDash.col.visitsCancelled' },
];

function levelText(t: Translate, level: string): string {
  return t(`crisisDash.level.${level}` as MessageKey);
}

function visitsText(t: Translate, level: string | null): string {
  return level ? t(`measures.level.${level}` as MessageKey) : '–';
}

/** The national crisis picture: figures per region and facility, charts, the Ministry report. */
export function CrisisDashboardPage() {
  const { t } = useI18n();
  useDocumentTitle(t('crisisDash.title'));
  const [draft, setDraft] = useState(todayInOslo());
  const [date, setDate] = useState(draft);
  const picture = useApi((signal) => api.get<CrisisDashboard>('/crisis/dashboard', { date }, signal), [date]);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (isIsoDate(draft)) setDate(draft);
  };
  const d = picture.data;
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('crisisDash.title')}
      </Heading>
      <Paragraph>{t('crisisDash.intro')}</Paragraph>
      <form className="form field-row" onSubmit={onSubmit} noValidate>
        <Textfield
          type="date"
          label={t('crisisDash.date')}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <div>
          <Button type="submit">{t('crisisDash.show')}</Button>
        </div>
      </form>
      {picture.error !== undefined && <ErrorAlert error={picture.error} />}
      {picture.loading && !d && <Loading />}
      {d && (
        <>
          <Paragraph>
            {d.scope.kind === 'national'
              ? t('crisisDash.scopeNational')
              : t('crisisDash.scopeLimited', { names: d.scope.names.join(', ') })}
          </Paragraph>
          <Totals picture={d} />
          <RegionTable picture={d} />
          <Charts picture={d} />
          <Report date={d.date} />
        </>
      )}
    </>
  );
}

function Totals({ picture }: { picture: CrisisDashboard }) {
  const { t } = useI18n();
  const headingId = useId();
  const f = picture.totals;
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('crisisDash.totalsHeading')}
      </Heading>
      <Facts
        items={[
          ...COLUMNS.map((c) => ({ label: t(c.label), value: <Change figure={f[c.key]} t={t} /> })),
          { label: t('crisisDash.facilitiesOutbreak'), value: <Change figure={f.outbreak} t={t} /> },
          { label: t('crisisDash.facilitiesStopped'), value: <Change figure={f.visitsStopped} t={t} /> },
          { label: t('crisisDash.facilitiesLeave'), value: <Change figure={f.leaveRestricted} t={t} /> },
        ]}
      />
    </section>
  );
}

function RegionTable({ picture }: { picture: CrisisDashboard }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('crisisDash.tableHeading')}
      </Heading>
      {/* The table is wider than the page: the region takes focus so it can be scrolled by keyboard. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
      <div className="table-scroll" tabIndex={0}>
        <Table border data-size="sm" data-testid="crisis-table" className="crisis-table">
          <caption>
            {t('crisisDash.caption', {
              date: formatDate(picture.date, locale),
              previous: formatDate(picture.previousDate, locale),
            })}
          </caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('crisisDash.col.unit')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('crisisDash.col.level')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('crisisDash.col.visits')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('crisisDash.col.single')}</Table.HeaderCell>
              {COLUMNS.map((c) => (
                <Table.HeaderCell scope="col" key={c.key}>
                  {t(c.label)}
                </Table.HeaderCell>
              ))}
              <Table.HeaderCell scope="col">{t('crisisDash.col.leave')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {picture.regions.map((region) => [
              <Table.Row key={region.id} className="crisis-table__region">
                <Table.HeaderCell scope="row">
                  {t('crisisDash.regionTotal', { name: region.name })}
                </Table.HeaderCell>
                <Table.Cell>–</Table.Cell>
                <Table.Cell>
                  {t('crisisDash.stopped')}: {region.totals.visitsStopped.value}
                </Table.Cell>
                <Table.Cell>{region.totals.singleOccupancy.value}</Table.Cell>
                {COLUMNS.map((c) => (
                  <Table.Cell key={c.key}>
                    <Change figure={region.totals[c.key]} t={t} />
                  </Table.Cell>
                ))}
                <Table.Cell>{region.totals.leaveRestricted.value}</Table.Cell>
              </Table.Row>,
              ...region.facilities.map((f) => (
                <Table.Row key={f.id}>
                  <Table.HeaderCell scope="row">{f.name}</Table.HeaderCell>
                  <Table.Cell>
                    {levelText(t, f.measures.level)}
                    {f.measures.level !== f.measures.previousLevel && (
                      <span className="crisis-change">
                        {' '}
                        ({levelText(t, f.measures.previousLevel)} → {levelText(t, f.measures.level)})
                      </span>
                    )}
                  </Table.Cell>
                  <Table.Cell>{visitsText(t, f.measures.visits)}</Table.Cell>
                  <Table.Cell>{f.measures.singleOccupancy ? t('common.yes') : t('common.no')}</Table.Cell>
                  {COLUMNS.map((c) => (
                    <Table.Cell key={c.key}>
                      <Change figure={f.figures[c.key]} t={t} />
                    </Table.Cell>
                  ))}
                  <Table.Cell>{f.measures.leaveRestricted ? t('common.yes') : t('common.no')}</Table.Cell>
                </Table.Row>
              )),
            ])}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}

function Charts({ picture }: { picture: CrisisDashboard }) {
  const { t } = useI18n();
  const headingId = useId();
  const [choice, setChoice] = useState('');
  const [kind, id] = choice.split(':');
  const series = useApi(
    (signal) =>
      api.get<SeriesResponse>(
        '/crisis/series',
        {
          date: picture.date,
          orgUnitId: kind === 'region' ? id : undefined,
          facilityId: kind === 'facility' ? id : undefined,
        },
        signal,
      ),
    [picture.date, choice],
  );
  const s = series.data;
  const sets = s
    ? [{ ...s.all, name: s.all.name || t('crisisDash.chartAll') }, ...(s.selected ? [s.selected] : [])]
    : [];
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('crisisDash.chartsHeading')}
      </Heading>
      <SelectField label={t('crisisDash.chartFor')} value={choice} onChange={setChoice}>
        <option value="">{t('crisisDash.chartNone')}</option>
        {picture.regions.map((r) => [
          <option key={r.id} value={`region:${r.id}`}>
            {r.name}
          </option>,
          ...r.facilities.map((f) => (
            <option key={f.id} value={`facility:${f.id}`}>
              {`— ${f.name}`}
            </option>
          )),
        ])}
      </SelectField>
      {series.error !== undefined && <ErrorAlert error={series.error} />}
      {series.loading && !s && <Loading />}
      <div className="crisis-charts">
        {sets.map((set) => {
          const dates = set.points.map((p) => p.date);
          return [
            <LineChart
              key={`${set.name}-cases`}
              title={t('crisisDash.casesChart')}
              name={set.name}
              dates={dates}
              lines={[
                {
                  label: t('crisisDash.inmates'),
                  values: set.points.map((p) => p.inmateCases),
                  className: 'crisis-line--a',
                },
                {
                  label: t('crisisDash.staff'),
                  values: set.points.map((p) => p.staffCases),
                  className: 'crisis-line--b',
                  dash: '6 4',
                },
              ]}
            />,
            <LineChart
              key={`${set.name}-quarantine`}
              title={t('crisisDash.quarantineChart')}
              name={set.name}
              dates={dates}
              lines={[
                {
                  label: t('crisisDash.inmates'),
                  values: set.points.map((p) => p.inmateQuarantine),
                  className: 'crisis-line--a',
                },
                {
                  label: t('crisisDash.staff'),
                  values: set.points.map((p) => p.staffQuarantine),
                  className: 'crisis-line--b',
                  dash: '6 4',
                },
              ]}
            />,
          ];
        })}
      </div>
    </section>
  );
}

function Report({ date }: { date: string }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const href = (format: 'csv' | 'pdf') => `/api/v1${withQuery('/crisis/report', { date, format })}`;
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('crisisDash.reportHeading')}
      </Heading>
      <Paragraph>{t('crisisDash.reportIntro')}</Paragraph>
      <ul className="crisis-downloads">
        <li>
          <a href={href('csv')} download>
            {t('crisisDash.reportCsv', { date: formatDate(date, locale) })}
          </a>
        </li>
        <li>
          <a href={href('pdf')} download>
            {t('crisisDash.reportPdf', { date: formatDate(date, locale) })}
          </a>
        </li>
      </ul>
    </section>
  );
}
