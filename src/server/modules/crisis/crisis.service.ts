import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { addDays } from '../../domain/calendar.ts';
import {
  capacity,
  change,
  freePlaces,
  letterText,
  type MeasureLevel,
  movedDate,
  type OutbreakItem,
  outbreakMeasures,
  QUEUE_WINDOW_DAYS,
  queueIsAffected,
  sumChanges,
  summariseMeasures,
} from '../../domain/crisis.ts';
import { inForceFor, type MeasureType } from '../../domain/measures.ts';
import { checkSummonsNotice, earliestAppearance } from '../../domain/queue-rules.ts';
import { facilitiesInScope, type Principal } from '../../shared/access.ts';
import { audit, auditMany } from '../../shared/audit.ts';
import type { Clock } from '../../shared/clock.ts';
import { errors, type FieldError } from '../../shared/errors.ts';
import { createCalculationsRepository } from '../calculations/calculations.repository.ts';
import type { CalculationsService } from '../calculations/calculations.service.ts';
import { createMeasuresRepository } from '../measures/measures.repository.ts';
import type { MeasuresService } from '../measures/measures.service.ts';
import { createQueueRepository } from '../queue/queue.repository.ts';
import { createCrisisRepository, type FacilityFigures } from './crisis.repository.ts';
import {
  type Dashboard,
  FIGURE_KEYS,
  type FigureKey,
  type Figures,
  type LetterView,
} from './crisis.schemas.ts';

const PURPOSE = 'crisis';
const OUTBREAK = 'outbreak';
const SERIES_DAYS = 60;

type Raw = Record<FigureKey, number>;
type Effective = { type: MeasureType; level: string | null }[];

/** A facility's figures on one day, from its counts and the measures in force there that day. */
function rawFigures(row: FacilityFigures | undefined, inForce: Effective): Raw {
  const summary = summariseMeasures(inForce);
  const beds = row?.beds ?? 0;
  const cap = capacity(beds, row?.cells ?? 0, summary.singleOccupancy);
  const occupied = row?.occupied ?? 0;
  const inmateCases = row?.inmate_cases ?? 0;
  const staffCases = row?.staff_cases ?? 0;
  const cases = inmateCases + staffCases;
  return {
    inmateCases,
    staffCases,
    inmateQuarantine: row?.inmate_quarantine ?? 0,
    staffQuarantine: row?.staff_quarantine ?? 0,
    inmateSuspected: row?.inmate_suspected ?? 0,
    staffSuspected: row?.staff_suspected ?? 0,
    beds,
    capacity: cap,
    occupied,
    free: freePlaces(cap, occupied),
    queueAffected: queueIsAffected(cases, inForce) ? (row?.queue_due ?? 0) : 0,
    visitsCancelled: row?.visits_cancelled ?? 0,
    visitsStopped: summary.visits === 'stopped' ? 1 : 0,
    leaveRestricted: summary.leaveRestricted ? 1 : 0,
    singleOccupancy: summary.singleOccupancy ? 1 : 0,
    outbreak: cases > 0 ? 1 : 0,
  };
}

function compare(now: Raw, before: Raw): Figures {
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, change(now[k], before[k])])) as Figures;
}

function total(items: readonly Figures[]): Figures {
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, sumChanges(items.map((f) => f[k]))])) as Figures;
}

export interface PostponementInput {
  items: { sentenceId: string; version: number }[];
  reason: string;
  newDate?: string | undefined;
  weeks?: number | undefined;
}

