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

export interface Database {
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
}
