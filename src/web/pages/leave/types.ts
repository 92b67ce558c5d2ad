export type LeaveKind = 'ordinary' | 'short' | 'welfare' | 'escorted' | 'temporary_release' | 'day_release';
export type LeavePurpose = 'children' | 'family' | 'work' | 'health' | 'social';
export type Condition = 'no_public_transport' | 'escorted' | 'shorter';
export type Recommendation = 'grant' | 'grant_with_conditions' | 'refuse';
export type Outcome = 'granted' | 'granted_with_conditions' | 'refused';

export const KINDS: LeaveKind[] = [
  'ordinary',
  'short',
  'welfare',
  'escorted',
  'temporary_release',
  'day_release',
];
export const PURPOSES: LeavePurpose[] = ['children', 'family', 'work', 'health', 'social'];
export const CONDITIONS: Condition[] = ['no_public_transport', 'escorted', 'shorter'];
export const STATUSES = ['pending', 'granted', 'refused', 'revoked'] as const;

export type LeaveItem = {
  id: string;
  version: number;
  person: { id: string; name: string };
  facility: { id: string; name: string };
  kind: LeaveKind;
  fromDate: string;
  fromTime: string;
  toDate: string;
  toTime: string;
  days: number;
  destinationMunicipality: string;
  publicTransport: boolean;
  purpose: LeavePurpose;
  status: (typeof STATUSES)[number];
  outcome: Outcome | null;
  victimNotification: 'none' | 'pending' | 'done';
  returnStatus: 'on_time' | 'late' | 'not_returned' | null;
  appealStatus: 'received' | 'upheld' | 'reversed' | null;
};

export type Area = { municipality: string; level: string; trend: string; incidence14d: number | null };

export type Factors = {
  asOf: string;
  kind: LeaveKind;
  days: number;
  publicTransport: boolean;
  prison: Area;
  destination: Area;
  staffing: { staff: number; inQuarantine: number };
  measures: string[];
  minor: boolean;
  eligibility: { firstDate: string | null; firstDateRule: string | null; quotaLeft: number | null };
};

export type Reason = {
  code: string;
  effect: 'refuse' | 'conditions' | 'support' | 'note';
  source: string;
  text: { nb: string; en: string };
};

export type Assessment = {
  recommendation: Recommendation;
  conditions: Condition[];
  reasons: Reason[];
};

export type LeaveApplication = Omit<LeaveItem, 'facility'> & {
  facility: { id: string; name: string; municipality: string };
  description: string;
  appliedBy: string;
  appliedAt: string;
  current: { factors: Factors; assessment: Assessment } | null;
  decision: {
    outcome: Outcome;
    recommendation: Recommendation;
    conditions: Condition[];
    justification: string | null;
    legalReference: string;
    decidedBy: string;
    decidedAt: string;
    factors: Factors;
    assessment: Assessment;
    publicSafety: boolean;
    assessmentId: string | null;
  } | null;
  safety: {
    assessment: { id: string; assessedOn: string } | null;
    leaveRisk: 'low' | 'moderate' | 'high' | null;
    restrictions: string[];
    significantIfGranted: boolean;
    blockedBy: string | null;
  } | null;
  victims: number;
  victimNotifiedBy: string | null;
  victimNotifiedAt: string | null;
  return: {
    status: 'on_time' | 'late' | 'not_returned';
    date: string | null;
    time: string | null;
    recordedBy: string;
  } | null;
  review: {
    outcome: 'confirmed' | 'revoked';
    justification: string | null;
    by: string;
    at: string;
    factors: Factors | null;
  } | null;
  appeal: {
    id: string;
    version: number;
    receivedOn: string;
    grounds: string;
    status: 'received' | 'upheld' | 'reversed';
    registeredBy: string;
  } | null;
};

export type ReviewItem = LeaveItem & {
  recommendationThen: Recommendation;
  recommendationNow: Recommendation;
  changes: { factor: string; before: string; after: string }[];
  reasonsNow: Reason[];
};

export type Statistics = {
  from: string;
  to: string;
  items: {
    facility: { id: string; code: string; name: string };
    taken: number;
    late: number;
    notReturned: number;
    failures: number;
    perThousand: number | null;
  }[];
  total: { taken: number; failures: number; perThousand: number | null };
};

export type PersonLeave = {
  personId: string;
  inPrison: boolean;
  facility: { id: string; name: string } | null;
  ordinaryLeaveFrom: string | null;
  ordinaryLeaveRule: string | null;
  dayReleaseFrom: string | null;
  quotaDays: number;
  quotaLeft: number;
  items: LeaveItem[];
};
