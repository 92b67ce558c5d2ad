import type { Insertable, Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Database, SecurityClassificationTable } from '../../db/types.ts';
import { departmentLevels } from '../../domain/security.ts';
import type { SecurityLevel } from '../../domain/security-levels.ts';

export type ClassificationRow = Selectable<SecurityClassificationTable> & {
  department_code: string | null;
  department_name: string | null;
};

export function createSecurityRepository(db: Kysely<Database>) {
  return {
    facility(id: string, q: Kysely<Database> = db) {
      return q
        .selectFrom('facility')
        .select(['id', 'code', 'name', 'kind'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** Locks the facility's row: classifications of one facility are written one at a time. */
    lockFacility(trx: Kysely<Database>, id: string) {
      return trx.selectFrom('facility').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    },

    departments(facilityId: string, q: Kysely<Database> = db) {
      return q
        .selectFrom('department')
        .select(['id', 'code', 'name'])
        .where('facility_id', '=', facilityId)
        .orderBy('code')
        .execute();
    },

    /** Every classification of the facility and its departments, newest first. */
    history(facilityId: string, q: Kysely<Database> = db) {
      return q
        .selectFrom('security_classification as sc')
        .leftJoin('department as d', 'd.id', 'sc.department_id')
        .selectAll('sc')
        .select(['d.code as department_code', 'd.name as department_name'])
        .where('sc.facility_id', '=', facilityId)
        .orderBy('sc.valid_from', 'desc')
        .orderBy('sc.classified_at', 'desc')
        .execute() as Promise<ClassificationRow[]>;
    },

    insert(trx: Kysely<Database>, row: Insertable<SecurityClassificationTable>) {
      return trx.insertInto('security_classification').values(row).execute();
    },

    /** Per facility: its own level in force on the date, and how many departments it has and classified. */
    overview(on: string) {
      return sql<{
        id: string;
        code: string;
        name: string;
        kind: string;
        level: SecurityLevel | null;
        valid_from: string | null;
        departments: string;
        classified: string;
      }>`
        select f.id, f.code, f.name, f.kind, own.level, own.valid_from,
               (select count(*) from department d where d.facility_id = f.id) as departments,
               (select count(distinct sc.department_id) from security_classification sc
                 where sc.facility_id = f.id and sc.department_id is not null and sc.valid_from <= ${on}) as classified
        from facility f
        left join lateral (
          select sc.level, sc.valid_from from security_classification sc
          where sc.facility_id = f.id and sc.department_id is null and sc.valid_from <= ${on}
          order by sc.valid_from desc limit 1
        ) own on true
        where f.valid_from <= ${on} and (f.valid_to is null or f.valid_to > ${on})
        order by f.name`
        .execute(db)
        .then((r) => r.rows);
    },
  };
}

export type SecurityRepository = ReturnType<typeof createSecurityRepository>;

export interface UnitLevels {
  facilityId: string;
  on: string;
  /** The facility's own classification in force, or null when it has none yet. */
  facility: { level: SecurityLevel; validFrom: string } | null;
  departments: {
    id: string;
    code: string;
    name: string;
    level: SecurityLevel | null;
    inherited: boolean;
    validFrom: string | null;
  }[];
}

/**
 * The security level of each department of a facility on a date: its own classification in force,
 * else the facility's. For placement: compare with a person's assessed need through securityMatch.
 */
export async function unitLevels(db: Kysely<Database>, facilityId: string, on: string): Promise<UnitLevels> {
  const [departments, records] = await Promise.all([
    db
      .selectFrom('department')
      .select(['id', 'code', 'name'])
      .where('facility_id', '=', facilityId)
      .orderBy('code')
      .execute(),
    db
      .selectFrom('security_classification')
      .select(['department_id', 'valid_from', 'level'])
      .where('facility_id', '=', facilityId)
      .where('valid_from', '<=', on)
      .execute(),
  ]);
  const levels = departmentLevels(
    departments.map((d) => d.id),
    records.map((r) => ({ departmentId: r.department_id, validFrom: r.valid_from, level: r.level })),
    on,
  );
  return {
    facilityId,
    on,
    facility: levels.facility ? { level: levels.facility.level, validFrom: levels.facility.validFrom } : null,
    departments: departments.map((d, i) => {
      const l = levels.departments[i];
      return {
        ...d,
        level: l?.level ?? null,
        inherited: l?.inherited ?? true,
        validFrom: l?.validFrom ?? null,
      };
    }),
  };
}
