// Types of the API v1 contract (docs/API.md). Keep in step with the contract, not with the server's code.

export type Locale = 'nb' | 'en';

export type Role =
  | 'officer'
  | 'case_worker'
  | 'probation_officer'
  | 'unit_leader'
  | 'regional_manager'
  | 'national_manager'
  | 'crisis_team'
  | 'analyst'
  | 'system_admin';

export type Permission =
  | 'organisation.read'
  | 'person.search'
  | 'person.read'
  | 'person.create'
  | 'person.audit.read'
  | 'queue.read'
  | 'queue.summon'
  | 'queue.postpone'
  | 'placement.admit'
  | 'dashboard.read'
  | 'integration.read'
  | 'integration.import'
  | 'calculation.use'
  | 'execution.record'
  | 'eligibility.read'
  | 'crisis.early_release'
  | 'rules.manage'
  | 'infection.read'
  | 'infection.manage'
  | 'measures.read'
  | 'measures.manage'
  | 'health.read'
  | 'health.manage'
  | 'roster.read'
  | 'roster.manage'
  | 'crisis.dashboard'
  | 'outbreak.manage'
  | 'visits.read'
  | 'visits.book'
  | 'visits.decide'
  | 'visits.rooms.manage'
  | 'leave.read'
  | 'leave.apply'
  | 'leave.decide'
  | 'assessment.read'
  | 'assessment.manage'
  | 'plan.read'
  | 'plan.manage'
  | 'incident.read'
  | 'incident.report'
  | 'incident.manage'
  | 'incident.statistics'
  | 'security.read'
  | 'security.classify'
  | 'activity.read'
  | 'activity.manage'
  | 'caseload.read'
  | 'contact_officer.assign'
  | 'partner.manage'
  | 'release.manage'
  | 'release.decide'
  | 'followup.statistics';

export type Me = {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: Permission[];
  scope: { kind: 'national' | 'units' | 'facilities'; ids: string[]; names: string[] };
  locale: Locale;
};

export type Session = { user: Me; csrfToken: string };

export type Page<T> = { items: T[]; page: number; pageSize: number; total: number };

export type Ref = { id: string; name: string };

export type FacilityKind = 'prison_high' | 'prison_lower' | 'halfway_house' | 'probation_office';
export type OrgNodeKind = 'directorate' | 'region' | 'unit';

export type FacilitySummary = {
  id: string;
  code: string;
  name: string;
  kind: FacilityKind;
  municipality: string;
  beds: number;
  occupied: number;
  free: number;
  /** Capacity under single occupancy: a cell counts one place; inForce says whether the rule applies. */
  singleOccupancy: SingleOccupancy;
};

export type SingleOccupancy = { inForce: boolean; places: number; free: number; cellsOverCapacity: number };

export type OrgNode = {
  id: string;
  code: string;
  name: string;
  kind: OrgNodeKind;
  children: OrgNode[];
  facilities: FacilitySummary[];
};

export type Organisation = { asOf: string; root: OrgNode };

/** usable: free and, under single occupancy, in a cell nobody is in. */
export type Bed = { id: string; label: string; occupied: boolean; usable: boolean };
export type Cell = { id: string; number: string; beds: Bed[] };
export type Department = { id: string; code: string; name: string; cells: Cell[] };

export type FacilityDetail = FacilitySummary & {
  parents: { id: string; name: string; kind: OrgNodeKind }[];
  departments: Department[];
};

export type SentenceStatus =
  | 'queued'
  | 'summoned'
  | 'postponed'
  | 'admitted'
  | 'transferred'
  | 'interrupted'
  | 'released';

export type SentenceKind =
  | 'prison'
  | 'community'
  | 'fine_substitute'
  | 'preventive_detention'
  | 'youth'
  | 'remand';

export type MatchedBy = 'name' | 'national_id' | 'case_number';

export type PersonHit = {
  id: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  nationalIdMasked: string;
  status: SentenceStatus | null;
  facility: Ref | null;
  matchedBy: MatchedBy;
};

export type Placement = {
  id: string;
  kind: 'cell' | 'em';
  since: string;
  facility: Ref & { kind: FacilityKind };
  department: Ref | null;
  cell: { id: string; number: string } | null;
  bed: { id: string; label: string } | null;
};

export type StatusChange = {
  status: SentenceStatus;
  date: string;
  reason: string | null;
  facility: Ref | null;
  by: string | null;
};

export type Sentence = {
  id: string;
  version: number;
  kind: SentenceKind;
  termDays: number | null;
  minimumTermDays: number | null;
  frameDays: number | null;
  hours: number | null;
  substituteDays: number | null;
  orderDate: string | null;
  status: SentenceStatus;
  statusHistory: StatusChange[];
};

