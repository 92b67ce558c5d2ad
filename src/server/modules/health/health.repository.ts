import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database, HealthStatusTable, RosterEntryTable, StaffMemberTable } from '../../db/types.ts';
import type { ContactKind } from '../../domain/health.ts';

export type SubjectKind = 'inmate' | 'staff';

export interface StatusRow {
  id: string;
  version: number;
  subject_kind: SubjectKind;
  person_id: string | null;
  staff_id: string | null;
  facility_id: string;
  facility_name: string;
  status: HealthStatusTable['status'];
  from_date: string;
  to_date: string | null;
  traced_from_id: string | null;
  recorded_by_name: string;
  recorded_at: Date;
  subject_name: string;
}

export interface ContactRow {
  subject_kind: SubjectKind;
  subject_id: string;
  kind: ContactKind;
  days: number;
  last_date: string;
  total_days: number;
  total_last: string;
  facilities: string[];
  name: string;
}

/** Who a status is about: an inmate (person) or a staff member. */
export interface Subject {
  kind: SubjectKind;
  id: string;
}

const CONTACT_STATUSES = sql`('booked', 'completed')`;

export function createHealthRepository(db: Kysely<Database>) {
  const statuses = () =>
    db
      .selectFrom('health_status as h')
      .innerJoin('facility as f', 'f.id', 'h.facility_id')
      .leftJoin('person as p', 'p.id', 'h.person_id')
      .leftJoin('staff_member as s', 's.id', 'h.staff_id')
      .select([
        'h.id',
        'h.version',
        'h.subject_kind',
        'h.person_id',
        'h.staff_id',
        'h.facility_id',
        'f.name as facility_name',
        'h.status',
        'h.from_date',
        'h.to_date',
        'h.traced_from_id',
        'h.recorded_by_name',
        'h.recorded_at',
        sql<string>`coalesce(p.given_name || ' ' || p.family_name, s.name)`.as('subject_name'),
      ]);

  return {
    facility(id: string) {
      return db.selectFrom('facility').select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirst();
    },

    /** Prisons and halfway houses open on the date (only they have departments and staff rosters). */
    facilities(on: string, ids: readonly string[] | null) {
      let q = db
        .selectFrom('facility')
        .select(['id', 'code', 'name'])
        .where('kind', '<>', 'probation_office')
        .where('valid_from', '<=', on)
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on)]));
      if (ids) {
        if (ids.length === 0) return Promise.resolve([]);
        q = q.where('id', 'in', ids);
      }
      return q.orderBy('name').orderBy('code').execute();
    },

    departments(facilityId: string) {
      return db
        .selectFrom('department')
        .select(['id', 'code', 'name'])
        .where('facility_id', '=', facilityId)
        .orderBy('code')
        .execute();
    },

    department(id: string) {
      return db
        .selectFrom('department')
        .select(['id', 'code', 'name', 'facility_id'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    // ---------------------------------------------------------------- staff

    staff(facilityId: string) {
      return db
        .selectFrom('staff_member as s')
        .leftJoin('department as d', 'd.id', 's.department_id')
        .select([
          's.id',
          's.staff_number',
          's.name',
          's.facility_id',
          's.department_id',
          'd.name as department_name',
          's.title',
          's.active',
        ])
        .where('s.facility_id', '=', facilityId)
        .orderBy('s.name')
        .orderBy('s.staff_number')
        .execute();
    },

    staffMember(id: string) {
      return db
        .selectFrom('staff_member')
        .select(['id', 'name', 'facility_id', 'department_id', 'staff_number', 'title', 'active'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    insertStaff(row: Insertable<StaffMemberTable>) {
      return db.insertInto('staff_member').values(row).execute();
    },

    // ---------------------------------------------------------------- statuses

    statusesOpenAt(facilityId: string, on: string) {
      return statuses()
        .where('h.facility_id', '=', facilityId)
        .where('h.from_date', '<=', on)
        .where((eb) => eb.or([eb('h.to_date', 'is', null), eb('h.to_date', '>=', on)]))
        .orderBy('h.from_date', 'desc')
        .orderBy('h.id')
        .execute() as unknown as Promise<StatusRow[]>;
    },

    statusesOfPerson(personId: string) {
      return statuses()
        .where('h.person_id', '=', personId)
        .orderBy('h.from_date', 'desc')
        .orderBy('h.id')
        .execute() as unknown as Promise<StatusRow[]>;
    },

    status(id: string) {
      return statuses().where('h.id', '=', id).executeTakeFirst() as unknown as Promise<
        StatusRow | undefined
      >;
    },

    /** Every status of one subject, for the rules on overlap. */
    statusesOf(subject: Subject) {
      return db
        .selectFrom('health_status')
        .select(['id', 'status', 'from_date', 'to_date'])
        .where(subject.kind === 'inmate' ? 'person_id' : 'staff_id', '=', subject.id)
        .execute();
    },

    /** Every status of these subjects open on the date. */
    async openStatusesOf(subjects: readonly Subject[], on: string) {
      const persons = subjects.filter((s) => s.kind === 'inmate').map((s) => s.id);
      const staff = subjects.filter((s) => s.kind === 'staff').map((s) => s.id);
      if (persons.length === 0 && staff.length === 0) return [];
      return db
        .selectFrom('health_status')
        .select(['person_id', 'staff_id', 'status'])
        .where((eb) =>
          eb.or([
            ...(persons.length > 0 ? [eb('person_id', 'in', persons)] : []),
            ...(staff.length > 0 ? [eb('staff_id', 'in', staff)] : []),
          ]),
        )
        .where('from_date', '<=', on)
        .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', on)]))
        .execute();
    },

    /**
     * Locks the subject's row, so that two statuses for the same subject are checked for overlap
     * one after the other rather than side by side. Returns false when the subject does not exist.
     */
    async lockSubject(subject: Subject): Promise<boolean> {
      const row =
        subject.kind === 'inmate'
          ? await db
              .selectFrom('person')
              .select('id')
              .where('id', '=', subject.id)
              .forUpdate()
              .executeTakeFirst()
          : await db
              .selectFrom('staff_member')
              .select('id')
              .where('id', '=', subject.id)
              .forUpdate()
              .executeTakeFirst();
      return row !== undefined;
    },

    /** The facility where the person was placed in a bed on the date, if anywhere. */
    async placedAt(personId: string, on: string) {
      const row = await db
        .selectFrom('placement')
        .select('facility_id')
        .where('person_id', '=', personId)
        .where('kind', '=', 'cell')
        .where('from_date', '<=', on)
        .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', on)]))
        .orderBy('from_date', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row?.facility_id ?? null;
    },

    /** The facility of the current placement, when the person is placed today. */
    async placedNow(personId: string) {
      const row = await db
        .selectFrom('placement')
        .select('facility_id')
        .where('person_id', '=', personId)
        .where('kind', '=', 'cell')
        .where('to_date', 'is', null)
        .limit(1)
        .executeTakeFirst();
      return row?.facility_id ?? null;
    },

    personName(personId: string) {
      return db
        .selectFrom('person')
        .select(['id', sql<string>`given_name || ' ' || family_name`.as('name')])
        .where('id', '=', personId)
        .executeTakeFirst();
    },

    insertStatuses(rows: Insertable<HealthStatusTable>[]) {
      if (rows.length === 0) return Promise.resolve();
      return db.insertInto('health_status').values(rows).execute();
    },

    lockStatus(id: string) {
      return db.selectFrom('health_status').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    },

    async endIfVersion(id: string, version: number, toDate: string, endedBy: string) {
      const res = await db
        .updateTable('health_status')
        .set({ to_date: toDate, ended_by: endedBy, version: sql`version + 1` } as never)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    // ---------------------------------------------------------------- roster

    roster(facilityId: string, from: string, to: string) {
      return db
        .selectFrom('roster_entry as r')
        .innerJoin('department as d', 'd.id', 'r.department_id')
        .innerJoin('staff_member as s', 's.id', 'r.staff_id')
        .select([
          'r.id',
          'r.staff_id',
          's.name as staff_name',
          's.staff_number',
          'r.department_id',
          'd.name as department_name',
          'r.on_date',
          'r.shift',
          'r.flag',
        ])
        .where('d.facility_id', '=', facilityId)
        .where('r.on_date', '>=', from)
        .where('r.on_date', '<=', to)
        .orderBy('r.on_date')
        .orderBy(sql`case r.shift when 'day' then 1 when 'evening' then 2 else 3 end`)
        .orderBy('d.code')
        .orderBy('s.name')
        .execute();
    },

    /** The staff member's shifts between two dates, with the facility of each department. */
    shiftsOf(staffId: string, from: string, to: string) {
      return db
        .selectFrom('roster_entry as r')
        .innerJoin('department as d', 'd.id', 'r.department_id')
        .select(['r.department_id', 'd.facility_id', 'r.on_date'])
        .where('r.staff_id', '=', staffId)
        .where('r.on_date', '>=', from)
        .where('r.on_date', '<=', to)
        .execute();
    },

    insertRoster(row: Insertable<RosterEntryTable>) {
      return db.insertInto('roster_entry').values(row).execute();
    },

    rosterEntry(id: string) {
      return db
        .selectFrom('roster_entry as r')
        .innerJoin('department as d', 'd.id', 'r.department_id')
        .select(['r.id', 'r.staff_id', 'r.department_id', 'd.facility_id', 'r.on_date', 'r.shift'])
        .where('r.id', '=', id)
        .executeTakeFirst();
    },

    async deleteRoster(id: string) {
      const res = await db.deleteFrom('roster_entry').where('id', '=', id).executeTakeFirst();
      return Number(res.numDeletedRows) === 1;
    },

    // ---------------------------------------------------------------- tracing

    /**
     * Everyone who shared a cell, a department, a shift or a visiting room with the subject between
     * two dates (both included), one row per contact and kind of contact, in one statement. A
     * placement counts on every day from its from_date through its to_date: the day of a move counts
     * in both places. Rows also carry each contact's distinct days over all kinds and the facilities
     * where the contact happened (for the reader's scope).
     */
    async contacts(subject: Subject, from: string, to: string): Promise<ContactRow[]> {
      const f = sql`${from}::date`;
      const t = sql`${to}::date`;
      const days =
        subject.kind === 'inmate'
          ? sql`
        my_stays as (
          select c.id as cell_id, c.department_id, d.facility_id,
                 greatest(pl.from_date, ${f}) as s, least(coalesce(pl.to_date, ${t}), ${t}) as e
          from placement pl
          join bed b on b.id = pl.bed_id
          join cell c on c.id = b.cell_id
          join department d on d.id = c.department_id
          where pl.person_id = ${subject.id}::uuid and pl.bed_id is not null
            and pl.from_date <= ${t} and coalesce(pl.to_date, ${t}) >= ${f}
        ),
        all_days as (
          select 'inmate'::text as subject_kind, pl.person_id as subject_id,
                 case when c.id = m.cell_id then 'cell' else 'department' end as kind,
                 m.facility_id, g.day::date as day
          from my_stays m
          join cell c on c.department_id = m.department_id
          join bed b on b.cell_id = c.id
          join placement pl on pl.bed_id = b.id and pl.person_id <> ${subject.id}::uuid
            and pl.from_date <= m.e and coalesce(pl.to_date, m.e) >= m.s
          cross join lateral generate_series(greatest(pl.from_date, m.s), least(coalesce(pl.to_date, m.e), m.e),
                                             interval '1 day') as g(day)
          union all
          select 'staff', r.staff_id, 'shift', m.facility_id, r.on_date
          from my_stays m
          join roster_entry r on r.department_id = m.department_id and r.on_date between m.s and m.e
          union all
          select 'inmate', o.person_id, 'visit', v.facility_id, (o.starts_at at time zone 'Europe/Oslo')::date
          from visit v
          join visit o on o.room_id = v.room_id and o.person_id <> v.person_id
            and o.starts_at < v.ends_at and v.starts_at < o.ends_at and o.status in ${CONTACT_STATUSES}
          where v.person_id = ${subject.id}::uuid and v.status in ${CONTACT_STATUSES}
            and (v.starts_at at time zone 'Europe/Oslo')::date between ${f} and ${t}
        )`
          : sql`
        my_shifts as (
          select r.department_id, d.facility_id, r.on_date, r.shift
          from roster_entry r join department d on d.id = r.department_id
          where r.staff_id = ${subject.id}::uuid and r.on_date between ${f} and ${t}
        ),
        all_days as (
          select 'staff'::text as subject_kind, o.staff_id as subject_id,
                 case when o.shift = m.shift then 'shift' else 'department' end as kind,
                 m.facility_id, m.on_date as day
          from my_shifts m
          join roster_entry o on o.department_id = m.department_id and o.on_date = m.on_date
            and o.staff_id <> ${subject.id}::uuid
          union all
          select 'inmate', pl.person_id, 'shift', m.facility_id, m.on_date
          from my_shifts m
          join cell c on c.department_id = m.department_id
          join bed b on b.cell_id = c.id
          join placement pl on pl.bed_id = b.id
            and pl.from_date <= m.on_date and coalesce(pl.to_date, m.on_date) >= m.on_date
        )`;
      const result = await sql<ContactRow>`
        with ${days},
        per_kind as (
          select subject_kind, subject_id, kind, count(distinct day)::int as days, max(day) as last_date
          from all_days group by subject_kind, subject_id, kind
        ),
        per_subject as (
          select subject_kind, subject_id, count(distinct day)::int as total_days, max(day) as total_last,
                 array_agg(distinct facility_id) as facilities
          from all_days group by subject_kind, subject_id
        )
        select k.subject_kind, k.subject_id, k.kind, k.days, k.last_date::text as last_date,
               s.total_days, s.total_last::text as total_last, s.facilities::text[] as facilities,
               coalesce(p.given_name || ' ' || p.family_name, st.name) as name
        from per_kind k
        join per_subject s on s.subject_kind = k.subject_kind and s.subject_id = k.subject_id
        left join person p on k.subject_kind = 'inmate' and p.id = k.subject_id
        left join staff_member st on k.subject_kind = 'staff' and st.id = k.subject_id`.execute(db);
      return result.rows;
    },
  };
}
