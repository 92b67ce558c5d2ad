import { z } from 'zod';
import {
  CONDITIONS,
  LEAVE_KINDS,
  LEAVE_MEASURES,
  LEAVE_PURPOSES,
  OUTCOMES,
  RECOMMENDATIONS,
  RETURN_STATUSES,
} from '../../domain/leave.ts';

export const kind = z.enum(LEAVE_KINDS);
export const purpose = z.enum(LEAVE_PURPOSES);
export const condition = z.enum(CONDITIONS);
export const status = z.enum(['pending', 'granted', 'refused', 'revoked']);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const version = z.number().int().min(1);
const text = (max: number) => z.string().trim().max(max);

const level = z.enum(['green', 'yellow', 'red', 'unknown']);
const trend = z.enum(['rising', 'stable', 'falling', 'unknown']);
const area = z.object({
  municipality: z.string(),
  level,
  trend,
  incidence14d: z.number().nullable(),
});

export const factors = z.object({
  asOf: z.iso.date(),
  kind,
  purpose,
  fromDate: z.iso.date(),
  days: z.number().int(),
  publicTransport: z.boolean(),
  prison: area,
  destination: area,
  staffing: z.object({ staff: z.number().int(), inQuarantine: z.number().int() }),
  measures: z.array(z.enum(LEAVE_MEASURES)),
  minor: z.boolean(),
  eligibility: z.object({
    firstDate: z.iso.date().nullable(),
    firstDateRule: z.string().nullable(),
    quotaLeft: z.number().int().nullable(),
  }),
});

export const reason = z.object({
  code: z.string(),
  effect: z.enum(['refuse', 'conditions', 'support', 'note']),
  source: z.string(),
  text: z.object({ nb: z.string(), en: z.string() }),
});

export const assessment = z.object({
  recommendation: z.enum(RECOMMENDATIONS),
  conditions: z.array(condition),
  reasons: z.array(reason),
  risk: z.enum(['low', 'elevated', 'high']),
  necessity: z.enum(['high', 'ordinary', 'low']),
});

const appeal = z.object({
  id: z.uuid(),
  version: z.number().int(),
  receivedOn: z.iso.date(),
  grounds: z.string(),
  status: z.enum(['received', 'upheld', 'reversed']),
  registeredBy: z.string(),
  registeredAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});

export const listItem = z.object({
  id: z.uuid(),
  version: z.number().int(),
  person: z.object({ id: z.uuid(), name: z.string() }),
  facility: z.object({ id: z.uuid(), name: z.string() }),
  kind,
  fromDate: z.iso.date(),
  fromTime: z.string(),
  toDate: z.iso.date(),
  toTime: z.string(),
  days: z.number().int(),
  destinationMunicipality: z.string(),
  publicTransport: z.boolean(),
  purpose,
  status,
  outcome: z.enum(OUTCOMES).nullable(),
  /** "Victim to be notified": pending until marked done. */
  victimNotification: z.enum(['none', 'pending', 'done']),
  returnStatus: z.enum(RETURN_STATUSES).nullable(),
  appealStatus: z.enum(['received', 'upheld', 'reversed']).nullable(),
});
export type ListItem = z.infer<typeof listItem>;

