import { z } from 'zod';
import { pageQuery, pageSchema } from '../../shared/pagination.ts';

export const facilityKind = z.enum(['prison_high', 'prison_lower', 'halfway_house', 'probation_office']);
export const orgKind = z.enum(['directorate', 'region', 'unit']);

export const capacity = { beds: z.number().int(), occupied: z.number().int(), free: z.number().int() };

/**
 * Capacity while single occupancy is in force (seed 000): a cell with one or more beds counts one
 * place; cells with more than one occupant are over capacity. `inForce` says whether it applies now.
 */
export const singleOccupancy = z.object({
  inForce: z.boolean(),
  places: z.number().int(),
  free: z.number().int(),
  cellsOverCapacity: z.number().int(),
});
export type SingleOccupancyView = z.infer<typeof singleOccupancy>;

export const facilitySummary = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: facilityKind,
  municipality: z.string(),
  ...capacity,
  singleOccupancy,
});
export type FacilitySummary = z.infer<typeof facilitySummary>;

export interface OrgNode {
  id: string;
  code: string;
  name: string;
  kind: z.infer<typeof orgKind>;
  children: OrgNode[];
  facilities: FacilitySummary[];
}

export const orgNode: z.ZodType<OrgNode> = z.lazy(() =>
  z.object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    kind: orgKind,
    children: z.array(orgNode),
    facilities: z.array(facilitySummary),
  }),
);

export const asOfQuery = z.object({ asOf: z.iso.date().optional() });

export const organisationResponse = z.object({ asOf: z.iso.date(), root: orgNode });

export const facilityListQuery = z.object({
  kind: facilityKind.optional(),
  q: z.string().max(100).optional(),
  ...pageQuery,
});
export const facilityListResponse = pageSchema(facilitySummary);

export const idParams = z.object({ id: z.uuid() });

export const facilityDetailResponse = facilitySummary.extend({
  parents: z.array(z.object({ id: z.uuid(), name: z.string(), kind: orgKind })),
  departments: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      name: z.string(),
      cells: z.array(
        z.object({
          id: z.uuid(),
          number: z.string(),
          beds: z.array(
            z.object({
              id: z.uuid(),
              label: z.string(),
              occupied: z.boolean(),
              /** Free and, under single occupancy, in a cell nobody is in: where a person may be placed. */
              usable: z.boolean(),
            }),
          ),
        }),
      ),
    }),
  ),
});
export type FacilityDetail = z.infer<typeof facilityDetailResponse>;
