// Activities and the caseload: the API contract's shapes (docs/API.md, Activities and the way out).

export type ActivityKind = 'work' | 'school' | 'programme' | 'leisure' | 'ngo';
export type Named = { id: string; name: string };
export type FacilityChoice = { id: string; code: string; name: string; kind: string };

export type Activity = {
  id: string;
  facility: Named;
  name: string;
  kind: ActivityKind;
  places: number;
  schedule: string;
  enrolled: number;
  waiting: number;
  version: number;
};

export type Enrolment = {
  id: string;
  person: Named;
  status: 'enrolled' | 'waiting' | 'ended';
  enrolledOn: string | null;
  waitingPosition: number | null;
  lastAttended: string | null;
  /** The plan goal the enrolment serves: its key and need area. */
  goal: { key: string; needArea: string } | null;
  version: number;
};

export type ActivityDetail = Activity & { enrolments: Enrolment[]; waitingList: Enrolment[] };

export type Inactive = {
  items: { person: Named; facility: Named; days: number; threshold: number }[];
  inmates: number;
};

export type DueItem = {
  kind: 'assessment_review' | 'plan_review' | 'key_date' | 'inactive' | 'checklist';
  date: string | null;
  key: string | null;
  count: number | null;
  overdue: boolean;
};

export type Caseload = {
  officer: Named | null;
  horizonDays: number;
  items: {
    person: Named;
    facility: string | null;
    since: string;
    inactiveDays: number | null;
    due: DueItem[];
  }[];
};

export type Officer = { id: string; name: string; title: string; people: number };
