import { z } from 'zod';

// The infection situation over the API. Aggregate public-health data: no personal data.

const date = z.iso.date();
export const level = z.enum(['green', 'yellow', 'red', 'unknown']);
export const trend = z.enum(['rising', 'stable', 'falling', 'unknown']);

export const asOfQuery = z.object({ asOf: date.optional() });

export const entryBody = z.object({
  municipality: z.string().trim().min(1).max(100),
  date,
  incidence14d: z.number().min(0).max(100_000),
});

/** A CSV file as text/csv, or JSON { csv }. */
export const importBody = z.union([z.string().max(2_000_000), z.object({ csv: z.string().max(2_000_000) })]);

export const thresholds = z.object({
  yellowFrom: z.number(),
  redFrom: z.number(),
  risingPercent: z.number(),
  compareDays: z.number().int(),
  validFrom: date.nullable(),
  source: z.string(),
});

export const thresholdsBody = z.object({
  validFrom: date,
  yellowFrom: z.number().max(100_000),
  redFrom: z.number().max(100_000),
  risingPercent: z.number(),
  compareDays: z.number().int(),
  reason: z.string().trim().min(3).max(1000),
});

export const thresholdPeriod = z.object({
  validFrom: date,
  validTo: date.nullable(),
  yellowFrom: z.number(),
  redFrom: z.number(),
  risingPercent: z.number(),
  compareDays: z.number().int(),
  source: z.string(),
});

export const thresholdsResponse = z.object({
  current: thresholds,
  periods: z.array(thresholdPeriod),
});

const situation = {
  municipality: z.string(),
  date: date.nullable(),
  incidence14d: z.number().nullable(),
  earlierDate: date.nullable(),
  earlierIncidence14d: z.number().nullable(),
  level,
  trend,
};

export const municipalityItem = z.object(situation);

export const municipalitiesResponse = z.object({
  asOf: date,
  thresholds,
  items: z.array(municipalityItem),
});

export const facilityItem = z.object({
  ...situation,
  facility: z.object({ id: z.uuid(), code: z.string(), name: z.string(), kind: z.string() }),
  orgUnit: z.object({ id: z.uuid(), name: z.string(), kind: z.string() }).nullable(),
});

export const facilitiesResponse = z.object({
  asOf: date,
  thresholds,
  items: z.array(facilityItem),
});

export const entryResponse = z.object({
  municipality: z.string(),
  date,
  incidence14d: z.number(),
  created: z.boolean(),
});

export const importResponse = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  municipalities: z.number().int(),
});

export type MunicipalityItem = z.infer<typeof municipalityItem>;
export type FacilityItem = z.infer<typeof facilityItem>;
export type Thresholds = z.infer<typeof thresholds>;
