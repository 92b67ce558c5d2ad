import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/types.ts';
import { personLinkedTo } from '../../shared/access.ts';
import { offsetOf, type PageRequest } from '../../shared/pagination.ts';

export type PersonMatch =
  | { by: 'national_id'; nationalId: string }
  | { by: 'case_number'; caseNumber: string }
  | { by: 'name'; normalised: string };

export function createPeopleRepository(db: Kysely<Database>) {
  return {
    /**
     * One page of people matching a search, limited to a scope (null: national). Names match by
     * trigram word similarity, so a typo or a missing accent still finds the person.
     */
    async search(match: PersonMatch, scope: string[] | null, page: PageRequest) {
      let query = db
        .selectFrom('person as p')
        .select([
          'p.id',
          'p.given_name',
          'p.family_name',
          'p.birth_date',
          'p.national_id',
          sql<number>`count(*) over ()::int`.as('total'),
        ]);
      let rank: RawBuilder<number> | null = null;
      if (match.by === 'national_id') query = query.where('p.national_id', '=', match.nationalId);
      else if (match.by === 'case_number')
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('judgment as j')
              .select('j.id')
              .whereRef('j.person_id', '=', 'p.id')
              .where(sql<boolean>`upper(j.case_number) = upper(${match.caseNumber})`),
          ),
        );
      else {
        const q = match.normalised;
        query = query.where(
          sql<boolean>`(${q} <% p.search_name or p.search_name like ${`%${q.replace(/[%_\\]/g, '\\$&')}%`})`,
        );
        rank = sql<number>`word_similarity(${q}, p.search_name)`;
      }
      if (scope !== null) query = query.where(personLinkedTo('p.id', scope));
      if (rank) query = query.orderBy(rank, 'desc');
      return query
        .orderBy('p.family_name')
        .orderBy('p.given_name')
        .orderBy('p.id')
        .limit(page.pageSize)
        .offset(offsetOf(page))
        .execute();
    },

    /** For each person, the sentence that best describes where they are now, and its facility. */
    async currentStatus(personIds: string[]) {
      if (personIds.length === 0) return [];
      return db
        .selectFrom('sentence as s')
        .leftJoin('placement as pl', (j) =>
          j.onRef('pl.person_id', '=', 's.person_id').on('pl.to_date', 'is', null),
        )
        .innerJoin('facility as f', (j) =>
          j.on(
            sql<boolean>`f.id = coalesce(${sql.ref('pl.facility_id')}, ${sql.ref('s.responsible_facility_id')})`,
          ),
        )
        .select(['s.person_id', 's.status', 'f.id as facilityId', 'f.name as facilityName'])
        .distinctOn('s.person_id')
        .where('s.person_id', 'in', personIds)
        .orderBy('s.person_id')
        .orderBy(sql`case when s.status = 'released' then 1 else 0 end`)
        .orderBy('s.order_date', 'desc')
        .execute();
    },

    person(id: string) {
      return db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
    },

    currentPlacement(personId: string) {
      return db
        .selectFrom('placement as pl')
        .innerJoin('facility as f', 'f.id', 'pl.facility_id')
        .leftJoin('bed as b', 'b.id', 'pl.bed_id')
        .leftJoin('cell as c', 'c.id', 'b.cell_id')
        .leftJoin('department as d', 'd.id', 'c.department_id')
        .select([
          'pl.id',
          'pl.kind',
          'pl.from_date',
          'f.id as facilityId',
          'f.name as facilityName',
          'f.kind as facilityKind',
          'd.id as departmentId',
          'd.name as departmentName',
          'c.id as cellId',
          'c.number as cellNumber',
          'b.id as bedId',
          'b.label as bedLabel',
        ])
        .where('pl.person_id', '=', personId)
        .where('pl.to_date', 'is', null)
        .executeTakeFirst();
    },

    judgments(personId: string) {
      return db
        .selectFrom('judgment')
        .selectAll()
        .where('person_id', '=', personId)
        .orderBy('judgment_date', 'desc')
        .execute();
    },

    sentences(personId: string) {
      return db
        .selectFrom('sentence')
        .selectAll()
        .where('person_id', '=', personId)
        .orderBy('order_date')
        .execute();
    },

    events(personId: string) {
      return db
        .selectFrom('sentence_event as e')
        .innerJoin('sentence as s', 's.id', 'e.sentence_id')
        .leftJoin('facility as f', 'f.id', 'e.facility_id')
        .leftJoin('app_user as u', 'u.id', 'e.user_id')
        .select([
          'e.sentence_id',
          'e.status',
          'e.on_date',
          'e.reason',
          'f.id as facilityId',
          'f.name as facilityName',
          'u.display_name as by',
        ])
        .where('s.person_id', '=', personId)
        .orderBy('e.on_date')
        .orderBy('e.id')
        .execute();
    },

    insertPerson(row: {
      id: string;
      national_id: string;
      national_id_kind: 'fnr' | 'dnr' | 'synthetic';
      given_name: string;
      family_name: string;
      search_name: string;
      birth_date: string;
      gender: 'female' | 'male';
      registered_facility_id: string | null;
    }) {
      return db.insertInto('person').values(row).execute();
    },

    async auditTrail(personId: string, page: PageRequest) {
      const rows = await db
        .selectFrom('audit_event')
        .select([
          'at',
          'username',
          'role',
          'action',
          'purpose',
          sql<number>`count(*) over ()::int`.as('total'),
        ])
        .where('person_id', '=', personId)
        .orderBy('id', 'desc')
        .limit(page.pageSize)
        .offset(offsetOf(page))
        .execute();
      return rows;
    },
  };
}

export type PeopleRepository = ReturnType<typeof createPeopleRepository>;
