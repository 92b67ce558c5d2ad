import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/types.ts';
import { CHECKLIST_AREAS } from '../../domain/activities.ts';

const ids = (list: readonly string[]) => sql.join(list.map((id) => sql`${id}::uuid`));

/** A column of the plan goal a row (alias) is linked to, as the plan's latest version words it. */
const linkedGoal = (alias: string, column: 'need_area' | 'description') =>
  sql<string | null>`(select g.${sql.ref(column)} from plan_goal g join plan_version v on v.id = g.version_id
    where v.plan_id = ${sql.ref(`${alias}.plan_id`)} and g.goal_key = ${sql.ref(`${alias}.goal_key`)}
    order by v.number desc limit 1)`;

/** "facility column in these facilities", or true for national scope. */
function inFacilities(column: string, facilities: readonly string[] | null) {
  if (facilities === null) return sql<boolean>`true`;
  if (facilities.length === 0) return sql<boolean>`false`;
  return sql<boolean>`${sql.ref(column)} in (${ids(facilities)})`;
}

export type ActivityRow = {
  id: string;
  facility_id: string;
  facility_name: string;
  name: string;
  kind: Database['activity']['kind'];
  places: number;
  schedule: string;
  enrolled: number;
  waiting: number;
  version: number;
};

export type EnrolmentRow = {
  id: string;
  person_id: string;
  given_name: string;
  family_name: string;
  status: 'enrolled' | 'waiting' | 'ended';
  enrolled_on: string | null;
  ended_on: string | null;
  queue_seq: string;
  version: number;
  attended_last: string | null;
  goal_key: string | null;
  goal_area: string | null;
};

export type ChecklistRow = {
  id: string;
  person_id: string;
  given_name: string;
  family_name: string;
  facility_id: string;
  facility_name: string;
  release_date: string;
  created_on: string;
  sentence_id: string;
  /** A current release decision exists on the sentence. */
  decided: boolean;
};

export type ItemRow = {
  id: string;
  checklist_id: string;
  area: Database['release_checklist_item']['area'];
  status: 'open' | 'in_progress' | 'done' | 'not_needed';
  owner: string;
  due_date: string | null;
  note: string;
  updated_by_name: string | null;
  version: number;
};

/** Inmates in a cell in the facilities whose release (parole or term end) falls in [today, horizon]. */
function releasesDue(
  facilities: readonly string[] | null,
  facilityId: string | undefined,
  today: string,
  horizon: string,
) {
  return sql`
    select pl.person_id, pl.sentence_id, pl.facility_id, rd.on_date
    from placement pl
    join lateral (
      select min(k.on_date) as on_date from key_date k
      where k.person_id = pl.person_id and k.key in ('parole', 'term_end') and k.status <> 'not_applicable'
        and k.on_date is not null) rd on true
    where pl.to_date is null and pl.kind = 'cell' and pl.sentence_id is not null
      and rd.on_date between ${today}::date and ${horizon}::date
      and ${inFacilities('pl.facility_id', facilities)}
      and ${facilityId ? sql`pl.facility_id = ${facilityId}` : sql`true`}`;
}

/** An activity with its facility's name and the length of its waiting list. */
function activityRows(q: Kysely<Database>) {
  return q
    .selectFrom('activity as a')
    .innerJoin('facility as f', 'f.id', 'a.facility_id')
    .select([
      'a.id',
      'a.facility_id',
      'f.name as facility_name',
      'a.name',
      'a.kind',
      'a.places',
      'a.schedule',
      'a.enrolled',
      'a.version',
      sql<number>`(select count(*)::int from activity_enrolment e where e.activity_id = a.id and e.status = 'waiting')`.as(
        'waiting',
      ),
    ]);
}

