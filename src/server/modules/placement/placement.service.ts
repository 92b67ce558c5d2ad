import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import {
  type CohortDepartment,
  checkMove,
  type HealthStatus,
  INFECTED_STATUSES,
  isTransfer,
  PLACEMENT_RULES,
  proposeCohort,
} from '../../domain/placement.ts';
import {
  assertFacilityInScope,
  assertPersonInScope,
  facilitiesInScope,
  type Principal,
} from '../../shared/access.ts';
import { audit, auditMany } from '../../shared/audit.ts';
import type { Clock } from '../../shared/clock.ts';
import { AppError, errors, type FieldError, isUniqueViolation } from '../../shared/errors.ts';
import { type Locale, message } from '../../shared/messages.ts';
import { assertSeparationRespected } from '../assessments/assessments.service.ts';
import { measuresInForce } from '../measures/measures.repository.ts';
import { createPlacementRepository } from './placement.repository.ts';
import type { CohortView, MoveResult } from './placement.schemas.ts';

const PURPOSE = 'placement';
const PLACEABLE = new Set(['prison_high', 'prison_lower', 'halfway_house']);

const STATUS_NAME: Record<Locale, Record<HealthStatus, string>> = {
  nb: {
    isolation: 'i isolasjon',
    confirmed: 'bekreftet smittet',
    quarantine: 'i karantene',
    suspected: 'mistenkt smittet',
  },
  en: {
    isolation: 'in isolation',
    confirmed: 'a confirmed case',
    quarantine: 'in quarantine',
    suspected: 'a suspected case',
  },
};

/** Which of the two measures placement rules read are in force at a facility on a date. */
async function placementMeasures(db: Kysely<Database>, facilityId: string, on: string) {
  const types = new Set((await measuresInForce(db, facilityId, on)).map((e) => e.type));
  return { singleOccupancy: types.has('single_occupancy'), noTransfers: types.has('no_transfers') };
}

/**
 * Refuses a person in a cell where someone already is, while single occupancy is in force at the
 * facility on the date. Locks the cell first, so two placements into one cell are checked in turn.
 * Admission (queue) and moves call it inside their transaction, before they insert.
 */
export async function assertCellUsable(
  trx: Kysely<Database>,
  bed: { cellId: string; facilityId: string },
  on: string,
  personId: string | null,
): Promise<void> {
  const repo = createPlacementRepository(trx);
  await repo.lockCell(bed.cellId);
  const { singleOccupancy } = await placementMeasures(trx, bed.facilityId, on);
  if (!singleOccupancy) return;
  if ((await repo.othersInCell(bed.cellId, on, personId)) > 0)
    throw errors.conflict('single_occupancy_cell_taken', { rule: PLACEMENT_RULES.singleOccupancy });
}

