import { z } from 'zod';

export const personParams = z.object({ id: z.uuid() });
export const facilityParams = z.object({ id: z.uuid() });

export const moveBody = z.object({
  /** The current placement the move starts from: a stale one is refused (409). */
  placementId: z.uuid(),
  toBedId: z.uuid(),
  /** The day of the move; today when left out. */
  on: z.iso.date().optional(),
  reason: z.string().trim().max(1000).optional(),
});

const ref = z.object({ id: z.uuid(), name: z.string() });
const place = z.object({
  facility: ref,
  department: ref,
  cell: z.object({ id: z.uuid(), number: z.string() }),
  bed: z.object({ id: z.uuid(), label: z.string() }),
});

export const moveResponse = z.object({
  personId: z.uuid(),
  placementId: z.uuid(),
  on: z.iso.date(),
  transfer: z.boolean(),
  reason: z.string().nullable(),
  to: place,
});
export type MoveResult = z.infer<typeof moveResponse>;

export const cohortQuery = z.object({ on: z.iso.date().optional() });

const healthStatus = z.enum(['suspected', 'confirmed', 'quarantine', 'isolation']);
const spot = z.object({
  department: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  cell: z.object({ id: z.uuid(), number: z.string() }),
  bed: z.object({ id: z.uuid(), label: z.string() }),
});
const person = z.object({ id: z.uuid(), givenName: z.string(), familyName: z.string() });

export const cohortResponse = z.object({
  facility: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  on: z.iso.date(),
  singleOccupancy: z.boolean(),
  /** proposal: moves to make; no_infected: nothing to do; impossible: no department can hold them. */
  kind: z.enum(['proposal', 'no_infected', 'impossible']),
  rule: z.string(),
  explanation: z.string(),
  department: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
  infected: z.array(z.object({ person, status: healthStatus, at: spot })),
  staying: z.array(z.object({ person, at: spot })),
  moves: z.array(
    z.object({
      person,
      why: z.enum(['infected', 'make_room']),
      from: spot,
      to: spot,
    }),
  ),
  assessed: z.array(
    z.object({
      department: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
      holds: z.number().int(),
      freeCells: z.number().int(),
      moves: z.number().int().nullable(),
    }),
  ),
});
export type CohortView = z.infer<typeof cohortResponse>;

export const cohortApplyBody = z.object({
  /** The date the proposal was made for: the moves take effect that day. */
  on: z.iso.date(),
  /** The proposal's moves as shown; if the facility has changed since, the whole set is refused. */
  moves: z
    .array(z.object({ personId: z.uuid(), fromBedId: z.uuid(), toBedId: z.uuid() }))
    .min(1)
    .max(500),
});

export const cohortApplyResponse = z.object({
  facilityId: z.uuid(),
  on: z.iso.date(),
  moved: z.number().int(),
});
