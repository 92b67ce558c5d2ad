import { addDays, ageOn, daysBetween } from './calendar.ts';
import { parameter } from './parameters.ts';

export type AgeGroup = 'under18' | 'under23' | 'adult';

/** Under-18s and under-23s come first in the queue; the age counts on the day asked about. */
export function ageGroup(birthDate: string, onDate: string): AgeGroup {
  const age = ageOn(birthDate, onDate);
  if (age < parameter('age.minorBelow', onDate).value) return 'under18';
  if (age < parameter('age.youngAdultBelow', onDate).value) return 'under23';
  return 'adult';
}

export const AGE_GROUP_RANK: Record<AgeGroup, number> = { under18: 0, under23: 1, adult: 2 };

/** The earliest appearance date a summons sent on `sentOn` may give. */
export function earliestAppearance(sentOn: string): string {
  return addDays(sentOn, parameter('summons.minimumNoticeDays', sentOn).value);
}

export type SummonsCheck = { ok: true } | { ok: false; earliest: string };

export function checkSummonsNotice(sentOn: string, appearanceDate: string): SummonsCheck {
  const earliest = earliestAppearance(sentOn);
  return appearanceDate >= earliest ? { ok: true } : { ok: false, earliest };
}

export function daysWaiting(orderDate: string, today: string): number {
  return Math.max(0, daysBetween(orderDate, today));
}
