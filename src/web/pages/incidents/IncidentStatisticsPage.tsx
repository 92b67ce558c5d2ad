import { Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useId, useState } from 'react';
import { api, withQuery } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { formatDate, formatNumber, todayInOslo } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { label } from './labels.ts';
import type { Figures, Statistics } from './types.ts';
import './incidents.css';

type OrgNode = {
  id: string;
  name: string;
  kind: string;
  children: OrgNode[];
  facilities: { id: string; name: string }[];
};

/** Units, regions and facilities of the organisation on a date, for the selection. */
function flatten(
  node: OrgNode,
  out: { units: { id: string; name: string }[]; facilities: { id: string; name: string }[] },
) {
  if (node.kind !== 'directorate') out.units.push({ id: node.id, name: node.name });
  for (const f of node.facilities) out.facilities.push(f);
  for (const c of node.children) flatten(c, out);
  return out;
}

/** Incidents over time per facility, unit or region, or nationally: a table, a chart and CSV. */
export function IncidentStatisticsPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t('incidentStats.title'));
  const today = todayInOslo();
  const initial = {
    from: `${Number(today.slice(0, 4)) - 2}-01-01`,
    to: today,
    bucket: 'month',
    selection: '',
  };
  const [draft, setDraft] = useState(initial);
  const [query, setQuery] = useState(initial);
  const org = useApi((signal) => api.get<{ root: OrgNode }>('/organisation', {}, signal), []);
  const choices = org.data
    ? flatten(org.data.root, { units: [], facilities: [] })
    : { units: [], facilities: [] };
  const params = {
    from: query.from,
    to: query.to,
    bucket: query.bucket,
    orgUnitId: query.selection.startsWith('u:') ? query.selection.slice(2) : undefined,
    facilityId: query.selection.startsWith('f:') ? query.selection.slice(2) : undefined,
  };
  const stats = useApi(
    (signal) => api.get<Statistics>('/incidents/statistics', params, signal),
    [query.from, query.to, query.bucket, query.selection],
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setQuery(draft);
  };
  const n = (v: number) => formatNumber(v, locale);
  const rate = (f: Figures) => (f.perThousand === null ? '–' : formatNumber(f.perThousand, locale));

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('incidentStats.title')}
      </Heading>
      <Paragraph>{t('incidentStats.intro')}</Paragraph>
      <form className="form field-row" onSubmit={onSubmit} noValidate>
        <Textfield
          type="date"
          label={t('incidentStats.from')}
          value={draft.from}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
        />
        <Textfield
          type="date"
          label={t('incidentStats.to')}
          value={draft.to}
          onChange={(e) => setDraft({ ...draft, to: e.target.value })}
        />
        <SelectField
          label={t('incidentStats.bucket')}
          value={draft.bucket}
          onChange={(bucket) => setDraft({ ...draft, bucket })}
        >
          <option value="month">{t('incidentStats.month')}</option>
          <option value="year">{t('incidentStats.year')}</option>
        </SelectField>
        <SelectField
          label={t('incidentStats.selection')}
          value={draft.selection}
          onChange={(selection) => setDraft({ ...draft, selection })}
        >
          <option value="">{t('incidentStats.all')}</option>
          <optgroup label={t('incidentStats.units')}>
            {choices.units.map((u) => (
              <option key={u.id} value={`u:${u.id}`}>
                {u.name}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('incidentStats.facilities')}>
            {choices.facilities.map((f) => (
              <option key={f.id} value={`f:${f.id}`}>
                {f.name}
              </option>
            ))}
          </optgroup>
        </SelectField>
        <div>
          <Button type="submit">{t('incidents.show')}</Button>
        </div>
      </form>
      {stats.error !== undefined && <ErrorAlert error={stats.error} />}
      {stats.loading && !stats.data && <Loading />}
      {stats.data && (
        <div data-testid="incident-statistics">
          <Paragraph>
            {t('incidentStats.summary', {
              name: stats.data.selection.name || t('incidentStats.yourScope'),
              from: formatDate(stats.data.from, locale),
              to: formatDate(stats.data.to, locale),
              total: n(stats.data.total.total),
              staff: n(stats.data.total.violenceAgainstStaff),
              rate: rate(stats.data.total),
            })}
          </Paragraph>
          <Paragraph>
            <a href={`/api/v1${withQuery('/incidents/statistics', { ...params, format: 'csv' })}`} download>
              {t('incidentStats.csv')}
            </a>
          </Paragraph>
          <BarChart stats={stats.data} />
          <SeriesTable stats={stats.data} />
          <BreakdownTable stats={stats.data} />
        </div>
      )}
    </>
  );
}

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { left: 36, right: 8, top: 10, bottom: 26 };

