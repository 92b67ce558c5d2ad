import { z } from 'zod';
import { pageQuery, pageSchema } from '../../shared/pagination.ts';

// The engine's input and output as zod schemas: the what-if API validates against them and the
// OpenAPI description documents them.

const date = z.iso.date();
const dateTime = z.iso.datetime({ offset: true, local: true });
const positive = z.number().int().positive();
const offenceGroup = z.enum([
  'terror',
  'sexual',
  'murder',
  'domestic_violence',
  'serious_violence',
  'violence_close_relation',
  'other',
]);

export const sentenceInput = z.object({
  id: z.string().min(1).max(100),
  kind: z.enum(['prison', 'community', 'fine_substitute', 'preventive_detention', 'youth', 'remand']),
  offenceDate: date.optional(),
  offenceGroups: z.array(offenceGroup).max(7).readonly().optional(),
  termDays: positive.optional(),
  termMonths: positive.optional(),
  minimumTermDays: positive.optional(),
  minimumTermMonths: positive.optional(),
  frameDays: positive.optional(),
  frameMonths: positive.optional(),
  hours: positive.optional(),
  substituteDays: positive.optional(),
  substituteMonths: positive.optional(),
  executionPeriodDays: positive.optional(),
  remandCreditDays: z.number().int().min(0).optional(),
});

export const eventType = z.enum([
  'execution_start',
  'escape',
  'return',
  'interruption_start',
  'interruption_end',
  'remand_other_case_start',
  'remand_other_case_end',
]);

export const keyDatesInput = z.object({
  asOf: date,
  birthDate: date.nullable().optional(),
  sentences: z.array(sentenceInput).min(1).max(50).readonly(),
  remandPeriods: z
    .array(
      z.object({
        arrestedAt: dateTime,
        releasedAt: dateTime.nullable(),
        isolation: z
          .array(z.object({ from: date, to: date }))
          .max(50)
          .readonly()
          .optional(),
      }),
    )
    .max(50)
    .readonly()
    .optional(),
  events: z
    .array(z.object({ type: eventType, date }))
    .max(200)
    .readonly()
    .optional(),
  leave: z
    .object({
      daysTaken: z.number().int().min(0),
      firstOrdinaryLeaveOn: date.nullable().optional(),
      specialReasons: z.boolean().optional(),
    })
    .nullable()
    .optional(),
});
export type KeyDatesRequest = z.infer<typeof keyDatesInput>;

const explanation = z.object({ nb: z.string(), en: z.string() });
const grounded = { rule: z.string(), legalRef: z.string(), explanation };
const daysValue = z.object({ ...grounded, days: z.number().int() });

export const eligibility = z.discriminatedUnion('status', [
  z.object({ status: z.literal('eligible'), since: date.nullable() }),
  z.object({ status: z.literal('not_yet'), from: date.nullable() }),
  z.object({ status: z.literal('not_applicable'), reason: explanation }),
]);

export const keyDate = z.object({
  ...grounded,
  key: z.string(),
  sentenceIds: z.array(z.string()),
  date: date.nullable(),
  eligibility,
  value: z.number().optional(),
});

export const keyDatesResult = z.object({
  asOf: date,
  combinedTerm: daysValue.nullable(),
  remandCredit: daysValue.extend({
    baseDays: z.number().int(),
    isolationDays: z.number().int(),
    fromJudgmentDays: z.number().int(),
    periods: z.array(
      z.object({
        arrestedAt: z.string(),
        releasedAt: z.string().nullable(),
        baseDays: z.number().int(),
        isolationDays: z.number().int(),
      }),
    ),
  }),
  absence: daysValue,
  executionStart: date.nullable(),
  servedDays: z.number().int().nullable(),
  expectedEnd: date.nullable(),
  keyDates: z.array(keyDate),
  leaveQuota: z
    .object({
      ...grounded,
      quotaDays: z.number().int(),
      usedDays: z.number().int(),
      leftDays: z.number().int(),
      periodFrom: date.nullable(),
      periodTo: date.nullable(),
    })
    .nullable(),
  warnings: z.array(z.object(grounded)),
});

export const personKeyDates = z.object({
  personId: z.uuid(),
  computedAt: z.string(),
  input: keyDatesInput,
  result: keyDatesResult,
});

export const previewBody = z.object({ event: z.object({ type: eventType, date }) });
export const previewResponse = z.object({
  before: keyDatesResult,
  after: keyDatesResult,
  changes: z.array(
    z.object({ key: z.string(), rule: z.string(), before: date.nullable(), after: date.nullable() }),
  ),
});

export const recordEventBody = z.object({
  type: eventType,
  date,
  sentenceId: z.uuid().optional(),
  note: z.string().trim().max(1000).optional(),
});

export const eligibilityKind = z.enum([
  'leave',
  'day_release',
  'em',
  'halfway_house',
  'lower_security',
  'parole',
]);
export const eligibilityQuery = z.object({
  kind: eligibilityKind,
  withinDays: z.coerce.number().int().min(0).max(730).default(30),
  facilityId: z.uuid().optional(),
  ...pageQuery,
});
export const eligibilityItem = z.object({
  person: z.object({ id: z.uuid(), givenName: z.string(), familyName: z.string() }),
  facility: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  key: z.string(),
  rule: z.string(),
  date: date.nullable(),
  status: z.enum(['eligible', 'not_yet']),
});
export const eligibilityResponse = pageSchema(eligibilityItem);

export const crisisListQuery = z.object({
  from: date,
  to: date,
  withinDays: z.coerce.number().int().min(0).max(365).default(30),
  format: z.enum(['json', 'csv']).default('json'),
  /** Only people placed at this facility (the outbreak page links here). */
  facilityId: z.uuid().optional(),
  /** The language of the CSV's explanations; a download link cannot send Accept-Language. */
  lang: z.enum(['nb', 'en']).optional(),
});
export const crisisListItem = z.object({
  person: z.object({ id: z.uuid(), givenName: z.string(), familyName: z.string(), birthDate: date }),
  facility: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  key: z.string(),
  rule: z.string(),
  legalRef: z.string(),
  status: z.enum(['due', 'eligible', 'not_applicable']),
  date: date.nullable(),
  explanation,
});
export const crisisListResponse = z.object({
  from: date,
  to: date,
  asOf: date,
  withinDays: z.number().int(),
  items: z.array(crisisListItem),
});

export const recalculationResponse = z.object({
  persons: z.number().int(),
  failed: z.number().int(),
  seconds: z.number(),
});

export const crisisPeriods = z.array(
  z.object({
    from: date,
    to: date.nullable(),
    reason: z.string(),
    setBy: z.string().nullable(),
    setAt: z.string(),
  }),
);
