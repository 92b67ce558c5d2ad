import { addDays, ageOn, daysBetween } from './calendar.ts';

// Everyday life, cooperation and the way out (seed 003, strategic area 1): "an active everyday
// life that prevents isolation", "targeted interdisciplinary cooperation", "a predictable and
// safe transition to society", and the service "leading research on recidivism". Pure rules: the
// date is always an argument.

export const ACTIVITY_KINDS = ['work', 'school', 'programme', 'leisure', 'ngo'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const CHECKLIST_AREAS = ['housing', 'income_work', 'health', 'debt', 'id_papers', 'network'] as const;
export type ChecklistArea = (typeof CHECKLIST_AREAS)[number];

export const NEED_AREAS = [...CHECKLIST_AREAS, 'education', 'substance_use'] as const;
export type NeedArea = (typeof NEED_AREAS)[number];

export const ITEM_STATUSES = ['open', 'in_progress', 'done', 'not_needed'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const PARTNER_KINDS = ['nav', 'health', 'municipality', 'school', 'ngo', 'user_organisation'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const REFERRAL_STATUSES = ['sent', 'received', 'accepted', 'declined', 'done'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Days without activity before an inmate is flagged, unless the facility or the nation sets another. */
export const DEFAULT_INACTIVE_DAYS = 14;
/** A release checklist is made for every inmate whose release is this many days away or less. */
export const CHECKLIST_HORIZON_DAYS = 90;
/** Items still open this close to release are flagged. */
export const CHECKLIST_WARN_DAYS = 14;
/** Return to the service counted within this many years of release. */
export const RECIDIVISM_YEARS = 2;

/** A new enrolment takes a place while one is free; otherwise it joins the waiting list. */
export function enrolmentOutcome(places: number, enrolled: number): 'enrolled' | 'waiting' {
  return enrolled < places ? 'enrolled' : 'waiting';
}

export interface ActivityHistory {
  /** The day the current stay in prison began. */
  placedFrom: string;
  /** Whether the person holds a place in an activity today. */
  enrolledNow: boolean;
  /** The last day the person was in an activity (an enrolment's end), if ever. */
  lastActivityEnd: string | null;
}

/**
 * Days without any activity: none while enrolled; otherwise counted from the end of the last
 * activity, or from the start of the stay when there was none during it.
 */
export function inactiveDays(h: ActivityHistory, today: string): number {
  if (h.enrolledNow) return 0;
  const since =
    h.lastActivityEnd !== null && h.lastActivityEnd > h.placedFrom ? h.lastActivityEnd : h.placedFrom;
  return Math.max(0, daysBetween(since, today));
}

/** Flagged when the days without activity reach the threshold in force for the facility. */
export function isInactive(h: ActivityHistory, today: string, thresholdDays: number): boolean {
  return inactiveDays(h, today) >= thresholdDays;
}

/** The facility's own threshold wins over the national one, which wins over the default. */
export function thresholdFor(facilityDays: number | null, nationalDays: number | null): number {
  return facilityDays ?? nationalDays ?? DEFAULT_INACTIVE_DAYS;
}

const REFERRAL_NEXT: Record<ReferralStatus, readonly ReferralStatus[]> = {
  sent: ['received', 'accepted', 'declined'],
  received: ['accepted', 'declined'],
  accepted: ['done'],
  declined: [],
  done: [],
};

/** A referral moves forward only: sent → received → accepted or declined; accepted → done. */
export function referralTransitionAllowed(from: ReferralStatus, to: ReferralStatus): boolean {
  return REFERRAL_NEXT[from].includes(to);
}

/** An answer from the partner is required when it accepts or declines. */
export function referralNeedsAnswer(to: ReferralStatus): boolean {
  return to === 'accepted' || to === 'declined';
}

/** Whether a release date is close enough for the checklist to be made. */
export function checklistDue(
  releaseDate: string,
  today: string,
  horizonDays = CHECKLIST_HORIZON_DAYS,
): boolean {
  return releaseDate >= today && releaseDate <= addDays(today, horizonDays);
}

export function itemSettled(status: ItemStatus): boolean {
  return status === 'done' || status === 'not_needed';
}

export type ItemFlag = 'open_near_release' | 'released_open' | 'overdue' | null;

/**
 * What an item needs attention for: still open after release ("released into nothing"), open
 * within the warning days before release, or past its own due date.
 */
export function itemFlag(
  item: { status: ItemStatus; dueDate: string | null },
  releaseDate: string,
  today: string,
  warnDays = CHECKLIST_WARN_DAYS,
): ItemFlag {
  if (itemSettled(item.status)) return null;
  if (releaseDate <= today) return 'released_open';
  if (daysBetween(today, releaseDate) <= warnDays) return 'open_near_release';
  if (item.dueDate !== null && item.dueDate < today) return 'overdue';
  return null;
}

/** Share in per cent with one decimal, or null when there is nothing to share. */
export function share(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

export const AGE_GROUPS = ['under_25', '25_34', '35_49', '50_plus'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export function ageGroup(birthDate: string, on: string): AgeGroup {
  return ageGroupOf(ageOn(birthDate, on));
}

/** The age group of an age in whole years. */
export function ageGroupOf(age: number): AgeGroup {
  if (age < 25) return 'under_25';
  if (age < 35) return '25_34';
  if (age < 50) return '35_49';
  return '50_plus';
}

export const LENGTH_BANDS = ['under_3m', '3_12m', '1_3y', '3y_plus', 'unknown'] as const;
export type LengthBand = (typeof LENGTH_BANDS)[number];

/** The sentence length in bands the statistics use (days as the judgment states them). */
export function lengthBand(termDays: number | null): LengthBand {
  if (termDays === null || termDays <= 0) return 'unknown';
  if (termDays < 90) return 'under_3m';
  if (termDays < 365) return '3_12m';
  if (termDays < 3 * 365) return '1_3y';
  return '3y_plus';
}

/** The day the follow-up window after a release closes. */
export function followUpEnd(releaseDate: string, years = RECIDIVISM_YEARS): string {
  const [y, m, d] = releaseDate.split('-').map(Number) as [number, number, number];
  // 29 February runs to 28 February.
  const target = `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return m === 2 && d === 29 ? addDays(`${String(y + years).padStart(4, '0')}-03-01`, -1) : target;
}

/**
 * Return to the service after a release: a new judgment after the release day and within the
 * window counts; a release whose window has not yet closed without one is not yet followed up.
 */
export function recidivism(
  releaseDate: string,
  laterJudgmentDates: readonly string[],
  today: string,
  years = RECIDIVISM_YEARS,
): 'returned' | 'not_returned' | 'not_followed_up' {
  const end = followUpEnd(releaseDate, years);
  if (laterJudgmentDates.some((d) => d > releaseDate && d <= end && d <= today)) return 'returned';
  return end <= today ? 'not_returned' : 'not_followed_up';
}
