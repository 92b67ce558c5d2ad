// The determinate custodial term: prison sentences and substitute prison for fines are added into
// one term and served together (FOR § 3-2 første ledd). Sentences in months are laid end to end on
// the calendar from the start of execution (or the as-of date before execution has started).

import { type Context, grounded, isMinorOn, iso, keyDate } from './context.ts';
import { type Day, monthsInDays, toDay } from './days.ts';
import type { OffenceGroup } from './offences.ts';
import { servedOn, type Timeline } from './timeline.ts';
import type { DaysValue, Grounded, KeyDate, SentenceInput } from './types.ts';

export interface Term {
  sentenceIds: string[];
  /** Prison days (Tp): the part that parole and early release work on. */
  prisonDays: number;
  /** Substitute prison for fines (F): always served in full (FOR § 3-2 tredje ledd). */
  fineDays: number;
  fines: { id: string; days: number }[];
  /** Tp + F. */
  days: number;
  credit: number;
  groups: ReadonlySet<OffenceGroup>;
  timeline: Timeline;
  /** The day months are counted from: the start of execution, or the as-of date before it. */
  refDay: Day;
}

/** Days of a term given in days or in months, counted from `from`. */
export function lengthInDays(
  days: number | undefined,
  months: number | undefined,
  from: Day,
  what: string,
): number {
  if (days !== undefined) return days;
  if (months !== undefined) return monthsInDays(from, months);
  throw new RangeError(`${what}: give days or months`);
}

export function committedAsMinor(sentence: SentenceInput, ctx: Context): boolean {
  return sentence.offenceDate !== undefined && isMinorOn(ctx, toDay(sentence.offenceDate));
}

export function buildTerm(
  sentences: readonly SentenceInput[],
  credit: number,
  timeline: Timeline,
  ctx: Context,
): { term: Term | null; excludedFines: SentenceInput[] } {
  const refDay = timeline.start ?? ctx.asOf;
  let cursor = refDay;
  let prisonDays = 0;
  const fines: { id: string; days: number }[] = [];
  const groups = new Set<OffenceGroup>();
  const ids: string[] = [];
  const excludedFines: SentenceInput[] = [];
  for (const s of sentences) {
    if (s.kind === 'fine_substitute' && committedAsMinor(s, ctx)) {
      excludedFines.push(s);
      continue;
    }
    if (s.kind === 'prison') {
      const days = lengthInDays(s.termDays, s.termMonths, cursor, `sentence ${s.id}`);
      prisonDays += days;
      cursor += days;
    } else if (s.kind === 'fine_substitute') {
      const days = lengthInDays(s.substituteDays, s.substituteMonths, cursor, `sentence ${s.id}`);
      fines.push({ id: s.id, days });
      cursor += days;
    } else continue;
    ids.push(s.id);
    for (const g of s.offenceGroups ?? []) groups.add(g);
  }
  if (ids.length === 0) return { term: null, excludedFines };
  const fineDays = fines.reduce((sum, f) => sum + f.days, 0);
  return {
    term: {
      sentenceIds: ids,
      prisonDays,
      fineDays,
      fines,
      days: prisonDays + fineDays,
      credit,
      groups,
      timeline,
      refDay,
    },
    excludedFines,
  };
}

/** The day on which `n` days of the term are served, remand credit counted as served. */
export function reached(term: Term, n: number): Day | null {
  return servedOn(term.timeline, n - term.credit);
}

export function combinedTermValue(term: Term): DaysValue {
  const parts = `${term.prisonDays} dager fengsel${term.fineDays ? ` og ${term.fineDays} dager forvandlingsstraff` : ''}`;
  const partsEn = `${term.prisonDays} days of prison${term.fineDays ? ` and ${term.fineDays} days of substitute prison for fines` : ''}`;
  return {
    days: term.days,
    ...grounded(
      'term.combined',
      `Samlet straffetid ${term.days} dager (${parts}) fra ${term.sentenceIds.length} dom(mer), lagt sammen og gjennomført i sammenheng.`,
      `Combined term ${term.days} days (${partsEn}) from ${term.sentenceIds.length} sentence(s), added up and served as one.`,
    ),
  };
}

export function termEnd(term: Term, ctx: Context): { day: Day | null; item: KeyDate } {
  const day = reached(term, term.days);
  const why: Grounded =
    term.credit >= term.days
      ? grounded(
          'term.served_by_remand',
          `Varetektsfradraget på ${term.credit} dager dekker hele straffetiden på ${term.days} dager; straffen anses utholdt og domfelte løslates ved start ${iso(day)}.`,
          `The remand credit of ${term.credit} days covers the whole term of ${term.days} days; the sentence counts as served and the person is released at the start, ${iso(day)}.`,
        )
      : grounded(
          'term.end',
          `Endt tid ${iso(day)}: ${term.days} dager straffetid minus ${term.credit} dager varetektsfradrag gir ${term.days - term.credit} dager fra start ${iso(term.timeline.start)}, pluss ${term.timeline.absenceDays} dager fravær som ikke regnes med.`,
          `End of term ${iso(day)}: ${term.days} days minus ${term.credit} days of remand credit leaves ${term.days - term.credit} days from the start on ${iso(term.timeline.start)}, plus ${term.timeline.absenceDays} days of absence that do not count.`,
        );
  return { day, item: keyDate(ctx, 'term_end', term.sentenceIds, day, why) };
}

/** "Up to m months" measured on the calendar from the reference day. */
export function withinMonths(term: Term, months: number): boolean {
  return term.days <= monthsInDays(term.refDay, months);
}
