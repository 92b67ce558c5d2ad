// Crisis rules, switched on and off by the validity periods of their parameter rows.
//
// Early release 2020 (KDI circular of 16 March 2020 under SGL § 42 fjerde ledd): release 10 days
// early for terms under 90 days, 20 days for 90 days or more, 30 days for 6 months or more; when
// combined with parole at least 60 days must be served. The early day is the regular release day
// (parole when possible, otherwise the end of term) minus those days, never before the rule took
// effect, and it must fall inside the rule's period.
//
// Transfer to EM after 1/3 (temporary SGL § 45 d, today § 45 a første ledd bokstav f): from the day
// 1/3 of the unconditional term is served, without the 6-month limit, except for convictions under
// STRL chapter 18 or 26 or §§ 275, 282 or 283.

import { findParameter, type ParameterRow, parameterRows } from '../parameters.ts';
import { type Context, grounded, iso, keyDate, notApplicable } from './context.ts';
import { type Day, fractionOf, fromDay, monthsInDays, toDay } from './days.ts';
import { OFFENCE_GROUP_LABELS, type OffenceGroup } from './offences.ts';
import { reached, type Term } from './term.ts';
import type { KeyDate } from './types.ts';

interface Period {
  from: Day;
  to: Day;
  row: ParameterRow;
}

const periodCache = new WeakMap<readonly ParameterRow[], Map<string, Period[]>>();

/** The validity periods of a crisis rule, parsed once per table. */
function periods(
  key: 'crisis2020.earlyRelease.shortTermDays' | 'crisisEm.termFraction',
  ctx: Context,
): Period[] {
  let byKey = periodCache.get(ctx.table);
  if (!byKey) {
    byKey = new Map();
    periodCache.set(ctx.table, byKey);
  }
  let list = byKey.get(key);
  if (!list) {
    list = parameterRows(key, ctx.table).map((row) => ({
      from: toDay(row.validFrom),
      to: row.validTo === null ? Number.POSITIVE_INFINITY : toDay(row.validTo),
      row,
    }));
    byKey.set(key, list);
  }
  return list;
}

/** Crisis keys are shown only when a crisis period touches the time from start (or as-of) to release. */
export function crisisInView(term: Term, release: Day | null, ctx: Context): boolean {
  const from = Math.min(ctx.asOf, term.timeline.start ?? ctx.asOf);
  const to = Math.max(ctx.asOf, release ?? ctx.asOf);
  return [
    ...periods('crisis2020.earlyRelease.shortTermDays', ctx),
    ...periods('crisisEm.termFraction', ctx),
  ].some((p) => p.from <= to && p.to > from);
}

function span(p: Period): string {
  return p.to === Number.POSITIVE_INFINITY ? `${iso(p.from)}–` : `${iso(p.from)}–${iso(p.to - 1)}`;
}

function rowValue(key: Parameters<typeof findParameter>[0], on: Day, ctx: Context): number {
  const row = findParameter(key, fromDay(on), ctx.table);
  if (!row) throw new RangeError(`no value for ${key} on ${fromDay(on)}`);
  return row.value;
}

function notDeterminate(key: 'crisis_early_release' | 'crisis_em', term: Term): KeyDate {
  return notApplicable(
    key,
    term.sentenceIds,
    grounded(
      'crisis.not_determinate',
      'Krisereglene gjelder ubetinget fengselsstraff; forvandlingsstraff for bot sones alltid fullt ut.',
      'The crisis rules apply to unconditional prison terms; substitute prison for a fine is always served in full.',
    ),
  );
}

function earlyDays(term: Term, p: Period, ctx: Context): number {
  const below = rowValue('crisis2020.earlyRelease.shortTermBelowDays', p.from, ctx);
  const longFrom = monthsInDays(
    term.refDay,
    rowValue('crisis2020.earlyRelease.longTermFromMonths', p.from, ctx),
  );
  if (term.prisonDays >= longFrom) return rowValue('crisis2020.earlyRelease.longTermDays', p.from, ctx);
  if (term.prisonDays >= below) return rowValue('crisis2020.earlyRelease.mediumTermDays', p.from, ctx);
  return rowValue('crisis2020.earlyRelease.shortTermDays', p.from, ctx);
}

