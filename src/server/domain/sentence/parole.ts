// Parole (SGL § 42): at 2/3 of the term and at least 60 days served, remand included; at 1/2 and 60
// days for special reasons; never so late that fewer than 14 days would remain (so terms under
// 74 days are served in full). Substitute prison for fines is served in full (FOR § 3-2 tredje
// ledd): it is added on top of the point at which the prison part allows parole.

import { type Context, grounded, iso, keyDate, notApplicable, param, value } from './context.ts';
import { type Day, fractionOf } from './days.ts';
import type { RuleId } from './rules.ts';
import { reached, type Term } from './term.ts';
import type { KeyDate } from './types.ts';

export interface ParoleDates {
  /** The 2/3 parole day, or null when parole is not possible (or execution has not started). */
  day: Day | null;
  applicable: boolean;
  items: KeyDate[];
}

function fineText(term: Term): { nb: string; en: string } {
  return term.fineDays
    ? {
        nb: ` pluss ${term.fineDays} dager forvandlingsstraff som sones fullt ut`,
        en: ` plus ${term.fineDays} days of fine substitute served in full`,
      }
    : { nb: '', en: '' };
}

function paroleAt(
  term: Term,
  ctx: Context,
  key: 'parole' | 'parole_half',
  fraction: { value: number; denominator?: number },
  rules: { fraction: RuleId; sixty: RuleId },
  label: { share: string; nb: string; en: string },
): { day: Day | null; item: KeyDate; applicable: boolean } {
  const minServed = value(ctx, 'parole.minimumServedDays');
  const minLeft = value(ctx, 'parole.minimumRemainingDays');
  const share = fractionOf(term.prisonDays, fraction.value, fraction.denominator);
  const need = Math.max(share, minServed);
  const left = term.prisonDays - need;
  if (left < minLeft) {
    const why = grounded(
      'parole.fourteen_days_left',
      `Ingen prøveløslatelse${label.nb} ved ${label.share}: av ${term.prisonDays} dager ville bare ${Math.max(left, 0)} gjenstå etter ${need} dager, færre enn ${minLeft}; straff under ${minServed + minLeft} dager sones fullt ut med mindre tungtveiende grunner taler for det.`,
      `No parole${label.en} at ${label.share}: of ${term.prisonDays} days only ${Math.max(left, 0)} would remain after ${need} days, fewer than ${minLeft}; terms under ${minServed + minLeft} days are served in full unless there are weighty reasons.`,
    );
    return { day: null, item: notApplicable(key, term.sentenceIds, why), applicable: false };
  }
  const n = need + term.fineDays;
  const day = reached(term, n);
  const fine = fineText(term);
  const rule: RuleId =
    n <= term.credit ? 'parole.reached_in_remand' : share >= minServed ? rules.fraction : rules.sixty;
  const why = grounded(
    rule,
    `Prøveløslatelse${label.nb} ${iso(day)}: ${label.share} av ${term.prisonDays} dager er ${share} dager, minst ${minServed}, altså ${need} dager${fine.nb}, medregnet ${term.credit} dager varetekt; ${left} dager gjenstår.`,
    `Parole${label.en} ${iso(day)}: ${label.share} of ${term.prisonDays} days is ${share} days, at least ${minServed}, so ${need} days${fine.en}, counting ${term.credit} days of remand; ${left} days remain.`,
  );
  return { day, item: keyDate(ctx, key, term.sentenceIds, day, why), applicable: true };
}

export function paroleDates(term: Term, ctx: Context): ParoleDates {
  if (term.prisonDays === 0) {
    const why = grounded(
      'parole.fine_served_in_full',
      `Ingen prøveløslatelse: forvandlingsstraff for bot (${term.fineDays} dager) skal alltid utholdes uavkortet.`,
      `No parole: substitute prison for an unpaid fine (${term.fineDays} days) is always served in full.`,
    );
    return {
      day: null,
      applicable: false,
      items: [
        notApplicable('parole', term.sentenceIds, why),
        notApplicable('parole_half', term.sentenceIds, why),
      ],
    };
  }
  const twoThirds = paroleAt(
    term,
    ctx,
    'parole',
    param(ctx, 'parole.ordinaryFraction'),
    { fraction: 'parole.two_thirds', sixty: 'parole.sixty_days' },
    { share: '2/3', nb: '', en: '' },
  );
  const half = paroleAt(
    term,
    ctx,
    'parole_half',
    param(ctx, 'parole.specialFraction'),
    { fraction: 'parole.half', sixty: 'parole.half_sixty_days' },
    { share: '1/2', nb: ' ved særlige grunner', en: ' for special reasons' },
  );
  return { day: twoThirds.day, applicable: twoThirds.applicable, items: [twoThirds.item, half.item] };
}
