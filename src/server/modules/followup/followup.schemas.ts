import { z } from 'zod';
import {
  ACTIVITY_KINDS,
  AGE_GROUPS,
  CHECKLIST_AREAS,
  ITEM_STATUSES,
  LENGTH_BANDS,
  NEED_AREAS,
  PARTNER_KINDS,
  REFERRAL_STATUSES,
} from '../../domain/activities.ts';
import { NEED_AREAS as PLAN_NEED_AREAS } from '../../domain/risk.ts';

const text = (max: number) => z.string().trim().max(max);
const version = z.number().int().min(1);
const named = z.object({ id: z.uuid(), name: z.string() });
const person = z.object({ id: z.uuid(), name: z.string() });

export const idParams = z.object({ id: z.uuid() });
export const enrolmentParams = z.object({ id: z.uuid(), enrolmentId: z.uuid() });
export const itemParams = z.object({ id: z.uuid(), itemId: z.uuid() });

export const facilityQuery = z.object({ facilityId: z.uuid().optional() });

export const facilitiesResponse = z.object({
  items: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string(), kind: z.string() })),
});

// ── Activities ──────────────────────────────────────────────────────────────────────────────
export const activityBody = z.object({
  facilityId: z.uuid(),
  name: text(200).min(1),
  kind: z.enum(ACTIVITY_KINDS),
  places: z.number().int().min(1).max(500),
  schedule: text(500).default(''),
});

export const activity = z.object({
  id: z.uuid(),
  facility: named,
  name: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  places: z.number().int(),
  schedule: z.string(),
  enrolled: z.number().int(),
  waiting: z.number().int(),
  version: z.number().int(),
});
export type ActivityView = z.infer<typeof activity>;

export const activitiesResponse = z.object({ items: z.array(activity) });

export const enrolment = z.object({
  id: z.uuid(),
  person,
  status: z.enum(['enrolled', 'waiting', 'ended']),
  enrolledOn: z.iso.date().nullable(),
  waitingPosition: z.number().int().nullable(),
  lastAttended: z.iso.date().nullable(),
  /** The plan goal the enrolment serves, when it names one: its key and need area. */
  goal: z.object({ key: z.uuid(), needArea: z.enum(PLAN_NEED_AREAS) }).nullable(),
  version: z.number().int(),
});

export const activityDetail = activity.extend({
  enrolments: z.array(enrolment),
  waitingList: z.array(enrolment),
});
export type ActivityDetail = z.infer<typeof activityDetail>;

export const enrolBody = z.object({
  personId: z.uuid(),
  /** A goal of the person's current plan (its key, stable across versions) the activity serves. */
  goalKey: z.uuid().nullable().optional(),
});
export const enrolResponse = z.object({
  enrolmentId: z.uuid(),
  status: z.enum(['enrolled', 'waiting']),
  activity: activityDetail,
});
export const endBody = z.object({ version, reason: text(500).default('') });
export const endResponse = z.object({
  promoted: person.nullable(),
  activity: activityDetail,
});

export const attendanceBody = z.object({
  onDate: z.iso.date(),
  entries: z
    .array(z.object({ enrolmentId: z.uuid(), present: z.boolean() }))
    .min(1)
    .max(500),
});
export const attendanceResponse = z.object({ recorded: z.number().int() });

export const inactiveResponse = z.object({
  items: z.array(
    z.object({
      person,
      facility: named,
      days: z.number().int(),
      threshold: z.number().int(),
    }),
  ),
  inmates: z.number().int(),
});

export const thresholdBody = z.object({
  facilityId: z.uuid().nullable(),
  days: z.number().int().min(1).max(365),
});
export const thresholdsResponse = z.object({
  national: z.number().int(),
  nationalSet: z.boolean(),
  facilities: z.array(z.object({ facilityId: z.uuid(), days: z.number().int() })),
});

// ── Contact officers and the caseload ───────────────────────────────────────────────────────
export const officersQuery = z.object({ facilityId: z.uuid() });
export const officersResponse = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string(), title: z.string(), people: z.number().int() })),
});

export const assignBody = z.object({ staffId: z.uuid(), validFrom: z.iso.date().optional() });
export const contactOfficer = z.object({
  id: z.uuid(),
  staff: named,
  validFrom: z.iso.date(),
  assignedBy: z.string(),
});
export const personFollowup = z.object({
  person,
  contactOfficer: contactOfficer.nullable(),
});

export const caseloadQuery = z.object({ staffId: z.uuid().optional() });
export const dueItem = z.object({
  kind: z.enum(['assessment_review', 'plan_review', 'key_date', 'inactive', 'checklist']),
  date: z.iso.date().nullable(),
  key: z.string().nullable(),
  count: z.number().int().nullable(),
  overdue: z.boolean(),
});
export const caseloadResponse = z.object({
  officer: named.nullable(),
  horizonDays: z.number().int(),
  items: z.array(
    z.object({
      person,
      facility: z.string().nullable(),
      since: z.iso.date(),
      inactiveDays: z.number().int().nullable(),
      due: z.array(dueItem),
    }),
  ),
});

// ── Partners and referrals ──────────────────────────────────────────────────────────────────
export const partnerBody = z.object({
  name: text(200).min(1),
  kind: z.enum(PARTNER_KINDS),
  municipality: text(100).default(''),
});
export const contactBody = z.object({
  name: text(200).min(1),
  role: text(200).default(''),
  phone: text(40).default(''),
  email: z.union([z.literal(''), z.email().max(200)]).default(''),
});
const contact = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.string(),
  phone: z.string(),
  email: z.string(),
});
export const partner = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(PARTNER_KINDS),
  municipality: z.string(),
  contacts: z.array(contact),
});
export const partnersResponse = z.object({ items: z.array(partner) });

