import type { Insertable, Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import type {
  Database,
  PlanGoalEventTable,
  PlanGoalTable,
  PlanReviewTable,
  PlanTable,
  PlanVersionTable,
} from '../../db/types.ts';

export type PlanRow = Selectable<PlanTable>;
export type VersionRow = Selectable<PlanVersionTable>;
export type GoalRow = Selectable<PlanGoalTable>;
export type GoalEventRow = Selectable<PlanGoalEventTable>;
export type ReviewRow = Selectable<PlanReviewTable>;

export function createPlansRepository(db: Kysely<Database>) {
  return {
    person(id: string) {
      return db
        .selectFrom('person')
        .select(['id', 'given_name', 'family_name'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** Locks the person's row: the plans of one person change one at a time. */
    lockPerson(trx: Kysely<Database>, id: string) {
      return trx.selectFrom('person').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    },

    /** The sentence being executed: the latest not released. */
    currentSentence(personId: string, q: Kysely<Database> = db) {
      return q
        .selectFrom('sentence')
        .select(['id'])
        .where('person_id', '=', personId)
        .where('status', '<>', 'released')
        .where('kind', '<>', 'remand')
        .orderBy('order_date', 'desc')
        .orderBy('id')
        .executeTakeFirst();
    },

    currentAssessment(personId: string, q: Kysely<Database> = db) {
      return q
        .selectFrom('risk_assessment')
        .select(['id', 'number', 'assessed_on', 'needs'])
        .where('person_id', '=', personId)
        .where('status', '=', 'current')
        .executeTakeFirst();
    },

    ratings(assessmentId: string) {
      return db
        .selectFrom('risk_rating')
        .select(['purpose', 'level'])
        .where('assessment_id', '=', assessmentId)
        .execute();
    },

    restrictionsInForce(personId: string, on: string) {
      return db
        .selectFrom('restriction')
        .select(['kind'])
        .where('person_id', '=', personId)
        .where('valid_from', '<=', on)
        .where((eb) => eb.or([eb('lifted_on', 'is', null), eb('lifted_on', '>', on)]))
        .execute();
    },

    /** The current placement and the kind of its facility. */
    placementNow(personId: string) {
      return db
        .selectFrom('placement as pl')
        .innerJoin('facility as f', 'f.id', 'pl.facility_id')
        .select(['pl.kind', 'f.kind as facility_kind'])
        .where('pl.person_id', '=', personId)
        .where('pl.to_date', 'is', null)
        .orderBy('pl.from_date', 'desc')
        .executeTakeFirst();
    },

    /** The key dates the sentence engine stored for the person. */
    keyDates(personId: string) {
      return db
        .selectFrom('key_date')
        .select(['key', 'on_date', 'status'])
        .where('person_id', '=', personId)
        .orderBy('seq')
        .execute();
    },

    /** The person's plan: the one of the sentence being executed, else the latest. */
    async planOf(personId: string, sentenceId: string | null) {
      const rows = await db
        .selectFrom('plan')
        .selectAll()
        .where('person_id', '=', personId)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.find((r) => r.sentence_id === sentenceId) ?? rows[0];
    },

    plan(id: string, q: Kysely<Database> = db) {
      return q.selectFrom('plan').selectAll().where('id', '=', id).executeTakeFirst();
    },

    lockPlan(trx: Kysely<Database>, id: string) {
      return trx.selectFrom('plan').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    },

    versions(planId: string, q: Kysely<Database> = db) {
      return q
        .selectFrom('plan_version')
        .selectAll()
        .where('plan_id', '=', planId)
        .orderBy('number', 'desc')
        .execute();
    },

    version(id: string, q: Kysely<Database> = db) {
      return q.selectFrom('plan_version').selectAll().where('id', '=', id).executeTakeFirst();
    },

    goals(versionIds: readonly string[], q: Kysely<Database> = db) {
      if (versionIds.length === 0) return Promise.resolve([] as GoalRow[]);
      return q
        .selectFrom('plan_goal')
        .selectAll()
        .where('version_id', 'in', versionIds)
        .orderBy('seq')
        .execute();
    },

    insertPlan(trx: Kysely<Database>, row: Insertable<PlanTable>) {
      return trx.insertInto('plan').values(row).execute();
    },

    insertVersion(trx: Kysely<Database>, row: Insertable<PlanVersionTable>) {
      return trx.insertInto('plan_version').values(row).execute();
    },

    async replaceGoals(trx: Kysely<Database>, versionId: string, goals: Insertable<PlanGoalTable>[]) {
      await trx.deleteFrom('plan_goal').where('version_id', '=', versionId).execute();
      if (goals.length > 0) await trx.insertInto('plan_goal').values(goals).execute();
    },

    /** Changes a draft at the version the client read; false when it is no longer that draft. */
    async updateDraft(
      trx: Kysely<Database>,
      id: string,
      version: number,
      values: Partial<Pick<VersionRow, 'person_commitments' | 'service_commitments' | 'assessment_id'>>,
    ): Promise<boolean> {
      const res = await trx
        .updateTable('plan_version')
        .set({ ...values, version: sql`version + 1` } as never)
        .where('id', '=', id)
        .where('version', '=', version)
        .where('status', '=', 'draft')
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    async decide(
      trx: Kysely<Database>,
      id: string,
      version: number,
      values: Pick<
        VersionRow,
        'status' | 'decided_on' | 'person_signature' | 'officer_signature' | 'refusal_reason'
      >,
      at: Date,
    ): Promise<boolean> {
      const res = await trx
        .updateTable('plan_version')
        .set({ ...values, decided_at: at, version: sql`version + 1` } as never)
        .where('id', '=', id)
        .where('version', '=', version)
        .where('status', '=', 'draft')
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    supersedeAgreed(trx: Kysely<Database>, planId: string) {
      return trx
        .updateTable('plan_version')
        .set({ status: 'superseded' })
        .where('plan_id', '=', planId)
        .where('status', '=', 'agreed')
        .execute();
    },

    setNextReview(trx: Kysely<Database>, planId: string, on: string) {
      return trx.updateTable('plan').set({ next_review_date: on }).where('id', '=', planId).execute();
    },

    goalEvents(planId: string) {
      return db
        .selectFrom('plan_goal_event')
        .selectAll()
        .where('plan_id', '=', planId)
        .orderBy('at')
        .orderBy('id')
        .execute();
    },

    insertGoalEvent(trx: Kysely<Database>, row: Insertable<PlanGoalEventTable>) {
      return trx.insertInto('plan_goal_event').values(row).execute();
    },

    reviews(planId: string) {
      return db
        .selectFrom('plan_review')
        .selectAll()
        .where('plan_id', '=', planId)
        .orderBy('reviewed_on', 'desc')
        .orderBy('at', 'desc')
        .execute();
    },

    insertReview(trx: Kysely<Database>, row: Insertable<PlanReviewTable>) {
      return trx.insertInto('plan_review').values(row).execute();
    },

    // ── Goals met by activities and partners ─────────────────────────────────────────────────
    /** The person's current facility, where the activities offered to the plan's goals are. */
    facilityNow(personId: string) {
      return db
        .selectFrom('placement as pl')
        .innerJoin('facility as f', 'f.id', 'pl.facility_id')
        .select(['f.id', 'f.name'])
        .where('pl.person_id', '=', personId)
        .where('pl.to_date', 'is', null)
        .orderBy('pl.from_date', 'desc')
        .executeTakeFirst();
    },

    /** Open enrolments linked to the plan's goals, with the place on the waiting list. */
    async goalEnrolments(planId: string) {
      const { rows } = await sql<{
        id: string;
        goal_key: string;
        activity_id: string;
        activity_name: string;
        status: 'enrolled' | 'waiting';
        enrolled_on: string | null;
        position: number | null;
      }>`
        select e.id, e.goal_key, a.id as activity_id, a.name as activity_name, e.status,
               to_char(e.enrolled_on, 'YYYY-MM-DD') as enrolled_on,
               case when e.status = 'waiting' then
                 (select count(*)::int from activity_enrolment w
                  where w.activity_id = e.activity_id and w.status = 'waiting' and w.queue_seq <= e.queue_seq)
               end as position
        from activity_enrolment e
        join activity a on a.id = e.activity_id
        where e.plan_id = ${planId}::uuid and e.status <> 'ended'
        order by a.name, e.id`.execute(db);
      return rows;
    },

    /** Referrals linked to the plan's goals. */
    goalReferrals(planId: string) {
      return db
        .selectFrom('referral as r')
        .innerJoin('partner as pa', 'pa.id', 'r.partner_id')
        .select([
          'r.id',
          'r.goal_key',
          'pa.id as partner_id',
          'pa.name as partner_name',
          'r.need_area',
          'r.status',
          'r.answer',
          'r.sent_on',
          'r.answered_on',
        ])
        .where('r.plan_id', '=', planId)
        .orderBy('r.sent_on', 'desc')
        .orderBy('r.id')
        .execute();
    },

    // ── Plans due for review per facility ────────────────────────────────────────────────────
    facilities(ids: readonly string[] | null) {
      let q = db
        .selectFrom('facility')
        .select(['id', 'name'])
        .where('kind', 'in', ['prison_high', 'prison_lower', 'halfway_house'])
        .where('valid_to', 'is', null);
      if (ids !== null) q = ids.length > 0 ? q.where('id', 'in', ids) : q.where(sql<boolean>`false`);
      return q.orderBy('name').execute();
    },

    facility(id: string) {
      return db.selectFrom('facility').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
    },

    /**
     * The facility's inmates now (a current placement there) with the sentence being executed:
     * the plan of that sentence and its next review, the current assessment, and the intake (the
     * first admission of the sentence, else the placement's start).
     */
    async inmatesWithPlans(facilityId: string) {
      const { rows } = await sql<{
        person_id: string;
        given_name: string;
        family_name: string;
        plan_id: string | null;
        next_review_date: string | null;
        agreed_number: number | null;
        assessment_id: string | null;
        assessed_on: string | null;
        intake_date: string;
      }>`
        select p.id as person_id, p.given_name, p.family_name,
               pn.id as plan_id, to_char(pn.next_review_date, 'YYYY-MM-DD') as next_review_date,
               (select v.number from plan_version v where v.plan_id = pn.id and v.status = 'agreed') as agreed_number,
               ra.id as assessment_id, to_char(ra.assessed_on, 'YYYY-MM-DD') as assessed_on,
               to_char(coalesce(
                 (select min(ev.on_date) from sentence_event ev
                  where ev.sentence_id = s.id and ev.status = 'admitted'),
                 pl.from_date), 'YYYY-MM-DD') as intake_date
        from placement pl
        join person p on p.id = pl.person_id
        join lateral (select se.id from sentence se
                      where se.person_id = p.id and se.status <> 'released' and se.kind <> 'remand'
                      order by se.order_date desc, se.id limit 1) s on true
        left join plan pn on pn.sentence_id = s.id
        left join risk_assessment ra on ra.person_id = p.id and ra.status = 'current'
        where pl.facility_id = ${facilityId}::uuid and pl.to_date is null
        order by p.family_name, p.given_name, p.id`.execute(db);
      return rows;
    },
  };
}

export type PlansRepository = ReturnType<typeof createPlansRepository>;
