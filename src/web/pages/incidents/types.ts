// Incidents: the API contract's shapes (docs/API.md, Incidents and deviations).

export const INCIDENT_TYPES = [
  'violence',
  'threat_staff',
  'manipulation_staff',
  'escape',
  'failure_to_return',
  'contraband',
  'self_harm',
  'hostage',
  'fire',
  'infection_outbreak',
  'staff_shortage',
  'data_breach',
  'other',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];
export const ROLES = ['subject', 'assailant', 'victim', 'witness', 'staff'] as const;
export const KINDS = ['inmate', 'staff', 'external'] as const;
export type Severity = 'low' | 'moderate' | 'serious';

export type Named = { id: string; name: string };

export type IncidentItem = {
  id: string;
  version: number;
  type: IncidentType;
  severity: Severity;
  facility: Named;
  department: Named | null;
  occurredOn: string;
  occurredTime: string;
  status: 'open' | 'closed';
  source: 'report' | 'leave';
  people: number;
  openActions: number;
  overdueActions: number;
};

export type Party = {
  id: string;
  role: (typeof ROLES)[number];
  kind: (typeof KINDS)[number];
  personId: string | null;
  staffId: string | null;
  name: string;
  note: string;
};

export type Action = {
  id: string;
  version: number;
  description: string;
  owner: string;
  deadline: string;
  status: 'open' | 'done' | 'cancelled';
  overdue: boolean;
  note: string | null;
  completedBy: string | null;
  completedAt: string | null;
  createdBy: string;
};

export type Incident = IncidentItem & {
  severityReason: { reason: string; source: string };
  place: string;
  description: string;
  immediateActions: string;
  injury: boolean;
  weapon: boolean;
  closureNote: string | null;
  closedBy: string | null;
  closedAt: string | null;
  leaveApplicationId: string | null;
  reportedBy: string;
  reportedAt: string;
  peopleInvolved: Party[];
  actions: Action[];
  notified: number;
};

export type FacilityChoice = {
  id: string;
  code: string;
  name: string;
  departments: { id: string; code: string; name: string }[];
};
export type StaffChoice = { id: string; name: string; staffNumber: string; title: string };

export type Figures = {
  byType: Record<string, number>;
  total: number;
  violenceAgainstStaff: number;
  escapes: number;
  failuresToReturn: number;
  leavesTaken: number;
  leaveFailures: number;
  perThousand: number | null;
};

export type Statistics = {
  from: string;
  to: string;
  bucket: 'month' | 'year';
  selection: { kind: 'national' | 'scope' | 'org_unit' | 'facility'; id: string | null; name: string };
  types: IncidentType[];
  series: (Figures & { period: string; from: string; to: string })[];
  breakdown: { kind: 'org_unit' | 'facility'; items: (Figures & { id: string; name: string })[] };
  total: Figures;
};

export type Notifications = {
  unread: number;
  items: {
    id: string;
    kind: 'incident_serious';
    incident: {
      id: string;
      type: IncidentType;
      severity: Severity;
      occurredOn: string;
      occurredTime: string;
    } | null;
    facility: Named | null;
    createdAt: string;
    read: boolean;
  }[];
};
