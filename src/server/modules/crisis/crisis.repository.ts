import type { Insertable, Kysely, RawBuilder } from 'kysely';
import { sql } from 'kysely';
import type { Database, OutbreakLetterTable } from '../../db/types.ts';
import { QUEUE_WINDOW_DAYS } from '../../domain/crisis.ts';

export interface FacilityFigures {
  facility_id: string;
  day: string;
  beds: number;
  cells: number;
  occupied: number;
  inmate_cases: number;
  staff_cases: number;
  inmate_quarantine: number;
  staff_quarantine: number;
  inmate_suspected: number;
  staff_suspected: number;
  queue_due: number;
  visits_cancelled: number;
}

export interface SeriesPoint {
  day: string;
  inmate_cases: number;
  staff_cases: number;
  inmate_quarantine: number;
  staff_quarantine: number;
}

/** A facility list as SQL: every facility, or only these. */
function facilityFilter(column: string | RawBuilder<unknown>, ids: readonly string[] | null) {
  if (ids === null) return sql<boolean>`true`;
  if (ids.length === 0) return sql<boolean>`false`;
  const col = typeof column === 'string' ? sql.ref(column) : column;
  return sql<boolean>`${col} in (${sql.join(ids.map((id) => sql`${id}::uuid`))})`;
}

