import { z } from 'zod';
import { NEED_AREAS as REFERRAL_AREAS, REFERRAL_STATUSES } from '../../domain/activities.ts';
import { GOAL_STATUSES, PLACEMENT_KINDS, STEP_STATUSES, STEPS } from '../../domain/plans.ts';
import { NEED_AREAS, NEED_LEVELS } from '../../domain/risk.ts';

const text = (max: number) => z.string().trim().max(max);
const version = z.number().int().min(1);

export const idParams = z.object({ id: z.uuid() });
export const goalParams = z.object({ id: z.uuid(), key: z.uuid() });

export const goalInput = z.object({
  /** The goal's key across versions: given when the goal is carried over, new goals have none. */
  key: z.uuid().optional(),
  needArea: z.enum(NEED_AREAS),
  needJustification: text(2000).nullable().optional(),
  description: text(2000).min(1),
  activities: text(4000).default(''),
  responsible: text(200).min(1),
  startDate: z.iso.date().nullable().optional(),
  dueDate: z.iso.date().nullable().optional(),
});

export const contentBody = z.object({
  personCommitments: text(4000).default(''),
  serviceCommitments: text(4000).default(''),
  goals: z.array(goalInput).max(30),
});
export type ContentBody = z.infer<typeof contentBody>;

export const draftBody = contentBody.extend({ version });
export type DraftBody = z.infer<typeof draftBody>;

export const newVersionBody = z.object({ basedOn: z.uuid() });

export const agreementBody = z.object({
  version,
  accepted: z.boolean(),
  decidedOn: z.iso.date(),
  personSignature: text(200).optional(),
  officerSignature: text(200).optional(),
  refusalReason: text(4000).optional(),
});
export type AgreementBody = z.infer<typeof agreementBody>;

export const goalStatusBody = z.object({
  status: z.enum(GOAL_STATUSES),
  reason: text(2000).optional(),
});

export const reviewBody = z.object({
  occasion: z.enum(['scheduled', 'event']),
  reviewedOn: z.iso.date(),
  note: text(4000).min(1),
});

const goal = z.object({
  key: z.uuid(),
  needArea: z.enum(NEED_AREAS),
  needJustification: z.string().nullable(),
  description: z.string(),
  activities: z.string(),
  responsible: z.string(),
  startDate: z.iso.date().nullable(),
  dueDate: z.iso.date().nullable(),
  /** What became of the goal in the follow-up of the plan. */
  status: z.enum(GOAL_STATUSES),
});

export const planVersion = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: z.enum(['draft', 'agreed', 'refused', 'superseded']),
  version: z.number().int(),
  assessmentId: z.uuid(),
  personCommitments: z.string(),
  serviceCommitments: z.string(),
  goals: z.array(goal),
  createdBy: z.string(),
  createdAt: z.string(),
  decidedOn: z.iso.date().nullable(),
  personSignature: z.string().nullable(),
  officerSignature: z.string().nullable(),
  refusalReason: z.string().nullable(),
});
export type PlanVersionView = z.infer<typeof planVersion>;

const difference = z.object({
  what: z.enum(['personCommitments', 'serviceCommitments', 'goal']),
  kind: z.enum(['added', 'removed', 'changed']),
  goalKey: z.string().optional(),
  fields: z.array(z.string()).optional(),
  before: z.string().optional(),
  after: z.string().optional(),
});

const reason = z.object({ code: z.string(), area: z.enum(NEED_AREAS).optional(), source: z.string() });

export const overview = z.object({
  person: z.object({ id: z.uuid(), name: z.string() }),
  today: z.iso.date(),
  sentenceId: z.uuid().nullable(),
  assessment: z
    .object({
      id: z.uuid(),
      number: z.number().int(),
      assessedOn: z.iso.date(),
      needs: z.array(z.object({ area: z.enum(NEED_AREAS), level: z.enum(NEED_LEVELS), note: z.string() })),
    })
    .nullable(),
  plan: z
    .object({
      id: z.uuid(),
      createdBy: z.string(),
      createdAt: z.string(),
      nextReviewDate: z.iso.date().nullable(),
      reviewDue: z.boolean(),
    })
    .nullable(),
  agreed: planVersion.nullable(),
  draft: planVersion.nullable(),
  history: z.array(planVersion.omit({ goals: true }).extend({ differences: z.array(difference) })),
  goalEvents: z.array(
    z.object({
      goalKey: z.uuid(),
      description: z.string(),
      status: z.enum(GOAL_STATUSES),
      reason: z.string().nullable(),
      by: z.string(),
      at: z.string(),
    }),
  ),
  reviews: z.array(
    z.object({
      id: z.uuid(),
      occasion: z.enum(['scheduled', 'event']),
      reviewedOn: z.iso.date(),
      note: z.string(),
      nextReviewDate: z.iso.date(),
      versionNumber: z.number().int().nullable(),
      by: z.string(),
    }),
  ),
  placement: z.enum(PLACEMENT_KINDS),
  /** Where the person is placed now: the activities offered to the goals are that facility's. */
  facility: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** Per goal of the plan (any version), the activities and referrals that serve it. */
  links: z.array(
    z.object({
      goalKey: z.uuid(),
      /** The area a referral for this goal is filed under, to prefill the referral. */
      referralArea: z.enum(REFERRAL_AREAS),
      activities: z.array(
        z.object({
          enrolmentId: z.uuid(),
          activity: z.object({ id: z.uuid(), name: z.string() }),
          status: z.enum(['enrolled', 'waiting']),
          enrolledOn: z.iso.date().nullable(),
          waitingPosition: z.number().int().nullable(),
        }),
      ),
      referrals: z.array(
        z.object({
          id: z.uuid(),
          partner: z.object({ id: z.uuid(), name: z.string() }),
          needArea: z.enum(REFERRAL_AREAS),
          status: z.enum(REFERRAL_STATUSES),
          answer: z.string().nullable(),
          sentOn: z.iso.date(),
          answeredOn: z.iso.date().nullable(),
        }),
      ),
    }),
  ),
  path: z.array(
    z.object({
      step: z.enum(STEPS),
      date: z.iso.date().nullable(),
      keyDate: z.string().nullable(),
      status: z.enum(STEP_STATUSES),
      conditional: z.boolean(),
      reasons: z.array(reason),
    }),
  ),
});
export type Overview = z.infer<typeof overview>;

export const reviewsDueQuery = z.object({
  facilityId: z.uuid().optional(),
  withinDays: z.coerce.number().int().min(0).max(366).default(30),
});

export const reviewsDueResponse = z.object({
  today: z.iso.date(),
  until: z.iso.date(),
  facilities: z.array(z.object({ id: z.uuid(), name: z.string() })),
  /** The facility listed; null until one is chosen. */
  facility: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** Plans of the facility's inmates whose next review is within the days asked or past. */
  plans: z.array(
    z.object({
      planId: z.uuid(),
      person: z.object({ id: z.uuid(), name: z.string() }),
      agreedVersion: z.number().int().nullable(),
      nextReviewDate: z.iso.date(),
      overdue: z.boolean(),
    }),
  ),
  /** The facility's inmates with a current assessment and a sentence, but no plan yet. */
  withoutPlan: z.array(
    z.object({
      person: z.object({ id: z.uuid(), name: z.string() }),
      assessmentId: z.uuid(),
      assessedOn: z.iso.date(),
      intakeDate: z.iso.date(),
      daysSinceIntake: z.number().int(),
    }),
  ),
});
export type ReviewsDue = z.infer<typeof reviewsDueResponse>;
