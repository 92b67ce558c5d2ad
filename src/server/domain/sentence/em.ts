// Electronic monitoring (SGL § 16 a, FOR §§ 7-2 and 7-8). Front end: the whole unconditional term
// at home when it is at most 6 months (4 months before 1 September 2020). Back end: from the day
// at most 6 months remain to the expected release (the parole date when parole is possible), and
// not before 1/3 is served. The limit that counts is the one in force on the day of transfer, so a
// sentence that crosses the change date gets the earliest day that satisfies either rule. Under-18s
// have no limit and no offence exclusions (§ 16 a annet ledd, FOR § 7-2 fjerde ledd siste punktum).

import { findParameter, type ParameterRow, parameterRows } from '../parameters.ts';
import {
  type Context,
  fromStart,
  grounded,
  isMinorOn,
  iso,
  keyDate,
  notApplicable,
  param,
  value,
} from './context.ts';
import { type Day, fractionOf, fromDay, monthsBefore, monthsInDays, toDay } from './days.ts';
import { OFFENCE_GROUP_LABELS, type OffenceGroup } from './offences.ts';
import { reached, type Term } from './term.ts';
import type { KeyDate } from './types.ts';

function excludedGroups(term: Term, ctx: Context, on: Day): OffenceGroup[] {
  const date = fromDay(on);
  return [...term.groups].filter((g) => g !== 'other' && findParameter(`em.excludes.${g}`, date, ctx.table));
}

function excludedItem(key: 'em_front_end' | 'em_back_end', term: Term, groups: OffenceGroup[]): KeyDate {
  const nb = groups.map((g) => OFFENCE_GROUP_LABELS[g].nb).join(', ');
  const en = groups.map((g) => OFFENCE_GROUP_LABELS[g].en).join(', ');
  return notApplicable(
    key,
    term.sentenceIds,
    grounded(
      'em.offence_excluded',
      `Elektronisk kontroll skal ikke innvilges for domfelte over 18 år som er dømt for ${nb}.`,
      `Electronic monitoring is not granted to convicted persons aged 18 or over sentenced for ${en}.`,
    ),
  );
}

export function emFrontEnd(term: Term, ctx: Context): KeyDate {
  const start = term.timeline.start;
  if (isMinorOn(ctx, term.refDay)) {
    return fromStart(
      ctx,
      'em_front_end',
      term.sentenceIds,
      start,
      grounded(
        'em.under_18',
        `Domfelte er under 18 år: elektronisk kontroll skal alltid vurderes, uten grensen på 6 måneder (straffetid ${term.days} dager), fra soningsstart ${iso(start)}.`,
        `The convicted person is under 18: electronic monitoring must always be considered, without the 6-month limit (term ${term.days} days), from the start on ${iso(start)}.`,
      ),
    );
  }
  const excluded = excludedGroups(term, ctx, term.refDay);
  if (excluded.length > 0) return excludedItem('em_front_end', term, excluded);
  const months = value(ctx, 'em.maxMonths', term.refDay);
  const limit = monthsInDays(term.refDay, months);
  if (term.days > limit) {
    return notApplicable(
      'em_front_end',
      term.sentenceIds,
      grounded(
        'em.front_end_over_limit',
        `Hele straffen med elektronisk kontroll krever straff på inntil ${months} måneder (${limit} dager fra ${iso(term.refDay)}); straffetiden er ${term.days} dager.`,
        `Serving the whole sentence with electronic monitoring needs a term of at most ${months} months (${limit} days from ${iso(term.refDay)}); the term is ${term.days} days.`,
      ),
    );
  }
  return fromStart(
    ctx,
    'em_front_end',
    term.sentenceIds,
    start,
    grounded(
      'em.front_end',
      `Straffetiden på ${term.days} dager er innenfor ${months} måneder (${limit} dager fra ${iso(term.refDay)}), så hele straffen kan gjennomføres med elektronisk kontroll fra start ${iso(start)}.`,
      `The term of ${term.days} days is within ${months} months (${limit} days from ${iso(term.refDay)}), so the whole sentence may be served with electronic monitoring from the start on ${iso(start)}.`,
    ),
  );
}

const limitCache = new WeakMap<readonly ParameterRow[], { from: Day; to: Day; months: number }[]>();

