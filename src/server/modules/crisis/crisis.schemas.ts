import { z } from 'zod';
import { MEASURE_LEVELS, OUTBREAK_ITEMS } from '../../domain/crisis.ts';

const date = z.iso.date();
const ref = z.object({ id: z.uuid(), name: z.string() });

export const figure = z.object({
  value: z.number().int(),
  previous: z.number().int(),
  change: z.number().int(),
});

/** The figures of the crisis picture; a facility's, a region's total or the national total. */
export const FIGURE_KEYS = [
  'inmateCases',
  'staffCases',
  'inmateQuarantine',
  'staffQuarantine',
  'inmateSuspected',
  'staffSuspected',
  'beds',
  'capacity',
  'occupied',
  'free',
  'queueAffected',
  'visitsCancelled',
  'visitsStopped',
  'leaveRestricted',
  'singleOccupancy',
  'outbreak',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export const figures = z.object({
  inmateCases: figure,
  staffCases: figure,
  inmateQuarantine: figure,
  staffQuarantine: figure,
  inmateSuspected: figure,
  staffSuspected: figure,
  beds: figure,
  capacity: figure,
  occupied: figure,
  free: figure,
  queueAffected: figure,
  visitsCancelled: figure,
  /** Facilities (1/0 for one facility) where visits are stopped. */
  visitsStopped: figure,
  /** Facilities where leave, escorted leave or day release is restricted. */
  leaveRestricted: figure,
  /** Facilities under single occupancy. */
  singleOccupancy: figure,
  /** Facilities with a confirmed case or isolation among inmates or staff. */
  outbreak: figure,
});
export type Figures = z.infer<typeof figures>;

const measureLevel = z.enum(MEASURE_LEVELS);
export const measureSummary = z.object({
  visits: z.string().nullable(),
  solitary: z.string().nullable(),
  singleOccupancy: z.boolean(),
  leaveRestricted: z.boolean(),
  level: measureLevel,
  previousLevel: measureLevel,
});

export const facilityRow = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  measures: measureSummary,
  figures,
});

export const dashboardQuery = z.object({ date: date.optional() });
export const dashboardResponse = z.object({
  date,
  previousDate: date,
  generatedAt: z.string(),
  scope: z.object({ kind: z.enum(['national', 'units', 'facilities']), names: z.array(z.string()) }),
  totals: figures,
  regions: z.array(ref.extend({ totals: figures, facilities: z.array(facilityRow) })),
});
export type Dashboard = z.infer<typeof dashboardResponse>;

export const seriesQuery = z.object({
  date: date.optional(),
  orgUnitId: z.uuid().optional(),
  facilityId: z.uuid().optional(),
});
const series = z.object({
  name: z.string(),
  points: z.array(
    z.object({
      date,
      inmateCases: z.number().int(),
      staffCases: z.number().int(),
      inmateQuarantine: z.number().int(),
      staffQuarantine: z.number().int(),
    }),
  ),
});
export const seriesResponse = z.object({ from: date, to: date, all: series, selected: series.nullable() });

export const reportQuery = z.object({
  date: date.optional(),
  format: z.enum(['csv', 'pdf']).default('csv'),
});

export const idParams = z.object({ id: z.uuid() });

export const outbreakFacilities = z.object({ items: z.array(ref.extend({ code: z.string() })) });

const reason = z.string().trim().min(1).max(2000);

export const outbreakMeasuresBody = z.object({
  reason,
  validFrom: date,
  validTo: date,
  reviewDate: date,
  include: z.array(z.enum(OUTBREAK_ITEMS)).min(1).max(OUTBREAK_ITEMS.length),
  solitaryLevel: z.enum(['some', 'all']).default('some'),
});
export const outbreakMeasuresResponse = z.object({
  facility: ref,
  measures: z.array(z.object({ id: z.uuid(), type: z.string(), level: z.string().nullable() })),
});

export const queueQuery = z.object({ from: date.optional(), to: date.optional() });
export const queueResponse = z.object({
  from: date,
  to: date,
  earliestNewDate: date,
  items: z.array(
    z.object({
      sentenceId: z.uuid(),
      version: z.number().int(),
      status: z.enum(['queued', 'summoned', 'postponed']),
      date: date.nullable(),
      person: z.object({ id: z.uuid(), givenName: z.string(), familyName: z.string(), birthDate: date }),
      caseNumber: z.string(),
    }),
  ),
});

export const postponementBody = z
  .object({
    items: z
      .array(z.object({ sentenceId: z.uuid(), version: z.number().int().min(1) }))
      .min(1)
      .max(500),
    reason,
    newDate: date.optional(),
    weeks: z.number().int().min(1).max(52).optional(),
  })
  .refine((b) => (b.newDate === undefined) !== (b.weeks === undefined), {
    path: ['newDate'],
    message: 'Give either a new date or a number of weeks',
  });

export const letter = z.object({
  id: z.uuid(),
  batchId: z.uuid(),
  facility: ref,
  person: z.object({ id: z.uuid(), givenName: z.string(), familyName: z.string() }),
  sentenceId: z.uuid(),
  caseNumber: z.string(),
  oldDate: date.nullable(),
  newDate: date,
  reason: z.string(),
  body: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type LetterView = z.infer<typeof letter>;

export const previewResponse = z.object({
  items: z.array(letter.omit({ id: true, batchId: true, createdAt: true })),
});
export const postponementResponse = z.object({ batchId: z.uuid(), letters: z.array(letter) });

export const lettersQuery = z.object({
  batchId: z.uuid().optional(),
  format: z.enum(['json', 'pdf']).default('json'),
});
export const lettersResponse = z.object({ items: z.array(letter) });

export const inmatesResponse = z.object({
  items: z.array(
    z.object({
      person: z.object({ id: z.uuid(), givenName: z.string(), familyName: z.string(), birthDate: date }),
      sentenceId: z.uuid().nullable(),
      since: date,
      interrupted: z.boolean(),
    }),
  ),
});

export const interruptionBody = z.object({
  personIds: z.array(z.uuid()).min(1).max(500),
  date,
  reason,
});
export const interruptionResponse = z.object({
  recorded: z.number().int(),
  people: z.array(z.object({ id: z.uuid(), givenName: z.string(), familyName: z.string() })),
});
