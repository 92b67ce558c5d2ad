// The entry point: one pure function from a person's sentences, custody and events to every key
// date, each with the rule that produced it. The handlers run in the order of the timeline:
// credit → term → end → parole → leave and day release → EM → placement → crisis rules.

import { PARAMETERS, type ParameterRow } from '../parameters.ts';
import { communitySentence, fineService, noFineForMinor, youthSentence } from './community.ts';
import { type Context, grounded, iso, keyDate, makeContext, value } from './context.ts';
import { crisisEarlyRelease, crisisEm, crisisInView } from './crisis.ts';
import { type Day, fromDay, monthsInDays, toDay } from './days.ts';
import { emBackEnd, emFrontEnd } from './em.ts';
import { dayRelease, leaveQuota, ordinaryLeave } from './leave.ts';
import { paroleDates } from './parole.ts';
import { directPlacements, halfwayHouse, lowerSecurityReview, outsidePrisonAtHalf } from './placement.ts';
import { preventiveDetention } from './preventive.ts';
import { instant, remandCredit } from './remand-credit.ts';
import { buildTerm, combinedTermValue, committedAsMinor, type Term, termEnd } from './term.ts';
import { buildTimeline, executionDaysBy, type Timeline } from './timeline.ts';
import type { DaysValue, Grounded, KeyDate, KeyDatesInput, KeyDatesResult, SentenceInput } from './types.ts';

type Group = 'determinate' | SentenceInput;

/** Custody listed as periods is credited to the main sentence; credit fixed in a judgment stays with it. */
function primaryGroup(sentences: readonly SentenceInput[]): Group | null {
  if (sentences.some((s) => s.kind === 'prison' || s.kind === 'fine_substitute')) return 'determinate';
  for (const kind of ['preventive_detention', 'community', 'youth'] as const) {
    const s = sentences.find((x) => x.kind === kind);
    if (s) return s;
  }
  return null;
}

function creditFor(
  group: Group,
  primary: Group | null,
  periodCredit: number,
  sentences: readonly SentenceInput[],
): number {
  const own =
    group === 'determinate'
      ? sentences
          .filter((s) => s.kind === 'prison' || s.kind === 'fine_substitute')
          .reduce((sum, s) => sum + (s.remandCreditDays ?? 0), 0)
      : (group.remandCreditDays ?? 0);
  return own + (group === primary ? periodCredit : 0);
}

function determinateItems(term: Term, ctx: Context): { items: KeyDate[]; end: Day | null } {
  const { day: end, item: endItem } = termEnd(term, ctx);
  const parole = paroleDates(term, ctx);
  const release = parole.day ?? end;
  const items: KeyDate[] = [
    endItem,
    ...parole.items,
    ordinaryLeave(term, end, ctx),
    dayRelease(term, end, ctx),
    emFrontEnd(term, ctx),
    emBackEnd(term, release, ctx),
    outsidePrisonAtHalf(term, ctx),
    ...directPlacements(term, ctx),
    lowerSecurityReview(
      term.sentenceIds,
      term.timeline.start,
      release,
      parole.applicable
        ? { nb: 'prøveløslatelse', en: 'parole' }
        : { nb: 'løslatelse ved endt tid', en: 'release at the end of term' },
      ctx,
    ),
    halfwayHouse(term, ctx),
    ...term.fines.map((f) => fineService(f, term.timeline.start, ctx)),
  ];
  if (crisisInView(term, release, ctx)) {
    items.push(
      crisisEarlyRelease(term, parole.applicable ? parole.day : null, end, ctx),
      crisisEm(term, release, ctx),
    );
  }
  return { items, end };
}

function sentenceWarnings(sentences: readonly SentenceInput[], refDay: Day, ctx: Context): Grounded[] {
  const warnings: Grounded[] = [];
  const minDays = value(ctx, 'prison.minimumDays');
  const fineMax = value(ctx, 'fine.substituteMaxDays');
  for (const s of sentences) {
    if (s.kind === 'prison' && s.termDays !== undefined && s.termDays < minDays) {
      warnings.push(
        grounded(
          'validation.prison_minimum',
          `Dom ${s.id}: fengselsstraff på ${s.termDays} dager er under minstestraffen på ${minDays} dager.`,
          `Sentence ${s.id}: a prison term of ${s.termDays} days is below the minimum of ${minDays} days.`,
        ),
      );
    }
    if (s.kind === 'prison' && committedAsMinor(s, ctx)) {
      const years = value(ctx, 'prison.maxYearsUnder18');
      const days = s.termDays ?? monthsInDays(refDay, s.termMonths ?? 0);
      if (days > monthsInDays(refDay, years * 12)) {
        warnings.push(
          grounded(
            'validation.prison_under_18',
            `Dom ${s.id}: handlingen ble begått under 18 år, og fengselsstraffen kan ikke overstige ${years} år.`,
            `Sentence ${s.id}: the offence was committed under 18, and the prison term may not exceed ${years} years.`,
          ),
        );
      }
    }
    if (
      s.kind === 'fine_substitute' &&
      s.substituteDays !== undefined &&
      (s.substituteDays < 1 || s.substituteDays > fineMax)
    ) {
      warnings.push(
        grounded(
          'validation.fine_substitute_range',
          `Dom ${s.id}: subsidiær fengselsstraff for bot skal være fra 1 til ${fineMax} dager; den er ${s.substituteDays}.`,
          `Sentence ${s.id}: substitute prison for a fine is 1 to ${fineMax} days; it is ${s.substituteDays}.`,
        ),
      );
    }
  }
  if (
    sentences.some((s) => s.kind === 'preventive_detention') &&
    sentences.some((s) => s.kind === 'prison')
  ) {
    warnings.push(
      grounded(
        'validation.preventive_with_prison',
        'Tidligere idømt fengselsstraff faller bort når forvaring idømmes; kontroller om fengselsstraffen fortsatt skal gjennomføres.',
        'A prison sentence imposed earlier lapses when preventive detention is imposed; check whether the prison term is still to be served.',
      ),
    );
  }
  return warnings;
}

