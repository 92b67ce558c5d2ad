// Preventive detention (forvaring, STRL §§ 43–44): a frame (normally at most 15 years, never over 21)
// and a minimum term (at most 10 years; 14 when the frame is over 15, 20 when over 21). Remand
// credit is deducted in full from both (STRL § 83 femte ledd). Parole only after the minimum term;
// ordinary leave not before 2/3 of the minimum term (forvaringsforskriften). Electronic monitoring
// needs an expected release date, which an indeterminate sentence does not have.

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
import { type Day, fractionOf, monthsEnd, monthsInDays, toDay } from './days.ts';
import { lowerSecurityReview } from './placement.ts';
import { committedAsMinor, lengthInDays } from './term.ts';
import { servedOn, type Timeline } from './timeline.ts';
import type { Grounded, KeyDate, SentenceInput } from './types.ts';

export interface PreventiveResult {
  items: KeyDate[];
  warnings: Grounded[];
}

function validate(
  s: SentenceInput,
  frame: number,
  minimum: number | null,
  refDay: Day,
  ctx: Context,
): Grounded[] {
  const warnings: Grounded[] = [];
  const minor = committedAsMinor(s, ctx);
  const frameYears = value(ctx, minor ? 'preventive.frameMaxYearsUnder18' : 'preventive.frameMaxYears');
  if (frame > monthsInDays(refDay, frameYears * 12)) {
    warnings.push(
      grounded(
        'validation.preventive_frame',
        `Tidsrammen på ${frame} dager er over ${frameYears} år${minor ? ' (under 18 år på handlingstidspunktet)' : ''}.`,
        `The frame of ${frame} days is over ${frameYears} years${minor ? ' (under 18 when the offence was committed)' : ''}.`,
      ),
    );
  }
  const over21 = frame > monthsInDays(refDay, 21 * 12);
  const over15 = frame > monthsInDays(refDay, 15 * 12);
  const maxYears = value(
    ctx,
    over21
      ? 'preventive.minimumMaxYearsFrameOver21'
      : over15
        ? 'preventive.minimumMaxYearsFrameOver15'
        : 'preventive.minimumMaxYears',
  );
  if (minimum !== null && minimum > monthsInDays(refDay, maxYears * 12)) {
    warnings.push(
      grounded(
        'validation.preventive_minimum',
        `Minstetiden på ${minimum} dager er over ${maxYears} år, som er høyeste minstetid for denne tidsrammen.`,
        `The minimum term of ${minimum} days is over ${maxYears} years, the highest minimum for this frame.`,
      ),
    );
  }
  return warnings;
}

