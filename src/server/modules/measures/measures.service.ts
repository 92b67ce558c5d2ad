import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { daysBetween } from '../../domain/calendar.ts';
import {
  CATALOGUE,
  divergences,
  type FacilityContext,
  HOTLINE,
  inForceFor,
  isInForce,
  MEASURE_TYPES,
  type Measure,
  type MeasureType,
  publicRules,
  reviewsDue,
  type ScopeKind,
  validateMeasure,
} from '../../domain/measures.ts';
import { can, facilitiesInScope, type Principal } from '../../shared/access.ts';
import { audit } from '../../shared/audit.ts';
import type { Clock } from '../../shared/clock.ts';
import { AppError, errors } from '../../shared/errors.ts';
import type { Locale } from '../../shared/messages.ts';
import { createMeasuresRepository, type MeasureRow } from './measures.repository.ts';
import type { MeasureView } from './measures.schemas.ts';

const PURPOSE = 'measures';

function toRule(row: MeasureRow): Measure {
  return {
    id: row.id,
    type: row.type as MeasureType,
    level: row.level,
    scopeKind: row.scope_kind,
    scopeId: row.org_unit_id ?? row.facility_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    reviewDate: row.review_date,
    endedOn: row.ended_on,
  };
}

export interface MeasureInput {
  type: MeasureType;
  level?: string | null | undefined;
  scopeKind: ScopeKind;
  scopeId?: string | null | undefined;
  reason: string;
  validFrom: string;
  validTo: string;
  reviewDate: string;
  /** The audit purpose, when another module decides the measure. */
  purpose?: string | undefined;
}

/** Where a principal may decide measures: nationally, or in these units and facilities. */
interface ManageScope {
  national: boolean;
  units: string[];
  facilities: string[] | null;
}