function remandPlacement(input: KeyDatesInput, ctx: Context): KeyDate | null {
  const remand = input.sentences.find((s) => s.kind === 'remand');
  // The custody that is running now is the one that started last.
  const latest = [...(input.remandPeriods ?? [])]
    .sort((a, b) => instant(a.arrestedAt) - instant(b.arrestedAt))
    .pop();
  if (!remand || !latest) return null;
  const hours = value(ctx, 'remand.placementWithinHours');
  const day = toDay(latest.arrestedAt.slice(0, 10)) + hours / 24;
  return keyDate(
    ctx,
    'remand_placement',
    [remand.id],
    day,
    grounded(
      'remand.placement',
      `Fengselsplass skal stilles til disposisjon innen ${hours} timer etter pågripelsen ${latest.arrestedAt}, altså innen ${iso(day)}.`,
      `A prison place must be made available within ${hours} hours of the arrest at ${latest.arrestedAt}, that is by ${iso(day)}.`,
    ),
  );
}

function absenceValue(timeline: Timeline): DaysValue {
  const kinds = timeline.absences.map((a) => `${a.kind} ${iso(a.from)}–${iso(a.to)} (${a.days})`).join(', ');
  return {
    days: timeline.absenceDays,
    ...grounded(
      'absence.not_counted',
      `${timeline.absenceDays} dager regnes ikke med i straffetiden (avbrudd, rømning eller varetekt i annen sak)${kinds ? `: ${kinds}` : ''}.`,
      `${timeline.absenceDays} days do not count as served (interruption, escape or remand in another case)${kinds ? `: ${kinds}` : ''}.`,
    ),
  };
}

export function computeKeyDates(
  input: KeyDatesInput,
  table: readonly ParameterRow[] = PARAMETERS,
): KeyDatesResult {
  const ctx = makeContext(input.asOf, input.birthDate, table);
  const sentences = input.sentences;
  const { timeline, warnings: timelineWarnings } = buildTimeline(
    input.events ?? [],
    input.remandPeriods ?? [],
    ctx,
  );
  const credit = remandCredit(input.remandPeriods ?? [], sentences, ctx);
  const periodCredit = credit.baseDays + credit.isolationDays;
  const primary = primaryGroup(sentences);
  const warnings: Grounded[] = [
    ...timelineWarnings,
    ...sentenceWarnings(sentences, timeline.start ?? ctx.asOf, ctx),
  ];
  const keyDates: KeyDate[] = [];

  const placement = remandPlacement(input, ctx);
  if (placement) keyDates.push(placement);

  const determinateCredit = creditFor('determinate', primary, periodCredit, sentences);
  const { term, excludedFines } = buildTerm(sentences, determinateCredit, timeline, ctx);
  keyDates.push(...excludedFines.map(noFineForMinor));
  let expectedEnd: Day | null = null;
  if (term) {
    const determinate = determinateItems(term, ctx);
    keyDates.push(...determinate.items);
    expectedEnd = determinate.end;
  }
  for (const s of sentences) {
    const own = creditFor(s, primary, periodCredit, sentences);
    const result =
      s.kind === 'preventive_detention'
        ? preventiveDetention(s, own, timeline, ctx)
        : s.kind === 'community'
          ? communitySentence(s, own, timeline, ctx)
          : s.kind === 'youth'
            ? youthSentence(s, own, timeline, ctx)
            : null;
    if (result) {
      keyDates.push(...result.items);
      warnings.push(...result.warnings);
    }
  }

  const custodial = term !== null || sentences.some((s) => s.kind === 'preventive_detention');
  const servedCredit = term
    ? term.credit
    : primary && primary !== 'determinate'
      ? creditFor(primary, primary, periodCredit, sentences)
      : 0;
  return {
    asOf: input.asOf,
    combinedTerm: term ? combinedTermValue(term) : null,
    remandCredit: credit,
    absence: absenceValue(timeline),
    executionStart: timeline.start === null ? null : fromDay(timeline.start),
    servedDays: timeline.start === null ? null : servedCredit + executionDaysBy(timeline, ctx.asOf),
    expectedEnd: expectedEnd === null ? null : fromDay(expectedEnd),
    keyDates,
    leaveQuota: custodial ? leaveQuota(input.leave, ctx) : null,
    warnings,
  };
}
