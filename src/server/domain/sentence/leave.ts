// Ordinary leave (FOR § 3-30 femte ledd) and day release (SGL § 20, FOR § 3-14 første ledd): after
// at least 4 months of unbroken deprivation of liberty AND 1/3 of the term served; for terms over
// 12 years, leave after 4 years. The 4 months run from the start of the current unbroken custody
// (remand that runs into execution counts; an escape or an interruption starts the count anew).
// The leave quota is 18 days a year, up to 30 for special reasons, and its year runs from the first
// ordinary leave (FOR § 3-30 annet ledd).

import { type Context, grounded, iso, keyDate, notApplicable, param, value } from './context.ts';
import { addMonths, type Day, fractionOf, fromDay, monthsEnd, toDay } from './days.ts';
import type { RuleId } from './rules.ts';
import { reached, type Term, withinMonths } from './term.ts';
import type { Grounded, KeyDate, LeaveInput, LeaveQuota } from './types.ts';

interface Threshold {
  key: 'ordinary_leave' | 'day_release';
  months: number;
  fraction: { value: number; denominator?: number };
  rules: { months: RuleId; fraction: RuleId; afterTerm: RuleId };
  name: { nb: string; en: string };
}

function afterMonthsAndFraction(term: Term, end: Day | null, ctx: Context, t: Threshold): KeyDate {
  const from = term.timeline.continuityFrom;
  const byMonths = from === null ? null : monthsEnd(from, t.months);
  const share = fractionOf(term.days, t.fraction.value, t.fraction.denominator);
  const byShare = reached(term, share);
  const day = byMonths === null || byShare === null ? null : Math.max(byMonths, byShare);
  const shareRules = byShare !== null && byMonths !== null && byShare >= byMonths;
  if (day !== null && end !== null && day > end) {
    return notApplicable(
      t.key,
      term.sentenceIds,
      grounded(
        t.rules.afterTerm,
        `${t.name.nb} er ikke aktuelt: ${t.months} måneder sammenhengende frihetsberøvelse og 1/3 av ${term.days} dager nås ${iso(day)}, etter endt tid ${iso(end)}.`,
        `${t.name.en} does not apply: ${t.months} months of unbroken custody and 1/3 of ${term.days} days are reached on ${iso(day)}, after the end of term on ${iso(end)}.`,
      ),
    );
  }
  const why = grounded(
    shareRules ? t.rules.fraction : t.rules.months,
    `${t.name.nb} ${iso(day)}: ${t.months} måneder sammenhengende frihetsberøvelse fra ${iso(from)} (${iso(byMonths)}) og 1/3 av ${term.days} dager = ${share} dager medregnet ${term.credit} dager varetekt (${iso(byShare)}); det seneste gjelder.`,
    `${t.name.en} ${iso(day)}: ${t.months} months of unbroken custody from ${iso(from)} (${iso(byMonths)}) and 1/3 of ${term.days} days = ${share} days counting ${term.credit} days of remand (${iso(byShare)}); the later applies.`,
  );
  return keyDate(ctx, t.key, term.sentenceIds, day, why);
}

export function ordinaryLeave(term: Term, end: Day | null, ctx: Context): KeyDate {
  const above = value(ctx, 'leave.longTermAboveYears');
  if (!withinMonths(term, above * 12)) {
    const years = value(ctx, 'leave.longTermAfterYears');
    const from = term.timeline.continuityFrom;
    const day = from === null ? null : monthsEnd(from, years * 12);
    const why = grounded(
      'leave.long_term',
      `Ordinær permisjon ${iso(day)}: straffetiden på ${term.days} dager er lengre enn ${above} år, så permisjon kan gis etter ${years} års sammenhengende gjennomføring fra ${iso(from)}.`,
      `Ordinary leave ${iso(day)}: the term of ${term.days} days is longer than ${above} years, so leave may be granted after ${years} years of unbroken execution from ${iso(from)}.`,
    );
    return keyDate(ctx, 'ordinary_leave', term.sentenceIds, day, why);
  }
  return afterMonthsAndFraction(term, end, ctx, {
    key: 'ordinary_leave',
    months: value(ctx, 'leave.continuousMonths'),
    fraction: param(ctx, 'leave.termFraction'),
    rules: { months: 'leave.four_months', fraction: 'leave.one_third', afterTerm: 'leave.after_term' },
    name: { nb: 'Ordinær permisjon', en: 'Ordinary leave' },
  });
}

export function dayRelease(term: Term, end: Day | null, ctx: Context): KeyDate {
  return afterMonthsAndFraction(term, end, ctx, {
    key: 'day_release',
    months: value(ctx, 'dayRelease.continuousMonths'),
    fraction: param(ctx, 'dayRelease.termFraction'),
    rules: {
      months: 'day_release.four_months',
      fraction: 'day_release.one_third',
      afterTerm: 'day_release.after_term',
    },
    name: { nb: 'Frigang', en: 'Day release' },
  });
}

/** The quota year that holds the as-of date, counted in whole years from the first ordinary leave. */
function quotaYear(first: Day, asOf: Day): { from: Day; to: Day } | null {
  if (asOf < first) return null;
  let years = 0;
  while (addMonths(first, (years + 1) * 12) <= asOf) years += 1;
  const from = addMonths(first, years * 12);
  return { from, to: monthsEnd(from, 12) };
}

export function leaveQuota(leave: LeaveInput | null | undefined, ctx: Context): LeaveQuota {
  const special = leave?.specialReasons === true;
  const quotaDays = value(ctx, special ? 'leave.extendedQuotaDays' : 'leave.quotaDays');
  const usedDays = leave?.daysTaken ?? 0;
  const leftDays = Math.max(0, quotaDays - usedDays);
  const first = leave?.firstOrdinaryLeaveOn ? toDay(leave.firstOrdinaryLeaveOn) : null;
  const year = first === null ? null : quotaYear(first, ctx.asOf);
  const period = year
    ? {
        nb: `kvoteåret ${iso(year.from)}–${iso(year.to)}`,
        en: `the quota year ${iso(year.from)}–${iso(year.to)}`,
      }
    : {
        nb: 'kvoteåret, som løper fra første ordinære permisjon',
        en: 'the quota year, which runs from the first ordinary leave',
      };
  const why: Grounded = grounded(
    special ? 'leave.quota_extended' : 'leave.quota',
    `Permisjonskvote ${quotaDays} døgn${special ? ' (særlige grunner)' : ''} i ${period.nb}: ${usedDays} brukt, ${leftDays} igjen, i tillegg til nødvendig reisetid.`,
    `Leave quota ${quotaDays} days${special ? ' (special reasons)' : ''} in ${period.en}: ${usedDays} used, ${leftDays} left, plus the travel time needed.`,
  );
  return {
    quotaDays,
    usedDays,
    leftDays,
    periodFrom: year ? fromDay(year.from) : null,
    periodTo: year ? fromDay(year.to) : null,
    ...why,
  };
}
