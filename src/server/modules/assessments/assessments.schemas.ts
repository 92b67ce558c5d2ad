import { z } from 'zod';
import {
  FLAGS,
  NEED_AREAS,
  NEED_LEVELS,
  OCCASIONS,
  RESTRICTION_KINDS,
  RISK_LEVELS,
  RISK_PURPOSES,
  SEPARATION_LEVELS,
  SEPARATION_REASONS,
} from '../../domain/risk.ts';
import { SECURITY_LEVELS } from '../../domain/security-levels.ts';

const text = (max: number) => z.string().trim().max(max);
const version = z.number().int().min(1);
const purpose = z.enum(RISK_PURPOSES);
const level = z.enum(RISK_LEVELS);
const restrictionKind = z.enum(RESTRICTION_KINDS as [string, ...string[]]);
const localised = z.object({ nb: z.string(), en: z.string() });

export const idParams = z.object({ id: z.uuid() });

export const need = z.object({
  area: z.enum(NEED_AREAS),
  level: z.enum(NEED_LEVELS),
  note: text(2000).default(''),
});

export const ratingInput = z.object({
  purpose,
  probability: z.number().int().min(1).max(5),
  consequence: z.number().int().min(1).max(5),
  basis: text(2000).optional(),
});

export const createBody = z.object({
  /** The assessment this one supersedes: the current one as the client saw it (null for the first). */
  supersedesId: z.uuid().nullable(),
  occasion: z.enum(OCCASIONS),
  eventDescription: text(2000).optional(),
  assessedOn: z.iso.date(),
  informationSources: text(4000).min(1),
  needs: z.array(need).max(NEED_AREAS.length),
  resources: text(4000).default(''),
  ratings: z.array(ratingInput).max(RISK_PURPOSES.length),
  securityLevel: z.enum(SECURITY_LEVELS).nullable().optional(),
  securityBasis: text(4000).optional(),
  organisedCriteria: z.array(z.number().int().min(1).max(11)).max(11).default([]),
  networkCrime: z.boolean().default(false),
  mentalIllnessRisk: z.boolean().default(false),
  interpreterLanguage: text(100).optional(),
  infoflyt: z.boolean().default(false),
});
export type CreateBody = z.infer<typeof createBody>;

export const rating = z.object({
  purpose,
  probability: z.number().int(),
  consequence: z.number().int(),
  score: z.number().int(),
  level,
  basis: z.string(),
  /** The measures that meet this risk, least restrictive first. */
  proposals: z.array(restrictionKind),
});

export const assessment = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  number: z.number().int(),
  status: z.enum(['current', 'superseded']),
  occasion: z.enum(OCCASIONS),
  eventDescription: z.string().nullable(),
  assessedOn: z.iso.date(),
  reviewDate: z.iso.date(),
  reviewDue: z.boolean(),
  informationSources: z.string(),
  needs: z.array(z.object({ area: z.enum(NEED_AREAS), level: z.enum(NEED_LEVELS), note: z.string() })),
  resources: z.string(),
  ratings: z.array(rating),
  securityLevel: z.enum(SECURITY_LEVELS).nullable(),
  securityBasis: z.string().nullable(),
  organisedCriteria: z.array(z.number().int()),
  networkCrime: z.boolean(),
  mentalIllnessRisk: z.boolean(),
  interpreterLanguage: z.string().nullable(),
  infoflyt: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  supersededBy: z.uuid().nullable(),
});
export type AssessmentView = z.infer<typeof assessment>;

export const flag = z.object({
  code: z.enum(FLAGS),
  basis: z.enum(['computed', 'recorded']),
  explanation: localised,
  source: z.string(),
});

export const restriction = z.object({
  id: z.uuid(),
  version: z.number().int(),
  personId: z.uuid(),
  kind: restrictionKind,
  purpose,
  rank: z.number().int(),
  assessmentId: z.uuid(),
  assessmentNumber: z.number().int().nullable(),
  justification: z.string(),
  moreRestrictive: z.boolean(),
  necessityJustification: z.string().nullable(),
  validFrom: z.iso.date(),
  createdBy: z.string(),
  createdAt: z.string(),
  inForce: z.boolean(),
  lifted: z
    .object({
      on: z.iso.date(),
      justification: z.string(),
      assessmentId: z.uuid(),
      by: z.string(),
    })
    .nullable(),
});
export type RestrictionView = z.infer<typeof restriction>;

export const nonAssociation = z.object({
  id: z.uuid(),
  version: z.number().int(),
  /** The other person: named only when the caller may see them. */
  other: z.object({ id: z.uuid(), name: z.string().nullable() }),
  level: z.enum(SEPARATION_LEVELS),
  reason: z.enum(SEPARATION_REASONS),
  note: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  endedOn: z.iso.date().nullable(),
});

export const overview = z.object({
  person: z.object({ id: z.uuid(), name: z.string(), birthDate: z.iso.date() }),
  today: z.iso.date(),
  current: assessment.nullable(),
  history: z.array(
    z.object({
      id: z.uuid(),
      number: z.number().int(),
      status: z.enum(['current', 'superseded']),
      occasion: z.enum(OCCASIONS),
      assessedOn: z.iso.date(),
      reviewDate: z.iso.date(),
      createdBy: z.string(),
    }),
  ),
  flags: z.array(flag),
  restrictions: z.array(restriction),
  nonAssociations: z.array(nonAssociation),
});

export const restrictionBody = z.object({
  kind: restrictionKind,
  justification: text(4000).optional(),
  necessityJustification: text(4000).optional(),
  validFrom: z.iso.date().optional(),
});

export const liftBody = z.object({
  version,
  justification: text(4000).optional(),
});

export const nonAssociationBody = z.object({
  otherPersonId: z.uuid(),
  level: z.enum(SEPARATION_LEVELS),
  reason: z.enum(SEPARATION_REASONS),
  note: text(2000).min(1),
});

export const endBody = z.object({ version });

export const dueQuery = z.object({
  facilityId: z.uuid().optional(),
  withinDays: z.coerce.number().int().min(0).max(366).default(30),
});

export const dueResponse = z.object({
  today: z.iso.date(),
  until: z.iso.date(),
  facilities: z.array(z.object({ id: z.uuid(), name: z.string() })),
  items: z.array(
    z.object({
      assessmentId: z.uuid(),
      number: z.number().int(),
      person: z.object({ id: z.uuid(), name: z.string() }),
      facility: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      occasion: z.enum(OCCASIONS),
      assessedOn: z.iso.date(),
      reviewDate: z.iso.date(),
      overdue: z.boolean(),
    }),
  ),
});
