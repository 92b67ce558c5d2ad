// Sentences served in the community. Community sentence (STRL §§ 48–52): 30–420 hours, a substitute
// prison term and an execution period that normally equals it; remand credit is taken from the
// substitute term and the hours and the period shrink in proportion (STRL § 83 syvende ledd,
// rounded to whole hours and days). Youth sentence (STRL §§ 52 a–b): an execution period of 120
// days to 2 years and a substitute term that takes the remand credit. Fine service (SGL § 16 b,
// FOR § 8-2): 2 hours for each day of substitute prison, 2 to 240 hours. Interruptions push the
// end of an execution period like they push a prison term (FOR §§ 5-1, 8-2).

import { findParameter } from '../parameters.ts';
import { type Context, grounded, iso, keyDate, notApplicable, value } from './context.ts';
import { committedAsMinor, lengthInDays } from './term.ts';
import { servedOn, type Timeline } from './timeline.ts';
import type { Grounded, KeyDate, SentenceInput } from './types.ts';

function proportion(amount: number, substitute: number, credit: number): number {
  if (credit <= 0 || substitute <= 0) return amount;
  return Math.max(0, Math.round((amount * (substitute - Math.min(credit, substitute))) / substitute));
}

function quantity(
  ctx: Context,
  key: KeyDate['key'],
  ids: string[],
  start: Timeline['start'],
  amount: number,
  why: Grounded,
): KeyDate {
  // A quantity holds from the start; it has no date of its own.
  const item = keyDate(ctx, key, ids, null, why, amount);
  item.eligibility = { status: 'eligible', since: start === null ? null : iso(start) };
  return item;
}

export function communitySentence(
  s: SentenceInput,
  credit: number,
  timeline: Timeline,
  ctx: Context,
): { items: KeyDate[]; warnings: Grounded[] } {
  const ids = [s.id];
  const refDay = timeline.start ?? ctx.asOf;
  const substitute = lengthInDays(
    s.substituteDays,
    s.substituteMonths,
    refDay,
    `sentence ${s.id} substitute`,
  );
  const period = s.executionPeriodDays ?? substitute;
  const hours = s.hours ?? 0;
  const hoursLeft = proportion(hours, substitute, credit);
  const periodLeft = proportion(period, substitute, credit);
  const substituteLeft = Math.max(0, substitute - credit);
  const end = servedOn(timeline, periodLeft);
  const creditText = credit
    ? {
        nb: `, redusert forholdsmessig for ${credit} dager varetekt`,
        en: `, reduced in proportion for ${credit} days of remand`,
      }
    : { nb: '', en: '' };
  const items = [
    quantity(
      ctx,
      'community_hours',
      ids,
      timeline.start,
      hoursLeft,
      grounded(
        'community.hours',
        `Samfunnsstraff ${hoursLeft} timer (idømt ${hours}${creditText.nb}).`,
        `Community sentence of ${hoursLeft} hours (imposed ${hours}${creditText.en}).`,
      ),
    ),
    quantity(
      ctx,
      'community_substitute',
      ids,
      timeline.start,
      substituteLeft,
      grounded(
        'community.substitute',
        `Subsidiær fengselsstraff ${substituteLeft} dager (${substitute} minus ${credit} dager varetektsfradrag), som kan fullbyrdes ved brudd.`,
        `Substitute prison term ${substituteLeft} days (${substitute} minus ${credit} days of remand credit), which may be enforced on breach.`,
      ),
    ),
    keyDate(
      ctx,
      'community_period_end',
      ids,
      end,
      grounded(
        'community.period_end',
        `Gjennomføringstiden på ${periodLeft} dager${creditText.nb} fra ${iso(timeline.start)} utløper ${iso(end)}, pluss ${timeline.absenceDays} dager avbrudd.`,
        `The execution period of ${periodLeft} days${creditText.en} from ${iso(timeline.start)} ends on ${iso(end)}, plus ${timeline.absenceDays} days of interruption.`,
      ),
      periodLeft,
    ),
  ];
  const warnings: Grounded[] = [];
  const min = value(ctx, 'community.minHours');
  const max = value(ctx, 'community.maxHours');
  if (hours < min || hours > max) {
    warnings.push(
      grounded(
        'validation.community_hours',
        `Samfunnsstraff skal være fra ${min} til ${max} timer; dommen har ${hours}.`,
        `A community sentence is ${min} to ${max} hours; the judgment has ${hours}.`,
      ),
    );
  }
  return { items, warnings };
}