export function createCrisisRepository(db: Kysely<Database>) {
  return {
    /** Facilities open on the date, with the region or unit each belongs to then. */
    facilities(on: string, ids: readonly string[] | null) {
      return sql<{
        id: string;
        code: string;
        name: string;
        kind: string;
        municipality: string;
        org_unit_id: string | null;
        org_unit_name: string | null;
      }>`
        select f.id, f.code, f.name, f.kind, f.municipality, o.id as org_unit_id, o.name as org_unit_name
        from facility f
        left join lateral (
          select ou.id, ou.name from facility_membership fm
          join org_unit ou on ou.id = fm.org_unit_id and ou.kind in ('region', 'unit')
          where fm.facility_id = f.id and fm.valid_from <= ${on}::date
            and (fm.valid_to is null or fm.valid_to > ${on}::date)
          order by ou.name limit 1
        ) o on true
        where f.valid_from <= ${on}::date and (f.valid_to is null or f.valid_to > ${on}::date)
          and ${facilityFilter('f.id', ids)}
        order by o.name nulls last, f.name, f.code`
        .execute(db)
        .then((r) => r.rows);
    },

    /**
     * Every count of the crisis picture, per facility and day, for the given days in one statement:
     * beds and cells, occupied beds, health statuses in force that day (distinct people), the
     * queue due to start there within the window, and visits cancelled or refused that day.
     */
    figures(days: readonly string[], ids: readonly string[] | null) {
      const dayList = sql.join(days.map((d) => sql`(${d}::date)`));
      return sql<FacilityFigures>`
        with days(day) as (values ${dayList}),
        fac as (select f.id from facility f where ${facilityFilter('f.id', ids)}),
        beds as (
          select d.facility_id, count(b.id)::int as beds, count(distinct c.id)::int as cells
          from department d join cell c on c.department_id = d.id join bed b on b.cell_id = c.id
          where ${facilityFilter('d.facility_id', ids)}
          group by d.facility_id
        ),
        occ as (
          select pl.facility_id, dy.day, count(*)::int as occupied
          from placement pl join days dy on pl.from_date <= dy.day and (pl.to_date is null or pl.to_date > dy.day)
          where pl.kind = 'cell' and ${facilityFilter('pl.facility_id', ids)}
          group by pl.facility_id, dy.day
        ),
        health as (
          select hs.facility_id, dy.day,
            count(distinct hs.person_id) filter (where hs.subject_kind = 'inmate' and hs.status in ('confirmed', 'isolation'))::int as inmate_cases,
            count(distinct hs.staff_id) filter (where hs.subject_kind = 'staff' and hs.status in ('confirmed', 'isolation'))::int as staff_cases,
            count(distinct hs.person_id) filter (where hs.subject_kind = 'inmate' and hs.status = 'quarantine')::int as inmate_quarantine,
            count(distinct hs.staff_id) filter (where hs.subject_kind = 'staff' and hs.status = 'quarantine')::int as staff_quarantine,
            count(distinct hs.person_id) filter (where hs.subject_kind = 'inmate' and hs.status = 'suspected')::int as inmate_suspected,
            count(distinct hs.staff_id) filter (where hs.subject_kind = 'staff' and hs.status = 'suspected')::int as staff_suspected
          from health_status hs join days dy on hs.from_date <= dy.day and (hs.to_date is null or hs.to_date >= dy.day)
          where ${facilityFilter('hs.facility_id', ids)}
          group by hs.facility_id, dy.day
        ),
        queue as (
          select coalesce(s.appearance_facility_id, s.responsible_facility_id) as facility_id, dy.day, count(*)::int as due
          from sentence s join days dy
            on coalesce(s.appearance_date, s.postponed_until) >= dy.day
           and coalesce(s.appearance_date, s.postponed_until) < dy.day + ${QUEUE_WINDOW_DAYS}::int
          where s.status in ('queued', 'summoned', 'postponed')
            and ${facilityFilter(sql`coalesce(s.appearance_facility_id, s.responsible_facility_id)`, ids)}
          group by 1, 2
        ),
        visits as (
          select v.facility_id, (v.starts_at at time zone 'Europe/Oslo')::date as day, count(*)::int as cancelled
          from visit v
          where v.status in ('cancelled', 'refused')
            and v.starts_at >= (${[...days].sort()[0]}::date::timestamp at time zone 'Europe/Oslo')
            and v.starts_at < ((${[...days].sort().at(-1)}::date + 1)::timestamp at time zone 'Europe/Oslo')
            and ${facilityFilter('v.facility_id', ids)}
          group by 1, 2
        )
        select fac.id as facility_id, to_char(dy.day, 'YYYY-MM-DD') as day,
          coalesce(b.beds, 0) as beds, coalesce(b.cells, 0) as cells, coalesce(o.occupied, 0) as occupied,
          coalesce(h.inmate_cases, 0) as inmate_cases, coalesce(h.staff_cases, 0) as staff_cases,
          coalesce(h.inmate_quarantine, 0) as inmate_quarantine, coalesce(h.staff_quarantine, 0) as staff_quarantine,
          coalesce(h.inmate_suspected, 0) as inmate_suspected, coalesce(h.staff_suspected, 0) as staff_suspected,
          coalesce(q.due, 0) as queue_due, coalesce(v.cancelled, 0) as visits_cancelled
        from fac cross join days dy
        left join beds b on b.facility_id = fac.id
        left join occ o on o.facility_id = fac.id and o.day = dy.day
        left join health h on h.facility_id = fac.id and h.day = dy.day
        left join queue q on q.facility_id = fac.id and q.day = dy.day
        left join visits v on v.facility_id = fac.id and v.day = dy.day`
        .execute(db)
        .then((r) => r.rows);
    },

    /** Cases and quarantine per day from `from` through `to` (distinct people each day). */
    series(from: string, to: string, ids: readonly string[] | null) {
      return sql<SeriesPoint>`
        with days as (select d::date as day from generate_series(${from}::date, ${to}::date, interval '1 day') d)
        select to_char(dy.day, 'YYYY-MM-DD') as day,
          count(distinct hs.person_id) filter (where hs.subject_kind = 'inmate' and hs.status in ('confirmed', 'isolation'))::int as inmate_cases,
          count(distinct hs.staff_id) filter (where hs.subject_kind = 'staff' and hs.status in ('confirmed', 'isolation'))::int as staff_cases,
          count(distinct hs.person_id) filter (where hs.subject_kind = 'inmate' and hs.status = 'quarantine')::int as inmate_quarantine,
          count(distinct hs.staff_id) filter (where hs.subject_kind = 'staff' and hs.status = 'quarantine')::int as staff_quarantine
        from days dy
        left join health_status hs on hs.from_date <= dy.day and (hs.to_date is null or hs.to_date >= dy.day)
          and hs.from_date <= ${to}::date and (hs.to_date is null or hs.to_date >= ${from}::date)
          and ${facilityFilter('hs.facility_id', ids)}
        group by dy.day
        order by dy.day`
        .execute(db)
        .then((r) => r.rows);
    },

    facility(id: string) {
      return db
        .selectFrom('facility')
        .select(['id', 'code', 'name', 'kind', 'municipality'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    orgUnit(id: string) {
      return db.selectFrom('org_unit').select(['id', 'name', 'kind']).where('id', '=', id).executeTakeFirst();
    },

    /** The facilities of a region or unit on the date. */
    facilitiesOf(orgUnitId: string, on: string) {
      return db
        .selectFrom('facility_membership')
        .select('facility_id')
        .where('org_unit_id', '=', orgUnitId)
        .where('valid_from', '<=', on)
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on)]))
        .execute()
        .then((rows) => rows.map((r) => r.facility_id));
    },

    /** The queue due to start at the facility (summoned there, or its responsible facility) in a window. */
    queueAt(facilityId: string, from: string, to: string) {
      return db
        .selectFrom('sentence as s')
        .innerJoin('person as p', 'p.id', 's.person_id')
        .innerJoin('judgment as j', 'j.id', 's.judgment_id')
        .select([
          's.id as sentenceId',
          's.version',
          's.status',
          's.appearance_date',
          's.postponed_until',
          's.order_date',
          'p.id as personId',
          'p.given_name',
          'p.family_name',
          'p.birth_date',
          'j.case_number',
        ])
        .where('s.status', 'in', ['queued', 'summoned', 'postponed'])
        .where(
          sql<boolean>`coalesce(s.appearance_facility_id, s.responsible_facility_id) = ${facilityId}::uuid`,
        )
        .where((eb) =>
          eb.or([
            eb.and([
              eb(sql`coalesce(s.appearance_date, s.postponed_until)`, '>=', from),
              eb(sql`coalesce(s.appearance_date, s.postponed_until)`, '<=', to),
            ]),
            // Not yet summoned: no date yet, so due whenever the facility calls them in.
            eb.and([eb('s.status', '=', 'queued'), eb('s.appearance_date', 'is', null)]),
          ]),
        )
        .orderBy(sql`coalesce(s.appearance_date, s.postponed_until)`, (ob) => ob.asc().nullsLast())
        .orderBy('p.family_name')
        .orderBy('s.id')
        .limit(1000)
        .execute();
    },

    /** Locks the sentences of a batch, with what a letter needs. */
    lockSentences(ids: readonly string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('sentence as s')
        .innerJoin('person as p', 'p.id', 's.person_id')
        .innerJoin('judgment as j', 'j.id', 's.judgment_id')
        .select([
          's.id',
          's.version',
          's.status',
          's.person_id',
          's.appearance_date',
          's.postponed_until',
          's.responsible_facility_id',
          's.appearance_facility_id',
          'p.given_name',
          'p.family_name',
          'j.case_number',
        ])
        .where('s.id', 'in', ids)
        .forUpdate('s')
        .execute();
    },

    /** People placed in a cell at the facility now, with the sentence they serve. */
    inmatesAt(facilityId: string) {
      return db
        .selectFrom('placement as pl')
        .innerJoin('person as p', 'p.id', 'pl.person_id')
        .leftJoin('sentence as s', 's.id', 'pl.sentence_id')
        .select([
          'p.id as personId',
          'p.given_name',
          'p.family_name',
          'p.birth_date',
          'pl.from_date',
          'pl.sentence_id',
          's.kind',
          sql<boolean>`exists (select 1 from execution_event e where e.person_id = p.id
            and e.kind = 'interruption_start'
            and not exists (select 1 from execution_event x where x.person_id = p.id
              and x.kind = 'interruption_end' and x.on_date >= e.on_date))`.as('interrupted'),
        ])
        .where('pl.facility_id', '=', facilityId)
        .where('pl.to_date', 'is', null)
        .where('pl.kind', '=', 'cell')
        .orderBy('p.family_name')
        .orderBy('p.given_name')
        .orderBy('p.id')
        .execute();
    },

    insertLetters(rows: Insertable<OutbreakLetterTable>[]) {
      if (rows.length === 0) return Promise.resolve();
      return db.insertInto('outbreak_letter').values(rows).execute();
    },

    letters(filter: { facilityId?: string; batchId?: string | undefined; id?: string }) {
      let q = db
        .selectFrom('outbreak_letter as l')
        .innerJoin('person as p', 'p.id', 'l.person_id')
        .innerJoin('facility as f', 'f.id', 'l.facility_id')
        .select([
          'l.id',
          'l.batch_id',
          'l.facility_id',
          'f.name as facility_name',
          'l.person_id',
          'p.given_name',
          'p.family_name',
          'l.sentence_id',
          'l.case_number',
          'l.old_date',
          'l.new_date',
          'l.reason',
          'l.body',
          'l.created_by_name',
          'l.created_at',
        ]);
      if (filter.facilityId) q = q.where('l.facility_id', '=', filter.facilityId);
      if (filter.batchId) q = q.where('l.batch_id', '=', filter.batchId);
      if (filter.id) q = q.where('l.id', '=', filter.id);
      return q.orderBy('l.created_at', 'desc').orderBy('p.family_name').orderBy('l.id').limit(500).execute();
    },
  };
}

export type CrisisRepository = ReturnType<typeof createCrisisRepository>;
