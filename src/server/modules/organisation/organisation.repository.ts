import { type Kysely, sql } from 'kysely';
import type { Database, FacilityKind } from '../../db/types.ts';
import { offsetOf, type PageRequest } from '../../shared/pagination.ts';
import type { FacilitySummary } from './organisation.schemas.ts';

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
      return rows.map(withFree);
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
      return { items: rows.map(({ total: _t, ...r }) => withFree(r)), total: rows[0]?.total ?? 0 };
    },

    async facility(id: string, asOf: string) {
      const row = await capacityQuery(asOf).where('f.id', '=', id).executeTakeFirst();
      return row ? withFree(row) : undefined;
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
