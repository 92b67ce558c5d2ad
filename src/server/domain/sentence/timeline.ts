// The execution timeline: when execution started and the absences that do not count as served
// (FOR § 3-3: interruption under SGL § 35, escape or failure to return, remand in another case).
// An absence runs from the day the person left (not served) to the day of return (served again),
// so it pushes every later date by (return − departure) days.

import { type Context, grounded, iso } from './context.ts';
import { type Day, toDay } from './days.ts';
import type { ExecutionEvent, Grounded, RemandPeriod } from './types.ts';

export type AbsenceKind = 'escape' | 'interruption' | 'remand_other_case';

export interface Absence {
  kind: AbsenceKind;
  from: Day;
  to: Day;
  days: number;
  ongoing: boolean;
}

export interface Timeline {
  start: Day | null;
  absences: Absence[];
  absenceDays: number;
  /** Start of the current unbroken deprivation of liberty (remand running into execution counts). */
  continuityFrom: Day | null;
}

const OPENS: Partial<Record<ExecutionEvent['type'], AbsenceKind>> = {
  escape: 'escape',
  interruption_start: 'interruption',
  remand_other_case_start: 'remand_other_case',
};
const CLOSES: Partial<Record<ExecutionEvent['type'], AbsenceKind>> = {
  return: 'escape',
  interruption_end: 'interruption',
  remand_other_case_end: 'remand_other_case',
};

function pairAbsences(events: readonly ExecutionEvent[], ctx: Context): Absence[] {
  const open = new Map<AbsenceKind, Day>();
  const absences: Absence[] = [];
  const sorted = [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const event of sorted) {
    const opens = OPENS[event.type];
    const closes = CLOSES[event.type];
    if (opens) open.set(opens, toDay(event.date));
    if (closes) {
      const from = open.get(closes);
      if (from === undefined) throw new RangeError(`${event.type} on ${event.date} without a start`);
      const to = toDay(event.date);
      absences.push({ kind: closes, from, to, days: to - from, ongoing: false });
      open.delete(closes);
    }
  }
  // Still away on the as-of date: count through that day; every further day pushes the dates on.
  for (const [kind, from] of open) {
    const to = Math.max(from, ctx.asOf) + 1;
    absences.push({ kind, from, to, days: to - from, ongoing: true });
  }
  return absences.sort((a, b) => a.from - b.from);
}

function remandChainStart(periods: readonly RemandPeriod[], start: Day, ctx: Context): Day {
  const spans = periods
    .map((p) => ({
      from: toDay(p.arrestedAt.slice(0, 10)),
      to: p.releasedAt === null ? ctx.asOf : toDay(p.releasedAt.slice(0, 10)),
    }))
    .sort((a, b) => b.from - a.from);
  let from = start;
  for (const span of spans) {
    // Custody that ended the day before (or on the day) the unbroken period began continues it.
    if (span.from <= from && span.to >= from - 1) from = span.from;
  }
  return from;
}

export function buildTimeline(
  events: readonly ExecutionEvent[],
  remandPeriods: readonly RemandPeriod[],
  ctx: Context,
): { timeline: Timeline; warnings: Grounded[] } {
  const startEvent = events.find((e) => e.type === 'execution_start');
  const start = startEvent ? toDay(startEvent.date) : null;
  const absences = start === null ? [] : pairAbsences(events, ctx).filter((a) => a.from >= start);
  const absenceDays = absences.reduce((sum, a) => sum + a.days, 0);
  let continuityFrom = start === null ? null : remandChainStart(remandPeriods, start, ctx);
  for (const a of absences) {
    // Escape and interruption end the unbroken deprivation of liberty; remand in another case does not.
    if (a.kind !== 'remand_other_case' && continuityFrom !== null)
      continuityFrom = Math.max(continuityFrom, a.to);
  }
  const warnings = absences
    .filter((a) => a.ongoing)
    .map((a) =>
      grounded(
        'validation.absence_ongoing',
        `Fravær (${a.kind}) siden ${iso(a.from)} er regnet til og med ${iso(ctx.asOf)}; datoene flyttes én dag for hver dag til.`,
        `Absence (${a.kind}) since ${iso(a.from)} is counted through ${iso(ctx.asOf)}; the dates move one day for each further day.`,
      ),
    );
  return { timeline: { start, absences, absenceDays, continuityFrom }, warnings };
}

/** The day on which the n-th execution day is served; at or before the start when n ≤ 1. */
export function servedOn(timeline: Timeline, n: number): Day | null {
  if (timeline.start === null) return null;
  let day = timeline.start + Math.max(n, 1) - 1;
  for (const a of timeline.absences) if (a.from <= day) day += a.days;
  return day;
}

/** Execution days served from the start up to and including `day`. */
export function executionDaysBy(timeline: Timeline, day: Day): number {
  if (timeline.start === null || day < timeline.start) return 0;
  let served = day - timeline.start + 1;
  for (const a of timeline.absences) {
    const overlap = Math.min(a.to, day + 1) - Math.max(a.from, timeline.start);
    if (overlap > 0) served -= overlap;
  }
  return served;
}
