import { z } from 'zod';
import { capacity, facilityKind } from '../organisation/organisation.schemas.ts';

export const dashboardResponse = z.object({
  asOf: z.iso.date(),
  total: z.object(capacity),
  regions: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      ...capacity,
      facilities: z.array(z.object({ id: z.uuid(), name: z.string(), kind: facilityKind, ...capacity })),
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
