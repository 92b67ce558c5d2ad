import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import {
  type Criteria,
  classify,
  departmentLevels,
  inForce,
  placementOptions,
} from '../../domain/security.ts';
import { type SecurityLevel, securityMatch } from '../../domain/security-levels.ts';
import { assertFacilityInScope, can, facilitiesInScope, type Principal } from '../../shared/access.ts';
import { audit } from '../../shared/audit.ts';
import type { Clock } from '../../shared/clock.ts';
import { errors, isUniqueViolation } from '../../shared/errors.ts';
import { type ClassificationRow, createSecurityRepository } from './security.repository.ts';
import type { ClassificationView } from './security.schemas.ts';

const PURPOSE = 'security';

function view(row: ClassificationRow): ClassificationView {
  return {
    id: row.id,
    facilityId: row.facility_id,
    department:
      row.department_id && row.department_code !== null
        ? { id: row.department_id, code: row.department_code, name: row.department_name ?? '' }
        : null,
    validFrom: row.valid_from,
    criteria: {
      static: row.static_criteria,
      dynamic: row.dynamic_criteria,
      organisational: row.organisational_criteria,
    } as Criteria,
    scores: {
      static: row.static_score,
      dynamic: row.dynamic_score,
      organisational: row.organisational_score,
    },
    level: row.level,
    justification: row.justification,
    classifiedBy: row.classified_by_name,
    classifiedAt: new Date(row.classified_at).toISOString(),
  };
}

export function createSecurityService(db: Kysely<Database>, clock: Clock) {
  const repo = createSecurityRepository(db);

  async function mayClassify(principal: Principal, facilityId: string) {
    if (!can(principal, 'security.classify')) return false;
    const scope = await facilitiesInScope(db, principal, clock.today());
    return scope === null || scope.includes(facilityId);
  }

  async function unit(
    principal: Principal,
    facilityId: string,
    query: { on?: string | undefined; need?: SecurityLevel | undefined },
  ) {
    const on = query.on ?? clock.today();
    const facility = await repo.facility(facilityId);
    if (!facility) throw errors.notFound('facility');
    const [departments, rows] = await Promise.all([repo.departments(facilityId), repo.history(facilityId)]);
    const records = rows.map((r) => ({
      departmentId: r.department_id,
      validFrom: r.valid_from,
      level: r.level,
      id: r.id,
    }));
    const levels = departmentLevels(
      departments.map((d) => d.id),
      records,
      on,
    );
    const own = inForce(
      records.filter((r) => r.departmentId === null),
      on,
    );
    const need = query.need ?? null;
    return {
      facility,
      on,
      level: levels.facility?.level ?? null,
      current: own ? view(rows.find((r) => r.id === own.id) as ClassificationRow) : null,
      departments: departments.map((d, i) => {
        const l = levels.departments[i];
        const mine = inForce(
          records.filter((r) => r.departmentId === d.id),
          on,
        );
        const level = l?.level ?? null;
        return {
          ...d,
          level,
          inherited: l?.inherited ?? true,
          validFrom: l?.validFrom ?? null,
          classificationId: (mine ?? (l?.inherited ? own : null))?.id ?? null,
          match: need && level ? securityMatch(need, level) : null,
        };
      }),
      need,
      suggestions: need ? placementOptions(need, levels.departments) : null,
      history: rows.map(view),
      classifiable: await mayClassify(principal, facilityId),
    };
  }

  return {
    /** Every facility with its own level on the date and how far its departments are classified. */
    async overview(principal: Principal, query: { on?: string | undefined }) {
      const on = query.on ?? clock.today();
      const [rows, scope] = await Promise.all([
        repo.overview(on),
        facilitiesInScope(db, principal, clock.today()),
      ]);
      const classify_ = can(principal, 'security.classify');
      return {
        on,
        items: rows.map((r) => ({
          facility: { id: r.id, code: r.code, name: r.name, kind: r.kind },
          level: r.level,
          validFrom: r.valid_from,
          departments: Number(r.departments),
          departmentsClassified: Number(r.classified),
          classifiable: classify_ && (scope === null || scope.includes(r.id)),
        })),
      };
    },

    unit,

    /** The level a set of criteria gives, without storing anything. */
    preview(criteria: Criteria) {
      return classify(criteria);
    },

    /**
     * A new classification of the facility or one of its departments, from a date. The caller
     * names the classification they read (`supersedes`); if another has been written since, 409.
     */
    async classify(
      principal: Principal,
      facilityId: string,
      body: Criteria & {
        departmentId?: string | null | undefined;
        validFrom: string;
        justification: string;
        supersedes: string | null;
      },
    ) {
      const today = clock.today();
      assertFacilityInScope(await facilitiesInScope(db, principal, today), facilityId);
      const facility = await repo.facility(facilityId);
      if (!facility) throw errors.notFound('facility');
      const departmentId = body.departmentId ?? null;
      const criteria: Criteria = {
        static: body.static,
        dynamic: body.dynamic,
        organisational: body.organisational,
      };
      const result = classify(criteria);
      const id = randomUUID();
      try {
        await db.transaction().execute(async (trx) => {
          await repo.lockFacility(trx, facilityId);
          if (departmentId) {
            const departments = await repo.departments(facilityId, trx);
            if (!departments.some((d) => d.id === departmentId))
              throw errors.field('departmentId', 'security_department_wrong_facility');
          }
          const latest = (await repo.history(facilityId, trx)).find((r) => r.department_id === departmentId);
          if ((latest?.id ?? null) !== body.supersedes)
            throw errors.conflict('security_classification_stale');
          if (latest && body.validFrom < latest.valid_from)
            throw errors.field('validFrom', 'security_valid_from_past', { date: latest.valid_from });
          if (latest && body.validFrom === latest.valid_from)
            throw errors.conflict('security_classification_exists');
          await repo.insert(trx, {
            id,
            facility_id: facilityId,
            department_id: departmentId,
            valid_from: body.validFrom,
            static_criteria: JSON.stringify(criteria.static),
            dynamic_criteria: JSON.stringify(criteria.dynamic),
            organisational_criteria: JSON.stringify(criteria.organisational),
            static_score: result.scores.static,
            dynamic_score: result.scores.dynamic,
            organisational_score: result.scores.organisational,
            level: result.level,
            justification: body.justification,
            classified_by: principal.userId,
            classified_by_name: principal.displayName,
          });
          await audit(trx, principal, {
            action: 'security.classify',
            purpose: PURPOSE,
            details: {
              classificationId: id,
              facilityId,
              departmentId,
              level: result.level,
              validFrom: body.validFrom,
            },
          });
        });
      } catch (error) {
        if (isUniqueViolation(error, 'security_classification_one_per_day'))
          throw errors.conflict('security_classification_exists');
        throw error;
      }
      const rows = await repo.history(facilityId);
      return view(rows.find((r) => r.id === id) as ClassificationRow);
    },
  };
}

export type SecurityService = ReturnType<typeof createSecurityService>;