export function preventiveDetention(
  s: SentenceInput,
  credit: number,
  timeline: Timeline,
  ctx: Context,
): PreventiveResult {
  const refDay = timeline.start ?? ctx.asOf;
  const ids = [s.id];
  const frame = lengthInDays(s.frameDays, s.frameMonths, refDay, `sentence ${s.id} frame`);
  const minimum =
    s.minimumTermDays === undefined && s.minimumTermMonths === undefined
      ? null
      : lengthInDays(s.minimumTermDays, s.minimumTermMonths, refDay, `sentence ${s.id} minimum`);
  const at = (n: number) => servedOn(timeline, n - credit);
  const frameEnd = at(frame);
  const minimumEnd = minimum === null ? null : at(minimum);
  const items: KeyDate[] = [];

  items.push(
    keyDate(
      ctx,
      'preventive_frame_end',
      ids,
      frameEnd,
      grounded(
        'preventive.frame_end',
        `Tidsrammen for forvaringen utløper ${iso(frameEnd)}: ${frame} dager minus ${credit} dager varetektsfradrag, pluss ${timeline.absenceDays} dager fravær; retten kan forlenge med inntil 5 år om gangen.`,
        `The frame of the preventive detention ends on ${iso(frameEnd)}: ${frame} days minus ${credit} days of remand credit, plus ${timeline.absenceDays} days of absence; a court may extend it by up to 5 years at a time.`,
      ),
    ),
  );
  if (minimum === null) {
    const why = grounded(
      'preventive.no_minimum',
      'Retten har ikke fastsatt minstetid; prøveløslatelse kan vurderes når som helst før tidsrammen utløper.',
      'The court set no minimum term; parole may be considered at any time before the frame ends.',
    );
    items.push(notApplicable('preventive_minimum_end', ids, why));
    items.push(
      fromStart(
        ctx,
        'parole',
        ids,
        timeline.start,
        grounded(
          'parole.preventive_no_minimum',
          `${why.explanation.nb} Soningsstart: ${iso(timeline.start)}.`,
          `${why.explanation.en} Start of execution: ${iso(timeline.start)}.`,
        ),
      ),
    );
  } else {
    const why = grounded(
      'preventive.minimum_end',
      `Minstetiden utløper ${iso(minimumEnd)}: ${minimum} dager minus ${credit} dager varetektsfradrag, pluss ${timeline.absenceDays} dager fravær.`,
      `The minimum term ends on ${iso(minimumEnd)}: ${minimum} days minus ${credit} days of remand credit, plus ${timeline.absenceDays} days of absence.`,
    );
    items.push(keyDate(ctx, 'preventive_minimum_end', ids, minimumEnd, why));
    items.push(
      keyDate(
        ctx,
        'parole',
        ids,
        minimumEnd,
        grounded(
          'parole.preventive_minimum',
          `Prøveløslatelse fra forvaring tidligst når minstetiden er utholdt, ${iso(minimumEnd)}; 2/3-regelen gjelder ikke.`,
          `Parole from preventive detention at the earliest when the minimum term is served, ${iso(minimumEnd)}; the 2/3 rule does not apply.`,
        ),
      ),
    );
  }
  items.push(
    notApplicable(
      'parole_half',
      ids,
      grounded(
        'parole.preventive_minimum',
        'Prøveløslatelse ved halv tid gjelder fengselsstraff, ikke forvaring.',
        'Parole at half time applies to prison sentences, not to preventive detention.',
      ),
    ),
  );
  items.push(preventiveLeave(ids, minimum, credit, timeline, ctx));
  items.push(
    lowerSecurityReview(
      ids,
      timeline.start,
      minimumEnd,
      { nb: 'utløpt minstetid', en: 'the end of the minimum term' },
      ctx,
    ),
  );
  const noEm = grounded(
    'em.preventive',
    'Elektronisk kontroll forutsetter en forventet løslatelsesdato; forvaring er tidsubestemt.',
    'Electronic monitoring needs an expected release date; preventive detention is indeterminate.',
  );
  items.push(notApplicable('em_front_end', ids, noEm), notApplicable('em_back_end', ids, noEm));

  const warnings = validate(s, frame, minimum, refDay, ctx);
  if (s.offenceDate !== undefined && isMinorOn(ctx, toDay(s.offenceDate))) {
    warnings.push(
      grounded(
        'validation.preventive_frame',
        'Forvaring kan ikke idømmes den som er under 18 år, med mindre det foreligger helt ekstraordinære omstendigheter.',
        'Preventive detention may not be imposed on a person under 18 save in wholly exceptional circumstances.',
      ),
    );
  }
  return { items, warnings };
}

function preventiveLeave(
  ids: string[],
  minimum: number | null,
  credit: number,
  timeline: Timeline,
  ctx: Context,
): KeyDate {
  const months = value(ctx, 'leave.continuousMonths');
  const byMonths = timeline.continuityFrom === null ? null : monthsEnd(timeline.continuityFrom, months);
  const fraction = param(ctx, 'leave.preventiveMinimumFraction');
  const share = minimum === null ? 0 : fractionOf(minimum, fraction.value, fraction.denominator);
  const byShare = servedOn(timeline, share - credit);
  const day = byMonths === null || byShare === null ? null : Math.max(byMonths, byShare);
  return keyDate(
    ctx,
    'ordinary_leave',
    ids,
    day,
    grounded(
      'leave.preventive',
      `Ordinær permisjon fra forvaring ${iso(day)}: 2/3 av minstetiden (${share} dager, medregnet ${credit} dager varetekt) og ${months} måneder sammenhengende frihetsberøvelse.`,
      `Ordinary leave from preventive detention ${iso(day)}: 2/3 of the minimum term (${share} days, counting ${credit} days of remand) and ${months} months of unbroken custody.`,
    ),
  );
}