export function createMeasuresService(db: Kysely<Database>, clock: Clock) {
  const repo = createMeasuresRepository(db);

  async function manageScope(
    principal: Principal,
    on: string,
    conn: Kysely<Database> = db,
  ): Promise<ManageScope | null> {
    if (!can(principal, 'measures.manage')) return null;
    if (principal.scopeKind === 'national') return { national: true, units: [], facilities: null };
    return {
      national: false,
      units: principal.scopeKind === 'units' ? principal.scopeIds : [],
      facilities: (await facilitiesInScope(conn, principal, on)) ?? [],
    };
  }

  function mayManage(scope: ManageScope | null, kind: ScopeKind, id: string | null): boolean {
    if (!scope) return false;
    if (scope.national) return true;
    if (kind === 'unit') return id !== null && scope.units.includes(id);
    if (kind === 'facility') return id !== null && (scope.facilities ?? []).includes(id);
    return false;
  }

  function present(row: MeasureRow, today: string, scope: ManageScope | null): MeasureView {
    const rule = toRule(row);
    return {
      id: row.id,
      version: row.version,
      type: rule.type,
      level: row.level,
      scopeKind: row.scope_kind,
      scope: rule.scopeId ? { id: rule.scopeId, name: row.scopeName ?? '' } : null,
      reason: row.reason,
      decidedBy: row.decided_by_name,
      decidedAt: new Date(row.decided_at).toISOString(),
      validFrom: row.valid_from,
      validTo: row.valid_to,
      reviewDate: row.review_date,
      endedOn: row.ended_on,
      inForce: isInForce(rule, today),
      manageable: mayManage(scope, row.scope_kind, rule.scopeId) && !(row.ended_on || row.valid_to < today),
    };
  }

  async function contexts(on: string) {
    const members = await repo.memberships(on);
    const map = new Map<string, string[]>();
    for (const m of members) map.set(m.facility_id, [...(map.get(m.facility_id) ?? []), m.org_unit_id]);
    return (facilityId: string): FacilityContext => ({ facilityId, orgUnitIds: map.get(facilityId) ?? [] });
  }

  function checkRules(input: {
    type: MeasureType;
    level: string | null;
    validFrom: string;
    validTo: string;
    reviewDate: string;
  }) {
    const problems = validateMeasure(input);
    if (problems.length > 0) throw errors.validation(problems);
  }

  async function forFacility(facility: { id: string; code: string; name: string }, on: string) {
    const rows = await repo.list({ on });
    const context = (await contexts(on))(facility.id);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return { rows, byId, context, effective: inForceFor(rows.map(toRule), context, on) };
  }

  return {
    catalogue() {
      return {
        types: MEASURE_TYPES.map((type) => ({
          type,
          levels: CATALOGUE[type].levels ? [...(CATALOGUE[type].levels ?? [])] : null,
          area: CATALOGUE[type].area,
          source: CATALOGUE[type].source,
        })),
      };
    },

    async list(
      principal: Principal,
      filter: { scopeKind?: ScopeKind | undefined; scopeId?: string | undefined; on?: string | undefined },
    ) {
      const today = clock.today();
      const scope = await manageScope(principal, today);
      const rows = await repo.list(filter);
      return { items: rows.map((r) => present(r, today, scope)) };
    },

    async scopeOptions(principal: Principal) {
      const today = clock.today();
      const scope = await manageScope(principal, today);
      if (!scope) return { national: false, units: [], facilities: [] };
      const units = await repo.orgUnits(today, scope.national ? null : scope.units);
      const facilities = await repo.facilities(today, scope.facilities);
      return {
        national: scope.national,
        units,
        facilities: facilities.map((f) => ({ id: f.id, name: `${f.name} (${f.code})` })),
      };
    },

    async create(principal: Principal, input: MeasureInput) {
      const id = await db.transaction().execute((trx) => this.createIn(trx, principal, input));
      return this.read(principal, id);
    },

    /**
     * Checks and records one measure in the caller's transaction, audited; returns its id. Other
     * modules deciding several measures at once (an outbreak set) go through here, so the rules
     * are the same.
     */
    async createIn(trx: Kysely<Database>, principal: Principal, input: MeasureInput): Promise<string> {
      const today = clock.today();
      const level = input.level || null;
      const scopeId = input.scopeKind === 'national' ? null : (input.scopeId ?? null);
      checkRules({ ...input, level });
      const r = createMeasuresRepository(trx);
      if (input.scopeKind !== 'national') {
        if (!scopeId) throw errors.field('scopeId', 'measure_scope_missing');
        const exists =
          input.scopeKind === 'unit' ? await r.orgUnit(scopeId, today) : await r.facility(scopeId);
        if (!exists) throw errors.field('scopeId', 'measure_scope_missing');
      }
      if (!mayManage(await manageScope(principal, today, trx), input.scopeKind, scopeId))
        throw errors.forbidden();
      const id = randomUUID();
      await r.insert({
        id,
        type: input.type,
        level,
        scope_kind: input.scopeKind,
        org_unit_id: input.scopeKind === 'unit' ? scopeId : null,
        facility_id: input.scopeKind === 'facility' ? scopeId : null,
        reason: input.reason,
        decided_by: principal.userId,
        decided_by_name: principal.displayName,
        valid_from: input.validFrom,
        valid_to: input.validTo,
        review_date: input.reviewDate,
      });
      await audit(trx, principal, {
        action: 'measure.create',
        purpose: input.purpose ?? PURPOSE,
        details: { measureId: id, type: input.type, level, scopeKind: input.scopeKind, scopeId },
      });
      return id;
    },

    async read(principal: Principal, id: string) {
      const today = clock.today();
      const row = await repo.one(id);
      if (!row) throw errors.notFound('measure');
      return present(row, today, await manageScope(principal, today));
    },

    async update(
      principal: Principal,
      id: string,
      input: {
        version: number;
        level?: string | null | undefined;
        reason: string;
        validFrom: string;
        validTo: string;
        reviewDate: string;
      },
    ) {
      const today = clock.today();
      const scope = await manageScope(principal, today);
      await db.transaction().execute(async (trx) => {
        const r = createMeasuresRepository(trx);
        const row = await r.lock(id);
        if (!row) throw errors.notFound('measure');
        if (!mayManage(scope, row.scope_kind, row.org_unit_id ?? row.facility_id)) throw errors.forbidden();
        if (row.version !== input.version) throw errors.conflict('stale_version');
        const level = input.level || null;
        checkRules({ ...input, type: row.type as MeasureType, level });
        const applied = await r.updateIfVersion(id, input.version, {
          level,
          reason: input.reason,
          valid_from: input.validFrom,
          valid_to: input.validTo,
          review_date: input.reviewDate,
        });
        if (!applied) throw errors.conflict('stale_version');
        await audit(trx, principal, {
          action: 'measure.update',
          purpose: PURPOSE,
          details: { measureId: id, level, validFrom: input.validFrom, validTo: input.validTo },
        });
      });
      return this.read(principal, id);
    },

    /** Ends a measure now: it is not in force from today. */
    async end(principal: Principal, id: string, input: { version: number }) {
      const today = clock.today();
      const scope = await manageScope(principal, today);
      await db.transaction().execute(async (trx) => {
        const r = createMeasuresRepository(trx);
        const row = await r.lock(id);
        if (!row) throw errors.notFound('measure');
        if (!mayManage(scope, row.scope_kind, row.org_unit_id ?? row.facility_id)) throw errors.forbidden();
        if (row.version !== input.version) throw errors.conflict('stale_version');
        if (row.ended_on || row.valid_to < today) throw errors.conflict('measure_ended');
        const applied = await r.updateIfVersion(id, input.version, {
          ended_on: today,
          ended_by: principal.userId,
        });
        if (!applied) throw errors.conflict('stale_version');
        await audit(trx, principal, {
          action: 'measure.end',
          purpose: PURPOSE,
          details: { measureId: id, on: today },
        });
      });
      return this.read(principal, id);
    },

    async inForceForFacility(principal: Principal, facilityId: string, on?: string) {
      const today = clock.today();
      const date = on ?? today;
      const facility = await repo.facility(facilityId);
      if (!facility) throw errors.notFound('facility');
      const scope = await manageScope(principal, today);
      const { byId, effective } = await forFacility(facility, date);
      return {
        facility,
        on: date,
        inForce: effective.map((e) => ({
          type: e.type,
          level: e.measure.level,
          measure: present(byId.get(e.measure.id) as MeasureRow, today, scope),
          sources: e.sources.length,
        })),
      };
    },

    /** Per facility: what is in force and where local practice diverges from the national level. */
    async national(principal: Principal, on?: string) {
      const today = clock.today();
      const date = on ?? today;
      const scope = await manageScope(principal, today);
      const rows = await repo.list({ on: date });
      const rules = rows.map(toRule);
      const byId = new Map(rows.map((r) => [r.id, r]));
      const context = await contexts(date);
      const facilities = await repo.facilities(date);
      const nationalOnly = inForceFor(
        rules.filter((m) => m.scopeKind === 'national'),
        { facilityId: '', orgUnitIds: [] },
        date,
      );
      return {
        on: date,
        national: nationalOnly.map((e) => ({
          type: e.type,
          level: e.measure.level,
          measure: present(byId.get(e.measure.id) as MeasureRow, today, scope),
          sources: e.sources.length,
        })),
        facilities: facilities.map((f) => ({
          facility: f,
          inForce: inForceFor(rules, context(f.id), date).map((e) => ({
            type: e.type,
            level: e.measure.level,
          })),
          divergences: divergences(rules, context(f.id), date),
        })),
      };
    },

    async reviews(principal: Principal, withinDays: number) {
      const today = clock.today();
      const scope = await manageScope(principal, today);
      const rows = await repo.list({});
      const byId = new Map(rows.map((r) => [r.id, r]));
      const due = reviewsDue(rows.map(toRule), today, withinDays);
      return {
        today,
        withinDays,
        items: due.map((m) => ({
          ...present(byId.get(m.id) as MeasureRow, today, scope),
          overdue: m.reviewDate < today,
          daysLeft: daysBetween(today, m.reviewDate),
        })),
      };
    },

    async publicFacilities() {
      const rows = await repo.facilities(clock.today());
      return { items: rows.map((f) => ({ code: f.code, name: f.name })) };
    },

    async publicFacility(code: string, locale: Locale) {
      const today = clock.today();
      const facility = await repo.facilityByCode(code, today);
      if (!facility) throw new AppError(404, 'not_found', { what: 'facility' });
      const { effective } = await forFacility(facility, today);
      const rules = publicRules(effective, locale);
      return {
        code: facility.code,
        name: facility.name,
        on: today,
        visits: rules.visits,
        leave: rules.leave,
        video: rules.video,
        hotline: { phone: HOTLINE.phone, text: rules.hotline },
      };
    },
  };
}

export type MeasuresService = ReturnType<typeof createMeasuresService>;