export function createPlacementService(db: Kysely<Database>, clock: Clock) {
  /** The facility's cells and who is in them, as the cohort rule sees it, with names to show. */
  async function cohortState(trx: Kysely<Database>, facilityId: string, on: string) {
    const repo = createPlacementRepository(trx);
    const [layout, occupants, measures] = await Promise.all([
      repo.layout(facilityId),
      repo.occupants(facilityId, on),
      placementMeasures(trx, facilityId, on),
    ]);
    const byBed = new Map(occupants.map((o) => [o.bedId, o]));
    const departments: (CohortDepartment & { name: string })[] = [];
    const spots = new Map<string, CohortView['infected'][number]['at']>();
    for (const row of layout) {
      let d = departments.at(-1);
      if (d?.id !== row.departmentId) {
        d = { id: row.departmentId, code: row.departmentCode, name: row.departmentName, cells: [] };
        departments.push(d);
      }
      const cells = d.cells as {
        id: string;
        number: string;
        beds: { id: string; label: string }[];
        occupants: { personId: string; bedId: string; infected: boolean }[];
      }[];
      let cell = cells.at(-1);
      if (cell?.id !== row.cellId) {
        cell = { id: row.cellId, number: row.cellNumber, beds: [], occupants: [] };
        cells.push(cell);
      }
      cell.beds.push({ id: row.bedId, label: row.bedLabel });
      const who = byBed.get(row.bedId);
      if (who)
        cell.occupants.push({
          personId: who.personId,
          bedId: row.bedId,
          infected: INFECTED_STATUSES.includes(who.status as HealthStatus),
        });
      spots.set(row.bedId, {
        department: { id: d.id, code: d.code, name: d.name },
        cell: { id: row.cellId, number: row.cellNumber },
        bed: { id: row.bedId, label: row.bedLabel },
      });
    }
    return { departments, occupants, spots, singleOccupancy: measures.singleOccupancy };
  }

  return {
    /**
     * Moves a placed inmate to another bed, in this facility or another, from the date: closes the
     * current placement and opens the new one in one transaction. The rules of seed 000 decide.
     */
    async move(
      principal: Principal,
      personId: string,
      input: { placementId: string; toBedId: string; on?: string | undefined; reason?: string | undefined },
      locale: Locale,
    ): Promise<MoveResult> {
      const today = clock.today();
      const on = input.on ?? today;
      if (on > today) throw errors.field('on', 'move_date_future');
      const reason = input.reason?.trim() ? input.reason.trim() : null;
      return db.transaction().execute(async (trx) => {
        const repo = createPlacementRepository(trx);
        if (!(await trx.selectFrom('person').select('id').where('id', '=', personId).executeTakeFirst()))
          throw errors.notFound('person');
        await assertPersonInScope(trx, principal, personId, today);
        const current = await repo.lockCurrentPlacement(personId);
        if (current?.kind !== 'cell') throw errors.conflict('not_placed');
        if (current.id !== input.placementId) throw errors.conflict('stale_version');
        if (on < current.from_date)
          throw errors.field('on', 'move_before_placement', { date: current.from_date });
        const bed = await repo.bed(input.toBedId);
        if (!bed) throw errors.field('toBedId', 'not_found', { what: 'bed' });
        if (!PLACEABLE.has(bed.facilityKind)) throw errors.field('toBedId', 'facility_not_prison');

        await repo.lockCell(bed.cellId);
        const [from, to, statuses, othersInCell] = await Promise.all([
          placementMeasures(trx, current.facility_id, on),
          placementMeasures(trx, bed.facilityId, on),
          repo.openStatuses(personId, on),
          repo.othersInCell(bed.cellId, on, personId),
        ]);
        const refusals = checkMove({
          fromFacilityId: current.facility_id,
          toFacilityId: bed.facilityId,
          fromBedId: current.bed_id,
          toBedId: bed.id,
          statuses,
          noTransfersFrom: from.noTransfers,
          noTransfersTo: to.noTransfers,
          reason,
          singleOccupancy: to.singleOccupancy,
          othersInCell,
        });
        const conflict = refusals.find((r) => r.kind === 'conflict');
        if (conflict?.code === 'transfer_infected')
          throw new AppError(409, conflict.code, {
            status: STATUS_NAME[locale][conflict.params.status],
            rule: conflict.params.rule,
          });
        const fields: FieldError[] = refusals.flatMap((r) =>
          r.kind === 'field' ? [{ path: r.path, code: r.code, params: 'params' in r ? r.params : {} }] : [],
        );
        if (fields.length > 0) throw errors.validation(fields);
        if (conflict) throw new AppError(409, conflict.code, conflict.params);
        if (await repo.bedTaken(bed.id, on, personId)) throw errors.conflict('bed_taken');
        // Non-associations: not in the same cell, department or prison as someone kept apart.
        await assertSeparationRespected(trx, personId, bed.id, 'toBedId');

        const transfer = isTransfer({ fromFacilityId: current.facility_id, toFacilityId: bed.facilityId });
        const placementId = randomUUID();
        if (!(await repo.closePlacement(current.id, on))) throw errors.conflict('stale_version');
        try {
          await repo.insertPlacement({
            id: placementId,
            person_id: personId,
            sentence_id: current.sentence_id,
            facility_id: bed.facilityId,
            bed_id: bed.id,
            from_date: on,
            move_reason: reason,
            moved_by: principal.userId,
          });
        } catch (error) {
          // Two moves racing for one bed: the unique index lets exactly one through.
          if (isUniqueViolation(error, 'placement_one_occupant_per_bed')) throw errors.conflict('bed_taken');
          throw error;
        }
        await audit(trx, principal, {
          action: 'placement.move',
          personId,
          purpose: PURPOSE,
          details: {
            on,
            transfer,
            fromFacilityId: current.facility_id,
            toFacilityId: bed.facilityId,
            fromBedId: current.bed_id,
            toBedId: bed.id,
          },
        });
        return {
          personId,
          placementId,
          on,
          transfer,
          reason,
          to: {
            facility: { id: bed.facilityId, name: bed.facilityName },
            department: { id: bed.departmentId, name: bed.departmentName },
            cell: { id: bed.cellId, number: bed.cellNumber },
            bed: { id: bed.id, label: bed.label },
          },
        };
      });
    },

    /** Where to gather the facility's infected inmates, and the moves that takes (seed 000). */
    async cohortProposal(
      principal: Principal,
      facilityId: string,
      query: { on?: string | undefined },
      locale: Locale,
    ): Promise<CohortView> {
      const today = clock.today();
      const on = query.on ?? today;
      const facility = await createPlacementRepository(db).facility(facilityId);
      if (!facility) throw errors.notFound('facility');
      assertFacilityInScope(await facilitiesInScope(db, principal, today), facilityId);
      const view = await propose(db, facility, on, locale);
      // The proposal names infected inmates and those who would make room: each is a read.
      const named = new Set([
        ...view.infected.map((i) => i.person.id),
        ...view.moves.map((m) => m.person.id),
      ]);
      await auditMany(
        db,
        principal,
        [...named].map((personId) => ({
          action: 'placement.cohort.read' as const,
          personId,
          purpose: PURPOSE,
          details: { facilityId, on },
        })),
      );
      return view;
    },

    /**
     * Carries out the proposal's moves in one transaction: the facility's cells are locked, the
     * proposal is made afresh and must be the one the caller saw, else nothing moves (409).
     */
    async applyCohort(
      principal: Principal,
      facilityId: string,
      input: { on: string; moves: { personId: string; fromBedId: string; toBedId: string }[] },
      locale: Locale,
    ) {
      const today = clock.today();
      if (input.on > today) throw errors.field('on', 'move_date_future');
      const facility = await createPlacementRepository(db).facility(facilityId);
      if (!facility) throw errors.notFound('facility');
      assertFacilityInScope(await facilitiesInScope(db, principal, today), facilityId);
      await db.transaction().execute(async (trx) => {
        const repo = createPlacementRepository(trx);
        await repo.lockFacilityCells(facilityId);
        const fresh = await propose(trx, facility, input.on, locale);
        const key = (m: { personId: string; fromBedId: string; toBedId: string }) =>
          `${m.personId}:${m.fromBedId}:${m.toBedId}`;
        const expected = fresh.moves
          .map((m) => key({ personId: m.person.id, fromBedId: m.from.bed.id, toBedId: m.to.bed.id }))
          .sort();
        const given = input.moves.map(key).sort();
        if (fresh.kind !== 'proposal' || expected.join('|') !== given.join('|'))
          throw errors.conflict('cohort_stale');
        // Everyone leaves first, then everyone arrives: a bed freed by one move can take another.
        const current = new Map<string, NonNullable<Awaited<ReturnType<typeof repo.lockCurrentPlacement>>>>();
        for (const m of input.moves) {
          const placement = await repo.lockCurrentPlacement(m.personId);
          if (!placement || placement.bed_id !== m.fromBedId || placement.from_date > input.on)
            throw errors.conflict('cohort_stale');
          current.set(m.personId, placement);
        }
        for (const m of input.moves) {
          const placement = current.get(m.personId);
          if (!placement || !(await repo.closePlacement(placement.id, input.on)))
            throw errors.conflict('cohort_stale');
        }
        for (const m of input.moves) {
          // Infection control does not set aside a separation (seed 004): such a move stops the lot.
          await assertSeparationRespected(trx, m.personId, m.toBedId, 'moves');
          try {
            await repo.insertPlacement({
              id: randomUUID(),
              person_id: m.personId,
              sentence_id: current.get(m.personId)?.sentence_id ?? null,
              facility_id: facilityId,
              bed_id: m.toBedId,
              from_date: input.on,
              move_reason: 'kohortering',
              moved_by: principal.userId,
            });
          } catch (error) {
            if (isUniqueViolation(error)) throw errors.conflict('cohort_stale');
            throw error;
          }
        }
        await auditMany(
          trx,
          principal,
          input.moves.map((m) => ({
            action: 'placement.move' as const,
            personId: m.personId,
            purpose: PURPOSE,
            details: {
              on: input.on,
              transfer: false,
              cohort: true,
              fromFacilityId: facilityId,
              toFacilityId: facilityId,
              fromBedId: m.fromBedId,
              toBedId: m.toBedId,
            },
          })),
        );
      });
      return { facilityId, on: input.on, moved: input.moves.length };
    },
  };

  async function propose(
    trx: Kysely<Database>,
    facility: { id: string; code: string; name: string },
    on: string,
    locale: Locale,
  ): Promise<CohortView> {
    const state = await cohortState(trx, facility.id, on);
    const result = proposeCohort({ departments: state.departments, singleOccupancy: state.singleOccupancy });
    const people = new Map(state.occupants.map((o) => [o.personId, o]));
    const personOf = (id: string) => {
      const o = people.get(id);
      return { id, givenName: o?.givenName ?? '', familyName: o?.familyName ?? '' };
    };
    const spot = (bedId: string) => state.spots.get(bedId) as CohortView['infected'][number]['at'];
    const departmentOf = (id: string) => state.departments.find((d) => d.id === id);
    const infected = state.occupants
      .filter((o) => INFECTED_STATUSES.includes(o.status as HealthStatus) && o.bedId)
      .map((o) => ({
        person: personOf(o.personId),
        status: o.status as HealthStatus,
        at: spot(o.bedId as string),
      }))
      .sort(
        (a, b) =>
          a.at.department.code.localeCompare(b.at.department.code, 'nb') ||
          a.at.cell.number.localeCompare(b.at.cell.number, 'nb', { numeric: true }),
      );
    const assessed = result.assessed.map((a) => {
      const d = departmentOf(a.departmentId);
      return {
        department: { id: a.departmentId, code: a.code, name: d?.name ?? a.code },
        holds: a.holds,
        freeCells: a.freeCells,
        moves: a.moves,
      };
    });
    const base = {
      facility: { id: facility.id, code: facility.code, name: facility.name },
      on,
      singleOccupancy: state.singleOccupancy,
      rule: PLACEMENT_RULES.cohort,
      infected,
      assessed,
    };
    if (result.kind === 'no_infected')
      return {
        ...base,
        kind: 'no_infected',
        explanation: message('cohort_none', locale, { facility: facility.name, date: on }),
        department: null,
        staying: [],
        moves: [],
      };
    if (result.kind === 'impossible') {
      const best = [...assessed].sort((a, b) => b.holds - a.holds)[0];
      return {
        ...base,
        kind: 'impossible',
        explanation: message('cohort_impossible', locale, {
          infected: result.infected,
          department: best?.department.name ?? '–',
          holds: best?.holds ?? 0,
        }),
        department: null,
        staying: [],
        moves: [],
      };
    }
    const chosen = departmentOf(result.departmentId);
    const department = { id: result.departmentId, code: chosen?.code ?? '', name: chosen?.name ?? '' };
    return {
      ...base,
      kind: 'proposal',
      explanation: message(result.moves.length === 0 ? 'cohort_in_place' : 'cohort_proposal', locale, {
        infected: result.infected,
        department: department.name,
        moves: result.moves.length,
        making: result.moves.filter((m) => m.why === 'make_room').length,
      }),
      department,
      staying: result.staying.map((s) => ({ person: personOf(s.personId), at: spot(s.bedId) })),
      moves: result.moves.map((m) => ({
        person: personOf(m.personId),
        why: m.why,
        from: spot(m.fromBedId),
        to: spot(m.toBedId),
      })),
    };
  }
}

export type PlacementService = ReturnType<typeof createPlacementService>;
