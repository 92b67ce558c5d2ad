// Lists built on a result: which eligibilities fall due within N days of the as-of date ("eligible
// for leave within 30 days"), and for the crisis team which crisis releases fall due and why the
// others are excluded.

import { toDay } from './days.ts';
import type { Explanation, KeyDate, KeyDateKey, KeyDatesResult } from './types.ts';

export interface DueOptions {
  /** Only these keys; all when left out. */
  keys?: readonly KeyDateKey[];
  /** Also list what is already eligible on the as-of date. */
  includeEligible?: boolean;
  /** Also list what does not apply, with the reason (the crisis team's exclusions). */
  includeNotApplicable?: boolean;
}

export interface DueItem {
  key: KeyDateKey;
  rule: KeyDate['rule'];
  legalRef: string;
  sentenceIds: string[];
  status: 'due' | 'eligible' | 'not_applicable';
  date: string | null;
  /** Days from the as-of date to the date (0 on the day, negative when already passed). */
  inDays: number | null;
  explanation: Explanation;
}

/** Dates that are quantities (hours, substitute days) or deadlines are not eligibilities. */
const NOT_ELIGIBILITIES: ReadonlySet<KeyDateKey> = new Set([
  'remand_placement',
  'term_end',
  'preventive_frame_end',
  'community_hours',
  'community_substitute',
  'community_period_end',
  'youth_substitute',
  'youth_period_end',
  'fine_service',
]);

export function dueWithin(result: KeyDatesResult, days: number, options: DueOptions = {}): DueItem[] {
  const asOf = toDay(result.asOf);
  const wanted = options.keys ? new Set(options.keys) : null;
  const items: DueItem[] = [];
  for (const k of result.keyDates) {
    if (wanted ? !wanted.has(k.key) : NOT_ELIGIBILITIES.has(k.key)) continue;
    const inDays = k.date === null ? null : toDay(k.date) - asOf;
    const base = {
      key: k.key,
      rule: k.rule,
      legalRef: k.legalRef,
      sentenceIds: k.sentenceIds,
      date: k.date,
      inDays,
      explanation: k.explanation,
    };
    if (k.eligibility.status === 'not_applicable') {
      if (options.includeNotApplicable) items.push({ ...base, status: 'not_applicable' });
    } else if (k.eligibility.status === 'eligible') {
      if (options.includeEligible) items.push({ ...base, status: 'eligible' });
    } else if (inDays !== null && inDays <= days) {
      items.push({ ...base, status: 'due' });
    }
  }
  return items.sort(
    (a, b) => (a.inDays ?? Number.POSITIVE_INFINITY) - (b.inDays ?? Number.POSITIVE_INFINITY),
  );
}

/** The crisis team's list: early release and EM under the crisis rules due within N days, and why not. */
export function crisisList(result: KeyDatesResult, days: number): DueItem[] {
  return dueWithin(result, days, {
    keys: ['crisis_early_release', 'crisis_em'],
    includeEligible: true,
    includeNotApplicable: true,
  });
}

/** The key date of one kind (and sentence, when a person has several of that kind). */
export function findKeyDate(
  result: KeyDatesResult,
  key: KeyDateKey,
  sentenceId?: string,
): KeyDate | undefined {
  return result.keyDates.find(
    (k) => k.key === key && (sentenceId === undefined || k.sentenceIds.includes(sentenceId)),
  );
}