export const application = listItem.extend({
  facility: z.object({ id: z.uuid(), name: z.string(), municipality: z.string() }),
  description: z.string(),
  appliedBy: z.string(),
  appliedAt: z.string(),
  /** The assessment on today's facts (while pending, or for granted leave not yet begun). */
  current: z.object({ factors, assessment }).nullable(),
  decision: z
    .object({
      outcome: z.enum(OUTCOMES),
      recommendation: z.enum(RECOMMENDATIONS),
      conditions: z.array(condition),
      justification: z.string().nullable(),
      legalReference: z.string(),
      decidedBy: z.string(),
      decidedAt: z.string(),
      /** The factors and assessment as they were when decided. */
      factors,
      assessment,
      /** A grant at high leave risk: a decision of significance for public safety (seed 004). */
      publicSafety: z.boolean(),
      /** The risk assessment the decision rests on. */
      assessmentId: z.uuid().nullable(),
    })
    .nullable(),
  /** While pending: what the person's risk assessment means for a grant. */
  safety: z
    .object({
      assessment: z.object({ id: z.uuid(), assessedOn: z.iso.date() }).nullable(),
      leaveRisk: z.enum(['low', 'moderate', 'high']).nullable(),
      restrictions: z.array(z.string()),
      significantIfGranted: z.boolean(),
      blockedBy: z.string().nullable(),
    })
    .nullable(),
  victims: z.number().int(),
  victimNotifiedBy: z.string().nullable(),
  victimNotifiedAt: z.string().nullable(),
  return: z
    .object({
      status: z.enum(RETURN_STATUSES),
      date: z.iso.date().nullable(),
      time: z.string().nullable(),
      recordedBy: z.string(),
    })
    .nullable(),
  review: z
    .object({
      outcome: z.enum(['confirmed', 'revoked']),
      justification: z.string().nullable(),
      by: z.string(),
      at: z.string(),
      /** The factors the review was made on (what the person is shown as changed). */
      factors: factors.nullable(),
    })
    .nullable(),
  appeal: appeal.nullable(),
});
export type ApplicationView = z.infer<typeof application>;

export const listQuery = z.object({
  facilityId: z.uuid().optional(),
  status: status.optional(),
});
export const listResponse = z.object({ items: z.array(listItem) });

export const createBody = z.object({
  personId: z.uuid(),
  kind,
  fromDate: z.iso.date(),
  fromTime: time,
  toDate: z.iso.date(),
  toTime: time,
  destinationMunicipality: text(100).min(1),
  publicTransport: z.boolean(),
  purpose,
  description: text(4000).min(1),
});

export const decisionBody = z.object({
  version,
  outcome: z.enum(OUTCOMES),
  conditions: z.array(condition).max(CONDITIONS.length).default([]),
  justification: text(4000).optional(),
});

export const appealBody = z.object({
  receivedOn: z.iso.date(),
  grounds: text(4000).min(1),
});
export const appealOutcomeBody = z.object({
  version,
  status: z.enum(['upheld', 'reversed']),
});

export const returnBody = z.object({
  version,
  returned: z.boolean(),
  returnedDate: z.iso.date().optional(),
  returnedTime: time.optional(),
});

export const versionBody = z.object({ version });

export const reviewBody = z.object({
  version,
  action: z.enum(['confirm', 'revoke']),
  justification: text(4000).optional(),
});

export const idParams = z.object({ id: z.uuid() });

export const reviewQuery = z.object({ facilityId: z.uuid().optional() });
export const reviewResponse = z.object({
  today: z.iso.date(),
  items: z.array(
    listItem.extend({
      recommendationThen: z.enum(RECOMMENDATIONS),
      recommendationNow: z.enum(RECOMMENDATIONS),
      changes: z.array(z.object({ factor: z.string(), before: z.string(), after: z.string() })),
      reasonsNow: z.array(reason),
    }),
  ),
});

export const statisticsQuery = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  facilityId: z.uuid().optional(),
});
export const statisticsResponse = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  items: z.array(
    z.object({
      facility: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
      taken: z.number().int(),
      late: z.number().int(),
      notReturned: z.number().int(),
      failures: z.number().int(),
      /** Failures per 1,000 leaves taken ("svikttall"); null when none was taken. */
      perThousand: z.number().nullable(),
    }),
  ),
  total: z.object({
    taken: z.number().int(),
    failures: z.number().int(),
    perThousand: z.number().nullable(),
  }),
});

export const personLeave = z.object({
  personId: z.uuid(),
  inPrison: z.boolean(),
  facility: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  ordinaryLeaveFrom: z.iso.date().nullable(),
  ordinaryLeaveRule: z.string().nullable(),
  dayReleaseFrom: z.iso.date().nullable(),
  quotaDays: z.number().int(),
  quotaLeft: z.number().int(),
  items: z.array(listItem),
});
