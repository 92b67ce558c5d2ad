import type { Insertable, Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import type {
  Database,
  NonAssociationTable,
  RestrictionTable,
  RiskAssessmentTable,
  RiskRatingTable,
} from '../../db/types.ts';
import { personLinkedTo } from '../../shared/access.ts';

export type AssessmentRow = Selectable<RiskAssessmentTable>;
export type RatingRow = Selectable<RiskRatingTable>;
export type RestrictionRow = Selectable<RestrictionTable>;
export type NonAssociationRow = Selectable<NonAssociationTable> & {
  person_name: string;
  other_name: string;
};

/** The facility a person belongs to now: the current placement, else an unfinished sentence's. */
const currentFacilitySql = sql<string | null>`coalesce(
  (select pl.facility_id from placement pl where pl.person_id = ra.person_id and pl.to_date is null limit 1),
  (select coalesce(se.appearance_facility_id, se.responsible_facility_id) from sentence se
    where se.person_id = ra.person_id and se.status <> 'released' order by se.order_date desc nulls last limit 1))`;

export function createAssessmentsRepository(db: Kysely<Database>) {
  return {
    person(id: string, q: Kysely<Database> = db) {
      return q
        .selectFrom('person')
        .select(['id', 'given_name', 'family_name', 'birth_date'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** Locks the person's row: assessments of one person are made one at a time. */
    lockPerson(trx: Kysely<Database>, id: string) {
      return trx.selectFrom('person').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    },

    current(personId: string, q: Kysely<Database> = db) {
      return q
        .selectFrom('risk_assessment')
        .selectAll()
        .where('person_id', '=', personId)
        .where('status', '=', 'current')
        .executeTakeFirst();
    },

    one(id: string, q: Kysely<Database> = db) {
      return q.selectFrom('risk_assessment').selectAll().where('id', '=', id).executeTakeFirst();
    },

    history(personId: string) {
      return db
        .selectFrom('risk_assessment')
        .selectAll()
        .where('person_id', '=', personId)
        .orderBy('number', 'desc')
        .execute();
    },

    async nextNumber(trx: Kysely<Database>, personId: string): Promise<number> {
      const row = await trx
        .selectFrom('risk_assessment')
        .select(sql<number>`coalesce(max(number), 0) + 1`.as('n'))
        .where('person_id', '=', personId)
        .executeTakeFirst();
      return Number(row?.n ?? 1);
    },

    ratings(assessmentIds: readonly string[], q: Kysely<Database> = db) {
      if (assessmentIds.length === 0) return Promise.resolve([] as RatingRow[]);
      return q.selectFrom('risk_rating').selectAll().where('assessment_id', 'in', assessmentIds).execute();
    },

    async supersede(trx: Kysely<Database>, id: string, by: string, at: Date) {
      const res = await trx
        .updateTable('risk_assessment')
        .set({ status: 'superseded', superseded_by: by, superseded_at: at })
        .where('id', '=', id)
        .where('status', '=', 'current')
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    async insert(trx: Kysely<Database>, row: Insertable<RiskAssessmentTable>, ratings: RatingRow[]) {
      await trx.insertInto('risk_assessment').values(row).execute();
      if (ratings.length > 0) await trx.insertInto('risk_rating').values(ratings).execute();
    },

    /** The person's offences with their maximum penalties, and the kinds of their unfinished sentences. */
    async judgmentFacts(personId: string) {
      const [offences, sentences] = await Promise.all([
        db
          .selectFrom('judgment_offence as o')
          .innerJoin('judgment as j', 'j.id', 'o.judgment_id')
          .select(['o.description', 'o.legal_reference', 'o.max_penalty_months', 'j.offence'])
          .where('j.person_id', '=', personId)
          .execute(),
        db.selectFrom('sentence').select('kind').where('person_id', '=', personId).execute(),
      ]);
      return {
        offences: offences.map((o) => ({
          description: o.description ?? o.offence ?? o.legal_reference,
          maxPenaltyMonths: o.max_penalty_months,
        })),
        sentenceKinds: sentences.map((s) => s.kind),
      };
    },

    // ── Restrictions ──────────────────────────────────────────────────────────────────────────
    restrictions(personId: string, q: Kysely<Database> = db) {
      return q
        .selectFrom('restriction')
        .selectAll()
        .where('person_id', '=', personId)
        .orderBy('lifted_on', 'desc')
        .orderBy('created_at', 'desc')
        .execute();
    },

    /** The restrictions in force for the person on a date. */
    inForce(personId: string, on: string, q: Kysely<Database> = db) {
      return q
        .selectFrom('restriction')
        .selectAll()
        .where('person_id', '=', personId)
        .where('valid_from', '<=', on)
        .where((eb) => eb.or([eb('lifted_on', 'is', null), eb('lifted_on', '>', on)]))
        .execute();
    },

    restriction(id: string, q: Kysely<Database> = db) {
      return q.selectFrom('restriction').selectAll().where('id', '=', id).executeTakeFirst();
    },

    insertRestriction(trx: Kysely<Database>, row: Insertable<RestrictionTable>) {
      return trx.insertInto('restriction').values(row).execute();
    },

    async liftIfVersion(
      trx: Kysely<Database>,
      id: string,
      version: number,
      values: {
        lifted_on: string;
        lift_justification: string;
        lift_assessment_id: string;
        lifted_by_name: string;
      },
    ): Promise<boolean> {
      const res = await trx
        .updateTable('restriction')
        .set({ ...values, version: sql`version + 1` } as never)
        .where('id', '=', id)
        .where('version', '=', version)
        .where('lifted_on', 'is', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    // ── Non-associations ──────────────────────────────────────────────────────────────────────
    nonAssociations(personId: string, q: Kysely<Database> = db) {
      return q
        .selectFrom('non_association as na')
        .innerJoin('person as a', 'a.id', 'na.person_id')
        .innerJoin('person as b', 'b.id', 'na.other_person_id')
        .selectAll('na')
        .select([
          sql<string>`a.given_name || ' ' || a.family_name`.as('person_name'),
          sql<string>`b.given_name || ' ' || b.family_name`.as('other_name'),
        ])
        .where((eb) => eb.or([eb('na.person_id', '=', personId), eb('na.other_person_id', '=', personId)]))
        .orderBy('na.ended_on', 'desc')
        .orderBy('na.created_at', 'desc')
        .execute() as Promise<NonAssociationRow[]>;
    },

    nonAssociation(id: string, q: Kysely<Database> = db) {
      return q.selectFrom('non_association').selectAll().where('id', '=', id).executeTakeFirst();
    },

    insertNonAssociation(trx: Kysely<Database>, row: Insertable<NonAssociationTable>) {
      return trx.insertInto('non_association').values(row).execute();
    },

    async endIfVersion(trx: Kysely<Database>, id: string, version: number, on: string, by: string) {
      const res = await trx
        .updateTable('non_association')
        .set({ ended_on: on, ended_by_name: by, version: sql`version + 1` } as never)
        .where('id', '=', id)
        .where('version', '=', version)
        .where('ended_on', 'is', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    /** Where a bed is: its cell, department and facility. */
    placeOfBed(q: Kysely<Database>, bedId: string) {
      return q
        .selectFrom('bed as b')
        .innerJoin('cell as c', 'c.id', 'b.cell_id')
        .innerJoin('department as d', 'd.id', 'c.department_id')
        .select(['c.id as cellId', 'd.id as departmentId', 'd.facility_id as facilityId'])
        .where('b.id', '=', bedId)
        .executeTakeFirst();
    },

    /**
     * The person's active separations with where the other person is placed now. The separation
     * rows are locked, so two placements of a separated pair are checked one after the other.
     */
    async separationsPlaced(q: Kysely<Database>, personId: string) {
      const { rows } = await sql<{
        level: 'cell' | 'department' | 'facility';
        reason: string;
        other_id: string;
        facility_id: string | null;
        department_id: string | null;
        cell_id: string | null;
      }>`
        select na.level, na.reason, o.other_id, pl.facility_id, c.department_id, c.id as cell_id
        from non_association na
        cross join lateral (select case when na.person_id = ${personId}::uuid
                                        then na.other_person_id else na.person_id end as other_id) o
        left join placement pl on pl.person_id = o.other_id and pl.to_date is null and pl.kind = 'cell'
        left join bed b on b.id = pl.bed_id
        left join cell c on c.id = b.cell_id
        where (na.person_id = ${personId}::uuid or na.other_person_id = ${personId}::uuid)
          and na.ended_on is null
        for update of na`.execute(q);
      return rows;
    },

    /**
     * Booked visits, at the facility and overlapping the visiting time, of people the person is to
     * be kept apart from at facility level.
     */
    async separatedVisits(
      q: Kysely<Database>,
      personId: string,
      facilityId: string,
      date: string,
      start: string,
      end: string,
    ): Promise<number> {
      const { rows } = await sql<{ n: string }>`
        select count(*) as n
        from non_association na
        join visit v on v.person_id = case when na.person_id = ${personId}::uuid
                                          then na.other_person_id else na.person_id end
        join visit_slot vs on vs.id = v.slot_id
        where (na.person_id = ${personId}::uuid or na.other_person_id = ${personId}::uuid)
          and na.ended_on is null and na.level = 'facility'
          and v.status = 'booked' and v.facility_id = ${facilityId}::uuid
          and vs.on_date = ${date}::date and vs.start_time < ${end} and vs.end_time > ${start}`.execute(q);
      return Number(rows[0]?.n ?? 0);
    },

    // ── Reviews due ───────────────────────────────────────────────────────────────────────────
    /** Current assessments whose review date is on or before `until`, with the person's facility now. */
    async due(facilities: readonly string[] | null, until: string, facilityId?: string) {
      if (facilities !== null && facilities.length === 0) return [];
      let q = db
        .selectFrom('risk_assessment as ra')
        .innerJoin('person as p', 'p.id', 'ra.person_id')
        .select([
          'ra.id',
          'ra.person_id',
          'ra.number',
          'ra.occasion',
          'ra.assessed_on',
          'ra.review_date',
          'p.given_name',
          'p.family_name',
          currentFacilitySql.as('facility_id'),
        ])
        .where('ra.status', '=', 'current')
        .where('ra.review_date', '<=', until);
      if (facilities !== null) q = q.where(personLinkedTo('ra.person_id', facilities));
      const rows = await q.orderBy('ra.review_date').orderBy('ra.id').limit(1000).execute();
      const filtered = facilityId ? rows.filter((r) => r.facility_id === facilityId) : rows;
      const ids = [...new Set(filtered.map((r) => r.facility_id).filter((x): x is string => !!x))];
      const names = ids.length
        ? await db.selectFrom('facility').select(['id', 'name']).where('id', 'in', ids).execute()
        : [];
      const byId = new Map(names.map((f) => [f.id, f.name]));
      return filtered.map((r) => ({
        ...r,
        facility_name: r.facility_id ? (byId.get(r.facility_id) ?? null) : null,
      }));
    },

    facilities(ids: readonly string[] | null) {
      let q = db
        .selectFrom('facility')
        .select(['id', 'name'])
        .where('kind', 'in', ['prison_high', 'prison_lower', 'halfway_house'])
        .where('valid_to', 'is', null);
      if (ids !== null) {
        if (ids.length === 0) return Promise.resolve([]);
        q = q.where('id', 'in', ids);
      }
      return q.orderBy('name').execute();
    },
  };
}

export type AssessmentsRepository = ReturnType<typeof createAssessmentsRepository>;
