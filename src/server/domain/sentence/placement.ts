// Where the sentence is served (SGL §§ 11, 15, 16). Direct placement in lower security is considered
// for terms up to 2 years and in a halfway house for terms up to 1 year, and always for under-18s;
// transfer to lower security is considered when one year remains to the parole date; a halfway
// house is open "when a part of the sentence is served" (the Act sets no minimum); execution
// outside prison with special conditions is possible at half the term.

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
import { type Day, fractionOf, monthsBefore, monthsInDays } from './days.ts';
import { reached, type Term } from './term.ts';
import type { KeyDate } from './types.ts';

function direct(
  term: Term,
  ctx: Context,
  key: 'direct_lower_security' | 'direct_halfway_house',
  years: number,
  place: { nb: string; en: string },
): KeyDate {
  const limit = monthsInDays(term.refDay, years * 12);
  const start = term.timeline.start;
  const rules =
    key === 'direct_lower_security'
      ? ({
          ok: 'placement.direct_lower_security',
          over: 'placement.direct_lower_security_over_limit',
        } as const)
      : ({
          ok: 'placement.direct_halfway_house',
          over: 'placement.direct_halfway_house_over_limit',
        } as const);
  if (term.days <= limit) {
    return fromStart(
      ctx,
      key,
      term.sentenceIds,
      start,
      grounded(
        rules.ok,
        `Straffetiden på ${term.days} dager er inntil ${years} år (${limit} dager), så direkte innsettelse i ${place.nb} skal vurderes ved innsettelsen (${iso(start)}).`,
        `The term of ${term.days} days is at most ${years} year(s) (${limit} days), so direct placement in ${place.en} must be considered at admission (${iso(start)}).`,
      ),
    );
  }
  if (isMinorOn(ctx, term.refDay)) {
    return fromStart(
      ctx,
      key,
      term.sentenceIds,
      start,
      grounded(
        'placement.under_18',
        `Domfelte er under 18 år: innsettelse i ${place.nb} skal alltid vurderes, uansett straffetid (${term.days} dager), fra innsettelsen ${iso(start)}.`,
        `The convicted person is under 18: placement in ${place.en} must always be considered, whatever the term (${term.days} days), from admission on ${iso(start)}.`,
      ),
    );
  }
  return notApplicable(
    key,
    term.sentenceIds,
    grounded(
      rules.over,
      `Direkte innsettelse i ${place.nb} vurderes ved straff inntil ${years} år (${limit} dager); straffetiden er ${term.days} dager.`,
      `Direct placement in ${place.en} is considered for terms of at most ${years} year(s) (${limit} days); the term is ${term.days} days.`,
    ),
  );
}

export function directPlacements(term: Term, ctx: Context): KeyDate[] {
  return [
    direct(term, ctx, 'direct_lower_security', value(ctx, 'placement.directLowerSecurityMaxYears'), {
      nb: 'fengsel med lavere sikkerhetsnivå',
      en: 'a lower-security prison',
    }),
    direct(term, ctx, 'direct_halfway_house', value(ctx, 'placement.directHalfwayHouseMaxYears'), {
      nb: 'overgangsbolig',
      en: 'a halfway house',
    }),
  ];
}

/** SGL § 15 annet ledd: one year before the day the person can be paroled (or released). */
export function lowerSecurityReview(
  sentenceIds: string[],
  start: Day | null,
  release: Day | null,
  releaseName: { nb: string; en: string },
  ctx: Context,
): KeyDate {
  const years = value(ctx, 'placement.lowerSecurityReviewYearsBeforeParole');
  const day = release === null || start === null ? null : Math.max(monthsBefore(release, years * 12), start);
  return keyDate(
    ctx,
    'lower_security_review',
    sentenceIds,
    day,
    grounded(
      'placement.lower_security_review',
      `Overføring til lavere sikkerhetsnivå skal vurderes ${iso(day)}, når det gjenstår ${years} år til ${releaseName.nb} ${iso(release)} (tidligst ved start).`,
      `Transfer to lower security must be considered on ${iso(day)}, when ${years} year remains to ${releaseName.en} on ${iso(release)} (at the earliest at the start).`,
    ),
  );
}

export function halfwayHouse(term: Term, ctx: Context): KeyDate {
  return fromStart(
    ctx,
    'halfway_house',
    term.sentenceIds,
    term.timeline.start,
    grounded(
      'placement.halfway_house',
      `Overføring til overgangsbolig kan vurderes når en del av straffen er gjennomført; loven setter ingen minstetid, så datoen er soningsstart ${iso(term.timeline.start)}.`,
      `Transfer to a halfway house may be considered once a part of the sentence is served; the Act sets no minimum, so the date is the start of execution, ${iso(term.timeline.start)}.`,
    ),
  );
}

export function outsidePrisonAtHalf(term: Term, ctx: Context): KeyDate {
  const fraction = param(ctx, 'outsidePrison.termFraction');
  const share = fractionOf(term.days, fraction.value, fraction.denominator);
  const day = reached(term, share);
  const minor = isMinorOn(ctx, term.refDay);
  return keyDate(
    ctx,
    'outside_prison_half',
    term.sentenceIds,
    day,
    grounded(
      'outside_prison.half',
      `Gjennomføring utenfor fengsel med særlige vilkår ${minor ? 'skal alltid vurderes (under 18 år)' : 'kan vurderes'} når halvparten av ${term.days} dager (${share} dager, medregnet ${term.credit} dager varetekt) er gjennomført: ${iso(day)}.`,
      `Execution outside prison with special conditions ${minor ? 'must always be considered (under 18)' : 'may be considered'} when half of ${term.days} days (${share} days, counting ${term.credit} days of remand) is served: ${iso(day)}.`,
    ),
  );
}