function limits(ctx: Context): { from: Day; to: Day; months: number }[] {
  let list = limitCache.get(ctx.table);
  if (!list) {
    list = parameterRows('em.maxMonths', ctx.table).map((row) => ({
      from: toDay(row.validFrom),
      to: row.validTo === null ? Number.POSITIVE_INFINITY : toDay(row.validTo),
      months: row.value,
    }));
    limitCache.set(ctx.table, list);
  }
  return list;
}

/** The earliest day on which the remaining time to `release` is within the limit in force that day. */
export function remainingWithinLimit(release: Day, ctx: Context): { day: Day; months: number } | null {
  let best: { day: Day; months: number } | null = null;
  for (const limit of limits(ctx)) {
    const from = Math.max(monthsBefore(release, limit.months), limit.from);
    if (from < limit.to && (best === null || from < best.day)) best = { day: from, months: limit.months };
  }
  return best;
}

export function emBackEnd(term: Term, release: Day | null, ctx: Context): KeyDate {
  const fraction = param(ctx, 'em.backEndTermFraction');
  const share = fractionOf(term.days, fraction.value, fraction.denominator);
  const byShare = reached(term, share);
  if (isMinorOn(ctx, term.refDay)) {
    return keyDate(
      ctx,
      'em_back_end',
      term.sentenceIds,
      byShare,
      grounded(
        'em.under_18',
        `Domfelte er under 18 år: overføring til elektronisk kontroll uten grensen på 6 måneder, tidligst når 1/3 av ${term.days} dager (${share} dager) er gjennomført: ${iso(byShare)}.`,
        `The convicted person is under 18: transfer to electronic monitoring without the 6-month limit, at the earliest when 1/3 of ${term.days} days (${share} days) is served: ${iso(byShare)}.`,
      ),
    );
  }
  const excluded = excludedGroups(term, ctx, release ?? term.refDay);
  if (excluded.length > 0) return excludedItem('em_back_end', term, excluded);
  if (release === null || byShare === null) {
    const months = value(ctx, 'em.maxMonths', term.refDay);
    return keyDate(
      ctx,
      'em_back_end',
      term.sentenceIds,
      null,
      grounded(
        'em.back_end_remaining',
        `Overføring til elektronisk kontroll når inntil ${months} måneder gjenstår til forventet løslatelse og minst 1/3 (${share} dager) er gjennomført; datoen følger av startdatoen.`,
        `Transfer to electronic monitoring when at most ${months} months remain to the expected release and at least 1/3 (${share} days) is served; the date follows from the start date.`,
      ),
    );
  }
  const limit = remainingWithinLimit(release, ctx);
  const byRemaining = limit === null ? release + 1 : Math.max(limit.day, term.timeline.start ?? limit.day);
  const day = Math.max(byRemaining, byShare);
  const months = limit?.months ?? value(ctx, 'em.maxMonths', release);
  if (day > release) {
    return notApplicable(
      'em_back_end',
      term.sentenceIds,
      grounded(
        'em.back_end_after_release',
        `Overføring til elektronisk kontroll er ikke aktuelt: vilkårene nås først ${iso(day)}, etter forventet løslatelse ${iso(release)}.`,
        `Transfer to electronic monitoring does not apply: the conditions are met only on ${iso(day)}, after the expected release on ${iso(release)}.`,
      ),
    );
  }
  const shareRules = byShare > byRemaining;
  const why = grounded(
    shareRules ? 'em.back_end_one_third' : 'em.back_end_remaining',
    `Overføring til elektronisk kontroll ${iso(day)}: fra ${iso(byRemaining)} gjenstår inntil ${months} måneder til forventet løslatelse ${iso(release)}, og 1/3 av ${term.days} dager (${share} dager) er gjennomført ${iso(byShare)}; det seneste gjelder.`,
    `Transfer to electronic monitoring ${iso(day)}: from ${iso(byRemaining)} at most ${months} months remain to the expected release on ${iso(release)}, and 1/3 of ${term.days} days (${share} days) is served on ${iso(byShare)}; the later applies.`,
  );
  return keyDate(ctx, 'em_back_end', term.sentenceIds, day, why);
}