export function youthSentence(
  s: SentenceInput,
  credit: number,
  timeline: Timeline,
  ctx: Context,
): { items: KeyDate[]; warnings: Grounded[] } {
  const ids = [s.id];
  const refDay = timeline.start ?? ctx.asOf;
  const substitute = lengthInDays(
    s.substituteDays,
    s.substituteMonths,
    refDay,
    `sentence ${s.id} substitute`,
  );
  const period = s.executionPeriodDays ?? substitute;
  const end = servedOn(timeline, period);
  const substituteLeft = Math.max(0, substitute - credit);
  const items = [
    keyDate(
      ctx,
      'youth_period_end',
      ids,
      end,
      grounded(
        'youth.period_end',
        `Gjennomføringstiden for ungdomsstraffen på ${period} dager fra ${iso(timeline.start)} utløper ${iso(end)}, pluss ${timeline.absenceDays} dager avbrudd.`,
        `The execution period of the youth sentence, ${period} days from ${iso(timeline.start)}, ends on ${iso(end)}, plus ${timeline.absenceDays} days of interruption.`,
      ),
      period,
    ),
    quantity(
      ctx,
      'youth_substitute',
      ids,
      timeline.start,
      substituteLeft,
      grounded(
        'youth.substitute',
        `Subsidiær fengselsstraff ${substituteLeft} dager (${substitute} minus ${credit} dager varetektsfradrag).`,
        `Substitute prison term ${substituteLeft} days (${substitute} minus ${credit} days of remand credit).`,
      ),
    ),
  ];
  const warnings: Grounded[] = [];
  if (s.offenceDate !== undefined && ctx.birth !== null && !committedAsMinor(s, ctx)) {
    warnings.push(
      grounded(
        'validation.youth_age',
        `Ungdomsstraff forutsetter at lovbryteren var under 18 år på handlingstidspunktet (${s.offenceDate}), med mindre lovbruddene i hovedsak ble begått før fylte 18.`,
        `A youth sentence requires the offender to have been under 18 when the offence was committed (${s.offenceDate}), unless the offences were mainly committed before turning 18.`,
      ),
    );
  }
  return { items, warnings };
}

export function fineService(
  fine: { id: string; days: number },
  start: Timeline['start'],
  ctx: Context,
): KeyDate {
  if (!findParameter('fineService.hoursPerDay', ctx.asOfIso, ctx.table)) {
    return notApplicable(
      'fine_service',
      [fine.id],
      grounded(
        'fine.service_not_in_force',
        `Bøtetjeneste var ikke innført på ${ctx.asOfIso} (straffegjennomføringsloven § 16 b, i kraft 7. juni 2018).`,
        `Fine service did not exist on ${ctx.asOfIso} (Execution of Sentences Act § 16 b, in force 7 June 2018).`,
      ),
    );
  }
  const perDay = value(ctx, 'fineService.hoursPerDay');
  const max = value(ctx, 'fineService.maxHours');
  const hours = Math.min(fine.days * perDay, max);
  return quantity(
    ctx,
    'fine_service',
    [fine.id],
    start,
    hours,
    grounded(
      'fine.service_hours',
      `Bøtetjeneste i stedet for ${fine.days} dager forvandlingsstraff: ${perDay} timer per dag gir ${hours} timer (høyst ${max}).`,
      `Fine service instead of ${fine.days} days of substitute prison: ${perDay} hours a day gives ${hours} hours (at most ${max}).`,
    ),
  );
}

export function noFineForMinor(s: SentenceInput): KeyDate {
  return notApplicable(
    'fine_service',
    [s.id],
    grounded(
      'fine.none_under_18',
      `Bot ilagt for en handling begått under 18 år (${s.offenceDate}) har ingen subsidiær fengselsstraff; forvandlingsstraffen er ikke regnet med.`,
      `A fine for an offence committed under 18 (${s.offenceDate}) has no substitute prison term; it is left out of the term.`,
    ),
  );
}
