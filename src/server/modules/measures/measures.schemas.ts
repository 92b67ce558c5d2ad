import { z } from 'zod';
import { MEASURE_TYPES } from '../../domain/measures.ts';

export const measureType = z.enum(MEASURE_TYPES);
export const scopeKind = z.enum(['national', 'unit', 'facility']);
const ref = z.object({ id: z.uuid(), name: z.string() });

export const measure = z.object({
  id: z.uuid(),
  version: z.number().int(),
  type: measureType,
  level: z.string().nullable(),
  scopeKind,
  scope: ref.nullable(),
  reason: z.string(),
  decidedBy: z.string(),
  decidedAt: z.string(),
  validFrom: z.iso.date(),
  validTo: z.iso.date(),
  reviewDate: z.iso.date(),
  endedOn: z.iso.date().nullable(),
  inForce: z.boolean(),
  /** Whether the caller may change or end it (in their scope, with measures.manage). */
  manageable: z.boolean(),
});
export type MeasureView = z.infer<typeof measure>;

export const catalogueResponse = z.object({
  types: z.array(
    z.object({
      type: measureType,
      levels: z.array(z.string()).nullable(),
      area: z.enum(['visits', 'leave', 'video']).nullable(),
      source: z.string(),
    }),
  ),
});

export const listQuery = z.object({
  scopeKind: scopeKind.optional(),
  scopeId: z.uuid().optional(),
  on: z.iso.date().optional(),
});
export const listResponse = z.object({ items: z.array(measure) });

const version = z.number().int().min(1);
const reason = z.string().trim().min(1).max(2000);

export const createBody = z.object({
  type: measureType,
  level: z.string().max(40).nullable().optional(),
  scopeKind,
  scopeId: z.uuid().nullable().optional(),
  reason,
  validFrom: z.iso.date(),
  validTo: z.iso.date(),
  reviewDate: z.iso.date(),
});
export const updateBody = z.object({
  version,
  level: z.string().max(40).nullable().optional(),
  reason,
  validFrom: z.iso.date(),
  validTo: z.iso.date(),
  reviewDate: z.iso.date(),
});
export const endBody = z.object({ version });
export const idParams = z.object({ id: z.uuid() });

export const onQuery = z.object({ on: z.iso.date().optional() });
export const reviewsQuery = z.object({ withinDays: z.coerce.number().int().min(0).max(365).default(7) });

const effective = z.object({
  type: measureType,
  level: z.string().nullable(),
  measure,
  sources: z.number().int(),
});
export const facilityMeasures = z.object({
  facility: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  on: z.iso.date(),
  inForce: z.array(effective),
});

export const divergence = z.object({
  type: measureType,
  nationalLevel: z.string().nullable(),
  localLevel: z.string().nullable(),
  divergence: z.enum(['stricter', 'local_only', 'looser_ignored']),
  measureId: z.uuid(),
});
export const nationalView = z.object({
  on: z.iso.date(),
  national: z.array(effective),
  facilities: z.array(
    z.object({
      facility: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
      inForce: z.array(z.object({ type: measureType, level: z.string().nullable() })),
      divergences: z.array(divergence),
    }),
  ),
});

export const reviewsResponse = z.object({
  today: z.iso.date(),
  withinDays: z.number().int(),
  items: z.array(measure.extend({ overdue: z.boolean(), daysLeft: z.number().int() })),
});

export const scopeOptions = z.object({
  national: z.boolean(),
  units: z.array(ref),
  facilities: z.array(ref),
});

export const publicFacilities = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string() })),
});
export const publicCodeParams = z.object({ code: z.string().min(1).max(20) });
export const publicFacility = z.object({
  code: z.string(),
  name: z.string(),
  on: z.iso.date(),
  visits: z.string(),
  leave: z.array(z.string()),
  video: z.string(),
  hotline: z.object({ phone: z.string(), text: z.string() }),
});
