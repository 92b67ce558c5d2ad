// Health status, the one-department rule for staff, and the ranking of traced contacts (seed 000).
// Pure: no I/O and no clock, the date is an argument. Only a status and its dates are known here,
// never a diagnosis.

import { addDays } from './calendar.ts';

export const HEALTH_STATUSES = ['suspected', 'confirmed', 'quarantine', 'isolation'] as const;
export type HealthStatusKind = (typeof HEALTH_STATUSES)[number];

/** A case that tracing starts from and a quarantine may be traced from. */
export const CASE_STATUSES: readonly HealthStatusKind[] = ['suspected', 'confirmed'];
/** Statuses that already keep a person apart: quarantine in one step skips them. */
export const SEPARATING_STATUSES: readonly HealthStatusKind[] = ['quarantine', 'isolation'];

/** A status period: from_date through to_date, both days included; no to_date is open-ended. */
export interface StatusPeriod {
  id?: string;
  status: HealthStatusKind;
  fromDate: string;
  toDate: string | null;
}

/** Open on the date: begun, and not ended before it (the end date itself still counts). */
export function isOpenOn(period: StatusPeriod, date: string): boolean {
  return period.fromDate <= date && (period.toDate === null || date <= period.toDate);
}

/** The statuses open on a date. */
export function openOn<T extends StatusPeriod>(periods: readonly T[], date: string): T[] {
  return periods.filter((p) => isOpenOn(p, date));
}

/** Two periods share at least one day. */
export function periodsOverlap(a: StatusPeriod, b: StatusPeriod): boolean {
  const aEnd = a.toDate ?? '9999-12-31';
  const bEnd = b.toDate ?? '9999-12-31';
  return a.fromDate <= bEnd && b.fromDate <= aEnd;
}

export type StatusProblemCode =
  | 'health_to_before_from'
  | 'health_overlap'
  | 'health_before_case'
  | 'health_traced_from_invalid';

/**
 * Checks a new status against the subject's other statuses and, for a traced quarantine, the case
 * it was traced from. The codes are message codes, by field.
 */
export function validateStatus(
  input: StatusPeriod,
  existing: readonly StatusPeriod[],
  tracedFrom: StatusPeriod | null = null,
): { path: string; code: StatusProblemCode }[] {
  const out: { path: string; code: StatusProblemCode }[] = [];
  if (input.toDate !== null && input.toDate < input.fromDate)
    out.push({ path: 'toDate', code: 'health_to_before_from' });
  else if (existing.some((e) => e.status === input.status && e.id !== input.id && periodsOverlap(e, input)))
    out.push({ path: 'fromDate', code: 'health_overlap' });
  if (tracedFrom) {
    if (!CASE_STATUSES.includes(tracedFrom.status) || input.status !== 'quarantine')
      out.push({ path: 'tracedFromId', code: 'health_traced_from_invalid' });
    else if (input.fromDate < tracedFrom.fromDate) out.push({ path: 'fromDate', code: 'health_before_case' });
  }
  return out;
}

/** Whether a subject is already kept apart on the date: an open quarantine or isolation. */
export function alreadySeparated(periods: readonly StatusPeriod[], date: string): StatusPeriod | null {
  return periods.find((p) => SEPARATING_STATUSES.includes(p.status) && isOpenOn(p, date)) ?? null;
}

// ------------------------------------------------------------------ the one-department rule

/**
 * Seed 000: "Staff members shall to the extent possible work in only one unit/department." and
 * "Staff members shall not work in different geographical locations." A shift is compared with the
 * staff member's other shifts from 14 days before to 14 days after it, the same day included: 14
 * days is the quarantine period of the national guidelines, and the window looks both ways because
 * rosters are not always entered in date order (next week may be planned before this one).
 */
export const ONE_DEPARTMENT_WINDOW_DAYS = 14;

export interface RosterShift {
  departmentId: string;
  /** The facility the department belongs to: the geographical location. */
  facilityId: string;
  onDate: string;
}

export type RosterBreak = 'other_department' | 'other_location';

/** The rule this shift breaks against the staff member's other shifts in the window, if any. */
export function rosterBreak(
  shift: RosterShift,
  others: readonly RosterShift[],
  windowDays = ONE_DEPARTMENT_WINDOW_DAYS,
): RosterBreak | null {
  const from = addDays(shift.onDate, -windowDays);
  const to = addDays(shift.onDate, windowDays);
  const near = others.filter((o) => o.onDate >= from && o.onDate <= to);
  if (near.some((o) => o.facilityId !== shift.facilityId)) return 'other_location';
  if (near.some((o) => o.departmentId !== shift.departmentId)) return 'other_department';
  return null;
}

export type RosterLevel = 'flag' | 'refuse';

export type RosterDecision =
  | { action: 'save'; flag: null }
  | { action: 'flag'; flag: RosterBreak }
  | { action: 'refuse'; reason: RosterBreak };

/**
 * What to do with a break, given the level of the measure `staff_one_department` in force at the
 * facility (null when none is). Without the measure nothing is checked. A break across locations is
 * refused at either level: the seed's "shall not" has no "to the extent possible".
 */
export function rosterDecision(found: RosterBreak | null, level: RosterLevel | null): RosterDecision {
  if (level === null || found === null) return { action: 'save', flag: null };
  if (found === 'other_location' || level === 'refuse') return { action: 'refuse', reason: found };
  return { action: 'flag', flag: found };
}

// ------------------------------------------------------------------ contact tracing

export const CONTACT_KINDS = ['cell', 'shift', 'department', 'visit'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/**
 * How close a kind of contact is, highest first: sharing a cell; working the same shift in the
 * same department (staff with staff, or staff on the department where the inmate was); living or
 * working in the same department; sharing a visiting room at the same time.
 */
export const EXPOSURE_RANK: Record<ContactKind, number> = { cell: 4, shift: 3, department: 2, visit: 1 };

export const TRACING_DEFAULT_DAYS = 14;
export const TRACING_MAX_DAYS = 60;

/** The days looked back on: the N days before the case's from date, and that day itself. */
export function tracingWindow(caseFrom: string, days: number): { from: string; to: string } {
  return { from: addDays(caseFrom, -days), to: caseFrom };
}

export interface ContactEvidence {
  kind: ContactKind;
  /** Days with this kind of contact in the window. */
  days: number;
  lastDate: string;
}

export interface TracedContact {
  key: string;
  name: string;
  evidence: readonly ContactEvidence[];
  /** Distinct days with any kind of contact. */
  days: number;
  lastDate: string;
}

export interface RankedContact extends TracedContact {
  /** The closest kind of contact, which decides the rank. */
  exposure: ContactKind;
  kinds: ContactKind[];
}

/**
 * Orders traced contacts by exposure: the closest kind first, then more days of contact, then the
 * most recent contact, then by name (so the order is stable).
 */
export function rankContacts<T extends TracedContact>(contacts: readonly T[]): (T & RankedContact)[] {
  return contacts
    .map((c) => {
      const kinds = [...new Set(c.evidence.map((e) => e.kind))].sort(
        (a, b) => EXPOSURE_RANK[b] - EXPOSURE_RANK[a],
      );
      return { ...c, kinds, exposure: kinds[0] as ContactKind };
    })
    .sort(
      (a, b) =>
        EXPOSURE_RANK[b.exposure] - EXPOSURE_RANK[a.exposure] ||
        b.days - a.days ||
        b.lastDate.localeCompare(a.lastDate) ||
        a.name.localeCompare(b.name, 'nb') ||
        a.key.localeCompare(b.key),
    );
}
