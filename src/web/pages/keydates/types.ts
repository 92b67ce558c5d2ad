// Types of the key-dates part of the API v1 contract (docs/API.md, "Key dates (sentence engine)").
// Keep in step with the contract, not with the server's code.

import type { Page, Ref, SentenceKind } from '../../types.ts';

export type Explanation = { nb: string; en: string };

/** What every computed value carries: a stable rule id, the law it rests on, and how it was found. */
export type Grounded = { rule: string; legalRef: string; explanation: Explanation };

export type DaysValue = Grounded & { days: number };

export const KEY_DATE_KEYS = [
  'remand_placement',
  'term_end',
  'parole',
  'parole_half',
  'ordinary_leave',
  'day_release',
  'em_front_end',
  'em_back_end',
  'outside_prison_half',
  'direct_lower_security',
  'direct_halfway_house',
  'lower_security_review',
  'halfway_house',
  'preventive_minimum_end',
  'preventive_frame_end',
  'community_hours',
  'community_substitute',
  'community_period_end',
  'youth_substitute',
  'youth_period_end',
  'fine_service',
  'crisis_early_release',
  'crisis_em',
] as const;
export type KeyDateKey = (typeof KEY_DATE_KEYS)[number];

export const OFFENCE_GROUPS = [
  'terror',
  'sexual',
  'murder',
  'domestic_violence',
  'serious_violence',
  'violence_close_relation',
  'other',
] as const;
export type OffenceGroup = (typeof OFFENCE_GROUPS)[number];

export const EVENT_TYPES = [
  'execution_start',
  'escape',
  'return',
  'interruption_start',
  'interruption_end',
  'remand_other_case_start',
  'remand_other_case_end',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const ELIGIBILITY_KINDS = [
  'leave',
  'day_release',
  'em',
  'halfway_house',
  'lower_security',
  'parole',
] as const;
export type EligibilityKind = (typeof ELIGIBILITY_KINDS)[number];

export type Eligibility =
  | { status: 'eligible'; since: string | null }
  | { status: 'not_yet'; from: string | null }
  | { status: 'not_applicable'; reason: Explanation };

export type KeyDate = Grounded & {
  // A string, not KeyDateKey: a key the UI does not know yet is shown as it comes.
  key: string;
  sentenceIds: string[];
  date: string | null;
  eligibility: Eligibility;
  /** Hours or days where the key is a quantity (community hours, substitute days). */
  value?: number;
};

export type SentenceInput = {
  id: string;
  kind: SentenceKind;
  termDays?: number;
  termMonths?: number;
  minimumTermDays?: number;
  minimumTermMonths?: number;
  frameDays?: number;
  frameMonths?: number;
  hours?: number;
  substituteDays?: number;
  substituteMonths?: number;
  offenceGroups?: OffenceGroup[];
  offenceDate?: string;
  remandCreditDays?: number;
};

export type RemandPeriodInput = {
  arrestedAt: string;
  releasedAt: string | null;
  isolation?: { from: string; to: string }[];
};

export type KeyDatesInput = {
  asOf: string;
  birthDate?: string | null;
  sentences: SentenceInput[];
  remandPeriods?: RemandPeriodInput[];
  events?: { type: EventType; date: string }[];
  leave?: { daysTaken: number; firstOrdinaryLeaveOn?: string | null; specialReasons?: boolean } | null;
};

export type RemandCredit = DaysValue & {
  baseDays: number;
  isolationDays: number;
  fromJudgmentDays: number;
  periods: { arrestedAt: string; releasedAt: string | null; baseDays: number; isolationDays: number }[];
};

export type LeaveQuota = Grounded & {
  quotaDays: number;
  usedDays: number;
  leftDays: number;
  periodFrom: string | null;
  periodTo: string | null;
};

export type KeyDatesResult = {
  asOf: string;
  combinedTerm: DaysValue | null;
  remandCredit: RemandCredit;
  absence: DaysValue;
  executionStart: string | null;
  servedDays: number | null;
  expectedEnd: string | null;
  keyDates: KeyDate[];
  leaveQuota: LeaveQuota | null;
  warnings: Grounded[];
};

export type PersonKeyDates = {
  personId: string;
  computedAt: string;
  input: KeyDatesInput;
  result: KeyDatesResult;
};

export type KeyDateChange = { key: string; rule: string; before: string | null; after: string | null };

export type KeyDatesPreview = { before: KeyDatesResult; after: KeyDatesResult; changes: KeyDateChange[] };

export type EligibilityItem = {
  person: { id: string; givenName: string; familyName: string };
  facility: Ref | null;
  key: string;
  rule: string;
  date: string | null;
  status: 'eligible' | 'not_yet';
};

export type EligibilityPage = Page<EligibilityItem>;

export type CrisisStatus = 'eligible' | 'due' | 'not_applicable';

export type CrisisItem = {
  person: { id: string; givenName: string; familyName: string; birthDate: string };
  facility: Ref | null;
  key: string;
  rule: string;
  legalRef: string;
  status: CrisisStatus;
  date: string | null;
  explanation: Explanation;
};

export type CrisisList = { from: string; to: string; asOf: string; withinDays: number; items: CrisisItem[] };

export type Recalculation = { persons: number; failed: number; seconds: number };
