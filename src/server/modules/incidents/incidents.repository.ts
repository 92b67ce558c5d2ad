import type { Insertable, Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import type {
  Database,
  IncidentActionTable,
  IncidentPartyTable,
  IncidentTable,
  NotificationTable,
} from '../../db/types.ts';
import type { Bucket } from '../../domain/incidents.ts';

export type IncidentRow = Selectable<IncidentTable> & {
  facility_name: string;
  department_name: string | null;
};
export type PartyRow = Selectable<IncidentPartyTable> & { name: string };
export type ActionRow = Selectable<IncidentActionTable>;

export interface ListFilter {
  /** Facilities in the caller's scope, or null for national scope. */
  facilities: readonly string[] | null;
  facilityId?: string | undefined;
  status?: 'open' | 'closed' | undefined;
  type?: string | undefined;
  severity?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  today: string;
  page: number;
  pageSize: number;
}

export interface StatisticsFilter {
  from: string;
  to: string;
  bucket: Bucket;
  facilities: readonly string[] | null;
  facilityId?: string | undefined;
  orgUnitId?: string | undefined;
}

export type StatisticsRow = {
  key: string;
  type: string;
  n: number;
  violence_staff: number;
};

const ids = (list: readonly string[]) => sql.join(list.map((id) => sql`${id}::uuid`));

/** The SQL condition for a facility column and a date column under the statistics filter. */
function where(f: StatisticsFilter, facility: string, date: string) {
  const parts = [sql`${sql.ref(date)} between ${f.from} and ${f.to}`];
  if (f.facilities !== null)
    parts.push(f.facilities.length === 0 ? sql`false` : sql`${sql.ref(facility)} in (${ids(f.facilities)})`);
  if (f.facilityId) parts.push(sql`${sql.ref(facility)} = ${f.facilityId}::uuid`);
  // The unit or region the facility belonged to on that day: the organisation as it was.
  if (f.orgUnitId)
    parts.push(sql`exists (select 1 from facility_membership m where m.facility_id = ${sql.ref(facility)}
      and m.org_unit_id = ${f.orgUnitId}::uuid and m.valid_from <= ${sql.ref(date)}
      and (m.valid_to is null or m.valid_to > ${sql.ref(date)}))`);
  return sql.join(parts, sql` and `);
}

/**
 * The grouping key of a row and the join it needs: the bucket, the facility, or the unit or region
 * the facility belonged to on that day (a join on the membership in force then, not a lookup per row).
 */
function grouping(group: 'bucket' | 'facility' | 'org_unit', bucket: Bucket, facility: string, date: string) {
  if (group === 'bucket')
    return { key: sql`date_trunc(${bucket}, ${sql.ref(date)}::timestamp)::date::text`, join: sql`` };
  if (group === 'facility') return { key: sql`${sql.ref(facility)}::text`, join: sql`` };
  return {
    key: sql`gm.org_unit_id::text`,
    join: sql`join facility_membership gm on gm.facility_id = ${sql.ref(facility)}
      and gm.valid_from <= ${sql.ref(date)} and (gm.valid_to is null or gm.valid_to > ${sql.ref(date)})`,
  };
}

export function createIncidentsRepository(db: Kysely<Database>) {
  const base = (q: Kysely<Database> = db) =>
    q
      .selectFrom('incident as i')
      .innerJoin('facility as f', 'f.id', 'i.facility_id')
      .leftJoin('department as d', 'd.id', 'i.department_id')
      .selectAll('i')
      .select(['f.name as facility_name', 'd.name as department_name']);

  return {
    facility(id: string, q: Kysely<Database> = db) {
      return q.selectFrom('facility').select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirst();
    },

    department(id: string, q: Kysely<Database> = db) {
      return q
        .selectFrom('department')
        .select(['id', 'facility_id', 'name'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** Facilities (prisons and halfway houses; probation offices too) with their departments. */
    async facilities(facilityIds: readonly string[] | null, on: string) {
      let q = db
        .selectFrom('facility')
        .select(['id', 'code', 'name'])
        .where('valid_from', '<=', on)
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on)]));
      if (facilityIds !== null) {
        if (facilityIds.length === 0) return [];
        q = q.where('id', 'in', facilityIds);
      }
      const facilities = await q.orderBy('name').execute();
      const departments =
        facilities.length === 0
          ? []
          : await db
              .selectFrom('department')
              .select(['id', 'code', 'name', 'facility_id'])
              .where(
                'facility_id',
                'in',
                facilities.map((f) => f.id),
              )
              .orderBy('code')
              .execute();
      return facilities.map((f) => ({
        ...f,
        departments: departments
          .filter((d) => d.facility_id === f.id)
          .map((d) => ({ id: d.id, code: d.code, name: d.name })),
      }));
    },

    staff(facilityId: string) {
      return db
        .selectFrom('staff_member')
        .select(['id', 'name', 'staff_number', 'title'])
        .where('facility_id', '=', facilityId)
        .where('active', '=', true)
        .orderBy('name')
        .execute();
    },

    staffAt(facilityId: string, staffIds: readonly string[], q: Kysely<Database> = db) {
      if (staffIds.length === 0) return Promise.resolve([] as { id: string }[]);
      return q
        .selectFrom('staff_member')
        .select('id')
        .where('facility_id', '=', facilityId)
        .where('id', 'in', staffIds)
        .execute();
    },

    persons(personIds: readonly string[], q: Kysely<Database> = db) {
      if (personIds.length === 0) return Promise.resolve([] as { id: string }[]);
      return q.selectFrom('person').select('id').where('id', 'in', personIds).execute();
    },

    insert(trx: Kysely<Database>, row: Insertable<IncidentTable>) {
      return trx.insertInto('incident').values(row).execute();
    },

    async insertParties(trx: Kysely<Database>, rows: Insertable<IncidentPartyTable>[]) {
      if (rows.length > 0) await trx.insertInto('incident_party').values(rows).execute();
    },

    async insertActions(trx: Kysely<Database>, rows: Insertable<IncidentActionTable>[]) {
      if (rows.length > 0) await trx.insertInto('incident_action').values(rows).execute();
    },

    one(id: string, q: Kysely<Database> = db) {
      return base(q).where('i.id', '=', id).executeTakeFirst() as Promise<IncidentRow | undefined>;
    },

    lock(trx: Kysely<Database>, id: string) {
      return trx.selectFrom('incident').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    },

    /** Bumps the incident's version if it is still the one the caller read; false when not. */
    async bump(
      trx: Kysely<Database>,
      id: string,
      version: number,
      values: Partial<Omit<Insertable<IncidentTable>, 'id' | 'version'>> = {},
    ): Promise<boolean> {
      const res = await trx
        .updateTable('incident')
        .set({ ...values, version: sql`version + 1` } as never)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    parties(incidentId: string, q: Kysely<Database> = db) {
      return q
        .selectFrom('incident_party as ip')
        .leftJoin('person as p', 'p.id', 'ip.person_id')
        .leftJoin('staff_member as s', 's.id', 'ip.staff_id')
        .selectAll('ip')
        .select(
          sql<string>`coalesce(p.given_name || ' ' || p.family_name, s.name, ip.external_name, '')`.as(
            'name',
          ),
        )
        .where('ip.incident_id', '=', incidentId)
        .orderBy('ip.role')
        .orderBy('name')
        .execute() as Promise<PartyRow[]>;
    },

    actions(incidentId: string, q: Kysely<Database> = db) {
      return q
        .selectFrom('incident_action')
        .selectAll()
        .where('incident_id', '=', incidentId)
        .orderBy('deadline')
        .orderBy('created_at')
        .execute();
    },

    action(trx: Kysely<Database>, incidentId: string, actionId: string) {
      return trx
        .selectFrom('incident_action')
        .selectAll()
        .where('id', '=', actionId)
        .where('incident_id', '=', incidentId)
        .forUpdate()
        .executeTakeFirst();
    },

    async updateActionIfVersion(
      trx: Kysely<Database>,
      id: string,
      version: number,
      values: Partial<Omit<Insertable<IncidentActionTable>, 'id' | 'version'>>,
    ): Promise<boolean> {
      const res = await trx
        .updateTable('incident_action')
        .set({ ...values, version: sql`version + 1` } as never)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    cancelOpenActions(trx: Kysely<Database>, incidentId: string, by: string, note: string) {
      return trx
        .updateTable('incident_action')
        .set({
          status: 'cancelled',
          note,
          completed_by_name: by,
          completed_at: new Date(),
          version: sql`version + 1`,
        } as never)
        .where('incident_id', '=', incidentId)
        .where('status', '=', 'open')
        .execute();
    },

    async list(f: ListFilter) {
      let q = db
        .selectFrom('incident as i')
        .innerJoin('facility as f', 'f.id', 'i.facility_id')
        .leftJoin('department as d', 'd.id', 'i.department_id');
      if (f.facilities !== null) {
        if (f.facilities.length === 0) return { rows: [], total: 0 };
        q = q.where('i.facility_id', 'in', f.facilities);
      }
      if (f.facilityId) q = q.where('i.facility_id', '=', f.facilityId);
      if (f.status) q = q.where('i.status', '=', f.status);
      if (f.type) q = q.where('i.type', '=', f.type as 'violence');
      if (f.severity) q = q.where('i.severity', '=', f.severity as 'serious');
      if (f.from) q = q.where('i.occurred_on', '>=', f.from);
      if (f.to) q = q.where('i.occurred_on', '<=', f.to);
      const [rows, count] = await Promise.all([
        q
          .select([
            'i.id',
            'i.version',
            'i.type',
            'i.severity',
            'i.facility_id',
            'f.name as facility_name',
            'i.department_id',
            'd.name as department_name',
            'i.occurred_on',
            'i.occurred_time',
            'i.status',
            'i.source',
            sql<string>`(select count(*) from incident_party ip where ip.incident_id = i.id)`.as('people'),
            sql<string>`(select count(*) from incident_action a where a.incident_id = i.id and a.status = 'open')`.as(
              'open_actions',
            ),
            sql<string>`(select count(*) from incident_action a where a.incident_id = i.id and a.status = 'open' and a.deadline < ${f.today})`.as(
              'overdue_actions',
            ),
          ])
          .orderBy('i.occurred_on', 'desc')
          .orderBy('i.occurred_time', 'desc')
          .orderBy('i.id')
          .limit(f.pageSize)
          .offset((f.page - 1) * f.pageSize)
          .execute(),
        q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst(),
      ]);
      return { rows, total: Number(count?.n ?? 0) };
    },

    /** The unit leaders who see the facility on the date: the ones told of a serious incident. */
    async unitLeadersFor(trx: Kysely<Database>, facilityId: string, on: string): Promise<string[]> {
      const rows = await sql<{ id: string }>`
        select u.id from app_user u
        where u.active and 'unit_leader' = any(u.roles)
          and (u.scope_kind = 'national'
            or (u.scope_kind = 'facilities' and ${facilityId}::uuid = any(u.scope_ids))
            or (u.scope_kind = 'units' and exists (
                  select 1 from facility_membership m
                  where m.facility_id = ${facilityId}::uuid and m.org_unit_id = any(u.scope_ids)
                    and m.valid_from <= ${on} and (m.valid_to is null or m.valid_to > ${on}))))
        order by u.id`.execute(trx);
      return rows.rows.map((r) => r.id);
    },

    async insertNotifications(trx: Kysely<Database>, rows: Insertable<NotificationTable>[]) {
      if (rows.length > 0) await trx.insertInto('notification').values(rows).execute();
    },

    async notifiedCount(incidentId: string) {
      const row = await db
        .selectFrom('notification')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('incident_id', '=', incidentId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    /** The user's unread notifications and the latest read ones, newest first. */
    notifications(userId: string) {
      return db
        .selectFrom('notification as n')
        .leftJoin('incident as i', 'i.id', 'n.incident_id')
        .leftJoin('facility as f', 'f.id', 'n.facility_id')
        .select([
          'n.id',
          'n.kind',
          'n.created_at',
          'n.read_at',
          'n.incident_id',
          'i.type',
          'i.severity',
          'i.occurred_on',
          'i.occurred_time',
          'n.facility_id',
          'f.name as facility_name',
        ])
        .where('n.user_id', '=', userId)
        .where((eb) =>
          eb.or([eb('n.read_at', 'is', null), eb('n.created_at', '>', sql<Date>`now() - interval '7 days'`)]),
        )
        .orderBy('n.created_at', 'desc')
        .limit(50)
        .execute();
    },

    async markRead(userId: string, id: string): Promise<boolean> {
      const row = await db
        .updateTable('notification')
        .set({ read_at: sql`coalesce(read_at, now())` } as never)
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(row.numUpdatedRows) === 1;
    },

    /** Incidents per group and type, with violence against staff (a staff member among the victims). */
    async incidentCounts(f: StatisticsFilter, group: 'bucket' | 'facility' | 'org_unit') {
      const g = grouping(group, f.bucket, 'i.facility_id', 'i.occurred_on');
      const rows = await sql<StatisticsRow>`
        select ${g.key} as key, i.type,
               count(*)::int as n,
               (count(*) filter (where i.type = 'violence' and exists (
                  select 1 from incident_party ip where ip.incident_id = i.id and ip.kind = 'staff' and ip.role = 'victim')))::int
                 as violence_staff
        from incident i ${g.join}
        where ${where(f, 'i.facility_id', 'i.occurred_on')}
        group by 1, 2`.execute(db);
      return rows.rows;
    },

    /**
     * Leaves taken (begun, with a return recorded) per group, and of them the failures (svikt: a
     * late return or none): the numerator and denominator of the failure rate.
     */
    async leavesTaken(f: StatisticsFilter, group: 'bucket' | 'facility' | 'org_unit') {
      const g = grouping(group, f.bucket, 'la.facility_id', 'la.from_date');
      const rows = await sql<{ key: string; n: number; failures: number }>`
        select ${g.key} as key, count(*)::int as n,
               (count(*) filter (where la.return_status in ('late', 'not_returned')))::int as failures
        from leave_application la ${g.join}
        where la.return_status is not null and ${where(f, 'la.facility_id', 'la.from_date')}
        group by 1`.execute(db);
      return rows.rows;
    },

    names(table: 'facility' | 'org_unit', keys: readonly string[]) {
      if (keys.length === 0) return Promise.resolve([] as { id: string; name: string }[]);
      return db.selectFrom(table).select(['id', 'name']).where('id', 'in', keys).execute();
    },

    orgUnit(id: string) {
      return db.selectFrom('org_unit').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
    },
  };
}

export type IncidentsRepository = ReturnType<typeof createIncidentsRepository>;
