// Health, tracing and roster as the API v1 contract gives them (docs/API.md).
export type HealthStatusKind = 'suspected' | 'confirmed' | 'quarantine' | 'isolation';
export type SubjectKind = 'inmate' | 'staff';
export type ContactKind = 'cell' | 'shift' | 'department' | 'visit';
export type Shift = 'day' | 'evening' | 'night';

export type FacilityOption = { id: string; code: string; name: string };
export type Subject = { kind: SubjectKind; id: string; name: string };

export type HealthStatus = {
  id: string;
  version: number;
  subject: Subject;
  facility: { id: string; name: string };
  status: HealthStatusKind;
  fromDate: string;
  toDate: string | null;
  tracedFromId: string | null;
  recordedBy: string;
  recordedAt: string;
  open: boolean;
};

export type StatusList = { facility: { id: string; name: string }; on: string; items: HealthStatus[] };

export type Contact = {
  subject: Subject;
  exposure: ContactKind;
  kinds: { kind: ContactKind; days: number; lastDate: string }[];
  days: number;
  lastDate: string;
  openStatuses: HealthStatusKind[];
};
export type Contacts = {
  case: HealthStatus;
  window: { from: string; to: string; days: number };
  items: Contact[];
  outOfScope: number;
};
export type QuarantineResult = {
  recorded: HealthStatus[];
  skipped: { subject: Subject; reason: 'already_separated' | 'not_placed' }[];
};

export type StaffList = {
  facility: FacilityOption;
  departments: { id: string; code: string; name: string }[];
  items: {
    id: string;
    staffNumber: string;
    name: string;
    department: { id: string; name: string } | null;
    title: string;
    active: boolean;
  }[];
};

export type RosterEntry = {
  id: string;
  staff: { id: string; name: string; staffNumber: string };
  department: { id: string; name: string };
  onDate: string;
  shift: Shift;
  flag: 'other_department' | 'other_location' | null;
};
export type Roster = {
  facility: FacilityOption;
  from: string;
  to: string;
  oneDepartmentLevel: 'flag' | 'refuse' | null;
  departments: { id: string; code: string; name: string }[];
  staff: { id: string; name: string; staffNumber: string }[];
  items: RosterEntry[];
};
