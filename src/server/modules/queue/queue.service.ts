import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, PostponementReason } from '../../db/types.ts';
import { ageGroup, checkSummonsNotice, daysWaiting } from '../../domain/queue-rules.ts';
import {
  assertFacilityInScope,
  assertPersonInScope,
  facilitiesInScope,
  type Principal,
} from '../../shared/access.ts';
import { audit, auditMany } from '../../shared/audit.ts';
import type { Clock } from '../../shared/clock.ts';
import { errors, isUniqueViolation } from '../../shared/errors.ts';
import type { Page, PageRequest } from '../../shared/pagination.ts';
import { assertSeparationRespected } from '../assessments/assessments.service.ts';
import type { CalculationsService } from '../calculations/calculations.service.ts';
import type { PeopleService } from '../people/people.service.ts';
import { assertCellUsable } from '../placement/placement.service.ts';
import { createQueueRepository, QUEUE_STATUSES, type QueueRow } from './queue.repository.ts';
import type { QueueItem } from './queue.schemas.ts';

const PURPOSE = 'queue';

function present(row: QueueRow, today: string): QueueItem {
  return {
    sentenceId: row.id,
    version: row.version,
    person: {
      id: row.personId,
      givenName: row.given_name,
      familyName: row.family_name,
      birthDate: row.birth_date,
    },
    caseNumber: row.case_number,
    kind: row.kind,
    termDays: row.term_days,
    orderDate: row.order_date ?? today,
    daysWaiting: row.order_date ? daysWaiting(row.order_date, today) : 0,
    ageGroup: ageGroup(row.birth_date, today),
    status: row.status as QueueItem['status'],
    summonsSentOn: row.summons_sent_on,
    appearanceDate: row.appearance_date,
    appearanceFacility:
      row.appearanceFacilityId && row.appearanceFacilityName
        ? { id: row.appearanceFacilityId, name: row.appearanceFacilityName }
        : null,
    postponedUntil: row.postponed_until,
    postponementReason: row.postponement_reason,
  };
}

const isQueued = (status: string) => (QUEUE_STATUSES as readonly string[]).includes(status);
const PLACEABLE = new Set(['prison_high', 'prison_lower', 'halfway_house']);