export function crisisEarlyRelease(term: Term, parole: Day | null, end: Day | null, ctx: Context): KeyDate {
  if (term.prisonDays === 0) return notDeterminate('crisis_early_release', term);
  const regular = parole ?? end;
  const all = periods('crisis2020.earlyRelease.shortTermDays', ctx);
  const nearest =
    all.find((p) => regular === null || p.to > Math.min(regular, ctx.asOf)) ?? all[all.length - 1];
  if (!nearest) throw new RangeError('no crisis early-release period in the table');
  for (const p of all) {
    const days = earlyDays(term, p, ctx);
    if (regular === null) {
      return keyDate(
        ctx,
        'crisis_early_release',
        term.sentenceIds,
        null,
        grounded(
          'crisis.early_release',
          `Fremskutt løslatelse inntil ${days} dager før ordinær løslatelse (straff ${term.prisonDays} dager), i perioden ${span(p)}; datoen følger av startdatoen.`,
          `Early release up to ${days} days before the regular release (term ${term.prisonDays} days), within ${span(p)}; the date follows from the start date.`,
        ),
        days,
      );
    }
    const minWithParole = rowValue('crisis2020.earlyRelease.minimumServedWithParoleDays', p.from, ctx);
    const floor =
      parole !== null
        ? (reached(term, minWithParole + term.fineDays) ?? regular)
        : (reached(term, Math.max(term.fineDays, 1)) ?? regular);
    const day = Math.max(regular - days, floor, p.from);
    if (day < p.to && day < regular) {
      return keyDate(
        ctx,
        'crisis_early_release',
        term.sentenceIds,
        day,
        grounded(
          'crisis.early_release',
          `Fremskutt løslatelse ${iso(day)}: straff på ${term.prisonDays} dager gir inntil ${days} dager før ${parole !== null ? 'prøveløslatelse' : 'endt tid'} ${iso(regular)}${parole !== null ? `, med minst ${minWithParole} dager utholdt` : ''}; regelen gjaldt ${span(p)}.`,
          `Early release ${iso(day)}: a term of ${term.prisonDays} days allows up to ${days} days before ${parole !== null ? 'parole' : 'the end of term'} on ${iso(regular)}${parole !== null ? `, with at least ${minWithParole} days served` : ''}; the rule applied ${span(p)}.`,
        ),
        days,
      );
    }
  }
  return notApplicable(
    'crisis_early_release',
    term.sentenceIds,
    grounded(
      'crisis.early_release_off',
      `Fremskutt løslatelse gjaldt ${span(nearest)}; ordinær løslatelse ${iso(regular)} gir ingen tidligere dato innenfor perioden.`,
      `Early release applied ${span(nearest)}; the regular release on ${iso(regular)} gives no earlier day within that period.`,
    ),
  );
}

function crisisExcluded(term: Term, p: Period, ctx: Context): OffenceGroup[] {
  const on = fromDay(p.from);
  return [...term.groups].filter(
    (g) => g !== 'other' && findParameter(`crisisEm.excludes.${g}`, on, ctx.table),
  );
}

export function crisisEm(term: Term, release: Day | null, ctx: Context): KeyDate {
  if (term.prisonDays === 0) return notDeterminate('crisis_em', term);
  const all = periods('crisisEm.termFraction', ctx);
  let excluded: OffenceGroup[] = [];
  let last: Period | undefined;
  for (const p of all) {
    last = p;
    const groups = crisisExcluded(term, p, ctx);
    if (groups.length > 0) {
      excluded = groups;
      continue;
    }
    const share = fractionOf(term.days, p.row.value, p.row.denominator);
    const byShare = reached(term, share);
    if (byShare === null || release === null) {
      return keyDate(
        ctx,
        'crisis_em',
        term.sentenceIds,
        null,
        grounded(
          'crisis.em_one_third',
          `Midlertidig overføring til elektronisk kontroll når 1/3 (${share} dager) er gjennomført, i perioden ${span(p)}; datoen følger av startdatoen.`,
          `Temporary transfer to electronic monitoring when 1/3 (${share} days) is served, within ${span(p)}; the date follows from the start date.`,
        ),
      );
    }
    const day = Math.max(byShare, p.from);
    if (day < p.to && day <= release) {
      return keyDate(
        ctx,
        'crisis_em',
        term.sentenceIds,
        day,
        grounded(
          'crisis.em_one_third',
          `Midlertidig overføring til elektronisk kontroll ${iso(day)}: 1/3 av ${term.days} dager (${share} dager, medregnet ${term.credit} dager varetekt) er gjennomført ${iso(byShare)}, uten grensen på 6 måneder; regelen gjaldt ${span(p)}.`,
          `Temporary transfer to electronic monitoring ${iso(day)}: 1/3 of ${term.days} days (${share} days, counting ${term.credit} days of remand) is served on ${iso(byShare)}, without the 6-month limit; the rule applied ${span(p)}.`,
        ),
      );
    }
  }
  if (excluded.length > 0) {
    return notApplicable(
      'crisis_em',
      term.sentenceIds,
      grounded(
        'crisis.em_excluded',
        `Unntatt fra midlertidig overføring til elektronisk kontroll: dømt for ${excluded.map((g) => OFFENCE_GROUP_LABELS[g].nb).join(', ')}.`,
        `Excluded from temporary transfer to electronic monitoring: sentenced for ${excluded.map((g) => OFFENCE_GROUP_LABELS[g].en).join(', ')}.`,
      ),
    );
  }
  return notApplicable(
    'crisis_em',
    term.sentenceIds,
    grounded(
      'crisis.em_off',
      `Midlertidig overføring til elektronisk kontroll etter 1/3 gjaldt ikke på noen dag mellom 1/3 av straffen og løslatelse ${iso(release)}${last ? ` (siste periode ${span(last)})` : ''}.`,
      `Temporary transfer to electronic monitoring after 1/3 did not apply on any day between 1/3 of the term and release on ${iso(release)}${last ? ` (last period ${span(last)})` : ''}.`,
    ),
  );
}