export type Judgment = {
  id: string;
  caseNumber: string;
  court: string;
  judgmentDate: string;
  offence: string;
  sentences: Sentence[];
};

export type NationalIdKind = 'fnr' | 'dnr' | 'synthetic';
export type Gender = 'female' | 'male';

export type PersonDetail = {
  id: string;
  version: number;
  givenName: string;
  familyName: string;
  birthDate: string;
  gender: Gender | null;
  nationalId: string;
  nationalIdKind: NationalIdKind;
  placement: Placement | null;
  judgments: Judgment[];
};

export type AuditEntry = { at: string; user: string; role: string; action: string; purpose: string };

export type AgeGroup = 'under18' | 'under23' | 'adult';
export type QueueStatus = 'queued' | 'summoned' | 'postponed';
export type PostponementReason = 'pardon' | 'illness' | 'pregnancy' | 'infant' | 'other';

export type QueueItem = {
  sentenceId: string;
  version: number;
  person: { id: string; givenName: string; familyName: string; birthDate: string };
  caseNumber: string;
  kind: SentenceKind;
  termDays: number | null;
  orderDate: string;
  daysWaiting: number;
  ageGroup: AgeGroup;
  status: QueueStatus;
  summonsSentOn: string | null;
  appearanceDate: string | null;
  appearanceFacility: Ref | null;
  postponedUntil: string | null;
  // The contract does not pin this to the reason codes; the UI translates known codes and shows others as they come.
  postponementReason: string | null;
};

export type Counts = { beds: number; occupied: number; free: number };

/** Capacity now: a cell is one place where single occupancy is in force, a bed elsewhere. */
export type CapacityNow = { facilitiesInForce: number; places: number; cellsOverCapacity: number };

export type Dashboard = {
  asOf: string;
  total: Counts;
  singleOccupancy: CapacityNow;
  regions: (Ref &
    Counts & {
      singleOccupancy: CapacityNow;
      facilities: (Ref & Counts & { kind: FacilityKind; singleOccupancy: SingleOccupancy })[];
    })[];
  queue: { length: number; oldestOrderDate: string | null; oldestDaysWaiting: number | null };
  em: { count: number };
  remand: { count: number };
  week: { from: string; to: string; admissions: number; releases: number };
};

// Messages from the justice sector (ESAS).
export type ReceiptStatus =
  | 'UNDER_MOTTAK'
  | 'MOTTATT'
  | 'FEILET_AVSENDER_TEKNISK'
  | 'FEILET_AVSENDER_MANGLER'
  | 'FEILET_MOTTAKER';

/** A receipt (ESAS KVITTERING 1.0). */
export type Receipt = {
  meldingsId: string;
  meldingsIdRef: string;
  status: ReceiptStatus;
  beskrivelse?: string;
  saksRef?: string;
};

export type MessageChannel = 'inbox' | 'manual' | 'folder';

export type MessageSummary = {
  id: string;
  messageId: string | null;
  contract: { name: string; version: string | null };
  channel: MessageChannel;
  transport: 'jws' | 'json';
  keyId: string | null;
  senderOrganization: string | null;
  senderName: string | null;
  sentAt: string | null;
  receivedAt: string;
  processedAt: string | null;
  attempts: number;
  status: ReceiptStatus;
  caseNumber: string | null;
  person: { id: string; givenName: string; familyName: string } | null;
  judgmentId: string | null;
  sentences: number;
};

export type MessageIssue = { path: string; code: string; message: string };

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

export type Reaction = {
  kind: ReactionKind;
  executed: boolean;
  termDays: number | null;
  conditionalDays: number | null;
  probationDays: number | null;
  deductionDays: number | null;
  substituteDays: number | null;
  hours: number | null;
  amountNok: number | null;
  electronicControl: boolean;
  electronicControlDays: number | null;
  indefinite: boolean;
  legalBasis: string | null;
  description: string | null;
  sentence: {
    id: string;
    kind: SentenceKind;
    status: SentenceStatus;
    termDays: number | null;
    hours: number | null;
    substituteDays: number | null;
    facility: Ref;
  } | null;
};

export type MessageDetail = MessageSummary & {
  receipt: Receipt;
  errors: MessageIssue[];
  notes: MessageIssue[];
  reactions: Reaction[];
  offences: number;
  victims: number;
  /** The message as received; only for those who may import messages. */
  payload: string | null;
};

export type ImportResult = { receipt: Receipt; duplicate: boolean; message: MessageDetail };