export const referralBody = z.object({
  personId: z.uuid(),
  partnerId: z.uuid(),
  contactId: z.uuid().nullable().optional(),
  needArea: z.enum(NEED_AREAS),
  text: text(4000).min(1),
  /** A goal of the person's current plan (its key, stable across versions) the referral serves. */
  goalKey: z.uuid().nullable().optional(),
});
export const referralStatusBody = z.object({
  version,
  status: z.enum(REFERRAL_STATUSES),
  answer: text(4000).optional(),
});
export const referralsQuery = z.object({
  personId: z.uuid().optional(),
  status: z.enum(REFERRAL_STATUSES).optional(),
});
export const referral = z.object({
  id: z.uuid(),
  person,
  partner: named.extend({ kind: z.enum(PARTNER_KINDS) }),
  contact: z.string().nullable(),
  needArea: z.enum(NEED_AREAS),
  text: z.string(),
  goal: z
    .object({ planId: z.uuid(), key: z.uuid(), needArea: z.enum(PLAN_NEED_AREAS), description: z.string() })
    .nullable(),
  status: z.enum(REFERRAL_STATUSES),
  answer: z.string().nullable(),
  sentOn: z.iso.date(),
  answeredOn: z.iso.date().nullable(),
  createdBy: z.string(),
  version: z.number().int(),
});
export type ReferralView = z.infer<typeof referral>;
export const referralsResponse = z.object({ items: z.array(referral) });

// ── Release checklists ──────────────────────────────────────────────────────────────────────
export const checklistItem = z.object({
  id: z.uuid(),
  area: z.enum(CHECKLIST_AREAS),
  status: z.enum(ITEM_STATUSES),
  owner: z.string(),
  dueDate: z.iso.date().nullable(),
  note: z.string(),
  updatedBy: z.string().nullable(),
  flag: z.enum(['open_near_release', 'released_open', 'overdue']).nullable(),
  version: z.number().int(),
});
export const checklist = z.object({
  id: z.uuid(),
  person,
  facility: named,
  releaseDate: z.iso.date(),
  createdOn: z.iso.date(),
  sentenceId: z.uuid(),
  /** A release decision is made on the sentence. */
  decided: z.boolean(),
  daysToRelease: z.number().int(),
  openItems: z.number().int(),
  flagged: z.number().int(),
  items: z.array(checklistItem),
});
export type ChecklistView = z.infer<typeof checklist>;
export const checklistsResponse = z.object({
  horizonDays: z.number().int(),
  upcoming: z.array(checklist),
  /** Releases within the horizon without a checklist yet (made by POST /release/checklists). */
  withoutChecklist: z.array(
    z.object({
      person,
      facility: named,
      releaseDate: z.iso.date(),
      daysToRelease: z.number().int(),
    }),
  ),
  releasedWithOpenItems: z.array(checklist),
});
export const prepareChecklistsBody = z.object({ facilityId: z.uuid().optional() });
export const prepareChecklistsResponse = z.object({
  horizonDays: z.number().int(),
  created: z.number().int(),
});
export const itemBody = z.object({
  version,
  status: z.enum(ITEM_STATUSES),
  owner: text(200).default(''),
  dueDate: z.iso.date().nullable().optional(),
  note: text(2000).default(''),
});

// ── Statistics ──────────────────────────────────────────────────────────────────────────────
export const statisticsQuery = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  facilityId: z.uuid().optional(),
});
const recidivismFigures = z.object({
  released: z.number().int(),
  followedUp: z.number().int(),
  returned: z.number().int(),
  rate: z.number().nullable(),
});
export type RecidivismFigures = z.infer<typeof recidivismFigures>;
export const statisticsResponse = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  activity: z.object({
    on: z.iso.date(),
    inmates: z.number().int(),
    active: z.number().int(),
    share: z.number().nullable(),
  }),
  participation: z.object({
    recorded: z.number().int(),
    present: z.number().int(),
    share: z.number().nullable(),
  }),
  checklists: z.object({
    checklists: z.number().int(),
    complete: z.number().int(),
    completeShare: z.number().nullable(),
    items: z.number().int(),
    settled: z.number().int(),
    settledShare: z.number().nullable(),
  }),
  recidivism: z.object({
    years: z.number().int(),
    total: recidivismFigures,
    byAgeGroup: z.array(recidivismFigures.extend({ group: z.enum(AGE_GROUPS) })),
    byGender: z.array(recidivismFigures.extend({ group: z.enum(['female', 'male', 'unknown']) })),
    byLength: z.array(recidivismFigures.extend({ group: z.enum(LENGTH_BANDS) })),
    byFacilityKind: z.array(
      recidivismFigures.extend({
        group: z.enum(['prison_high', 'prison_lower', 'halfway_house', 'probation_office']),
      }),
    ),
  }),
  plans: z.object({
    withinDays: z.number().int(),
    admitted: z.number().int(),
    plannedInTime: z.number().int(),
    plannedShare: z.number().nullable(),
    agreed: z.number().int(),
    agreedShare: z.number().nullable(),
  }),
  /** Plans of the people released in the period: goals of the plan in force and those reached by release. */
  goalsAtRelease: z.object({
    released: z.number().int(),
    withPlan: z.number().int(),
    withPlanShare: z.number().nullable(),
    goals: z.number().int(),
    reached: z.number().int(),
    reachedShare: z.number().nullable(),
  }),
});
export type FollowupStatistics = z.infer<typeof statisticsResponse>;
