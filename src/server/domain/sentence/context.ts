// What every handler needs: the as-of date, the parameter table, the birth date; and the small
// helpers that attach a rule, its legal reference and an explanation to a value.

import { type ParameterKey, type ParameterRow, parameter } from '../parameters.ts';
import { ageOn, type Day, fromDay, toDay } from './days.ts';
import { RULES, type RuleId } from './rules.ts';
import type { Eligibility, Grounded, KeyDate, KeyDateKey } from './types.ts';

export interface Context {
  asOf: Day;
  asOfIso: string;
  table: readonly ParameterRow[];
  birth: Day | null;
}

export function makeContext(
  asOf: string,
  birthDate: string | null | undefined,
  table: readonly ParameterRow[],
): Context {
  return { asOf: toDay(asOf), asOfIso: asOf, table, birth: birthDate ? toDay(birthDate) : null };
}

/** The parameter valid on `on` (the as-of date unless a rule depends on the day it is applied). */
export function param(ctx: Context, key: ParameterKey, on?: Day): ParameterRow {
  return parameter(key, on === undefined ? ctx.asOfIso : fromDay(on), ctx.table);
}

export function value(ctx: Context, key: ParameterKey, on?: Day): number {
  return param(ctx, key, on).value;
}

export function isMinorOn(ctx: Context, on: Day): boolean {
  return ctx.birth !== null && ageOn(ctx.birth, on) < value(ctx, 'age.minorBelow');
}

export function grounded(rule: RuleId, nb: string, en: string): Grounded {
  return { rule, legalRef: RULES[rule], explanation: { nb, en } };
}

export function iso(day: Day | null): string {
  return day === null ? '–' : fromDay(day);
}

/** Eligible from `day` on; not yet before it; a null day means the date is not known yet. */
export function eligibilityOn(ctx: Context, day: Day | null): Eligibility {
  if (day === null) return { status: 'not_yet', from: null };
  return day <= ctx.asOf
    ? { status: 'eligible', since: fromDay(day) }
    : { status: 'not_yet', from: fromDay(day) };
}

export function keyDate(
  ctx: Context,
  key: KeyDateKey,
  sentenceIds: string[],
  day: Day | null,
  why: Grounded,
  value?: number,
): KeyDate {
  const item: KeyDate = {
    key,
    sentenceIds,
    date: day === null ? null : fromDay(day),
    eligibility: eligibilityOn(ctx, day),
    ...why,
  };
  if (value !== undefined) item.value = value;
  return item;
}

export function notApplicable(key: KeyDateKey, sentenceIds: string[], why: Grounded): KeyDate {
  return {
    key,
    sentenceIds,
    date: null,
    eligibility: { status: 'not_applicable', reason: why.explanation },
    ...why,
  };
}

/** A value that holds from admission (placement decisions): eligible once execution has started. */
export function fromStart(
  ctx: Context,
  key: KeyDateKey,
  sentenceIds: string[],
  start: Day | null,
  why: Grounded,
): KeyDate {
  const item = keyDate(ctx, key, sentenceIds, start, why);
  if (start === null) item.eligibility = { status: 'eligible', since: null };
  return item;
}
