import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/types.ts';

export interface LevelRow {
  municipality: string;
  date: string;
  incidence: number;
}

export interface UpsertResult {
  created: number;
  updated: number;
}

const CHUNK = 500;

export function createInfectionRepository(db: Kysely<Database>) {
  return {
    thresholds() {
      return db
        .selectFrom('infection_threshold')
        .select([
          'valid_from as validFrom',
          'valid_to as validTo',
          'yellow_from as yellowFrom',
          'red_from as redFrom',
          'rising_percent as risingPercent',
          'compare_days as compareDays',
          'source',
        ])
        .orderBy('valid_from', 'desc')
        .execute();
    },

    /**
     * A new period of thresholds from a date: the period that covers the date ends there. The
     * rows are locked first, so two people setting thresholds at once are ordered, not merged.
     * Returns the start of the latest period when it is not before `validFrom` (nothing written).
     */
    async addThresholds(
      trx: Kysely<Database>,
      row: {
        validFrom: string;
        yellowFrom: number;
        redFrom: number;
        risingPercent: number;
        compareDays: number;
        source: string;
      },
    ): Promise<{ conflictFrom: string | null }> {
      const rows = await trx
        .selectFrom('infection_threshold')
        .select(['id', 'valid_from', 'valid_to'])
        .orderBy('valid_from', 'desc')
        .forUpdate()
        .execute();
      const latest = rows[0];
      if (latest && latest.valid_from >= row.validFrom) return { conflictFrom: latest.valid_from };
      if (latest && (latest.valid_to === null || latest.valid_to > row.validFrom))
        await trx
          .updateTable('infection_threshold')
          .set({ valid_to: row.validFrom })
          .where('id', '=', latest.id)
          .execute();
      await trx
        .insertInto('infection_threshold')
        .values({
          id: randomUUID(),
          valid_from: row.validFrom,
          valid_to: null,
          yellow_from: row.yellowFrom,
          red_from: row.redFrom,
          rising_percent: row.risingPercent,
          compare_days: row.compareDays,
          source: row.source,
        })
        .execute();
      return { conflictFrom: null };
    },

    /** Every value dated in [from, to]. */
    async series(from: string, to: string): Promise<LevelRow[]> {
      const rows = await db
        .selectFrom('infection_level')
        .select(['municipality', 'on_date as date', 'incidence_14d as incidence'])
        .where('on_date', '>=', from)
        .where('on_date', '<=', to)
        .orderBy('municipality')
        .orderBy('on_date')
        .execute();
      return rows.map((r) => ({ ...r, incidence: Number(r.incidence) }));
    },

    /** Facilities open on the date, with the region or unit each belonged to then. */
    facilitiesOn(asOf: string) {
      return db
        .selectFrom('facility as f')
        .leftJoin('facility_membership as m', (j) =>
          j
            .onRef('m.facility_id', '=', 'f.id')
            .on('m.valid_from', '<=', asOf)
            .on((eb) => eb.or([eb('m.valid_to', 'is', null), eb('m.valid_to', '>', asOf)])),
        )
        .leftJoin('org_unit as o', 'o.id', 'm.org_unit_id')
        .select([
          'f.id',
          'f.code',
          'f.name',
          'f.kind',
          'f.municipality',
          'o.id as orgUnitId',
          'o.name as orgUnitName',
          'o.kind as orgUnitKind',
        ])
        .where('f.valid_from', '<=', asOf)
        .where((eb) => eb.or([eb('f.valid_to', 'is', null), eb('f.valid_to', '>', asOf)]))
        .orderBy('f.name')
        .execute();
    },

    /** Municipality names as facilities and earlier values spell them, keyed by lower case. */
    async knownNames(): Promise<Map<string, string>> {
      const rows = await sql<{ name: string }>`
        select municipality as name from facility
        union select municipality as name from infection_level`.execute(db);
      const names = new Map<string, string>();
      for (const r of rows.rows)
        if (!names.has(r.name.toLowerCase())) names.set(r.name.toLowerCase(), r.name);
      return names;
    },

    /**
     * Inserts or updates one value per municipality and date (the same municipality and date again
     * replaces the value). Runs in the caller's transaction.
     */
    async upsert(
      trx: Kysely<Database>,
      rows: readonly LevelRow[],
      source: 'manual' | 'import' | 'demo',
      userId: string | null,
    ): Promise<UpsertResult> {
      let created = 0;
      let updated = 0;
      for (let i = 0; i < rows.length; i += CHUNK) {
        const result = await trx
          .insertInto('infection_level')
          .values(
            rows.slice(i, i + CHUNK).map((r) => ({
              id: randomUUID(),
              municipality: r.municipality,
              on_date: r.date,
              incidence_14d: r.incidence,
              source,
              entered_by: userId,
            })),
          )
          .onConflict((oc) =>
            oc.expression(sql`lower(municipality), on_date`).doUpdateSet({
              incidence_14d: (eb) => eb.ref('excluded.incidence_14d'),
              source: (eb) => eb.ref('excluded.source'),
              entered_by: (eb) => eb.ref('excluded.entered_by'),
              entered_at: sql`now()`,
            }),
          )
          // xmax is 0 on a freshly inserted row and set on an updated one.
          .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
          .execute();
        for (const r of result)
          if (r.inserted) created++;
          else updated++;
      }
      return { created, updated };
    },
  };
}

export type InfectionRepository = ReturnType<typeof createInfectionRepository>;
