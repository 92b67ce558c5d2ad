// The shape of what goes into the engine and what comes out. Dates are 'YYYY-MM-DD'; timestamps are
// ISO 8601 date-times ('2024-03-01T14:30:00+01:00'; without an offset they are read as UTC).

import type { OffenceGroup } from './offences.ts';
import type { RuleId } from './rules.ts';

export type SentenceKind =
  | 'prison'
  | 'community'
  | 'fine_substitute'
  | 'preventive_detention'
  | 'youth'
  | 'remand';

export interface SentenceInput {
  id: string;
  kind: SentenceKind;
  /** For the under-18 rules that look at the age when the offence was committed. */
  offenceDate?: string;
  offenceGroups?: readonly OffenceGroup[];
  /** Unconditional prison term: days (up to 120 days) or months (years × 12), STRL § 31 tredje ledd. */
  termDays?: number;
  termMonths?: number;
  /** Preventive detention (STRL § 43): minimum term and frame, in days or months. */
  minimumTermDays?: number;
  minimumTermMonths?: number;
  frameDays?: number;
  frameMonths?: number;
  /** Community sentence (STRL § 49): hours of work or programme. */
  hours?: number;
  /** Substitute prison term: of a community or youth sentence, or for an unpaid fine (STRL §§ 49, 52 b, 55). */
  substituteDays?: number;
  substituteMonths?: number;
  /** Execution period of a community or youth sentence (STRL §§ 49 c, 52 b a); defaults to the substitute term. */
  executionPeriodDays?: number;
  /** Remand credit as fixed in the judgment (STRL § 83 annet ledd tredje punktum); do not also list that custody in remandPeriods. */
  remandCreditDays?: number;
}

export interface IsolationPeriod {
  from: string;
  to: string;
}

/** Custody in connection with the case, from arrest to release (or to the start of execution). */
export interface RemandPeriod {
  arrestedAt: string;
  /** Null while still in custody: counted up to the start of the as-of date. */
  releasedAt: string | null;
  /** Periods of full isolation (STRL § 83 annet ledd annet punktum). */
  isolation?: readonly IsolationPeriod[];
}

export type ExecutionEventType =
  | 'execution_start'
  | 'escape'
  | 'return'
  | 'interruption_start'
  | 'interruption_end'
  | 'remand_other_case_start'
  | 'remand_other_case_end';

export interface ExecutionEvent {
  type: ExecutionEventType;
  date: string;
}

export interface LeaveInput {
  /** Days of ordinary leave used in the current quota year. */
  daysTaken: number;
  /** The quota year runs from the first ordinary leave (FOR § 3-30 annet ledd). */
  firstOrdinaryLeaveOn?: string | null;
  /** Special reasons for a quota of up to 30 days, for example to keep contact with children. */
  specialReasons?: boolean;
}

export interface KeyDatesInput {
  asOf: string;
  birthDate?: string | null;
  sentences: readonly SentenceInput[];
  remandPeriods?: readonly RemandPeriod[];
  /** Start of execution, escapes and returns, interruptions, remand in another case. */
  events?: readonly ExecutionEvent[];
  leave?: LeaveInput | null;
}

export interface Explanation {
  nb: string;
  en: string;
}

/** What every computed value carries: the named rule, the law it rests on, and a sentence on how. */
export interface Grounded {
  rule: RuleId;
  legalRef: string;
  explanation: Explanation;
}

export interface DaysValue extends Grounded {
  days: number;
}

export type Eligibility =
  | { status: 'eligible'; since: string | null }
  | { status: 'not_yet'; from: string | null }
  | { status: 'not_applicable'; reason: Explanation };

export type KeyDateKey =
  | 'remand_placement'
  | 'term_end'
  | 'parole'
  | 'parole_half'
  | 'ordinary_leave'
  | 'day_release'
  | 'em_front_end'
  | 'em_back_end'
  | 'outside_prison_half'
  | 'direct_lower_security'
  | 'direct_halfway_house'
  | 'lower_security_review'
  | 'halfway_house'
  | 'preventive_minimum_end'
  | 'preventive_frame_end'
  | 'community_hours'
  | 'community_substitute'
  | 'community_period_end'
  | 'youth_substitute'
  | 'youth_period_end'
  | 'fine_service'
  | 'crisis_early_release'
  | 'crisis_em';

export interface KeyDate extends Grounded {
  key: KeyDateKey;
  sentenceIds: string[];
  date: string | null;
  eligibility: Eligibility;
  /** Hours or days where the key is a quantity (community hours, substitute days). */
  value?: number;
}

export interface RemandPeriodCredit {
  arrestedAt: string;
  releasedAt: string | null;
  baseDays: number;
  isolationDays: number;
}

export interface RemandCredit extends DaysValue {
  baseDays: number;
  isolationDays: number;
  fromJudgmentDays: number;
  periods: RemandPeriodCredit[];
}

export interface LeaveQuota extends Grounded {
  quotaDays: number;
  usedDays: number;
  leftDays: number;
  periodFrom: string | null;
  periodTo: string | null;
}

export interface KeyDatesResult {
  asOf: string;
  /** The determinate custodial term: prison and fine substitutes added into one (FOR § 3-2). */
  combinedTerm: DaysValue | null;
  remandCredit: RemandCredit;
  /** Days that do not count as served: escapes, interruptions, remand in another case (FOR § 3-3). */
  absence: DaysValue;
  executionStart: string | null;
  /** Execution days served up to and including the as-of date, remand credit included. */
  servedDays: number | null;
  /** The last day of the full term (endt tid), or null when there is none. */
  expectedEnd: string | null;
  keyDates: KeyDate[];
  leaveQuota: LeaveQuota | null;
  warnings: Grounded[];
}
