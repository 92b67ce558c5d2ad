import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/types.ts';
import { CONTROLLED_STATUSES, type HealthStatus } from '../../domain/placement.ts';

/** A placement that overlaps the date or any later day: it is still there on the date, or starts after it. */
const stillThere = (on: string) => sql<boolean>`(pl.to_date is null or pl.to_date > ${on})`;

export function createPlacementRepository(db: Kysely<Database>) {
  return {
    /** The person's current placement, locked for the rest of the transaction. */
    lockCurrentPlacement(personId: string) {
      return db
        .selectFrom('placement')
        .select(['id', 'person_id', 'sentence_id', 'kind', 'facility_id', 'bed_id', 'from_date'])
        .where('person_id', '=', personId)
        .where('to_date', 'is', null)
        .forUpdate()
        .executeTakeFirst();
    },

    bed(bedId: string) {
      return db
        .selectFrom('bed as b')
        .innerJoin('cell as c', 'c.id', 'b.cell_id')
        .innerJoin('department as d', 'd.id', 'c.department_id')
        .innerJoin('facility as f', 'f.id', 'd.facility_id')
        .select([
          'b.id',
          'b.label',
          'c.id as cellId',
          'c.number as cellNumber',
          'd.id as departmentId',
          'd.name as departmentName',
          'f.id as facilityId',
          'f.name as facilityName',
          'f.kind as facilityKind',
        ])
        .where('b.id', '=', bedId)
        .executeTakeFirst();
    },

    /**
     * Locks the cell: every admission or move into it takes this lock before counting who is in it,
     * so two placements into two beds of one cell are checked one after the other.
     */
    async lockCell(cellId: string) {
      await db.selectFrom('cell').select('id').where('id', '=', cellId).forUpdate().execute();
    },

    /** Locks every cell of a facility, in id order (the same order everywhere, so no deadlock). */
    async lockFacilityCells(facilityId: string) {
      await db
        .selectFrom('cell as c')
        .innerJoin('department as d', 'd.id', 'c.department_id')
        .select('c.id')
        .where('d.facility_id', '=', facilityId)
        .orderBy('c.id')
        .forUpdate()
        .execute();
    },

    /** Whether someone else is in the bed on the date or later. */
    async bedTaken(bedId: string, on: string, exceptPersonId: string | null) {
      const row = await db
        .selectFrom('placement as pl')
        .select('pl.id')
        .where('pl.bed_id', '=', bedId)
        .where(stillThere(on))
        .$if(exceptPersonId !== null, (q) => q.where('pl.person_id', '<>', exceptPersonId as string))
        .executeTakeFirst();
      return row !== undefined;
    },

    /** How many other people are in the cell's beds on the date or later. */
    async othersInCell(cellId: string, on: string, exceptPersonId: string | null) {
      const row = await db
        .selectFrom('placement as pl')
        .innerJoin('bed as b', 'b.id', 'pl.bed_id')
        .select(sql<number>`count(distinct pl.person_id)::int`.as('n'))
        .where('b.cell_id', '=', cellId)
        .where(stillThere(on))
        .$if(exceptPersonId !== null, (q) => q.where('pl.person_id', '<>', exceptPersonId as string))
        .executeTakeFirstOrThrow();
      return row.n;
    },

    /** The inmate's health statuses open on the date (under infection control). */
    async openStatuses(personId: string, on: string): Promise<HealthStatus[]> {
      const rows = await db
        .selectFrom('health_status')
        .select('status')
        .where('subject_kind', '=', 'inmate')
        .where('person_id', '=', personId)
        .where('status', 'in', CONTROLLED_STATUSES)
        .where('from_date', '<=', on)
        .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', on)]))
        .execute();
      return rows.map((r) => r.status);
    },

    async closePlacement(id: string, on: string) {
      const res = await db
        .updateTable('placement')
        .set({ to_date: on })
        .where('id', '=', id)
        .where('to_date', 'is', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    insertPlacement(row: {
      id: string;
      person_id: string;
      sentence_id: string | null;
      facility_id: string;
      bed_id: string;
      from_date: string;
      move_reason: string | null;
      moved_by: string | null;
    }) {
      return db
        .insertInto('placement')
        .values({ ...row, kind: 'cell', to_date: null })
        .execute();
    },

    facility(id: string) {
      return db
        .selectFrom('facility')
        .select(['id', 'code', 'name', 'kind'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** Every bed of the facility with its cell and department, in code, number and label order. */
    layout(facilityId: string) {
      return db
        .selectFrom('department as d')
        .innerJoin('cell as c', 'c.department_id', 'd.id')
        .innerJoin('bed as b', 'b.cell_id', 'c.id')
        .select([
          'd.id as departmentId',
          'd.code as departmentCode',
          'd.name as departmentName',
          'c.id as cellId',
          'c.number as cellNumber',
          'b.id as bedId',
          'b.label as bedLabel',
        ])
        .where('d.facility_id', '=', facilityId)
        .orderBy('d.code')
        .orderBy('c.number')
        .orderBy('b.label')
        .execute();
    },

    /**
     * Who is in the facility's beds on the date, with whether each is infected then (a confirmed
     * case or in isolation) and their strictest open status.
     */
    occupants(facilityId: string, on: string) {
      return db
        .selectFrom('placement as pl')
        .innerJoin('person as p', 'p.id', 'pl.person_id')
        .select([
          'pl.id as placementId',
          'pl.person_id as personId',
          'pl.bed_id as bedId',
          'pl.to_date as toDate',
          'p.given_name as givenName',
          'p.family_name as familyName',
          sql<string | null>`(select hs.status from health_status hs
              where hs.subject_kind = 'inmate' and hs.person_id = pl.person_id
                and hs.from_date <= ${on} and (hs.to_date is null or hs.to_date >= ${on})
              order by case hs.status when 'isolation' then 0 when 'confirmed' then 1
                                      when 'quarantine' then 2 else 3 end
              limit 1)`.as('status'),
        ])
        .where('pl.facility_id', '=', facilityId)
        .where('pl.kind', '=', 'cell')
        .where('pl.from_date', '<=', on)
        .where(sql<boolean>`(pl.to_date is null or pl.to_date > ${on})`)
        .execute();
    },
  };
}

export type PlacementRepository = ReturnType<typeof createPlacementRepository>;
