import type { Insertable, Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Database, MeasureTable } from '../../db/types.ts';
import { type Effective, inForceFor, type MeasureType } from '../../domain/measures.ts';

export type MeasureRow = Selectable<MeasureTable> & { scopeName: string | null };

export function createMeasuresRepository(db: Kysely<Database>) {
  const base = () =>
    db
      .selectFrom('measure as m')
      .leftJoin('org_unit as o', 'o.id', 'm.org_unit_id')
      .leftJoin('facility as f', 'f.id', 'm.facility_id')
      .selectAll('m')
      .select(sql<string | null>`coalesce(o.name, f.name)`.as('scopeName'));

  return {
    /** Every measure, or those of one scope, or those in force on a date. */
    list(filter: { scopeKind?: string | undefined; scopeId?: string | undefined; on?: string | undefined }) {
      let q = base();
      if (filter.scopeKind) q = q.where('m.scope_kind', '=', filter.scopeKind as MeasureTable['scope_kind']);
      if (filter.scopeId)
        q = q.where((eb) =>
          eb.or([
            eb('m.org_unit_id', '=', filter.scopeId ?? ''),
            eb('m.facility_id', '=', filter.scopeId ?? ''),
          ]),
        );
      if (filter.on) {
        const on = filter.on;
        q = q
          .where('m.valid_from', '<=', on)
          .where('m.valid_to', '>=', on)
          .where((eb) => eb.or([eb('m.ended_on', 'is', null), eb('m.ended_on', '>', on)]));
      }
      return q.orderBy('m.valid_from', 'desc').orderBy('m.id').execute() as Promise<MeasureRow[]>;
    },

    one(id: string) {
      return base().where('m.id', '=', id).executeTakeFirst() as Promise<MeasureRow | undefined>;
    },

    lock(id: string) {
      return db.selectFrom('measure').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    },

    insert(row: Insertable<MeasureTable>) {
      return db.insertInto('measure').values(row).execute();
    },

    async updateIfVersion(
      id: string,
      version: number,
      values: Partial<Omit<MeasureTable, 'id' | 'version'>>,
    ) {
      const res = await db
        .updateTable('measure')
        .set({ ...values, version: sql`version + 1` } as never)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    orgUnit(id: string, on: string) {
      return db
        .selectFrom('org_unit')
        .select(['id', 'name'])
        .where('id', '=', id)
        .where('kind', 'in', ['region', 'unit'])
        .where('valid_from', '<=', on)
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on)]))
        .executeTakeFirst();
    },

    facility(id: string) {
      return db.selectFrom('facility').select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirst();
    },

    facilityByCode(code: string, on: string) {
      return db
        .selectFrom('facility')
        .select(['id', 'code', 'name'])
        .where('code', '=', code)
        .where('valid_from', '<=', on)
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on)]))
        .executeTakeFirst();
    },

    facilities(on: string, ids?: readonly string[] | null) {
      let q = db
        .selectFrom('facility')
        .select(['id', 'code', 'name'])
        .where('valid_from', '<=', on)
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on)]));
      if (ids) {
        if (ids.length === 0) return Promise.resolve([]);
        q = q.where('id', 'in', ids);
      }
      return q.orderBy('name').orderBy('code').execute();
    },

    orgUnits(on: string, ids?: readonly string[] | null) {
      let q = db
        .selectFrom('org_unit')
        .select(['id', 'name'])
        .where('kind', 'in', ['region', 'unit'])
        .where('valid_from', '<=', on)
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on)]));
      if (ids) {
        if (ids.length === 0) return Promise.resolve([]);
        q = q.where('id', 'in', ids);
      }
      return q.orderBy('name').execute();
    },

    /** Which regions/units each facility belongs to on the date. */
    memberships(on: string) {
      return db
        .selectFrom('facility_membership')
        .select(['facility_id', 'org_unit_id'])
        .where('valid_from', '<=', on)
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on)]))
        .execute();
    },
  };
}

/**
 * The measures in force for a facility on a date, one per type (strictest level wins), for other
 * modules that apply a measure's rule: no principal, no audit, nothing about who may manage them.
 */
export async function measuresInForce(
  db: Kysely<Database>,
  facilityId: string,
  on: string,
): Promise<Effective[]> {
  const repo = createMeasuresRepository(db);
  const rows = await repo.list({ on });
  if (rows.length === 0) return [];
  const members = await repo.memberships(on);
  const orgUnitIds = members.filter((m) => m.facility_id === facilityId).map((m) => m.org_unit_id);
  const rules = rows.map((row) => ({
    id: row.id,
    type: row.type as MeasureType,
    level: row.level,
    scopeKind: row.scope_kind,
    scopeId: row.org_unit_id ?? row.facility_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    reviewDate: row.review_date,
    endedOn: row.ended_on,
  }));
  return inForceFor(rules, { facilityId, orgUnitIds }, on);
}

/**
 * The facilities where a measure of the type is in force on a date (national, by region/unit or
 * their own), in two queries for all facilities: for figures such as capacity under single occupancy.
 */
export async function facilitiesWithMeasure(
  db: Kysely<Database>,
  type: MeasureType,
  on: string,
): Promise<Set<string>> {
  const repo = createMeasuresRepository(db);
  const rows = (await repo.list({ on })).filter((row) => row.type === type);
  if (rows.length === 0) return new Set();
  const facilities = await db
    .selectFrom('facility')
    .select('id')
    .where('valid_from', '<=', on)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on)]))
    .execute();
  if (rows.some((row) => row.scope_kind === 'national')) return new Set(facilities.map((f) => f.id));
  const members = await repo.memberships(on);
  const units = new Set(rows.flatMap((row) => (row.org_unit_id ? [row.org_unit_id] : [])));
  const out = new Set(rows.flatMap((row) => (row.facility_id ? [row.facility_id] : [])));
  for (const m of members) if (units.has(m.org_unit_id)) out.add(m.facility_id);
  return out;
}
