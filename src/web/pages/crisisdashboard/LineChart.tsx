import { Table } from '@digdir/designsystemet-react';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';

type Line = { label: string; values: number[]; className: string; dash?: string };

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 36, right: 12, top: 12, bottom: 28 };

/**
 * A small line chart drawn as inline SVG: role="img" with a summary for screen readers, lines told
 * apart by dash pattern and legend text as well as colour, and the figures as a table on request.
 */
export function LineChart({
  title,
  name,
  dates,
  lines,
}: {
  title: string;
  name: string;
  dates: string[];
  lines: [Line, Line];
}) {
  const { t, locale } = useI18n();
  const max = Math.max(1, ...lines.flatMap((l) => l.values));
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (dates.length <= 1 ? 0 : (i / (dates.length - 1)) * innerW);
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const [inmates, staff] = lines;
  const summary = t('crisisDash.chartSummary', {
    title,
    name,
    from: formatDate(dates[0], locale),
    to: formatDate(dates.at(-1), locale),
    inmatesNow: inmates.values.at(-1) ?? 0,
    inmatesMax: Math.max(0, ...inmates.values),
    staffNow: staff.values.at(-1) ?? 0,
    staffMax: Math.max(0, ...staff.values),
  });
  const ticks = [0, Math.round(max / 2), max].filter((v, i, a) => a.indexOf(v) === i);
  return (
    <figure className="crisis-chart">
      <figcaption>
        <strong>{title}</strong> – {name}
      </figcaption>
      {/* role="img": the marks inside are presentational; the label carries the summary. */}
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} className="crisis-chart__svg">
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} className="crisis-chart__grid" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="crisis-chart__tick">
              {v}
            </text>
          </g>
        ))}
        {[0, dates.length - 1].map((i) => (
          <text
            key={i}
            x={x(i)}
            y={HEIGHT - 8}
            textAnchor={i === 0 ? 'start' : 'end'}
            className="crisis-chart__tick"
          >
            {formatDate(dates[i], locale)}
          </text>
        ))}
        {lines.map((l) => (
          <polyline
            key={l.label}
            points={l.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')}
            className={l.className}
            strokeDasharray={l.dash}
            fill="none"
          />
        ))}
      </svg>
      <ul className="crisis-chart__legend" aria-hidden="true">
        {lines.map((l) => (
          <li key={l.label}>
            <svg width="28" height="10" aria-hidden="true">
              <line x1="0" x2="28" y1="5" y2="5" className={l.className} strokeDasharray={l.dash} />
            </svg>{' '}
            {l.label}
          </li>
        ))}
      </ul>
      <details>
        <summary>{t('crisisDash.showData')}</summary>
        <div className="table-scroll">
          <Table border data-size="sm">
            <caption>{t('crisisDash.dataCaption', { title, name })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('crisisDash.col.day')}</Table.HeaderCell>
                {lines.map((l) => (
                  <Table.HeaderCell key={l.label}>{l.label}</Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {dates.map((d, i) => (
                <Table.Row key={d}>
                  <Table.HeaderCell scope="row">{formatDate(d, locale)}</Table.HeaderCell>
                  {lines.map((l) => (
                    <Table.Cell key={l.label}>{l.values[i]}</Table.Cell>
                  ))}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </details>
    </figure>
  );
}
