import type { Insertable, Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Database, LeaveAppealTable, LeaveApplicationTable } from '../../db/types.ts';
import { personLinkedTo } from '../../shared/access.ts';

export type ApplicationRow = Selectable<LeaveApplicationTable> & {
  given_name: string;
  family_name: string;
  birth_date: string;
  facility_name: string;
  facility_municipality: string;
};
export type AppealRow = Selectable<LeaveAppealTable>;

export interface ListFilter {
  /** Facilities in the caller's scope, or null for national scope. */
  facilities: readonly string[] | null;
  facilityId?: string | undefined;
  status?: string | undefined;
  personId?: string | undefined;
}

export function createLeaveRepository(db: Kysely<Database>) {
  const base = (q: Kysely<Database> = db) =>
    q
      .selectFrom('leave_application as la')
      .innerJoin('person as p', 'p.id', 'la.person_id')
      .innerJoin('facility as f', 'f.id', 'la.facility_id')
      .selectAll('la')
      .select([
        'p.given_name',
        'p.family_name',
        'p.birth_date',
        'f.name as facility_name',
        'f.municipality as facility_municipality',
      ]);

  return {
    person(id: string) {
      return db
        .selectFrom('person')
        .select(['id', 'given_name', 'family_name', 'birth_date'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** Locks the person's row: applications of one person are checked one at a time (overlap). */
    lockPerson(trx: Kysely<Database>, id: string) {
      return trx.selectFrom('person').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    },

    /** The person's current cell placement (in prison), with the facility's municipality. */
    currentCell(personId: string, q: Kysely<Database> = db) {
      return q
        .selectFrom('placement as pl')
        .innerJoin('facility as f', 'f.id', 'pl.facility_id')
        .select(['pl.facility_id', 'f.name', 'f.municipality'])
        .where('pl.person_id', '=', personId)
        .where('pl.kind', '=', 'cell')
        .where('pl.to_date', 'is', null)
        .executeTakeFirst();
    },

    /** The person's pending and granted applications (for overlaps). */
    active(personId: string, q: Kysely<Database> = db) {
      return q
        .selectFrom('leave_application')
        .select(['id', 'from_date', 'from_time', 'to_date', 'to_time'])
        .where('person_id', '=', personId)
        .where('status', 'in', ['pending', 'granted'])
        .execute();
    },

    /** Ordinary leave recorded for the person (the quota), except the one from this application. */
    ordinaryLeave(personId: string, exceptApplication: string | null, q: Kysely<Database> = db) {
      let query = q
        .selectFrom('leave_record')
        .select(['from_date', 'days'])
        .where('person_id', '=', personId)
        .where('kind', '=', 'ordinary');
      if (exceptApplication)
        query = query.where((eb) =>
          eb.or([eb('application_id', 'is', null), eb('application_id', '<>', exceptApplication)]),
        );
      return query.orderBy('from_date').execute();
    },

    /** Active staff at the facility and those of them in quarantine on the date. */
    async staffing(facilityId: string, on: string, q: Kysely<Database> = db) {
      const [staff, quarantine] = await Promise.all([
        q
          .selectFrom('staff_member')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('facility_id', '=', facilityId)
          .where('active', '=', true)
          .executeTakeFirst(),
        q
          .selectFrom('health_status')
          .select(sql<string>`count(distinct staff_id)`.as('n'))
          .where('facility_id', '=', facilityId)
          .where('subject_kind', '=', 'staff')
          .where('status', '=', 'quarantine')
          .where('from_date', '<=', on)
          .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', on)]))
          .executeTakeFirst(),
      ]);
      return { staff: Number(staff?.n ?? 0), inQuarantine: Number(quarantine?.n ?? 0) };
    },

    /** How many victims are registered on the person's judgments. */
    async victims(personId: string, q: Kysely<Database> = db): Promise<number> {
      const row = await q
        .selectFrom('victim as v')
        .innerJoin('judgment as j', 'j.id', 'v.judgment_id')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('j.person_id', '=', personId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    insert(trx: Kysely<Database>, row: Insertable<LeaveApplicationTable>) {
      return trx.insertInto('leave_application').values(row).execute();
    },

    one(id: string, q: Kysely<Database> = db) {
      return base(q).where('la.id', '=', id).executeTakeFirst() as Promise<ApplicationRow | undefined>;
    },

    lock(trx: Kysely<Database>, id: string) {
      return trx
        .selectFrom('leave_application')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },

    async updateIfVersion(
      trx: Kysely<Database>,
      id: string,
      version: number,
      values: Partial<Omit<Insertable<LeaveApplicationTable>, 'id' | 'version'>>,
    ): Promise<boolean> {
      const res = await trx
        .updateTable('leave_application')
        .set({ ...values, version: sql`version + 1` } as never)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    list(filter: ListFilter) {
      let q = base();
      if (filter.facilities !== null) {
        if (filter.facilities.length === 0) return Promise.resolve([] as ApplicationRow[]);
        q = q.where(personLinkedTo('la.person_id', filter.facilities));
      }
      if (filter.facilityId) q = q.where('la.facility_id', '=', filter.facilityId);
      if (filter.status) q = q.where('la.status', '=', filter.status as 'pending');
      if (filter.personId) q = q.where('la.person_id', '=', filter.personId);
      return q.orderBy('la.from_date', 'desc').orderBy('la.id').limit(500).execute() as Promise<
        ApplicationRow[]
      >;
    },

    /** Granted leave that has not begun: the candidates for a review. */
    upcomingGranted(facilities: readonly string[] | null, today: string, facilityId?: string) {
      let q = base()
        .where('la.status', '=', 'granted')
        .where('la.from_date', '>=', today)
        .where('la.return_status', 'is', null);
      if (facilities !== null) {
        if (facilities.length === 0) return Promise.resolve([] as ApplicationRow[]);
        q = q.where(personLinkedTo('la.person_id', facilities));
      }
      if (facilityId) q = q.where('la.facility_id', '=', facilityId);
      return q.orderBy('la.from_date').orderBy('la.id').execute() as Promise<ApplicationRow[]>;
    },

    appeal(applicationId: string, q: Kysely<Database> = db) {
      return q
        .selectFrom('leave_appeal')
        .selectAll()
        .where('application_id', '=', applicationId)
        .executeTakeFirst();
    },

    appeals(applicationIds: readonly string[]) {
      if (applicationIds.length === 0) return Promise.resolve([] as AppealRow[]);
      return db
        .selectFrom('leave_appeal')
        .selectAll()
        .where('application_id', 'in', applicationIds)
        .execute();
    },

    insertAppeal(trx: Kysely<Database>, row: Insertable<LeaveAppealTable>) {
      return trx.insertInto('leave_appeal').values(row).execute();
    },

    async updateAppealIfVersion(
      trx: Kysely<Database>,
      id: string,
      version: number,
      values: Partial<Omit<Insertable<LeaveAppealTable>, 'id' | 'version'>>,
    ): Promise<boolean> {
      const res = await trx
        .updateTable('leave_appeal')
        .set({ ...values, version: sql`version + 1` } as never)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    insertRecord(
      trx: Kysely<Database>,
      row: {
        id: string;
        person_id: string;
        kind: 'ordinary' | 'welfare';
        from_date: string;
        to_date: string;
        days: number;
        application_id: string;
      },
    ) {
      return trx.insertInto('leave_record').values(row).execute();
    },

    deleteRecord(trx: Kysely<Database>, applicationId: string) {
      return trx.deleteFrom('leave_record').where('application_id', '=', applicationId).execute();
    },

    /** Leaves taken (a return recorded) and failures per facility, for leave begun in [from, to]. */
    statistics(facilities: readonly string[] | null, from: string, to: string, facilityId?: string) {
      let q = db
        .selectFrom('facility as f')
        .leftJoin('leave_application as la', (j) =>
          j
            .onRef('la.facility_id', '=', 'f.id')
            .on('la.return_status', 'is not', null)
            .on('la.from_date', '>=', from)
            .on('la.from_date', '<=', to),
        )
        .select([
          'f.id',
          'f.code',
          'f.name',
          sql<string>`count(la.id)`.as('taken'),
          sql<string>`count(la.id) filter (where la.return_status = 'late')`.as('late'),
          sql<string>`count(la.id) filter (where la.return_status = 'not_returned')`.as('notReturned'),
        ])
        .where('f.kind', '<>', 'probation_office')
        .where('f.valid_from', '<=', to)
        .where((eb) => eb.or([eb('f.valid_to', 'is', null), eb('f.valid_to', '>', from)]))
        .groupBy(['f.id', 'f.code', 'f.name'])
        .orderBy('f.name');
      if (facilities !== null) {
        if (facilities.length === 0) return Promise.resolve([]);
        q = q.where('f.id', 'in', facilities);
      }
      if (facilityId) q = q.where('f.id', '=', facilityId);
      return q.execute();
    },

    facility(id: string) {
      return db
        .selectFrom('facility')
        .select(['id', 'name', 'municipality'])
        .where('id', '=', id)
        .executeTakeFirst();
    },
  };
}

export type LeaveRepository = ReturnType<typeof createLeaveRepository>;