export function createCrisisService(
  db: Kysely<Database>,
  clock: Clock,
  deps: {
    measures: Pick<MeasuresService, 'createIn'>;
    calculations: Pick<CalculationsService, 'recalculate'>;
  },
) {
  const repo = createCrisisRepository(db);

  /** The measures in force per facility on a date, through the measures module's own rule. */
  async function measuresOn(on: string) {
    const mrepo = createMeasuresRepository(db);
    const rows = await mrepo.list({ on });
    const members = await mrepo.memberships(on);
    const units = new Map<string, string[]>();
    for (const m of members) units.set(m.facility_id, [...(units.get(m.facility_id) ?? []), m.org_unit_id]);
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
    return {
      rows,
      units,
      forFacility: (facilityId: string): Effective =>
        inForceFor(rules, { facilityId, orgUnitIds: units.get(facilityId) ?? [] }, on).map((e) => ({
          type: e.type,
          level: e.measure.level,
        })),
    };
  }

  async function scopeNames(principal: Principal): Promise<string[]> {
    if (principal.scopeKind === 'national' || principal.scopeIds.length === 0) return [];
    const table = principal.scopeKind === 'units' ? 'org_unit' : 'facility';
    const rows = await db
      .selectFrom(table)
      .select('name')
      .where('id', 'in', principal.scopeIds)
      .orderBy('name')
      .execute();
    return rows.map((r) => r.name);
  }

  async function dashboard(principal: Principal, date?: string): Promise<Dashboard> {
    const day = date ?? clock.today();
    const before = addDays(day, -1);
    const scope = await facilitiesInScope(db, principal, day);
    const [facilities, counts, now, prev, names] = await Promise.all([
      repo.facilities(day, scope),
      repo.figures([day, before], scope),
      measuresOn(day),
      measuresOn(before),
      scopeNames(principal),
    ]);
    const byKey = new Map(counts.map((c) => [`${c.facility_id}|${c.day}`, c]));
    const regions = new Map<string, Dashboard['regions'][number]>();
    for (const f of facilities) {
      const inForce = now.forFacility(f.id);
      const inForceBefore = prev.forFacility(f.id);
      const summary = summariseMeasures(inForce);
      const figures = compare(
        rawFigures(byKey.get(`${f.id}|${day}`), inForce),
        rawFigures(byKey.get(`${f.id}|${before}`), inForceBefore),
      );
      const regionId = f.org_unit_id ?? '00000000-0000-4000-8000-000000000000';
      const region = regions.get(regionId) ?? {
        id: regionId,
        name: f.org_unit_name ?? '–',
        totals: total([]),
        facilities: [],
      };
      region.facilities.push({
        id: f.id,
        code: f.code,
        name: f.name,
        kind: f.kind,
        measures: { ...summary, previousLevel: summariseMeasures(inForceBefore).level as MeasureLevel },
        figures,
      });
      regions.set(regionId, region);
    }
    const list = [...regions.values()].map((r) => ({
      ...r,
      totals: total(r.facilities.map((f) => f.figures)),
    }));
    return {
      date: day,
      previousDate: before,
      generatedAt: clock.now().toISOString(),
      scope: { kind: principal.scopeKind, names },
      totals: total(list.flatMap((r) => r.facilities.map((f) => f.figures))),
      regions: list,
    };
  }

  /** Throws unless every facility asked about is within the principal's scope. */
  function assertWithin(scope: string[] | null, ids: readonly string[]) {
    if (scope === null) return;
    if (ids.some((id) => !scope.includes(id))) throw errors.forbidden();
  }

  async function outbreakFacility(principal: Principal, facilityId: string) {
    const facility = await repo.facility(facilityId);
    if (!facility) throw errors.notFound('facility');
    assertWithin(await facilitiesInScope(db, principal, clock.today()), [facility.id]);
    return facility;
  }

  function presentLetter(row: Awaited<ReturnType<typeof repo.letters>>[number]): LetterView {
    return {
      id: row.id,
      batchId: row.batch_id,
      facility: { id: row.facility_id, name: row.facility_name },
      person: { id: row.person_id, givenName: row.given_name, familyName: row.family_name },
      sentenceId: row.sentence_id,
      caseNumber: row.case_number,
      oldDate: row.old_date,
      newDate: row.new_date,
      reason: row.reason,
      body: row.body,
      createdBy: row.created_by_name,
      createdAt: new Date(row.created_at).toISOString(),
    };
  }

  /**
   * Checks a batch against the locked sentences and works out each person's new date and letter.
   * Every stale version is collected first, so the refusal names everyone concerned.
   */
  async function plan(
    trx: Kysely<Database>,
    principal: Principal,
    facility: { id: string; name: string; municipality: string },
    input: PostponementInput,
    today: string,
  ) {
    const ids = input.items.map((i) => i.sentenceId);
    if (new Set(ids).size !== ids.length) throw errors.field('items', 'outbreak_duplicate');
    const rows = new Map((await createCrisisRepository(trx).lockSentences(ids)).map((r) => [r.id, r]));
    const fields: FieldError[] = [];
    const stale: string[] = [];
    const planned = input.items.map((item, i) => {
      const row = rows.get(item.sentenceId);
      if (!row) {
        fields.push({ path: `items.${i}.sentenceId`, code: 'not_found', params: { what: 'sentence' } });
        return null;
      }
      const name = `${row.given_name} ${row.family_name} (${row.case_number})`;
      const at = row.appearance_facility_id ?? row.responsible_facility_id;
      if (!['queued', 'summoned', 'postponed'].includes(row.status))
        fields.push({ path: `items.${i}.sentenceId`, code: 'outbreak_not_in_queue', params: { name } });
      else if (at !== facility.id)
        fields.push({ path: `items.${i}.sentenceId`, code: 'outbreak_not_at_facility', params: { name } });
      if (row.version !== item.version) stale.push(name);
      const oldDate = row.appearance_date ?? row.postponed_until;
      const newDate = movedDate(oldDate, today, input);
      const notice = checkSummonsNotice(today, newDate);
      if (!notice.ok)
        fields.push({
          path: input.newDate ? 'newDate' : `items.${i}.weeks`,
          code: 'summons_notice_too_short',
          params: { earliest: notice.earliest },
        });
      return {
        row,
        version: item.version,
        oldDate,
        newDate,
        body: letterText({
          today,
          givenName: row.given_name,
          familyName: row.family_name,
          caseNumber: row.case_number,
          facility,
          oldDate,
          newDate,
          reason: input.reason,
          decidedBy: principal.displayName,
        }),
      };
    });
    if (stale.length > 0)
      throw errors.conflict('outbreak_stale', { names: stale.join(', '), count: stale.length });
    if (fields.length > 0) {
      // One message per field: the same notice error for every person reads once.
      const seen = new Set<string>();
      throw errors.validation(fields.filter((f) => !seen.has(f.path) && seen.add(f.path)));
    }
    return planned.filter((p): p is NonNullable<typeof p> => p !== null);
  }

  return {
    dashboard,

    async series(
      principal: Principal,
      query: { date?: string | undefined; orgUnitId?: string | undefined; facilityId?: string | undefined },
    ) {
      const to = query.date ?? clock.today();
      const from = addDays(to, -(SERIES_DAYS - 1));
      const scope = await facilitiesInScope(db, principal, to);
      const names = await scopeNames(principal);
      const points = (rows: Awaited<ReturnType<typeof repo.series>>) =>
        rows.map((r) => ({
          date: r.day,
          inmateCases: r.inmate_cases,
          staffCases: r.staff_cases,
          inmateQuarantine: r.inmate_quarantine,
          staffQuarantine: r.staff_quarantine,
        }));
      let selected: { name: string; points: ReturnType<typeof points> } | null = null;
      if (query.facilityId) {
        const facility = await repo.facility(query.facilityId);
        if (!facility) throw errors.notFound('facility');
        assertWithin(scope, [facility.id]);
        selected = { name: facility.name, points: points(await repo.series(from, to, [facility.id])) };
      } else if (query.orgUnitId) {
        const unit = await repo.orgUnit(query.orgUnitId);
        if (!unit) throw errors.field('orgUnitId', 'not_found', { what: 'facility' });
        const ids = await repo.facilitiesOf(unit.id, to);
        assertWithin(scope, ids);
        selected = { name: unit.name, points: points(await repo.series(from, to, ids)) };
      }
      return {
        from,
        to,
        all: { name: names.join(', '), points: points(await repo.series(from, to, scope)) },
        selected,
      };
    },

    /** The picture for the Ministry, with the measures in force in the scope; the generation is audited. */
    async report(principal: Principal, date: string | undefined, format: 'csv' | 'pdf') {
      const picture = await dashboard(principal, date);
      const scope = await facilitiesInScope(db, principal, picture.date);
      const { rows, units } = await measuresOn(picture.date);
      const unitsInScope = new Set(scope === null ? [] : scope.flatMap((f) => units.get(f) ?? []));
      const measures = rows.filter(
        (m) =>
          scope === null ||
          m.scope_kind === 'national' ||
          (m.scope_kind === 'unit' && m.org_unit_id !== null && unitsInScope.has(m.org_unit_id)) ||
          (m.scope_kind === 'facility' && m.facility_id !== null && scope.includes(m.facility_id)),
      );
      await audit(db, principal, {
        action: 'crisis.report',
        purpose: PURPOSE,
        details: { date: picture.date, format },
      });
      return {
        picture,
        measures: measures.map((m) => ({
          type: m.type,
          level: m.level,
          scopeKind: m.scope_kind,
          scopeName: m.scopeName,
          validFrom: m.valid_from,
          validTo: m.valid_to,
          reviewDate: m.review_date,
          reason: m.reason,
          decidedBy: m.decided_by_name,
        })),
        preparedBy: principal.displayName,
      };
    },

    /** Facilities where the caller may act on an outbreak. */
    async outbreakFacilities(principal: Principal) {
      const today = clock.today();
      const rows = await repo.facilities(today, await facilitiesInScope(db, principal, today));
      return { items: rows.map((f) => ({ id: f.id, code: f.code, name: f.name })) };
    },

    /** Seed 001's outbreak list as facility measures, all in one transaction through the measures rules. */
    async applyOutbreakSet(
      principal: Principal,
      facilityId: string,
      input: {
        reason: string;
        validFrom: string;
        validTo: string;
        reviewDate: string;
        include: OutbreakItem[];
        solitaryLevel: 'some' | 'all';
      },
    ) {
      const facility = await outbreakFacility(principal, facilityId);
      const chosen = outbreakMeasures(input.include, input.solitaryLevel);
      const created = await db.transaction().execute(async (trx) => {
        const out: { id: string; type: string; level: string | null }[] = [];
        for (const m of chosen) {
          const id = await deps.measures.createIn(trx, principal, {
            type: m.type,
            level: m.level,
            scopeKind: 'facility',
            scopeId: facility.id,
            reason: input.reason,
            validFrom: input.validFrom,
            validTo: input.validTo,
            reviewDate: input.reviewDate,
            purpose: OUTBREAK,
          });
          out.push({ id, type: m.type, level: m.level });
        }
        await audit(trx, principal, {
          action: 'outbreak.measures',
          purpose: OUTBREAK,
          details: {
            facilityId: facility.id,
            items: chosen.map((c) => c.item),
            measureIds: out.map((o) => o.id),
            decidedBy: principal.displayName,
            validFrom: input.validFrom,
            validTo: input.validTo,
            reviewDate: input.reviewDate,
          },
        });
        return out;
      });
      return { facility: { id: facility.id, name: facility.name }, measures: created };
    },

    /** Who is due to start at the facility in the window; each listed person is a read, audited. */
    async queue(
      principal: Principal,
      facilityId: string,
      query: { from?: string | undefined; to?: string | undefined },
    ) {
      const facility = await outbreakFacility(principal, facilityId);
      const today = clock.today();
      const from = query.from ?? today;
      const to = query.to ?? addDays(today, QUEUE_WINDOW_DAYS);
      if (to < from) throw errors.field('to', 'period_end_before_start');
      const rows = await repo.queueAt(facility.id, from, to);
      await auditMany(
        db,
        principal,
        rows.map((r) => ({ action: 'outbreak.queue.list', personId: r.personId, purpose: OUTBREAK })),
      );
      return {
        from,
        to,
        earliestNewDate: earliestAppearance(today),
        items: rows.map((r) => ({
          sentenceId: r.sentenceId,
          version: r.version,
          status: r.status as 'queued' | 'summoned' | 'postponed',
          date: r.appearance_date ?? r.postponed_until,
          person: {
            id: r.personId,
            givenName: r.given_name,
            familyName: r.family_name,
            birthDate: r.birth_date,
          },
          caseNumber: r.case_number,
        })),
      };
    },

    /** What a batch would do, letters included; nothing is written. */
    async previewPostponements(principal: Principal, facilityId: string, input: PostponementInput) {
      const facility = await outbreakFacility(principal, facilityId);
      const today = clock.today();
      const planned = await db.transaction().execute((trx) => plan(trx, principal, facility, input, today));
      await auditMany(
        db,
        principal,
        planned.map((p) => ({ action: 'outbreak.queue.list', personId: p.row.person_id, purpose: OUTBREAK })),
      );
      return {
        items: planned.map((p) => ({
          facility: { id: facility.id, name: facility.name },
          person: { id: p.row.person_id, givenName: p.row.given_name, familyName: p.row.family_name },
          sentenceId: p.row.id,
          caseNumber: p.row.case_number,
          oldDate: p.oldDate,
          newDate: p.newDate,
          reason: input.reason,
          body: p.body,
          createdBy: principal.displayName,
        })),
      };
    },

    /**
     * Postpones everyone in the batch in the queue's terms (notice period, version check), each with
     * a stored letter, in one transaction: if any version is stale, nothing is applied.
     */
    async applyPostponements(principal: Principal, facilityId: string, input: PostponementInput) {
      const facility = await outbreakFacility(principal, facilityId);
      const today = clock.today();
      const batchId = randomUUID();
      await db.transaction().execute(async (trx) => {
        const planned = await plan(trx, principal, facility, input, today);
        const queue = createQueueRepository(trx);
        for (const p of planned) {
          const applied = await queue.updateIfVersion(p.row.id, p.version, {
            status: 'postponed',
            postponed_until: p.newDate,
            postponement_reason: 'other',
            postponement_note: input.reason,
            appearance_date: null,
          });
          if (!applied)
            throw errors.conflict('outbreak_stale', {
              names: `${p.row.given_name} ${p.row.family_name} (${p.row.case_number})`,
              count: 1,
            });
          await queue.addEvent({
            sentence_id: p.row.id,
            status: 'postponed',
            on_date: today,
            reason: `utbrudd: ${input.reason}`,
            facility_id: facility.id,
            user_id: principal.userId,
          });
        }
        await createCrisisRepository(trx).insertLetters(
          planned.map((p) => ({
            id: randomUUID(),
            batch_id: batchId,
            facility_id: facility.id,
            person_id: p.row.person_id,
            sentence_id: p.row.id,
            case_number: p.row.case_number,
            old_date: p.oldDate,
            new_date: p.newDate,
            reason: input.reason,
            body: p.body,
            created_by: principal.userId,
            created_by_name: principal.displayName,
          })),
        );
        await deps.calculations.recalculate(
          trx,
          planned.map((p) => p.row.person_id),
          today,
        );
        await auditMany(
          trx,
          principal,
          planned.map((p) => ({
            action: 'sentence.postpone' as const,
            personId: p.row.person_id,
            purpose: OUTBREAK,
            details: { sentenceId: p.row.id, until: p.newDate, batchId, facilityId: facility.id },
          })),
        );
        await audit(trx, principal, {
          action: 'outbreak.postpone',
          purpose: OUTBREAK,
          details: {
            batchId,
            facilityId: facility.id,
            count: planned.length,
            decidedBy: principal.displayName,
          },
        });
      });
      const letters = (await repo.letters({ batchId })).map(presentLetter);
      return { batchId, letters };
    },

    /** The letters written at the facility (or of one batch); each person's letter read is audited. */
    async letters(principal: Principal, facilityId: string, batchId?: string) {
      const facility = await outbreakFacility(principal, facilityId);
      const rows = await repo.letters({ facilityId: facility.id, batchId });
      await auditMany(
        db,
        principal,
        rows.map((r) => ({
          action: 'outbreak.letter.read',
          personId: r.person_id,
          purpose: OUTBREAK,
          details: { letterId: r.id },
        })),
      );
      return { facility, items: rows.map(presentLetter) };
    },

    async letter(principal: Principal, id: string) {
      const row = (await repo.letters({ id }))[0];
      if (!row) throw errors.notFound('letter');
      await outbreakFacility(principal, row.facility_id);
      await audit(db, principal, {
        action: 'outbreak.letter.read',
        personId: row.person_id,
        purpose: OUTBREAK,
        details: { letterId: row.id },
      });
      return presentLetter(row);
    },

    /** The inmates at the facility now (for interruption); each listed person is a read, audited. */
    async inmates(principal: Principal, facilityId: string) {
      const facility = await outbreakFacility(principal, facilityId);
      const rows = await repo.inmatesAt(facility.id);
      await auditMany(
        db,
        principal,
        rows.map((r) => ({ action: 'outbreak.inmates.list', personId: r.personId, purpose: OUTBREAK })),
      );
      return {
        items: rows.map((r) => ({
          person: {
            id: r.personId,
            givenName: r.given_name,
            familyName: r.family_name,
            birthDate: r.birth_date,
          },
          sentenceId: r.sentence_id,
          since: r.from_date,
          interrupted: r.interrupted,
        })),
      };
    },

    /** Records an interruption for each chosen inmate and recalculates their key dates, in one transaction. */
    async interrupt(
      principal: Principal,
      facilityId: string,
      input: { personIds: string[]; date: string; reason: string },
    ) {
      const facility = await outbreakFacility(principal, facilityId);
      const today = clock.today();
      if (input.date > today) throw errors.field('date', 'event_in_future');
      if (new Set(input.personIds).size !== input.personIds.length)
        throw errors.field('personIds', 'outbreak_duplicate');
      const people = await db.transaction().execute(async (trx) => {
        const here = new Map(
          (await createCrisisRepository(trx).inmatesAt(facility.id)).map((r) => [r.personId, r]),
        );
        const fields: FieldError[] = [];
        input.personIds.forEach((id, i) => {
          if (!here.has(id)) fields.push({ path: `personIds.${i}`, code: 'outbreak_not_placed_here' });
        });
        if (fields.length > 0) throw errors.validation(fields);
        const calc = createCalculationsRepository(trx);
        for (const id of input.personIds) {
          await calc.insertEvent({
            id: randomUUID(),
            person_id: id,
            sentence_id: here.get(id)?.sentence_id ?? null,
            kind: 'interruption_start',
            on_date: input.date,
            note: input.reason,
            user_id: principal.userId,
          });
        }
        await deps.calculations.recalculate(trx, input.personIds, today);
        await auditMany(
          trx,
          principal,
          input.personIds.map((personId) => ({
            action: 'execution.event' as const,
            personId,
            purpose: OUTBREAK,
            details: { type: 'interruption_start', date: input.date, facilityId: facility.id },
          })),
        );
        await audit(trx, principal, {
          action: 'outbreak.interrupt',
          purpose: OUTBREAK,
          details: { facilityId: facility.id, count: input.personIds.length, date: input.date },
        });
        return input.personIds.map((id) => {
          const r = here.get(id);
          return { id, givenName: r?.given_name ?? '', familyName: r?.family_name ?? '' };
        });
      });
      return { recorded: people.length, people };
    },
  };
}

export type CrisisService = ReturnType<typeof createCrisisService>;