/** Incidents per period as bars, with a summary for screen readers; the table below has the figures. */
function BarChart({ stats }: { stats: Statistics }) {
  const { t, locale } = useI18n();
  const values = stats.series.map((p) => p.total);
  const max = Math.max(1, ...values);
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const step = innerW / Math.max(1, values.length);
  const peak = stats.series.reduce(
    (a, b) => (b.total > a.total ? b : a),
    stats.series[0] ?? { total: 0, period: stats.from },
  );
  const summary = t('incidentStats.chartSummary', {
    from: formatDate(stats.from, locale),
    to: formatDate(stats.to, locale),
    total: stats.total.total,
    max: peak.total,
    peak: formatDate(peak.period, locale),
  });
  return (
    <figure className="incident-chart">
      <figcaption>
        <strong>{t('incidentStats.chartTitle')}</strong>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} className="incident-chart__svg">
        {[0, Math.round(max / 2), max]
          .filter((v, i, a) => a.indexOf(v) === i)
          .map((v) => (
            <g key={v}>
              <line
                x1={PAD.left}
                x2={WIDTH - PAD.right}
                y1={PAD.top + innerH - (v / max) * innerH}
                y2={PAD.top + innerH - (v / max) * innerH}
                className="incident-chart__grid"
              />
              <text
                x={PAD.left - 6}
                y={PAD.top + innerH - (v / max) * innerH + 4}
                textAnchor="end"
                className="incident-chart__tick"
              >
                {v}
              </text>
            </g>
          ))}
        {stats.series.map((p, i) => {
          const h = (p.total / max) * innerH;
          return (
            <rect
              key={p.period}
              x={PAD.left + i * step + step * 0.15}
              y={PAD.top + innerH - h}
              width={Math.max(1, step * 0.7)}
              height={h}
              className="incident-chart__bar"
            />
          );
        })}
        {stats.series.length > 0 &&
          [0, stats.series.length - 1].map((i) => (
            <text
              key={i}
              x={PAD.left + i * step + (i === 0 ? 0 : step)}
              y={HEIGHT - 8}
              textAnchor={i === 0 ? 'start' : 'end'}
              className="incident-chart__tick"
            >
              {formatDate(stats.series[i]?.period, locale)}
            </text>
          ))}
      </svg>
    </figure>
  );
}

function SeriesTable({ stats }: { stats: Statistics }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const shown = stats.types.filter((type) => stats.total.byType[type]);
  const n = (v: number) => formatNumber(v, locale);
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('incidentStats.seriesHeading')}
      </Heading>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
      <div className="table-scroll" tabIndex={0}>
        <Table border zebra data-size="sm" data-testid="incident-series">
          <caption>{t('incidentStats.seriesHeading')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('incidentStats.period')}</Table.HeaderCell>
              {shown.map((type) => (
                <Table.HeaderCell key={type}>{label(t, 'incidents.type', type)}</Table.HeaderCell>
              ))}
              <Table.HeaderCell>{t('incidentStats.total')}</Table.HeaderCell>
              <Table.HeaderCell>{t('incidentStats.violenceStaff')}</Table.HeaderCell>
              <Table.HeaderCell>{t('incidentStats.leaves')}</Table.HeaderCell>
              <Table.HeaderCell>{t('incidentStats.leaveFailures')}</Table.HeaderCell>
              <Table.HeaderCell>{t('incidentStats.rate')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {stats.series.map((p) => (
              <Table.Row key={p.period}>
                <Table.HeaderCell scope="row">
                  {stats.bucket === 'year' ? p.period.slice(0, 4) : p.period.slice(0, 7)}
                </Table.HeaderCell>
                {shown.map((type) => (
                  <Table.Cell key={type}>{n(p.byType[type] ?? 0)}</Table.Cell>
                ))}
                <Table.Cell>{n(p.total)}</Table.Cell>
                <Table.Cell>{n(p.violenceAgainstStaff)}</Table.Cell>
                <Table.Cell>{n(p.leavesTaken)}</Table.Cell>
                <Table.Cell>{n(p.leaveFailures)}</Table.Cell>
                <Table.Cell>{p.perThousand === null ? '–' : formatNumber(p.perThousand, locale)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}

function BreakdownTable({ stats }: { stats: Statistics }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const n = (v: number) => formatNumber(v, locale);
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {stats.breakdown.kind === 'org_unit' ? t('incidentStats.byUnit') : t('incidentStats.byFacility')}
      </Heading>
      {stats.breakdown.items.length === 0 ? (
        <Paragraph>{t('incidentStats.none')}</Paragraph>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
        <div className="table-scroll" tabIndex={0}>
          <Table border zebra data-size="sm">
            <caption>
              {stats.breakdown.kind === 'org_unit'
                ? t('incidentStats.byUnit')
                : t('incidentStats.byFacility')}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('incidentStats.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('incidentStats.total')}</Table.HeaderCell>
                <Table.HeaderCell>{t('incidentStats.violenceStaff')}</Table.HeaderCell>
                <Table.HeaderCell>{t('incidentStats.escapes')}</Table.HeaderCell>
                <Table.HeaderCell>{t('incidentStats.failures')}</Table.HeaderCell>
                <Table.HeaderCell>{t('incidentStats.leaves')}</Table.HeaderCell>
                <Table.HeaderCell>{t('incidentStats.leaveFailures')}</Table.HeaderCell>
                <Table.HeaderCell>{t('incidentStats.rate')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {stats.breakdown.items.map((b) => (
                <Table.Row key={b.id}>
                  <Table.HeaderCell scope="row">{b.name}</Table.HeaderCell>
                  <Table.Cell>{n(b.total)}</Table.Cell>
                  <Table.Cell>{n(b.violenceAgainstStaff)}</Table.Cell>
                  <Table.Cell>{n(b.escapes)}</Table.Cell>
                  <Table.Cell>{n(b.failuresToReturn)}</Table.Cell>
                  <Table.Cell>{n(b.leavesTaken)}</Table.Cell>
                  <Table.Cell>{n(b.leaveFailures)}</Table.Cell>
                  <Table.Cell>
                    {b.perThousand === null ? '–' : formatNumber(b.perThousand, locale)}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
