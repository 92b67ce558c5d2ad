import type { MessageKey, Translate } from '../../i18n/index.tsx';

export const NEED_AREAS = [
  'housing',
  'education',
  'work',
  'finances',
  'health',
  'substance_use',
  'network',
  'family_children',
] as const;
export const GOAL_STATUSES = ['open', 'reached', 'changed', 'dropped'] as const;

export type Goal = {
  key: string;
  needArea: string;
  needJustification: string | null;
  description: string;
  activities: string;
  responsible: string;
  startDate: string | null;
  dueDate: string | null;
  status: string;
};

export type PlanVersion = {
  id: string;
  number: number;
  status: 'draft' | 'agreed' | 'refused' | 'superseded';
  version: number;
  personCommitments: string;
  serviceCommitments: string;
  goals: Goal[];
  createdBy: string;
  createdAt: string;
  decidedOn: string | null;
  personSignature: string | null;
  officerSignature: string | null;
  refusalReason: string | null;
};

export type Difference = {
  what: 'personCommitments' | 'serviceCommitments' | 'goal';
  kind: 'added' | 'removed' | 'changed';
  goalKey?: string;
  fields?: string[];
  before?: string;
  after?: string;
};

export type PathStep = {
  step: string;
  date: string | null;
  keyDate: string | null;
  status: 'reached' | 'next' | 'later' | 'blocked';
  conditional: boolean;
  reasons: { code: string; area?: string; source: string }[];
};

export type PlanOverview = {
  person: { id: string; name: string };
  today: string;
  sentenceId: string | null;
  assessment: {
    id: string;
    number: number;
    assessedOn: string;
    needs: { area: string; level: string; note: string }[];
  } | null;
  plan: { id: string; createdBy: string; nextReviewDate: string | null; reviewDue: boolean } | null;
  agreed: PlanVersion | null;
  draft: PlanVersion | null;
  history: (Omit<PlanVersion, 'goals'> & { differences: Difference[] })[];
  goalEvents: {
    goalKey: string;
    description: string;
    status: string;
    reason: string | null;
    by: string;
    at: string;
  }[];
  reviews: {
    id: string;
    occasion: string;
    reviewedOn: string;
    note: string;
    nextReviewDate: string;
    by: string;
  }[];
  placement: string;
  facility: { id: string; name: string } | null;
  links: GoalLinks[];
  path: PathStep[];
};

/** Per goal key: the activities the person is enrolled in or waiting for, and the referrals. */
export type GoalLinks = {
  goalKey: string;
  referralArea: string;
  activities: {
    enrolmentId: string;
    activity: { id: string; name: string };
    status: 'enrolled' | 'waiting';
    enrolledOn: string | null;
    waitingPosition: number | null;
  }[];
  referrals: {
    id: string;
    partner: { id: string; name: string };
    needArea: string;
    status: string;
    answer: string | null;
    sentOn: string;
    answeredOn: string | null;
  }[];
};

/** Plans due for review at a facility, and the inmates assessed without a plan. */
export type ReviewsDue = {
  today: string;
  until: string;
  facilities: { id: string; name: string }[];
  facility: { id: string; name: string } | null;
  plans: {
    planId: string;
    person: { id: string; name: string };
    agreedVersion: number | null;
    nextReviewDate: string;
    overdue: boolean;
  }[];
  withoutPlan: {
    person: { id: string; name: string };
    assessmentId: string;
    assessedOn: string;
    intakeDate: string;
    daysSinceIntake: number;
  }[];
};

/** A translated label from a key prefix and a code. */
export const label = (t: Translate, prefix: string, code: string) => t(`${prefix}.${code}` as MessageKey);
