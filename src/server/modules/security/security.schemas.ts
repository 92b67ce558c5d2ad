import { z } from 'zod';
import { SECURITY_LEVELS } from '../../domain/security-levels.ts';

export const level = z.enum(SECURITY_LEVELS);

export const staticCriteria = z
  .object({
    perimeter: z.enum(['none', 'fence', 'wall']),
    cameras: z.enum(['none', 'partial', 'full']),
    alarms: z.boolean(),
    searches: z.enum(['on_suspicion', 'routine', 'systematic']),
    entryControl: z.boolean(),
  })
  .strict();
export const dynamicCriteria = z
  .object({
    staffPresence: z.enum(['occasional', 'regular', 'constant']),
    contactOfficers: z.boolean(),
    activities: z.enum(['few', 'daily', 'full']),
  })
  .strict();
export const organisationalCriteria = z
  .object({
    staffingPlan: z.boolean(),
    localInstructions: z.boolean(),
    trainedPercent: z.number().int().min(0).max(100),
    incidentHandling: z.boolean(),
    crisisPlans: z.boolean(),
  })
  .strict();
export const criteria = z.object({
  static: staticCriteria,
  dynamic: dynamicCriteria,
  organisational: organisationalCriteria,
});

const component = z.enum(['static', 'dynamic', 'organisational']);
const scores = z.object({
  static: z.number().int(),
  dynamic: z.number().int(),
  organisational: z.number().int(),
});

export const levelResult = z.object({
  level,
  scores,
  limitedBy: z.array(component),
  source: z.string(),
});

export const classification = z.object({
  id: z.uuid(),
  facilityId: z.uuid(),
  department: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
  validFrom: z.iso.date(),
  criteria,
  scores,
  level,
  justification: z.string(),
  classifiedBy: z.string(),
  classifiedAt: z.string(),
});
export type ClassificationView = z.infer<typeof classification>;

export const idParams = z.object({ id: z.uuid() });
export const onQuery = z.object({ on: z.iso.date().optional() });
export const unitQuery = z.object({ on: z.iso.date().optional(), need: level.optional() });

export const overview = z.object({
  on: z.iso.date(),
  items: z.array(
    z.object({
      facility: z.object({ id: z.uuid(), code: z.string(), name: z.string(), kind: z.string() }),
      level: level.nullable(),
      validFrom: z.iso.date().nullable(),
      departments: z.number().int(),
      departmentsClassified: z.number().int(),
      classifiable: z.boolean(),
    }),
  ),
});

export const unitLevelsResponse = z.object({
  facility: z.object({ id: z.uuid(), code: z.string(), name: z.string(), kind: z.string() }),
  on: z.iso.date(),
  level: level.nullable(),
  current: classification.nullable(),
  departments: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      name: z.string(),
      level: level.nullable(),
      inherited: z.boolean(),
      validFrom: z.iso.date().nullable(),
      classificationId: z.uuid().nullable(),
      match: z.enum(['match', 'unit_too_low', 'unit_higher_than_needed']).nullable(),
    }),
  ),
  need: level.nullable(),
  /** Departments for the need, best first; none below it (null without a need). */
  suggestions: z.array(z.object({ departmentId: z.uuid(), level, match: z.string() })).nullable(),
  history: z.array(classification),
  classifiable: z.boolean(),
});

export const classifyBody = z.object({
  departmentId: z.uuid().nullable().optional(),
  validFrom: z.iso.date(),
  static: staticCriteria,
  dynamic: dynamicCriteria,
  organisational: organisationalCriteria,
  justification: z.string().trim().min(1).max(4000),
  /** The classification of the unit the caller read (the latest), or null when there was none. */
  supersedes: z.uuid().nullable(),
});
