import type { NeedArea as ReferralArea } from './activities.ts';
import { addDays, daysBetween } from './calendar.ts';
import type { NeedArea } from './risk.ts';

// The plan's goals meet the activities and the partners (seed 003, "Targeted interdisciplinary
// cooperation": «Our work is interdisciplinary and coordinated to ensure meaningful content and
// progression»; «We develop measures in cooperation with other actors in the criminal justice chain
// and welfare agencies»), and the plans a unit leader checks: those due for review («We create an
// individual plan for executing the sentence in cooperation with the convicted person»; reviewed
// every three months) and the inmates assessed but still without a plan. Pure rules: the date is
// always an argument.

export const PLAN_LINKS_SOURCE =
  'Seed 003, Targeted interdisciplinary cooperation: «We develop measures in cooperation with other actors in the criminal justice chain and welfare agencies»';

/**
 * The area a referral to a partner is filed under for a goal of the plan. The plan speaks of the
 * assessment's needs, the partners of the release checklist's areas: work and income are one area
 * there, finances are the debts, family and children belong with the network.
 */
const REFERRAL_AREA: Record<NeedArea, ReferralArea> = {
  housing: 'housing',
  education: 'education',
  work: 'income_work',
  finances: 'debt',
  health: 'health',
  substance_use: 'substance_use',
  network: 'network',
  family_children: 'network',
};

export function referralAreaFor(area: NeedArea): ReferralArea {
  return REFERRAL_AREA[area];
}

export type ReviewState = 'overdue' | 'due' | 'later' | 'none';

/**
 * Where a plan stands with its review as of a day: overdue when the date has passed, due when it
 * falls within the coming days (today included), later beyond that, none when no review is set
 * (a plan not yet agreed).
 */
export function reviewState(nextReviewDate: string | null, today: string, withinDays: number): ReviewState {
  if (nextReviewDate === null) return 'none';
  if (nextReviewDate < today) return 'overdue';
  if (nextReviewDate <= addDays(today, withinDays)) return 'due';
  return 'later';
}

/** Days since the intake, counted from the day of admission (0 on that day, never negative). */
export function daysSinceIntake(intakeDate: string, today: string): number {
  return Math.max(0, daysBetween(intakeDate, today));
}
