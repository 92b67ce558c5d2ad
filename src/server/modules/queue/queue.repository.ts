import { type Kysely, sql } from 'kysely';
import type { Database, PostponementReason } from '../../db/types.ts';
import { offsetOf, type PageRequest } from '../../shared/pagination.ts';

export const QUEUE_STATUSES = ['queued', 'summoned', 'postponed'] as const;

export interface QueueFilter {
  scope: string[] | null;
  ageGroup?: 'under18' | 'under23' | 'adult' | undefined;
  summoned?: boolean | undefined;
  today: string;
}

export function createQueueRepository(db: Kysely<Database>) {
  function base() {
    return db
      .selectFrom('sentence as s')
      .innerJoin('person as p', 'p.id', 's.person_id')
      .innerJoin('judgment as j', 'j.id', 's.judgment_id')
      .leftJoin('facility as af', 'af.id', 's.appearance_facility_id')
      .select([
        's.id',
        's.version',
        's.kind',
        's.term_days',
        's.order_date',
        's.status',
        's.summons_sent_on',
        's.appearance_date',
        's.postponed_until',
        's.postponement_reason',
        's.responsible_facility_id',
        'af.id as appearanceFacilityId',
        'af.name as appearanceFacilityName',
        'p.id as personId',
        'p.given_name',
        'p.family_name',
        'p.birth_date',
        'j.case_number',
      ]);
  }

  // Age group on the given day, in SQL, so the queue can be ordered and filtered by it.
  const ageRank = (today: string) =>
    sql<number>`case when p.birth_date > (${today}::date - interval '18 years') then 0
                     when p.birth_date > (${today}::date - interval '23 years') then 1 else 2 end`;

  return {
    async list(filter: QueueFilter, page: PageRequest) {
      let query = base()
        .select(sql<number>`count(*) over ()::int`.as('total'))
        .where('s.status', 'in', QUEUE_STATUSES)
        .where('s.order_date', 'is not', null);
      if (filter.scope !== null) {
        const scope = filter.scope;
        if (scope.length === 0) return [];
        query = query.where((eb) =>
          eb.or([eb('s.responsible_facility_id', 'in', scope), eb('s.appearance_facility_id', 'in', scope)]),
        );
      }
      if (filter.ageGroup) {
        const rank = { under18: 0, under23: 1, adult: 2 }[filter.ageGroup];
        query = query.where(sql<boolean>`${ageRank(filter.today)} = ${rank}`);
      }
      if (filter.summoned !== undefined)
        query = query.where('s.summons_sent_on', filter.summoned ? 'is not' : 'is', null);
      return query
        .orderBy(ageRank(filter.today))
        .orderBy('s.order_date')
        .orderBy('s.id')
        .limit(page.pageSize)
        .offset(offsetOf(page))
        .execute();
    },

    one(id: string) {
      return base().where('s.id', '=', id).executeTakeFirst();
    },

    /** Locks the sentence row for the rest of the transaction. */
    lockSentence(id: string) {
      return db.selectFrom('sentence').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    },

    /** Applies a change only if nobody changed the sentence since `version`; returns whether it did. */
    async updateIfVersion(
      id: string,
      version: number,
      changes: Partial<{
        status: 'queued' | 'summoned' | 'postponed' | 'admitted';
        summons_sent_on: string | null;
        appearance_date: string | null;
        appearance_facility_id: string | null;
        postponed_until: string | null;
        postponement_reason: PostponementReason | null;
        postponement_note: string | null;
      }>,
    ): Promise<boolean> {
      const result = await db
        .updateTable('sentence')
        .set({ ...changes, version: sql`version + 1` })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    addEvent(row: {
      sentence_id: string;
      status: 'summoned' | 'postponed' | 'admitted';
      on_date: string;
      reason: string | null;
      facility_id: string | null;
      user_id: string;
    }) {
      return db.insertInto('sentence_event').values(row).execute();
    },

    facility(id: string) {
      return db.selectFrom('facility').select(['id', 'kind', 'name']).where('id', '=', id).executeTakeFirst();
    },

    bedWithFacility(bedId: string) {
      return db
        .selectFrom('bed as b')
        .innerJoin('cell as c', 'c.id', 'b.cell_id')
        .innerJoin('department as d', 'd.id', 'c.department_id')
        .innerJoin('facility as f', 'f.id', 'd.facility_id')
        .select(['b.id', 'c.id as cellId', 'f.id as facilityId', 'f.kind as facilityKind'])
        .where('b.id', '=', bedId)
        .executeTakeFirst();
    },

    bedOccupied(bedId: string) {
      return db
        .selectFrom('placement')
        .select('id')
        .where('bed_id', '=', bedId)
        .where('to_date', 'is', null)
        .executeTakeFirst();
    },

    currentPlacement(personId: string) {
      return db
        .selectFrom('placement')
        .select('id')
        .where('person_id', '=', personId)
        .where('to_date', 'is', null)
        .executeTakeFirst();
    },

    insertPlacement(row: {
      id: string;
      person_id: string;
      sentence_id: string;
      facility_id: string;
      bed_id: string;
      from_date: string;
    }) {
      return db
        .insertInto('placement')
        .values({ ...row, kind: 'cell', to_date: null })
        .execute();
    },
  };
}

export type QueueRepository = ReturnType<typeof createQueueRepository>;
export type QueueRow = NonNullable<Awaited<ReturnType<QueueRepository['one']>>>;