export function createFollowupRepository(db: Kysely<Database>) {
  return {
    // ── Facilities and people ──────────────────────────────────────────────────────────────
    facilities(facilities: readonly string[] | null, on: string) {
      return db
        .selectFrom('facility')
        .select(['id', 'code', 'name', 'kind'])
        .where('kind', '<>', 'probation_office')
        .where('valid_from', '<=', on)
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on)]))
        .where(inFacilities('id', facilities))
        .orderBy('name')
        .execute();
    },

    person(id: string, q: Kysely<Database> = db) {
      return q
        .selectFrom('person')
        .select(['id', 'given_name', 'family_name'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** The current stay in a cell, if any. */
    currentPlacement(personId: string, q: Kysely<Database> = db) {
      return q
        .selectFrom('placement')
        .select(['facility_id', 'sentence_id', 'from_date'])
        .where('person_id', '=', personId)
        .where('to_date', 'is', null)
        .where('kind', '=', 'cell')
        .executeTakeFirst();
    },

    // ── Activities ─────────────────────────────────────────────────────────────────────────
    async activities(facilities: readonly string[] | null, facilityId: string | undefined) {
      let q = activityRows(db).where('a.active', '=', true).where(inFacilities('a.facility_id', facilities));
      if (facilityId) q = q.where('a.facility_id', '=', facilityId);
      return (await q.orderBy('f.name').orderBy('a.name').execute()) as ActivityRow[];
    },

    async activity(id: string, q: Kysely<Database> = db, lock = false): Promise<ActivityRow | undefined> {
      const base = activityRows(q).where('a.id', '=', id);
      return (await (lock ? base.forUpdate('a') : base).executeTakeFirst()) as ActivityRow | undefined;
    },

    insertActivity(
      q: Kysely<Database>,
      row: {
        id: string;
        facility_id: string;
        name: string;
        kind: Database['activity']['kind'];
        places: number;
        schedule: string;
      },
    ) {
      return q.insertInto('activity').values(row).execute();
    },

    async enrolments(activityId: string, q: Kysely<Database> = db) {
      return (await q
        .selectFrom('activity_enrolment as e')
        .innerJoin('person as p', 'p.id', 'e.person_id')
        .select([
          'e.id',
          'e.person_id',
          'p.given_name',
          'p.family_name',
          'e.status',
          'e.enrolled_on',
          'e.ended_on',
          'e.queue_seq',
          'e.version',
          sql<
            string | null
          >`(select max(a.on_date)::text from activity_attendance a where a.enrolment_id = e.id and a.present)`.as(
            'attended_last',
          ),
          'e.goal_key',
          linkedGoal('e', 'need_area').as('goal_area'),
        ])
        .where('e.activity_id', '=', activityId)
        .where('e.status', '<>', 'ended')
        .orderBy('e.status')
        .orderBy('e.queue_seq')
        .execute()) as EnrolmentRow[];
    },

    /**
     * The plan of the sentence the person is executing, when the goal is in its agreed version or
     * its draft: the goals an enrolment or a referral may serve.
     */
    currentPlanGoal(personId: string, goalKey: string, q: Kysely<Database> = db) {
      return q
        .selectFrom('plan as pn')
        .innerJoin('sentence as se', 'se.id', 'pn.sentence_id')
        .innerJoin('plan_version as v', 'v.plan_id', 'pn.id')
        .innerJoin('plan_goal as g', 'g.version_id', 'v.id')
        .select(['pn.id as plan_id', 'g.need_area', 'g.description'])
        .where('pn.person_id', '=', personId)
        .where('se.status', '<>', 'released')
        .where('v.status', 'in', ['agreed', 'draft'])
        .where('g.goal_key', '=', goalKey)
        .orderBy('v.number', 'desc')
        .executeTakeFirst();
    },

    enrolment(id: string, q: Kysely<Database> = db) {
      return q
        .selectFrom('activity_enrolment')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },

    openEnrolment(activityId: string, personId: string, q: Kysely<Database>) {
      return q
        .selectFrom('activity_enrolment')
        .select(['id', 'status'])
        .where('activity_id', '=', activityId)
        .where('person_id', '=', personId)
        .where('status', '<>', 'ended')
        .executeTakeFirst();
    },

    insertEnrolment(
      q: Kysely<Database>,
      row: {
        id: string;
        activity_id: string;
        person_id: string;
        status: 'enrolled' | 'waiting';
        enrolled_on: string | null;
        created_by_name: string;
        plan_id: string | null;
        goal_key: string | null;
      },
    ) {
      return q.insertInto('activity_enrolment').values(row).execute();
    },

    endEnrolment(q: Kysely<Database>, id: string, on: string, reason: string) {
      return q
        .updateTable('activity_enrolment')
        .set({ status: 'ended', ended_on: on, end_reason: reason, version: sql`version + 1` })
        .where('id', '=', id)
        .execute();
    },

    /** The first on the waiting list, locked, so two freed places never go to the same person. */
    firstWaiting(activityId: string, q: Kysely<Database>) {
      return q
        .selectFrom('activity_enrolment')
        .select(['id', 'person_id'])
        .where('activity_id', '=', activityId)
        .where('status', '=', 'waiting')
        .orderBy('queue_seq')
        .limit(1)
        .forUpdate()
        .executeTakeFirst();
    },

    promote(q: Kysely<Database>, id: string, on: string) {
      return q
        .updateTable('activity_enrolment')
        .set({ status: 'enrolled', enrolled_on: on, version: sql`version + 1` })
        .where('id', '=', id)
        .execute();
    },

    recordAttendance(
      q: Kysely<Database>,
      rows: { enrolment_id: string; on_date: string; present: boolean; recorded_by_name: string }[],
    ) {
      if (rows.length === 0) return Promise.resolve();
      return q
        .insertInto('activity_attendance')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['enrolment_id', 'on_date']).doUpdateSet({
            present: (eb) => eb.ref('excluded.present'),
            recorded_by_name: (eb) => eb.ref('excluded.recorded_by_name'),
          }),
        )
        .execute();
    },

    /** Everyone in a cell in these facilities with what the inactivity rule reads. */
    async activityHistory(facilities: readonly string[] | null, facilityId: string | undefined) {
      const extra = facilityId ? sql`and pl.facility_id = ${facilityId}::uuid` : sql``;
      const { rows } = await sql<{
        person_id: string;
        given_name: string;
        family_name: string;
        facility_id: string;
        facility_name: string;
        placed_from: string;
        enrolled_now: boolean;
        last_end: string | null;
      }>`
        select p.id as person_id, p.given_name, p.family_name, pl.facility_id, f.name as facility_name,
               pl.from_date::text as placed_from,
               exists (select 1 from activity_enrolment e where e.person_id = p.id and e.status = 'enrolled') as enrolled_now,
               (select max(e.ended_on)::text from activity_enrolment e where e.person_id = p.id and e.status = 'ended') as last_end
        from placement pl
        join person p on p.id = pl.person_id
        join facility f on f.id = pl.facility_id
        where pl.to_date is null and pl.kind = 'cell' and ${inFacilities('pl.facility_id', facilities)} ${extra}
        order by f.name, p.family_name, p.given_name`.execute(db);
      return rows;
    },

    async thresholds() {
      return db.selectFrom('inactivity_setting').select(['facility_id', 'days']).execute();
    },

    async setThreshold(
      q: Kysely<Database>,
      row: { id: string; facility_id: string | null; days: number; set_by_name: string },
    ) {
      await sql`
        insert into inactivity_setting (id, facility_id, days, set_by_name)
        values (${row.id}::uuid, ${row.facility_id}::uuid, ${row.days}, ${row.set_by_name})
        on conflict ((coalesce(facility_id, '00000000-0000-0000-0000-000000000000'::uuid)))
        do update set days = excluded.days, set_by_name = excluded.set_by_name, set_at = now()`.execute(q);
    },

    // ── Contact officers and the caseload ──────────────────────────────────────────────────
    staff(id: string, q: Kysely<Database> = db) {
      return q
        .selectFrom('staff_member')
        .select(['id', 'name', 'facility_id', 'title', 'active', 'user_id'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    staffOfUser(userId: string) {
      return db
        .selectFrom('staff_member')
        .select(['id', 'name', 'facility_id'])
        .where('user_id', '=', userId)
        .where('active', '=', true)
        .executeTakeFirst();
    },

    /** Staff who can be contact officers, with the number of people each has now. */
    officers(facilityId: string) {
      return db
        .selectFrom('staff_member as s')
        .select([
          's.id',
          's.name',
          's.title',
          sql<number>`(select count(*)::int from contact_officer c where c.staff_id = s.id and c.valid_to is null)`.as(
            'people',
          ),
        ])
        .where('s.facility_id', '=', facilityId)
        .where('s.active', '=', true)
        .where('s.title', 'in', ['officer', 'leader', 'other'])
        .orderBy('s.name')
        .execute();
    },

    currentOfficer(personId: string, q: Kysely<Database> = db) {
      return q
        .selectFrom('contact_officer as c')
        .innerJoin('staff_member as s', 's.id', 'c.staff_id')
        .select(['c.id', 'c.staff_id', 's.name', 'c.valid_from', 'c.assigned_by_name'])
        .where('c.person_id', '=', personId)
        .where('c.valid_to', 'is', null)
        .forUpdate('c')
        .executeTakeFirst();
    },

    closeOfficer(q: Kysely<Database>, id: string, on: string) {
      return q.updateTable('contact_officer').set({ valid_to: on }).where('id', '=', id).execute();
    },

    insertOfficer(
      q: Kysely<Database>,
      row: { id: string; person_id: string; staff_id: string; valid_from: string; assigned_by_name: string },
    ) {
      return q.insertInto('contact_officer').values(row).execute();
    },

    /**
     * One officer's people with what is due: the next key date, the assessment's review date, days
     * since the last activity and the checklist items that need attention. One statement.
     */
    async caseload(staffId: string, today: string, horizon: string) {
      const { rows } = await sql<{
        person_id: string;
        given_name: string;
        family_name: string;
        facility_name: string | null;
        officer_since: string;
        placed_from: string | null;
        enrolled_now: boolean;
        last_end: string | null;
        review_date: string | null;
        plan_review_date: string | null;
        next_key: string | null;
        next_key_date: string | null;
        checklist_id: string | null;
        release_date: string | null;
        open_items: number;
      }>`
        select p.id as person_id, p.given_name, p.family_name, f.name as facility_name,
               c.valid_from::text as officer_since, pl.from_date::text as placed_from,
               exists (select 1 from activity_enrolment e where e.person_id = p.id and e.status = 'enrolled') as enrolled_now,
               (select max(e.ended_on)::text from activity_enrolment e where e.person_id = p.id and e.status = 'ended') as last_end,
               (select ra.review_date::text from risk_assessment ra where ra.person_id = p.id and ra.status = 'current') as review_date,
               (select pn.next_review_date::text from plan pn where pn.person_id = p.id and pn.next_review_date is not null
                 order by pn.created_at desc limit 1) as plan_review_date,
               kd.key as next_key, kd.on_date::text as next_key_date,
               rc.id as checklist_id, rc.release_date::text as release_date,
               coalesce((select count(*)::int from release_checklist_item i where i.checklist_id = rc.id
                          and i.status in ('open', 'in_progress')), 0) as open_items
        from contact_officer c
        join person p on p.id = c.person_id
        left join placement pl on pl.person_id = p.id and pl.to_date is null
        left join facility f on f.id = pl.facility_id
        left join lateral (
          select k.key, k.on_date from key_date k
          where k.person_id = p.id and k.on_date between ${today} and ${horizon} and k.status <> 'not_applicable'
          order by k.on_date, k.seq limit 1) kd on true
        left join lateral (
          select r.id, r.release_date from release_checklist r where r.person_id = p.id
          order by r.release_date desc limit 1) rc on true
        where c.staff_id = ${staffId}::uuid and c.valid_to is null
        order by p.family_name, p.given_name`.execute(db);
      return rows;
    },

    // ── Partners and referrals ─────────────────────────────────────────────────────────────
    partners() {
      return db.selectFrom('partner').selectAll().orderBy('name').execute();
    },
    partnerContacts() {
      return db.selectFrom('partner_contact').selectAll().orderBy('name').execute();
    },
    partner(id: string, q: Kysely<Database> = db) {
      return q.selectFrom('partner').selectAll().where('id', '=', id).executeTakeFirst();
    },
    insertPartner(
      q: Kysely<Database>,
      row: { id: string; name: string; kind: Database['partner']['kind']; municipality: string },
    ) {
      return q.insertInto('partner').values(row).execute();
    },
    insertContact(
      q: Kysely<Database>,
      row: { id: string; partner_id: string; name: string; role: string; phone: string; email: string },
    ) {
      return q.insertInto('partner_contact').values(row).execute();
    },
    contact(id: string, q: Kysely<Database> = db) {
      return q.selectFrom('partner_contact').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async referrals(filter: {
      facilities: readonly string[] | null;
      personId?: string | undefined;
      status?: string | undefined;
    }) {
      let q = db
        .selectFrom('referral as r')
        .innerJoin('partner as pa', 'pa.id', 'r.partner_id')
        .innerJoin('person as p', 'p.id', 'r.person_id')
        .leftJoin('partner_contact as pc', 'pc.id', 'r.contact_id')
        .selectAll('r')
        .select([
          'pa.name as partner_name',
          'pa.kind as partner_kind',
          'p.given_name',
          'p.family_name',
          'pc.name as contact_name',
          linkedGoal('r', 'need_area').as('goal_area'),
          linkedGoal('r', 'description').as('goal_description'),
        ]);
      if (filter.personId) q = q.where('r.person_id', '=', filter.personId);
      if (filter.status) q = q.where('r.status', '=', filter.status as 'sent');
      if (filter.facilities !== null) {
        if (filter.facilities.length === 0) return [];
        const list = ids(filter.facilities);
        q = q.where(sql<boolean>`exists (select 1 from placement pl where pl.person_id = r.person_id
          and pl.to_date is null and pl.facility_id in (${list}))
          or exists (select 1 from sentence se where se.person_id = r.person_id and se.status <> 'released'
          and se.responsible_facility_id in (${list}))`);
      }
      return q.orderBy('r.sent_on', 'desc').orderBy('r.created_at', 'desc').limit(500).execute();
    },

    referral(id: string, q: Kysely<Database> = db) {
      return q.selectFrom('referral').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    },

    insertReferral(
      q: Kysely<Database>,
      row: {
        id: string;
        person_id: string;
        partner_id: string;
        contact_id: string | null;
        need_area: Database['referral']['need_area'];
        text: string;
        plan_id: string | null;
        goal_key: string | null;
        sent_on: string;
        created_by_name: string;
      },
    ) {
      return q.insertInto('referral').values(row).execute();
    },

    updateReferral(
      q: Kysely<Database>,
      id: string,
      version: number,
      set: {
        status: 'sent' | 'received' | 'accepted' | 'declined' | 'done';
        answer: string | null;
        answered_on: string | null;
      },
    ) {
      return q
        .updateTable('referral')
        .set({ ...set, version: sql`version + 1` })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
    },

    // ── Release checklists ─────────────────────────────────────────────────────────────────
    /**
     * Makes the checklist (one item per area) for every inmate in these facilities whose earliest
     * release key date (parole or the end of the term) lies within the horizon. Set-based and
     * idempotent: a sentence that has its checklist keeps it.
     */
    /** The releases due within the horizon that have no checklist yet, soonest first. */
    async releasesWithoutChecklist(
      facilities: readonly string[] | null,
      facilityId: string | undefined,
      today: string,
      horizon: string,
    ) {
      const { rows } = await sql<{
        person_id: string;
        given_name: string;
        family_name: string;
        facility_id: string;
        facility_name: string;
        release_date: string;
      }>`
        select d.person_id, p.given_name, p.family_name, d.facility_id, f.name as facility_name,
               to_char(d.on_date, 'YYYY-MM-DD') as release_date
        from (${releasesDue(facilities, facilityId, today, horizon)}) d
        join person p on p.id = d.person_id
        join facility f on f.id = d.facility_id
        where not exists (select 1 from release_checklist c where c.sentence_id = d.sentence_id)
        order by d.on_date, p.family_name, p.given_name`.execute(db);
      return rows;
    },

    /** Makes the checklist, with its six items, for every release due within the horizon without one. */
    async ensureChecklists(
      q: Kysely<Database>,
      facilities: readonly string[] | null,
      facilityId: string | undefined,
      today: string,
      horizon: string,
    ) {
      const { rows } = await sql<{ id: string; person_id: string }>`
        insert into release_checklist (id, person_id, sentence_id, facility_id, release_date, created_on)
        select gen_random_uuid(), d.person_id, d.sentence_id, d.facility_id, d.on_date, ${today}::date
        from (${releasesDue(facilities, facilityId, today, horizon)}) d
        on conflict (sentence_id) do nothing
        returning id, person_id`.execute(q);
      if (rows.length > 0) {
        const areas = sql.join(CHECKLIST_AREAS.map((a) => sql`(${a}::text)`));
        await sql`
          insert into release_checklist_item (id, checklist_id, area)
          select gen_random_uuid(), c.id, a.area
          from release_checklist c cross join (values ${areas}) as a(area)
          where c.id in (${ids(rows.map((r) => r.id))})
          on conflict do nothing`.execute(q);
      }
      return rows;
    },

    async checklists(filter: {
      facilities: readonly string[] | null;
      facilityId?: string | undefined;
      from: string;
      to: string;
      personIds?: readonly string[];
    }) {
      let q = db
        .selectFrom('release_checklist as c')
        .innerJoin('person as p', 'p.id', 'c.person_id')
        .innerJoin('facility as f', 'f.id', 'c.facility_id')
        .select([
          'c.id',
          'c.person_id',
          'p.given_name',
          'p.family_name',
          'c.facility_id',
          'f.name as facility_name',
          'c.release_date',
          'c.created_on',
          'c.sentence_id',
          sql<boolean>`exists (select 1 from release_decision d where d.sentence_id = c.sentence_id and d.status = 'current')`.as(
            'decided',
          ),
        ])
        .where('c.release_date', '>=', filter.from)
        .where('c.release_date', '<=', filter.to)
        .where(inFacilities('c.facility_id', filter.facilities));
      if (filter.facilityId) q = q.where('c.facility_id', '=', filter.facilityId);
      if (filter.personIds) {
        if (filter.personIds.length === 0) return [];
        q = q.where('c.person_id', 'in', filter.personIds);
      }
      return (await q
        .orderBy('c.release_date')
        .orderBy('p.family_name')
        .limit(1000)
        .execute()) as ChecklistRow[];
    },

    async checklist(id: string) {
      return (await db
        .selectFrom('release_checklist as c')
        .innerJoin('person as p', 'p.id', 'c.person_id')
        .innerJoin('facility as f', 'f.id', 'c.facility_id')
        .select([
          'c.id',
          'c.person_id',
          'p.given_name',
          'p.family_name',
          'c.facility_id',
          'f.name as facility_name',
          'c.release_date',
          'c.created_on',
          'c.sentence_id',
          sql<boolean>`exists (select 1 from release_decision d where d.sentence_id = c.sentence_id and d.status = 'current')`.as(
            'decided',
          ),
        ])
        .where('c.id', '=', id)
        .executeTakeFirst()) as ChecklistRow | undefined;
    },

    async items(checklistIds: readonly string[]) {
      if (checklistIds.length === 0) return [] as ItemRow[];
      return (await db
        .selectFrom('release_checklist_item')
        .select([
          'id',
          'checklist_id',
          'area',
          'status',
          'owner',
          'due_date',
          'note',
          'updated_by_name',
          'version',
        ])
        .where('checklist_id', 'in', checklistIds)
        .execute()) as ItemRow[];
    },

    item(id: string, q: Kysely<Database>) {
      return q
        .selectFrom('release_checklist_item')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },

    updateItem(
      q: Kysely<Database>,
      id: string,
      version: number,
      set: {
        status: 'open' | 'in_progress' | 'done' | 'not_needed';
        owner: string;
        due_date: string | null;
        note: string;
        updated_by_name: string;
      },
    ) {
      return q
        .updateTable('release_checklist_item')
        .set({ ...set, updated_at: new Date(), version: sql`version + 1` })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
    },

    // ── Statistics (no names) ──────────────────────────────────────────────────────────────
    async activityShare(facilities: readonly string[] | null, on: string) {
      const { rows } = await sql<{ inmates: number; active: number }>`
        select count(*)::int as inmates,
               count(*) filter (where exists (
                 select 1 from activity_enrolment e where e.person_id = pl.person_id
                   and e.enrolled_on <= ${on}::date and (e.ended_on is null or e.ended_on > ${on}::date)))::int as active
        from placement pl
        where pl.kind = 'cell' and pl.from_date <= ${on}::date and (pl.to_date is null or pl.to_date > ${on}::date)
          and ${inFacilities('pl.facility_id', facilities)}`.execute(db);
      return rows[0] ?? { inmates: 0, active: 0 };
    },

    async participation(facilities: readonly string[] | null, from: string, to: string) {
      const { rows } = await sql<{ recorded: number; present: number }>`
        select count(*)::int as recorded, count(*) filter (where at.present)::int as present
        from activity_attendance at
        join activity_enrolment e on e.id = at.enrolment_id
        join activity a on a.id = e.activity_id
        where at.on_date between ${from}::date and ${to}::date and ${inFacilities('a.facility_id', facilities)}`.execute(
        db,
      );
      return rows[0] ?? { recorded: 0, present: 0 };
    },

    async checklistCompleteness(facilities: readonly string[] | null, from: string, to: string) {
      const { rows } = await sql<{ checklists: number; complete: number; items: number; settled: number }>`
        select count(*)::int as checklists,
               count(*) filter (where s.open = 0)::int as complete,
               coalesce(sum(s.total), 0)::int as items,
               coalesce(sum(s.total - s.open), 0)::int as settled
        from release_checklist c
        join lateral (
          select count(*)::int as total,
                 count(*) filter (where i.status in ('open', 'in_progress'))::int as open
          from release_checklist_item i where i.checklist_id = c.id) s on true
        where c.release_date between ${from}::date and ${to}::date and ${inFacilities('c.facility_id', facilities)}`.execute(
        db,
      );
      return rows[0] ?? { checklists: 0, complete: 0, items: 0, settled: 0 };
    },

    /**
     * Sentences admitted in the period (first admission), those with a plan made within the given
     * days of admission, and those with an agreed plan (the plan and plan_version tables).
     */
    async plans(facilities: readonly string[] | null, from: string, to: string, withinDays: number) {
      const { rows } = await sql<{ admitted: number; planned: number; agreed: number }>`
        with adm as (
          select distinct on (ev.sentence_id) ev.sentence_id, ev.on_date
          from sentence_event ev
          where ev.status = 'admitted' and ev.on_date between ${from}::date and ${to}::date
            and ${inFacilities('ev.facility_id', facilities)}
          order by ev.sentence_id, ev.on_date)
        select count(*)::int as admitted,
               count(*) filter (where exists (select 1 from plan p where p.sentence_id = adm.sentence_id
                 and (p.created_at at time zone 'Europe/Oslo')::date <= adm.on_date + ${withinDays}::int))::int as planned,
               count(*) filter (where exists (select 1 from plan p join plan_version v on v.plan_id = p.id
                 where p.sentence_id = adm.sentence_id and v.status in ('agreed', 'superseded')))::int as agreed
        from adm`.execute(db);
      return rows[0] ?? { admitted: 0, planned: 0, agreed: 0 };
    },

    /**
     * The plans of the sentences released in the period (from the facilities): the goals of the
     * agreed version in force at release (else the last version) and of them those whose last
     * follow-up on or before the day of release says reached.
     */
    async goalsAtRelease(facilities: readonly string[] | null, from: string, to: string) {
      const { rows } = await sql<{ released: number; planned: number; goals: number; reached: number }>`
        with rel as (
          select distinct on (ev.sentence_id) ev.sentence_id, ev.on_date
          from sentence_event ev
          join sentence s on s.id = ev.sentence_id
          join facility f on f.id = coalesce(ev.facility_id, s.responsible_facility_id)
          where ev.status = 'released' and ev.on_date between ${from}::date and ${to}::date
            and ${inFacilities('f.id', facilities)}
          order by ev.sentence_id, ev.on_date desc),
        pv as (
          select rel.sentence_id, rel.on_date, p.id as plan_id,
                 (select v.id from plan_version v where v.plan_id = p.id
                  order by (v.status = 'agreed') desc, (v.status = 'superseded') desc, v.number desc
                  limit 1) as version_id
          from rel join plan p on p.sentence_id = rel.sentence_id),
        g as (
          select pv.plan_id, g.goal_key,
                 (select e.status from plan_goal_event e
                  where e.plan_id = pv.plan_id and e.goal_key = g.goal_key
                    and (e.at at time zone 'Europe/Oslo')::date <= pv.on_date
                  order by e.at desc limit 1) as status
          from pv join plan_goal g on g.version_id = pv.version_id)
        select (select count(*) from rel)::int as released,
               (select count(*) from pv)::int as planned,
               (select count(*) from g)::int as goals,
               (select count(*) from g where status = 'reached')::int as reached`.execute(db);
      return rows[0] ?? { released: 0, planned: 0, goals: 0, reached: 0 };
    },

    /**
     * Releases in the period, grouped by age at release, gender, the sentence's term, the kind
     * of the facility released from, and whether the person came back: a new judgment after the
     * release and within two years (and by today). Releases whose window is still open and
     * without a return come back as not followed up. One set-based statement.
     */
    async recidivism(facilities: readonly string[] | null, from: string, to: string, today: string) {
      const { rows } = await sql<{
        age: number;
        gender: string | null;
        term_days: number | null;
        facility_kind: string;
        outcome: 'returned' | 'not_returned' | 'not_followed_up';
        n: number;
      }>`
        with rel as (
          select ev.on_date, s.person_id, s.term_days, f.kind as facility_kind
          from sentence_event ev
          join sentence s on s.id = ev.sentence_id
          join facility f on f.id = coalesce(ev.facility_id, s.responsible_facility_id)
          where ev.status = 'released' and ev.on_date between ${from}::date and ${to}::date
            and ${inFacilities('f.id', facilities)}
        )
        select extract(year from age(rel.on_date, p.birth_date))::int as age, p.gender, rel.term_days,
               rel.facility_kind,
               case
                 when exists (select 1 from judgment j where j.person_id = rel.person_id
                   and j.judgment_date > rel.on_date
                   and j.judgment_date <= (rel.on_date + interval '2 years')::date
                   and j.judgment_date <= ${today}::date) then 'returned'
                 when (rel.on_date + interval '2 years')::date <= ${today}::date then 'not_returned'
                 else 'not_followed_up'
               end as outcome,
               count(*)::int as n
        from rel join person p on p.id = rel.person_id
        group by 1, 2, 3, 4, 5`.execute(db);
      return rows;
    },
  };
}

export type FollowupRepository = ReturnType<typeof createFollowupRepository>;
