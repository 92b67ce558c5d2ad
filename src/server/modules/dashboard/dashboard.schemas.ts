import { z } from 'zod';
import { capacity, facilityKind, singleOccupancy } from '../organisation/organisation.schemas.ts';

/**
 * Capacity now, counting single occupancy where it is in force (seed 000): there a cell is one
 * place; elsewhere a bed is. Cells over capacity: cells with more than one occupant where it is in force.
 */
const capacityNow = z.object({
  facilitiesInForce: z.number().int(),
  places: z.number().int(),
  cellsOverCapacity: z.number().int(),
});

export const dashboardResponse = z.object({
  asOf: z.iso.date(),
  total: z.object(capacity),
  singleOccupancy: capacityNow,
  regions: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      ...capacity,
      singleOccupancy: capacityNow,
      facilities: z.array(
        z.object({ id: z.uuid(), name: z.string(), kind: facilityKind, ...capacity, singleOccupancy }),
      ),
    }),
  ),
  queue: z.object({
    length: z.number().int(),
    oldestOrderDate: z.iso.date().nullable(),
    oldestDaysWaiting: z.number().int().nullable(),
  }),
  em: z.object({ count: z.number().int() }),
  remand: z.object({ count: z.number().int() }),
  week: z.object({
    from: z.iso.date(),
    to: z.iso.date(),
    admissions: z.number().int(),
    releases: z.number().int(),
  }),
});
export type Dashboard = z.infer<typeof dashboardResponse>;
