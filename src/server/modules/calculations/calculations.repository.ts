import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/types.ts';
import { personLinkedTo } from '../../shared/access.ts';
import { offsetOf, type PageRequest } from '../../shared/pagination.ts';

const CHUNK = 1000;

function chunks<T>(rows: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export interface StoredKeyDate {
  seq: number;
  key: string;
  rule: string;
  on_date: string | null;
  status: 'eligible' | 'not_yet' | 'not_applicable';
}

export function createCalculationsRepository(db: Kysely<Database>) {
  return {
    /** Everyone with a sentence not yet ended: the people whose dates matter. */
    async activePersonIds(): Promise<string[]> {
      const rows = await db
        .selectFrom('sentence')
        .select('person_id')
        .distinct()
        .where('status', '<>', 'released')
        .orderBy('person_id')
        .execute();
      return rows.map((r) => r.person_id);
    },

    /** Every input the engine needs for these people, in one query per table. */
    async inputs(personIds: readonly string[]) {
      if (personIds.length === 0)
        return {
          persons: [],
          sentences: [],
          admissions: [],
          remand: [],
          isolation: [],
          events: [],
          leave: [],
        };
      const ids = [...personIds];
      const [persons, sentences, admissions, remand, events, leave] = await Promise.all([
        db.selectFrom('person').select(['id', 'birth_date']).where('id', 'in', ids).execute(),
        db
          .selectFrom('sentence as s')
          .innerJoin('judgment as j', 'j.id', 's.judgment_id')
          .select([
            's.id',
            's.person_id',
            's.kind',
            's.status',
            's.term_days',
            's.minimum_term_days',
            's.frame_days',
            's.hours',
            's.substitute_days',
            'j.offence_groups',
          ])
          .where('s.person_id', 'in', ids)
          .where('s.status', '<>', 'released')
          .orderBy('s.order_date')
          .orderBy('s.id')
          .execute(),
        // When execution began, for sentences whose start is not recorded as an event of its own.
        db
          .selectFrom('sentence_event as e')
          .innerJoin('sentence as s', 's.id', 'e.sentence_id')
          .select(['s.person_id', sql<string>`min(e.on_date)::text`.as('admitted_on')])
          .where('s.person_id', 'in', ids)
          .where('s.status', '<>', 'released')
          .where('s.kind', '<>', 'remand')
          .where('e.status', '=', 'admitted')
          .groupBy('s.person_id')
          .execute(),
        db
          .selectFrom('remand_period')
          .select(['id', 'person_id', 'arrested_at', 'released_at'])
          .where('person_id', 'in', ids)
          .orderBy('arrested_at')
          .execute(),
        db
          .selectFrom('execution_event')
          .select(['person_id', 'kind', 'on_date'])
          .where('person_id', 'in', ids)
          .orderBy('on_date')
          .orderBy('created_at')
          .execute(),
        db
          .selectFrom('leave_record')
          .select(['person_id', 'from_date', 'days'])
          .where('person_id', 'in', ids)
          .where('kind', '=', 'ordinary')
          .orderBy('from_date')
          .execute(),
      ]);
      const isolation =
        remand.length === 0
          ? []
          : await db
              .selectFrom('isolation_period')
              .select(['remand_period_id', 'from_date', 'to_date'])
              .where(
                'remand_period_id',
                'in',
                remand.map((r) => r.id),
              )
              .orderBy('from_date')
              .execute();
      return { persons, sentences, admissions, remand, isolation, events, leave };
    },

    async parameterOverrides() {
      return db
        .selectFrom('parameter_override')
        .select(['key', 'value', 'denominator', 'valid_from', 'valid_to', 'source'])
        .orderBy('set_at', 'desc')
        .execute();
    },

    /** Replaces the stored calculations and key dates of these people. */
    async save(
      rows: {
        personId: string;
        asOf: string;
        result: unknown;
        error: string | null;
        keyDates: StoredKeyDate[];
      }[],
    ) {
      if (rows.length === 0) return;
      const ids = rows.map((r) => r.personId);
      for (const part of chunks(ids))
        await db.deleteFrom('key_date').where('person_id', 'in', part).execute();
      for (const part of chunks(rows, 200))
        await db
          .insertInto('calculation')
          .values(
            part.map((r) => ({
              person_id: r.personId,
              as_of: r.asOf,
              computed_at: new Date(),
              result: r.result === null ? null : JSON.stringify(r.result),
              error: r.error,
            })),
          )
          .onConflict((oc) =>
            oc.column('person_id').doUpdateSet((eb) => ({
              as_of: eb.ref('excluded.as_of'),
              computed_at: eb.ref('excluded.computed_at'),
              result: eb.ref('excluded.result'),
              error: eb.ref('excluded.error'),
            })),
          )
          .execute();
      const keyRows = rows.flatMap((r) => r.keyDates.map((k) => ({ person_id: r.personId, ...k })));
      for (const part of chunks(keyRows)) await db.insertInto('key_date').values(part).execute();
    },

    calculation(personId: string) {
      return db
        .selectFrom('calculation')
        .select(['as_of', 'computed_at', 'result', 'error'])
        .where('person_id', '=', personId)
        .executeTakeFirst();
    },

    oldestCalculation() {
      return db
        .selectFrom('calculation')
        .select(sql<string | null>`min(as_of)::text`.as('oldest'))
        .executeTakeFirstOrThrow();
    },

    insertEvent(row: {
      id: string;
      person_id: string;
      sentence_id: string | null;
      kind: Database['execution_event']['kind'];
      on_date: string;
      note: string | null;
      user_id: string;
    }) {
      return db.insertInto('execution_event').values(row).execute();
    },

    /**
     * People whose key date of these keys falls on or before `until` and is not ruled out,
     * within a scope and optionally one facility (where they are placed, or responsible for them).
     */
    async due(
      filter: {
        keys: readonly string[];
        until: string;
        scope: string[] | null;
        facilityId?: string | undefined;
      },
      page: PageRequest,
    ) {
      let query = db
        .selectFrom('key_date as k')
        .innerJoin('person as p', 'p.id', 'k.person_id')
        .leftJoin('placement as pl', (j) => j.onRef('pl.person_id', '=', 'p.id').on('pl.to_date', 'is', null))
        .leftJoin('facility as f', 'f.id', 'pl.facility_id')
        .select([
          'p.id as personId',
          'p.given_name',
          'p.family_name',
          'f.id as facilityId',
          'f.name as facilityName',
          'k.key',
          'k.rule',
          'k.on_date',
          'k.status',
          sql<number>`count(*) over ()::int`.as('total'),
        ])
        .where('k.key', 'in', [...filter.keys])
        .where('k.status', '<>', 'not_applicable')
        .where((eb) => eb.or([eb('k.on_date', 'is', null), eb('k.on_date', '<=', filter.until)]))
        .where((eb) => eb.or([eb('k.status', '=', 'eligible'), eb('k.on_date', 'is not', null)]));
      if (filter.scope !== null) query = query.where(personLinkedTo('p.id', filter.scope));
      if (filter.facilityId) query = query.where(personLinkedTo('p.id', [filter.facilityId]));
      return query
        .orderBy(sql`k.on_date nulls first`)
        .orderBy('p.family_name')
        .orderBy('p.id')
        .limit(page.pageSize)
        .offset(offsetOf(page))
        .execute();
    },

    /** Name, birth date and where each person is now, for lists built outside the database. */
    async peopleWithPlace(personIds: readonly string[]) {
      if (personIds.length === 0) return [];
      return db
        .selectFrom('person as p')
        .leftJoin('placement as pl', (j) => j.onRef('pl.person_id', '=', 'p.id').on('pl.to_date', 'is', null))
        .leftJoin('facility as f', 'f.id', 'pl.facility_id')
        .select([
          'p.id',
          'p.given_name',
          'p.family_name',
          'p.birth_date',
          'f.id as facilityId',
          'f.name as facilityName',
        ])
        .where('p.id', 'in', [...personIds])
        .execute();
    },
  };
}

export type CalculationsRepository = ReturnType<typeof createCalculationsRepository>;
export type LoadedInputs = Awaited<ReturnType<CalculationsRepository['inputs']>>;
