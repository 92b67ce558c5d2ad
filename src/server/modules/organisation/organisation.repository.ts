import { type Kysely, sql } from 'kysely';
import type { Database, FacilityKind } from '../../db/types.ts';
import { singleOccupancyCapacity } from '../../domain/placement.ts';
import { offsetOf, type PageRequest } from '../../shared/pagination.ts';
import { facilitiesWithMeasure } from '../measures/measures.repository.ts';
import type { FacilitySummary, SingleOccupancyView } from './organisation.schemas.ts';

const validOn = (asOf: string) =>
  sql<boolean>`valid_from <= ${asOf} and (valid_to is null or valid_to > ${asOf})`;

export function createOrganisationRepository(db: Kysely<Database>) {
  /** Beds and occupied beds per facility on a date, in one aggregate query. */
  function capacityQuery(asOf: string) {
    return db
      .selectFrom('facility as f')
      .leftJoin('department as d', 'd.facility_id', 'f.id')
      .leftJoin('cell as c', 'c.department_id', 'd.id')
      .leftJoin('bed as b', 'b.cell_id', 'c.id')
      .leftJoin('placement as p', (j) =>
        j
          .onRef('p.bed_id', '=', 'b.id')
          .on('p.from_date', '<=', asOf)
          .on((eb) => eb.or([eb('p.to_date', 'is', null), eb('p.to_date', '>', asOf)])),
      )
      .select([
        'f.id',
        'f.code',
        'f.name',
        'f.kind',
        'f.municipality',
        sql<number>`count(b.id)::int`.as('beds'),
        sql<number>`count(p.id)::int`.as('occupied'),
      ])
      .where(sql<boolean>`f.valid_from <= ${asOf} and (f.valid_to is null or f.valid_to > ${asOf})`)
      .groupBy('f.id');
  }

  const withFree = <T extends { beds: number; occupied: number }>(r: T) => ({
    ...r,
    free: r.beds - r.occupied,
  });

  /** Per cell with beds: its facility, beds and occupants on the date. */
  function cellLoadsQuery(asOf: string, facilityIds?: readonly string[]) {
    if (facilityIds?.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('cell as c')
      .innerJoin('department as d', 'd.id', 'c.department_id')
      .innerJoin('bed as b', 'b.cell_id', 'c.id')
      .leftJoin('placement as p', (j) =>
        j
          .onRef('p.bed_id', '=', 'b.id')
          .on('p.from_date', '<=', asOf)
          .on((eb) => eb.or([eb('p.to_date', 'is', null), eb('p.to_date', '>', asOf)])),
      )
      .select([
        'd.facility_id as facilityId',
        'c.id as cellId',
        sql<number>`count(distinct b.id)::int`.as('beds'),
        sql<number>`count(p.id)::int`.as('occupants'),
      ])
      .$if(facilityIds !== undefined, (q) => q.where('d.facility_id', 'in', facilityIds as string[]))
      .groupBy(['d.facility_id', 'c.id'])
      .execute();
  }

  /** Adds capacity under single occupancy (seed 000) to each facility, in two queries for all. */
  async function withSingleOccupancy<T extends { id: string }>(
    rows: T[],
    asOf: string,
    all: boolean,
  ): Promise<(T & { singleOccupancy: SingleOccupancyView })[]> {
    const [loads, inForce] = await Promise.all([
      cellLoadsQuery(asOf, all ? undefined : rows.map((r) => r.id)),
      facilitiesWithMeasure(db, 'single_occupancy', asOf),
    ]);
    const byFacility = new Map<string, { beds: number; occupants: number }[]>();
    for (const l of loads) byFacility.set(l.facilityId, [...(byFacility.get(l.facilityId) ?? []), l]);
    return rows.map((r) => ({
      ...r,
      singleOccupancy: {
        inForce: inForce.has(r.id),
        ...singleOccupancyCapacity(byFacility.get(r.id) ?? []),
      },
    }));
  }

  return {
    orgUnits(asOf: string) {
      return db
        .selectFrom('org_unit')
        .select(['id', 'code', 'name', 'kind', 'parent_id'])
        .where(validOn(asOf))
        .orderBy('name')
        .execute();
    },

    memberships(asOf: string) {
      return db
        .selectFrom('facility_membership')
        .select(['facility_id', 'org_unit_id'])
        .where(validOn(asOf))
        .execute();
    },

    async facilitiesWithCapacity(asOf: string): Promise<FacilitySummary[]> {
      const rows = await capacityQuery(asOf).orderBy('f.name').execute();
      return withSingleOccupancy(rows.map(withFree), asOf, true);
    },

    async listFacilities(
      filter: { kind?: FacilityKind | undefined; q?: string | undefined },
      page: PageRequest,
      asOf: string,
    ) {
      let query = capacityQuery(asOf);
      if (filter.kind) query = query.where('f.kind', '=', filter.kind);
      if (filter.q) query = query.where('f.name', 'ilike', `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`);
      const rows = await query
        .select(sql<number>`count(*) over ()::int`.as('total'))
        .orderBy('f.name')
        .limit(page.pageSize)
        .offset(offsetOf(page))
        .execute();
      const items = await withSingleOccupancy(
        rows.map(({ total: _t, ...r }) => withFree(r)),
        asOf,
        false,
      );
      return { items, total: rows[0]?.total ?? 0 };
    },

    async facility(id: string, asOf: string) {
      const row = await capacityQuery(asOf).where('f.id', '=', id).executeTakeFirst();
      return row ? (await withSingleOccupancy([withFree(row)], asOf, false))[0] : undefined;
    },

    facilityParents(id: string, asOf: string) {
      return db
        .selectFrom('facility_membership as m')
        .innerJoin('org_unit as o', 'o.id', 'm.org_unit_id')
        .select(['o.id', 'o.name', 'o.kind'])
        .where('m.facility_id', '=', id)
        .where(sql<boolean>`m.valid_from <= ${asOf} and (m.valid_to is null or m.valid_to > ${asOf})`)
        .execute();
    },

    /** Per cell with beds: its facility, beds and occupants on the date (for single occupancy). */
    cellLoads(asOf: string, facilityIds?: readonly string[]) {
      return cellLoadsQuery(asOf, facilityIds);
    },

    /** The facilities where single occupancy is in force on the date. */
    singleOccupancyFacilities(asOf: string) {
      return facilitiesWithMeasure(db, 'single_occupancy', asOf);
    },

    beds(facilityId: string, asOf: string) {
      return db
        .selectFrom('department as d')
        .leftJoin('cell as c', 'c.department_id', 'd.id')
        .leftJoin('bed as b', 'b.cell_id', 'c.id')
        .select([
          'd.id as departmentId',
          'd.code as departmentCode',
          'd.name as departmentName',
          'c.id as cellId',
          'c.number as cellNumber',
          'b.id as bedId',
          'b.label as bedLabel',
          sql<boolean>`exists (select 1 from placement p where p.bed_id = b.id and p.from_date <= ${asOf}
            and (p.to_date is null or p.to_date > ${asOf}))`.as('occupied'),
          sql<number>`(select count(*) from placement p join bed cb on cb.id = p.bed_id
            where cb.cell_id = c.id and p.from_date <= ${asOf}
            and (p.to_date is null or p.to_date > ${asOf}))::int`.as('inCell'),
        ])
        .where('d.facility_id', '=', facilityId)
        .orderBy('d.code')
        .orderBy('c.number')
        .orderBy('b.label')
        .execute();
    },
  };
}

export type OrganisationRepository = ReturnType<typeof createOrganisationRepository>;
