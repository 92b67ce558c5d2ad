import type { ColumnType, Generated } from 'kysely';

// Dates are calendar dates, kept as 'YYYY-MM-DD' strings end to end (the pg date parser is set so).
type DateString = string;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OrgUnitTable {
  id: string;
  code: string;
  name: string;
  kind: 'directorate' | 'region' | 'unit';
  parent_id: string | null;
  valid_from: DateString;
  valid_to: DateString | null;
}

export type FacilityKind = 'prison_high' | 'prison_lower' | 'halfway_house' | 'probation_office';

export interface FacilityTable {
  id: string;
  code: string;
  name: string;
  kind: FacilityKind;
  municipality: string;
  valid_from: DateString;
  valid_to: DateString | null;
}

export interface FacilityMembershipTable {
  facility_id: string;
  org_unit_id: string;
  valid_from: DateString;
  valid_to: DateString | null;
}

export interface DepartmentTable {
  id: string;
  facility_id: string;
  code: string;
  name: string;
}

export interface CellTable {
  id: string;
  department_id: string;
  number: string;
}

export interface BedTable {
  id: string;
  cell_id: string;
  label: string;
}

export interface PersonTable {
  id: string;
  national_id: string;
  national_id_kind: 'fnr' | 'dnr' | 'synthetic';
  given_name: string;
  family_name: string;
  search_name: string;
  birth_date: DateString;
  gender: 'female' | 'male' | null;
  registered_facility_id: ColumnType<string | null, string | null | undefined, string | null>;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface JudgmentTable {
  id: string;
  person_id: string;
  case_number: string;
  court: string;
  judgment_date: DateString;
  offence: string;
  offence_groups: ColumnType<string[], string[] | undefined, string[]>;
}

export type SentenceKind =
  | 'prison'
  | 'community'
  | 'fine_substitute'
  | 'preventive_detention'
  | 'youth'
  | 'remand';
export type SentenceStatus =
  | 'queued'
  | 'summoned'
  | 'postponed'
  | 'admitted'
  | 'transferred'
  | 'interrupted'
  | 'released';
export type PostponementReason = 'pardon' | 'illness' | 'pregnancy' | 'infant' | 'other';

export interface SentenceTable {
  id: string;
  judgment_id: string;
  person_id: string;
  kind: SentenceKind;
  term_days: number | null;
  minimum_term_days: number | null;
  frame_days: number | null;
  hours: number | null;
  substitute_days: number | null;
  order_date: DateString | null;
  responsible_facility_id: string;
  status: SentenceStatus;
  summons_sent_on: DateString | null;
  appearance_date: DateString | null;
  appearance_facility_id: string | null;
  postponed_until: DateString | null;
  postponement_reason: PostponementReason | null;
  postponement_note: string | null;
  version: Generated<number>;
}

export interface SentenceEventTable {
  id: Generated<string>;
  sentence_id: string;
  status: SentenceStatus;
  on_date: DateString;
  reason: string | null;
  facility_id: string | null;
  user_id: string | null;
  created_at: Timestamp;
}

export interface PlacementTable {
  id: string;
  person_id: string;
  sentence_id: string | null;
  kind: 'cell' | 'em';
  facility_id: string;
  bed_id: string | null;
  from_date: DateString;
  to_date: DateString | null;
  move_reason: string | null;
  moved_by: string | null;
}

export interface AppUserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string[];
  scope_kind: 'national' | 'units' | 'facilities';
  scope_ids: string[];
  locale: Generated<'nb' | 'en'>;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface AuditEventTable {
  id: Generated<string>;
  at: Timestamp;
  user_id: string | null;
  username: string;
  role: string;
  action: string;
  person_id: string | null;
  purpose: string;
  details: unknown;
}

export interface AppMetaTable {
  key: string;
  value: string;
}

// Messages from the justice sector (002_integration).
export type ReceiptStatus =
  | 'UNDER_MOTTAK'
  | 'MOTTATT'
  | 'FEILET_AVSENDER_TEKNISK'
  | 'FEILET_AVSENDER_MANGLER'
  | 'FEILET_MOTTAKER';

export interface IntegrationMessageTable {
  id: string;
  message_key: string;
  message_id: string | null;
  contract_name: string;
  contract_version: string | null;
  channel: 'inbox' | 'manual' | 'folder';
  transport: 'jws' | 'json';
  key_id: string | null;
  sender_organization: string | null;
  sender_name: string | null;
  sender_org_number: string | null;
  sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  received_at: Timestamp;
  processed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  received_by: string;
  attempts: Generated<number>;
  status: ReceiptStatus;
  /** The receipt as sent (kvittering 1.0). */
  receipt: unknown;
  /** Field errors: { path, code, params }[]. */
  errors: ColumnType<unknown, string | undefined, string>;
  warnings: ColumnType<unknown, string | undefined, string>;
  payload: string;
  payload_sha256: string;
  case_number: string | null;
  person_id: string | null;
  judgment_id: string | null;
}

export interface JudgmentOffenceTable {
  id: string;
  judgment_id: string;
  message_id: string;
  position: number;
  basis_case_id: string | null;
  legal_reference: string;
  statute_id: string | null;
  description: string | null;
  max_penalty_months: number | null;
  police_case_number: string;
  statistics_group_code: string;
  statistics_group_name: string | null;
  crime_type_code: string | null;
  crime_type_name: string | null;
  details: unknown;
}

export type ReactionKind =
  | 'prison'
  | 'fine'
  | 'community'
  | 'youth'
  | 'loss_of_rights'
  | 'contact_ban'
  | 'driving_ban'
  | 'transport_ban'
  | 'confiscation'
  | 'other';

export interface JudgmentReactionTable {
  id: string;
  judgment_id: string;
  message_id: string;
  position: number;
  kind: ReactionKind;
  executed: boolean;
  sentence_id: string | null;
  term_days: number | null;
  conditional_days: number | null;
  probation_days: number | null;
  deduction_days: number | null;
  substitute_days: number | null;
  hours: number | null;
  /** bigint: the driver returns it as a string. */
  amount_nok: ColumnType<string | null, number | null, number | null>;
  electronic_control: Generated<boolean>;
  electronic_control_days: number | null;
  indefinite: Generated<boolean>;
  legal_basis: string | null;
  description: string | null;
  details: unknown;
}

export interface VictimTable {
  id: string;
  judgment_id: string;
  offence_id: string;
  message_ref: string;
  given_name: string;
  family_name: string;
  birth_date: DateString | null;
  gender: 'female' | 'male' | null;
  national_id: string | null;
  address_protection: 'KLIENT_ADRESSE' | 'FORTROLIG' | 'STRENGT_FORTROLIG' | null;
  address: unknown;
  guardians: ColumnType<unknown, string | undefined, string>;
}

export type ExecutionEventKind =
  | 'execution_start'
  | 'escape'
  | 'return'
  | 'interruption_start'
  | 'interruption_end'
  | 'remand_other_case_start'
  | 'remand_other_case_end';

export interface RemandPeriodTable {
  id: string;
  person_id: string;
  arrested_at: Timestamp;
  released_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

export interface IsolationPeriodTable {
  id: string;
  remand_period_id: string;
  from_date: DateString;
  to_date: DateString;
}

export interface ExecutionEventTable {
  id: string;
  person_id: string;
  sentence_id: string | null;
  kind: ExecutionEventKind;
  on_date: DateString;
  note: string | null;
  user_id: string | null;
  created_at: Timestamp;
}

export interface LeaveRecordTable {
  id: string;
  person_id: string;
  kind: 'ordinary' | 'welfare';
  from_date: DateString;
  to_date: DateString;
  days: number;
  /** The granted leave application this record comes from (migration 010), if any. */
  application_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CalculationTable {
  person_id: string;
  computed_at: Timestamp;
  as_of: DateString;
  result: unknown;
  error: string | null;
}

export interface KeyDateTable {
  person_id: string;
  seq: number;
  key: string;
  rule: string;
  on_date: DateString | null;
  status: 'eligible' | 'not_yet' | 'not_applicable';
}

export interface ParameterOverrideTable {
  id: string;
  key: string;
  value: ColumnType<string, number | string, number | string>;
  denominator: number | null;
  valid_from: DateString;
  valid_to: DateString | null;
  source: string;
  reason: string;
  set_by: string | null;
  set_at: Timestamp;
}

export interface InfectionLevelTable {
  id: string;
  municipality: string;
  on_date: DateString;
  incidence_14d: number;
  source: 'manual' | 'import' | 'demo';
  entered_by: string | null;
  entered_at: Generated<Timestamp>;
}

export interface InfectionThresholdTable {
  id: string;
  valid_from: DateString;
  valid_to: DateString | null;
  yellow_from: number;
  red_from: number;
  rising_percent: number;
  compare_days: number;
  source: string;
}

export interface MeasureTable {
  id: string;
  type: string;
  level: string | null;
  scope_kind: 'national' | 'unit' | 'facility';
  org_unit_id: string | null;
  facility_id: string | null;
  reason: string;
  decided_by: string | null;
  decided_by_name: string;
  decided_at: Timestamp;
  valid_from: DateString;
  valid_to: DateString;
  review_date: DateString;
  ended_on: DateString | null;
  ended_by: string | null;
  version: Generated<number>;
}

export interface StaffMemberTable {
  id: string;
  staff_number: string;
  name: string;
  facility_id: string;
  department_id: string | null;
  title: 'officer' | 'health' | 'teacher' | 'leader' | 'other';
  user_id: string | null;
  active: Generated<boolean>;
}

export type HealthStatusKind = 'suspected' | 'confirmed' | 'quarantine' | 'isolation';

export interface HealthStatusTable {
  id: string;
  subject_kind: 'inmate' | 'staff';
  person_id: string | null;
  staff_id: string | null;
  facility_id: string;
  status: HealthStatusKind;
  from_date: DateString;
  to_date: DateString | null;
  traced_from_id: string | null;
  recorded_by: string | null;
  recorded_by_name: string;
  recorded_at: Generated<Timestamp>;
  ended_by: string | null;
  version: Generated<number>;
}

export interface RosterEntryTable {
  id: string;
  staff_id: string;
  department_id: string;
  on_date: DateString;
  shift: 'day' | 'evening' | 'night';
  flag: 'other_department' | 'other_location' | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

export interface VisitingRoomTable {
  id: string;
  facility_id: string;
  name: string;
  kind: 'ordinary' | 'supervised' | 'glass_wall' | 'child_friendly' | 'video' | 'official' | 'media';
  capacity: number;
  active: Generated<boolean>;
}

export interface VisitTable {
  id: string;
  person_id: string;
  facility_id: string;
  room_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  status: 'booked' | 'completed' | 'cancelled' | 'refused' | 'no_show';
  created_by: string | null;
  created_at: Generated<Timestamp>;
  version: Generated<number>;
  // 009_visit_booking: the kind, the slot, and the assessment and decision the visit rested on.
  kind: Generated<VisitKind>;
  slot_id: string | null;
  external_visitor: string | null;
  factors: unknown;
  recommendation: VisitOutcome | null;
  outcome: VisitOutcome | null;
  conditions: ColumnType<string[], string[] | undefined, string[]>;
  justification: string | null;
  legal_reference: string | null;
  decided_by_name: string | null;
  cancelled_by: string | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
}

// Visit booking (009_visit_booking).
export type VisitKind = 'ordinary' | 'video' | 'official' | 'media';
export type VisitOutcome = 'grant' | 'grant_with_conditions' | 'video_instead' | 'refuse';

export interface VisitSlotTemplateTable {
  id: string;
  room_id: string;
  weekday: number;
  start_time: string;
  end_time: string;
  capacity: number;
  active: Generated<boolean>;
}

export interface VisitSlotTable {
  id: string;
  room_id: string;
  on_date: DateString;
  start_time: string;
  end_time: string;
  capacity: number;
  booked: Generated<number>;
  template_id: string | null;
  created_by: string | null;
}

export interface VisitClosureTable {
  id: string;
  facility_id: string;
  room_id: string | null;
  from_date: DateString;
  to_date: DateString;
  reason: string;
  created_by: string | null;
  created_by_name: string;
  created_at: Generated<Timestamp>;
}

export type VisitorRelation =
  | 'spouse'
  | 'partner'
  | 'child'
  | 'parent'
  | 'sibling'
  | 'other_family'
  | 'friend'
  | 'other';

export interface VisitorTable {
  id: string;
  person_id: string;
  name: string;
  relation: VisitorRelation;
  birth_date: DateString | null;
  minor: Generated<boolean>;
  home_municipality: string;
  public_transport: Generated<boolean>;
  police_check: 'not_requested' | 'requested' | 'clear' | 'remarks';
  police_check_date: DateString | null;
  status: 'applied' | 'approved' | 'refused' | 'withdrawn';
  applied_by: string | null;
  applied_by_name: string;
  applied_at: Timestamp;
  decision_reason: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | string | null;
  version: Generated<number>;
}

export interface VisitRestrictionTable {
  id: string;
  person_id: string;
  kind: 'none' | 'supervised_only' | 'glass_wall_only' | 'no_visits';
  reason: string;
  valid_from: DateString;
  valid_to: DateString | null;
  decided_by: string | null;
  decided_by_name: string;
  decided_at: Generated<Timestamp>;
}

export interface VisitVisitorTable {
  visit_id: string;
  visitor_id: string;
}

// The review of booked visits when the facts change (013_visit_review).
export interface VisitReviewTable {
  id: string;
  visit_id: string;
  person_id: string;
  action: 'keep' | 'conditions' | 'video' | 'cancel';
  outcome: VisitOutcome;
  conditions: ColumnType<string[], string[] | undefined, string[]>;
  justification: string | null;
  recommendation_then: VisitOutcome | null;
  recommendation_now: VisitOutcome;
  block_now: string | null;
  factors_now: unknown;
  changes: unknown;
  from_room_id: string;
  from_starts_at: Timestamp;
  from_ends_at: Timestamp;
  reviewed_by: string | null;
  reviewed_by_name: string;
  reviewed_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

// Outbreak letters (008_crisis): one per person whose start was moved in an outbreak batch.
export interface OutbreakLetterTable {
  id: string;
  batch_id: string;
  facility_id: string;
  person_id: string;
  sentence_id: string;
  case_number: string;
  old_date: DateString | null;
  new_date: DateString;
  reason: string;
  body: string;
  created_by: string | null;
  created_by_name: string;
  created_at: Timestamp;
}

export interface Database extends FollowupTables, PlanTables, ReleaseTables {
  org_unit: OrgUnitTable;
  facility: FacilityTable;
  facility_membership: FacilityMembershipTable;
  department: DepartmentTable;
  cell: CellTable;
  bed: BedTable;
  person: PersonTable;
  judgment: JudgmentTable;
  sentence: SentenceTable;
  sentence_event: SentenceEventTable;
  placement: PlacementTable;
  app_user: AppUserTable;
  session: SessionTable;
  audit_event: AuditEventTable;
  app_meta: AppMetaTable;
  integration_message: IntegrationMessageTable;
  judgment_offence: JudgmentOffenceTable;
  judgment_reaction: JudgmentReactionTable;
  victim: VictimTable;
  remand_period: RemandPeriodTable;
  isolation_period: IsolationPeriodTable;
  execution_event: ExecutionEventTable;
  leave_record: LeaveRecordTable;
  calculation: CalculationTable;
  key_date: KeyDateTable;
  parameter_override: ParameterOverrideTable;
  measure: MeasureTable;
  staff_member: StaffMemberTable;
  health_status: HealthStatusTable;
  roster_entry: RosterEntryTable;
  visiting_room: VisitingRoomTable;
  visit: VisitTable;
  visit_slot_template: VisitSlotTemplateTable;
  visit_slot: VisitSlotTable;
  visit_closure: VisitClosureTable;
  visitor: VisitorTable;
  visit_restriction: VisitRestrictionTable;
  visit_visitor: VisitVisitorTable;
  visit_review: VisitReviewTable;
  infection_level: InfectionLevelTable;
  infection_threshold: InfectionThresholdTable;
  outbreak_letter: OutbreakLetterTable;
  leave_application: LeaveApplicationTable;
  leave_appeal: LeaveAppealTable;
  risk_assessment: RiskAssessmentTable;
  risk_rating: RiskRatingTable;
  restriction: RestrictionTable;
  non_association: NonAssociationTable;
  security_classification: SecurityClassificationTable;
  incident: IncidentTable;
  incident_party: IncidentPartyTable;
  incident_action: IncidentActionTable;
  notification: NotificationTable;
}

/** A column that is empty until something happens (a decision, a return, a review). */
type LeaveOptional<T> = ColumnType<T | null, T | null | undefined, T | null>;
/** A moment that may not have happened yet (leave decisions, notifications, reviews). */
type LeaveTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface LeaveApplicationTable {
  id: string;
  person_id: string;
  facility_id: string;
  kind: 'ordinary' | 'short' | 'welfare' | 'escorted' | 'temporary_release' | 'day_release';
  from_date: DateString;
  from_time: string;
  to_date: DateString;
  to_time: string;
  days: number;
  destination_municipality: string;
  public_transport: boolean;
  purpose: 'children' | 'family' | 'work' | 'health' | 'social';
  description: string;
  status: Generated<'pending' | 'granted' | 'refused' | 'revoked'>;
  applied_by: LeaveOptional<string>;
  applied_by_name: string;
  applied_at: Timestamp;
  outcome: LeaveOptional<'granted' | 'granted_with_conditions' | 'refused'>;
  recommendation: LeaveOptional<'grant' | 'grant_with_conditions' | 'refuse'>;
  factors: LeaveOptional<unknown>;
  assessment: LeaveOptional<unknown>;
  conditions: ColumnType<string[], string[] | undefined, string[]>;
  justification: LeaveOptional<string>;
  legal_reference: LeaveOptional<string>;
  decided_by: LeaveOptional<string>;
  decided_by_name: LeaveOptional<string>;
  decided_at: LeaveTimestamp;
  victim_notification: Generated<'none' | 'pending' | 'done'>;
  victim_notified_by_name: LeaveOptional<string>;
  victim_notified_at: LeaveTimestamp;
  return_status: LeaveOptional<'on_time' | 'late' | 'not_returned'>;
  returned_date: LeaveOptional<DateString>;
  returned_time: LeaveOptional<string>;
  return_recorded_by_name: LeaveOptional<string>;
  reviewed_factors: LeaveOptional<unknown>;
  reviewed_by_name: LeaveOptional<string>;
  reviewed_at: LeaveTimestamp;
  review_outcome: LeaveOptional<'confirmed' | 'revoked'>;
  review_justification: LeaveOptional<string>;
  assessment_id: LeaveOptional<string>;
  /** A grant at high leave risk: a decision of significance for public safety. */
  public_safety: Generated<boolean>;
  version: Generated<number>;
}

export interface LeaveAppealTable {
  id: string;
  application_id: string;
  received_on: DateString;
  grounds: string;
  status: Generated<'received' | 'upheld' | 'reversed'>;
  registered_by_name: string;
  registered_at: Timestamp;
  decided_by_name: LeaveOptional<string>;
  decided_at: LeaveTimestamp;
  version: Generated<number>;
}

// ── Individual assessments, restrictions and non-associations (migration 011) ──────────────────
type Maybe<T> = ColumnType<T | null, T | null | undefined, T | null>;
type RiskPurposeColumn = 'placement' | 'leave' | 'transport' | 'visits' | 'release';

export interface RiskAssessmentTable {
  id: string;
  person_id: string;
  number: number;
  status: Generated<'current' | 'superseded'>;
  occasion: 'intake' | 'scheduled' | 'event';
  event_description: Maybe<string>;
  assessed_on: DateString;
  review_date: DateString;
  information_sources: string;
  needs: ColumnType<unknown, string, string>;
  resources: Generated<string>;
  security_level: Maybe<'halfway_house' | 'lower' | 'high' | 'special_high'>;
  security_basis: Maybe<string>;
  organised_criteria: ColumnType<number[], number[] | undefined, number[]>;
  network_crime: Generated<boolean>;
  mental_illness_risk: Generated<boolean>;
  interpreter_language: Maybe<string>;
  infoflyt: Generated<boolean>;
  created_by: Maybe<string>;
  created_by_name: string;
  created_at: Timestamp;
  superseded_by: Maybe<string>;
  superseded_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface RiskRatingTable {
  assessment_id: string;
  purpose: RiskPurposeColumn;
  probability: number;
  consequence: number;
  level: 'low' | 'moderate' | 'high';
  basis: string;
}

export interface RestrictionTable {
  id: string;
  person_id: string;
  assessment_id: string;
  kind: string;
  purpose: RiskPurposeColumn;
  justification: string;
  more_restrictive: Generated<boolean>;
  necessity_justification: Maybe<string>;
  valid_from: DateString;
  created_by: Maybe<string>;
  created_by_name: string;
  created_at: Timestamp;
  lifted_on: Maybe<DateString>;
  lift_justification: Maybe<string>;
  lift_assessment_id: Maybe<string>;
  lifted_by_name: Maybe<string>;
  version: Generated<number>;
}

export interface NonAssociationTable {
  id: string;
  person_id: string;
  other_person_id: string;
  level: 'cell' | 'department' | 'facility';
  reason: 'co_defendant' | 'victim_perpetrator' | 'gang_conflict' | 'other';
  note: string;
  created_by: Maybe<string>;
  created_by_name: string;
  created_at: Timestamp;
  ended_on: Maybe<DateString>;
  ended_by_name: Maybe<string>;
  version: Generated<number>;
}

// Security classification, incidents and notifications (migration 012).
/** A column that may be empty (a department, a closure, a completion). */
type SecOptional<T> = ColumnType<T | null, T | null | undefined, T | null>;
type SecTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type SecurityLevelValue = 'halfway_house' | 'lower' | 'high' | 'special_high';

export interface SecurityClassificationTable {
  id: string;
  facility_id: string;
  department_id: SecOptional<string>;
  valid_from: DateString;
  static_criteria: unknown;
  dynamic_criteria: unknown;
  organisational_criteria: unknown;
  static_score: number;
  dynamic_score: number;
  organisational_score: number;
  level: SecurityLevelValue;
  justification: string;
  classified_by: SecOptional<string>;
  classified_by_name: string;
  classified_at: Timestamp;
}

export type IncidentTypeValue =
  | 'violence'
  | 'threat_staff'
  | 'manipulation_staff'
  | 'escape'
  | 'failure_to_return'
  | 'contraband'
  | 'self_harm'
  | 'hostage'
  | 'fire'
  | 'infection_outbreak'
  | 'staff_shortage'
  | 'data_breach'
  | 'other';

export interface IncidentTable {
  id: string;
  facility_id: string;
  department_id: SecOptional<string>;
  type: IncidentTypeValue;
  severity: 'low' | 'moderate' | 'serious';
  occurred_on: DateString;
  occurred_time: string;
  place: Generated<string>;
  description: string;
  immediate_actions: Generated<string>;
  injury: Generated<boolean>;
  weapon: Generated<boolean>;
  status: Generated<'open' | 'closed'>;
  closure_note: SecOptional<string>;
  closed_by_name: SecOptional<string>;
  closed_at: SecTimestamp;
  source: Generated<'report' | 'leave'>;
  leave_application_id: SecOptional<string>;
  reported_by: SecOptional<string>;
  reported_by_name: string;
  reported_at: Timestamp;
  version: Generated<number>;
}

export interface IncidentPartyTable {
  id: string;
  incident_id: string;
  role: 'subject' | 'assailant' | 'victim' | 'witness' | 'staff';
  kind: 'inmate' | 'staff' | 'external';
  person_id: SecOptional<string>;
  staff_id: SecOptional<string>;
  external_name: SecOptional<string>;
  note: Generated<string>;
}

export interface IncidentActionTable {
  id: string;
  incident_id: string;
  description: string;
  owner: string;
  deadline: DateString;
  status: Generated<'open' | 'done' | 'cancelled'>;
  note: SecOptional<string>;
  completed_by_name: SecOptional<string>;
  completed_at: SecTimestamp;
  created_by_name: string;
  created_at: Timestamp;
  version: Generated<number>;
}

export interface NotificationTable {
  id: string;
  user_id: string;
  kind: 'incident_serious';
  incident_id: SecOptional<string>;
  facility_id: SecOptional<string>;
  created_at: Timestamp;
  read_at: SecTimestamp;
}

// Activities, contact officers, partners, referrals and the release checklist (migration 015).
type FuOptional<T> = ColumnType<T | null, T | null | undefined, T | null>;
type FuTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type ActivityKindValue = 'work' | 'school' | 'programme' | 'leisure' | 'ngo';
export type ChecklistAreaValue = 'housing' | 'income_work' | 'health' | 'debt' | 'id_papers' | 'network';
export type NeedAreaValue = ChecklistAreaValue | 'education' | 'substance_use';

export interface ActivityTable {
  id: string;
  facility_id: string;
  name: string;
  kind: ActivityKindValue;
  places: number;
  schedule: Generated<string>;
  enrolled: Generated<number>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface ActivityEnrolmentTable {
  id: string;
  activity_id: string;
  person_id: string;
  status: 'enrolled' | 'waiting' | 'ended';
  queue_seq: Generated<string>;
  requested_at: Generated<Date>;
  enrolled_on: FuOptional<DateString>;
  ended_on: FuOptional<DateString>;
  end_reason: FuOptional<string>;
  created_by_name: string;
  version: Generated<number>;
  /** The plan goal the enrolment serves (migration 017): the plan and the goal's key across versions. */
  plan_id: FuOptional<string>;
  goal_key: FuOptional<string>;
}

export interface ActivityAttendanceTable {
  enrolment_id: string;
  on_date: DateString;
  present: boolean;
  recorded_by_name: string;
}

export interface InactivitySettingTable {
  id: string;
  facility_id: FuOptional<string>;
  days: number;
  set_by_name: string;
  set_at: Generated<Date>;
}

export interface ContactOfficerTable {
  id: string;
  person_id: string;
  staff_id: string;
  valid_from: DateString;
  valid_to: FuOptional<DateString>;
  assigned_by_name: string;
}

export interface PartnerTable {
  id: string;
  name: string;
  kind: 'nav' | 'health' | 'municipality' | 'school' | 'ngo' | 'user_organisation';
  municipality: Generated<string>;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface PartnerContactTable {
  id: string;
  partner_id: string;
  name: string;
  role: Generated<string>;
  phone: Generated<string>;
  email: Generated<string>;
}

export interface ReferralTable {
  id: string;
  person_id: string;
  partner_id: string;
  contact_id: FuOptional<string>;
  need_area: NeedAreaValue;
  text: string;
  /** The plan goal the referral serves (migration 017): the plan and the goal's key across versions. */
  plan_id: FuOptional<string>;
  goal_key: FuOptional<string>;
  status: Generated<'sent' | 'received' | 'accepted' | 'declined' | 'done'>;
  answer: FuOptional<string>;
  sent_on: DateString;
  answered_on: FuOptional<DateString>;
  created_by_name: string;
  created_at: Generated<Date>;
  version: Generated<number>;
}

export interface ReleaseChecklistTable {
  id: string;
  person_id: string;
  sentence_id: string;
  facility_id: string;
  release_date: DateString;
  created_on: DateString;
}

export interface ReleaseChecklistItemTable {
  id: string;
  checklist_id: string;
  area: ChecklistAreaValue;
  status: Generated<'open' | 'in_progress' | 'done' | 'not_needed'>;
  owner: Generated<string>;
  due_date: FuOptional<DateString>;
  note: Generated<string>;
  updated_by_name: FuOptional<string>;
  updated_at: FuTimestamp;
  version: Generated<number>;
}

export interface FollowupTables {
  activity: ActivityTable;
  activity_enrolment: ActivityEnrolmentTable;
  activity_attendance: ActivityAttendanceTable;
  inactivity_setting: InactivitySettingTable;
  contact_officer: ContactOfficerTable;
  partner: PartnerTable;
  partner_contact: PartnerContactTable;
  referral: ReferralTable;
  release_checklist: ReleaseChecklistTable;
  release_checklist_item: ReleaseChecklistItemTable;
}

// ── Individual plans (migration 014) ───────────────────────────────────────────────────────────
type PlanTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
export type PlanVersionStatus = 'draft' | 'agreed' | 'refused' | 'superseded';
export type PlanGoalStatus = 'open' | 'reached' | 'changed' | 'dropped';

export interface PlanTable {
  id: string;
  person_id: string;
  sentence_id: string;
  created_by: string | null;
  created_by_name: string;
  created_at: Generated<Date>;
  next_review_date: ColumnType<DateString | null, DateString | null | undefined, DateString | null>;
}

export interface PlanVersionTable {
  id: string;
  plan_id: string;
  number: number;
  status: PlanVersionStatus;
  assessment_id: string;
  person_commitments: Generated<string>;
  service_commitments: Generated<string>;
  created_by: string | null;
  created_by_name: string;
  created_at: Generated<Date>;
  decided_on: ColumnType<DateString | null, DateString | null | undefined, DateString | null>;
  person_signature: ColumnType<string | null, string | null | undefined, string | null>;
  officer_signature: ColumnType<string | null, string | null | undefined, string | null>;
  refusal_reason: ColumnType<string | null, string | null | undefined, string | null>;
  decided_at: PlanTimestamp;
  version: Generated<number>;
}

export interface PlanGoalTable {
  id: string;
  version_id: string;
  goal_key: string;
  seq: number;
  need_area: string;
  need_justification: string | null;
  description: string;
  activities: Generated<string>;
  responsible: string;
  start_date: DateString | null;
  due_date: DateString | null;
}

export interface PlanGoalEventTable {
  id: string;
  plan_id: string;
  goal_key: string;
  status: PlanGoalStatus;
  reason: string | null;
  by_user: string | null;
  by_name: string;
  at: Generated<Date>;
}

export interface PlanReviewTable {
  id: string;
  plan_id: string;
  version_id: string;
  occasion: 'scheduled' | 'event';
  reviewed_on: DateString;
  note: string;
  next_review_date: DateString;
  by_user: string | null;
  by_name: string;
  at: Generated<Date>;
}

export interface PlanTables {
  plan: PlanTable;
  plan_version: PlanVersionTable;
  plan_goal: PlanGoalTable;
  plan_goal_event: PlanGoalEventTable;
  plan_review: PlanReviewTable;
}

// ── Release decisions (migration 016) ────────────────────────────────────────────────────────
export interface ReleaseDecisionTable {
  id: string;
  person_id: string;
  sentence_id: string;
  number: number;
  status: 'current' | 'superseded';
  form: 'parole' | 'term_end' | 'early_release_crisis';
  release_date: DateString;
  key_date: DateString | null;
  conditions: ColumnType<string[], string[] | undefined, string[]>;
  statutory_conditions: ColumnType<string[], string[] | undefined, string[]>;
  gate: 'alone' | 'network' | 'escorted' | 'police';
  notify_victim: boolean;
  notify_police: boolean;
  justification: string | null;
  assessment_id: string | null;
  release_risk: 'low' | 'moderate' | 'high' | null;
  significant: boolean;
  significance: ColumnType<string[], string[] | undefined, string[]>;
  victims: Generated<number>;
  open_items: ColumnType<unknown, string | undefined, string>;
  decided_by: string | null;
  decided_by_name: string;
  decided_at: Generated<Date>;
}

export interface ReleaseTables {
  release_decision: ReleaseDecisionTable;
}