export function createQueueService(
  db: Kysely<Database>,
  clock: Clock,
  people: PeopleService,
  calculations: Pick<CalculationsService, 'recalculate'>,
) {
  /**
   * Runs a change to one sentence in one transaction: lock it, check scope, status and version,
   * apply, record the event and the audit row. Either all of it happens or none.
   */
  async function change<T>(
    principal: Principal,
    sentenceId: string,
    version: number,
    apply: (ctx: {
      repo: ReturnType<typeof createQueueRepository>;
      trx: Kysely<Database>;
      sentence: NonNullable<Awaited<ReturnType<ReturnType<typeof createQueueRepository>['lockSentence']>>>;
      scope: string[] | null;
      today: string;
    }) => Promise<T>,
  ): Promise<T> {
    const today = clock.today();
    return db.transaction().execute(async (trx) => {
      const repo = createQueueRepository(trx);
      const sentence = await repo.lockSentence(sentenceId);
      if (!sentence) throw errors.notFound('sentence');
      await assertPersonInScope(trx, principal, sentence.person_id, today);
      if (!isQueued(sentence.status)) throw errors.conflict('not_in_queue', { status: sentence.status });
      if (sentence.version !== version) throw errors.conflict('stale_version');
      const scope = await facilitiesInScope(trx, principal, today);
      const result = await apply({ repo, trx, sentence, scope, today });
      // A summons, a postponement or an admission changes what the person's dates rest on.
      await calculations.recalculate(trx, [sentence.person_id], today);
      return result;
    });
  }

  async function item(sentenceId: string): Promise<QueueItem> {
    const row = await createQueueRepository(db).one(sentenceId);
    if (!row) throw errors.notFound('sentence');
    return present(row, clock.today());
  }

  return {
    async list(
      principal: Principal,
      filter: { ageGroup?: QueueItem['ageGroup'] | undefined; summoned?: boolean | undefined },
      page: PageRequest,
    ): Promise<Page<QueueItem>> {
      const today = clock.today();
      const scope = await facilitiesInScope(db, principal, today);
      const rows = await createQueueRepository(db).list({ ...filter, scope, today }, page);
      // The queue shows names: each row is a read of that person's data.
      await auditMany(
        db,
        principal,
        rows.map((r) => ({ action: 'queue.list', personId: r.personId, purpose: PURPOSE })),
      );
      return {
        items: rows.map((r) => present(r, today)),
        page: page.page,
        pageSize: page.pageSize,
        total: rows[0]?.total ?? 0,
      };
    },

    async summon(
      principal: Principal,
      sentenceId: string,
      input: { version: number; facilityId: string; appearanceDate: string },
    ) {
      await change(principal, sentenceId, input.version, async ({ repo, trx, sentence, scope, today }) => {
        const check = checkSummonsNotice(today, input.appearanceDate);
        if (!check.ok)
          throw errors.field('appearanceDate', 'summons_notice_too_short', { earliest: check.earliest });
        const facility = await repo.facility(input.facilityId);
        if (!facility) throw errors.field('facilityId', 'not_found', { what: 'facility' });
        if (
          !PLACEABLE.has(facility.kind) &&
          !(sentence.kind === 'community' && facility.kind === 'probation_office')
        )
          throw errors.field('facilityId', 'facility_not_prison');
        assertFacilityInScope(scope, facility.id);
        const applied = await repo.updateIfVersion(sentenceId, input.version, {
          status: 'summoned',
          summons_sent_on: today,
          appearance_date: input.appearanceDate,
          appearance_facility_id: facility.id,
          postponed_until: null,
          postponement_reason: null,
          postponement_note: null,
        });
        if (!applied) throw errors.conflict('stale_version');
        await repo.addEvent({
          sentence_id: sentenceId,
          status: 'summoned',
          on_date: today,
          reason: `oppmøte ${input.appearanceDate}`,
          facility_id: facility.id,
          user_id: principal.userId,
        });
        await audit(trx, principal, {
          action: 'sentence.summon',
          personId: sentence.person_id,
          purpose: PURPOSE,
          details: { sentenceId, appearanceDate: input.appearanceDate, facilityId: facility.id },
        });
      });
      return item(sentenceId);
    },

    async postpone(
      principal: Principal,
      sentenceId: string,
      input: { version: number; reason: PostponementReason; until: string; note?: string | undefined },
    ) {
      await change(principal, sentenceId, input.version, async ({ repo, trx, sentence, today }) => {
        if (input.until <= today) throw errors.field('until', 'postponement_in_past');
        const applied = await repo.updateIfVersion(sentenceId, input.version, {
          status: 'postponed',
          postponed_until: input.until,
          postponement_reason: input.reason,
          postponement_note: input.note ?? null,
          // A postponement voids the appearance date; a new summons is sent when it ends.
          appearance_date: null,
        });
        if (!applied) throw errors.conflict('stale_version');
        await repo.addEvent({
          sentence_id: sentenceId,
          status: 'postponed',
          on_date: today,
          reason: input.note ? `${input.reason}: ${input.note}` : input.reason,
          facility_id: null,
          user_id: principal.userId,
        });
        await audit(trx, principal, {
          action: 'sentence.postpone',
          personId: sentence.person_id,
          purpose: PURPOSE,
          details: { sentenceId, reason: input.reason, until: input.until },
        });
      });
      return item(sentenceId);
    },

    async admit(principal: Principal, sentenceId: string, input: { version: number; bedId: string }) {
      const personId = await change(
        principal,
        sentenceId,
        input.version,
        async ({ repo, trx, sentence, scope, today }) => {
          const bed = await repo.bedWithFacility(input.bedId);
          if (!bed) throw errors.field('bedId', 'not_found', { what: 'bed' });
          if (!PLACEABLE.has(bed.facilityKind)) throw errors.field('bedId', 'facility_not_prison');
          assertFacilityInScope(scope, bed.facilityId);
          if (await repo.bedOccupied(bed.id)) throw errors.conflict('bed_taken');
          // Single occupancy: the cell is locked, then nobody else may be in it.
          await assertCellUsable(trx, bed, today, sentence.person_id);
          // Non-associations: not in the same cell, department or prison as someone kept apart.
          await assertSeparationRespected(trx, sentence.person_id, bed.id, 'bedId');
          if (await repo.currentPlacement(sentence.person_id)) throw errors.conflict('already_placed');
          try {
            await repo.insertPlacement({
              id: randomUUID(),
              person_id: sentence.person_id,
              sentence_id: sentenceId,
              facility_id: bed.facilityId,
              bed_id: bed.id,
              from_date: today,
            });
          } catch (error) {
            // Two admissions racing for the same bed: the unique index lets exactly one through.
            if (isUniqueViolation(error, 'placement_one_occupant_per_bed'))
              throw errors.conflict('bed_taken');
            if (isUniqueViolation(error, 'placement_one_current_per_person'))
              throw errors.conflict('already_placed');
            throw error;
          }
          const applied = await repo.updateIfVersion(sentenceId, input.version, { status: 'admitted' });
          if (!applied) throw errors.conflict('stale_version');
          await repo.addEvent({
            sentence_id: sentenceId,
            status: 'admitted',
            on_date: today,
            reason: null,
            facility_id: bed.facilityId,
            user_id: principal.userId,
          });
          await audit(trx, principal, {
            action: 'placement.admit',
            personId: sentence.person_id,
            purpose: PURPOSE,
            details: { sentenceId, bedId: bed.id, facilityId: bed.facilityId },
          });
          return sentence.person_id;
        },
      );
      return people.read(principal, personId, PURPOSE);
    },
  };
}

export type QueueService = ReturnType<typeof createQueueService>;
