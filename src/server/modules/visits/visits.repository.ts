import type { Insertable, Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import type {
  Database,
  VisitClosureTable,
  VisitorTable,
  VisitRestrictionTable,
  VisitReviewTable,
  VisitTable,
} from '../../db/types.ts';
import { addDays } from '../../domain/calendar.ts';
import { personLinkedTo } from '../../shared/access.ts';

/** A restriction on visits in force for a person, from the visits module or from the risk assessment. */
export type VisitRestrictionRow = Omit<Selectable<VisitRestrictionTable>, 'decided_at'> & {
  source: 'visits' | 'assessment';
};

const ASSESSED_VISIT_RESTRICTION: Record<string, VisitRestrictionTable['kind'] | undefined> = {
  controlled_visits: 'supervised_only',
  visits_glass_wall: 'glass_wall_only',
  no_visits: 'no_visits',
};

export function createVisitsRepository(db: Kysely<Database>) {
  /** A visit with its room and facility. */
  const visitRows = () =>
    db
      .selectFrom('visit as v')
      .innerJoin('visiting_room as r', 'r.id', 'v.room_id')
      .innerJoin('facility as f', 'f.id', 'v.facility_id')
      .innerJoin('person as p', 'p.id', 'v.person_id')
      .selectAll('v')
      .select([
        'r.name as room_name',
        'r.kind as room_kind',
        'f.code as facility_code',
        'f.name as facility_name',
        'p.given_name',
        'p.family_name',
        'p.birth_date as person_birth_date',
      ]);
  return {
    // ── Facilities and rooms ────────────────────────────────────────────────────────────────
    facility(id: string) {
      return db
        .selectFrom('facility')
        .select(['id', 'code', 'name', 'municipality'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** Facilities with at least one active visiting room, optionally only these. */
    facilitiesWithRooms(ids: readonly string[] | null) {
      let q = db
        .selectFrom('facility as f')
        .select(['f.id', 'f.code', 'f.name'])
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('visiting_room as r')
              .select('r.id')
              .whereRef('r.facility_id', '=', 'f.id')
              .where('r.active', '=', true),
          ),
        );
      if (ids) {
        if (ids.length === 0) return Promise.resolve([]);
        q = q.where('f.id', 'in', ids);
      }
      return q.orderBy('f.name').execute();
    },

    rooms(facilityId: string) {
      return db
        .selectFrom('visiting_room')
        .selectAll()
        .where('facility_id', '=', facilityId)
        .orderBy('name')
        .execute();
    },

    room(id: string) {
      return db.selectFrom('visiting_room').selectAll().where('id', '=', id).executeTakeFirst();
    },

    insertRoom(row: {
      id: string;
      facility_id: string;
      name: string;
      kind: Database['visiting_room']['kind'];
      capacity: number;
      active: boolean;
    }) {
      return db.insertInto('visiting_room').values(row).execute();
    },

    updateRoom(
      id: string,
      values: { name: string; kind: Database['visiting_room']['kind']; capacity: number; active: boolean },
    ) {
      return db.updateTable('visiting_room').set(values).where('id', '=', id).execute();
    },

    templates(roomIds: readonly string[]) {
      if (roomIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('visit_slot_template')
        .selectAll()
        .where('room_id', 'in', roomIds)
        .where('active', '=', true)
        .orderBy('weekday')
        .orderBy('start_time')
        .execute();
    },

    insertTemplate(row: {
      id: string;
      room_id: string;
      weekday: number;
      start_time: string;
      end_time: string;
      capacity: number;
    }) {
      return db.insertInto('visit_slot_template').values(row).execute();
    },

    async deactivateTemplate(roomId: string, id: string) {
      const res = await db
        .updateTable('visit_slot_template')
        .set({ active: false })
        .where('id', '=', id)
        .where('room_id', '=', roomId)
        .where('active', '=', true)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    closures(facilityId: string, from: string, to: string) {
      return db
        .selectFrom('visit_closure as c')
        .leftJoin('visiting_room as r', 'r.id', 'c.room_id')
        .selectAll('c')
        .select('r.name as room_name')
        .where('c.facility_id', '=', facilityId)
        .where('c.to_date', '>=', from)
        .where('c.from_date', '<=', to)
        .orderBy('c.from_date')
        .execute();
    },

    insertClosure(row: Insertable<VisitClosureTable>) {
      return db.insertInto('visit_closure').values(row).execute();
    },

    async deleteClosure(facilityId: string, id: string) {
      const res = await db
        .deleteFrom('visit_closure')
        .where('id', '=', id)
        .where('facility_id', '=', facilityId)
        .executeTakeFirst();
      return Number(res.numDeletedRows) === 1;
    },

    // ── Slots ───────────────────────────────────────────────────────────────────────────────
    /** Concrete slots of these rooms on a date (booked places, extra slots). */
    slots(roomIds: readonly string[], from: string, to: string) {
      if (roomIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('visit_slot')
        .selectAll()
        .where('room_id', 'in', roomIds)
        .where('on_date', '>=', from)
        .where('on_date', '<=', to)
        .orderBy('on_date')
        .orderBy('start_time')
        .execute();
    },

    insertSlot(row: {
      id: string;
      room_id: string;
      on_date: string;
      start_time: string;
      end_time: string;
      capacity: number;
      template_id: string | null;
      created_by: string | null;
    }) {
      return db
        .insertInto('visit_slot')
        .values(row)
        .onConflict((oc) => oc.columns(['room_id', 'on_date', 'start_time']).doNothing())
        .execute();
    },

    slotAt(roomId: string, date: string, start: string) {
      return db
        .selectFrom('visit_slot')
        .selectAll()
        .where('room_id', '=', roomId)
        .where('on_date', '=', date)
        .where('start_time', '=', start)
        .executeTakeFirst();
    },

    /**
     * Takes one place in the slot if one is free. One conditional update: concurrent bookings
     * queue on the row, and each sees the count the one before it left.
     */
    async takePlace(slotId: string): Promise<boolean> {
      const res = await db
        .updateTable('visit_slot')
        .set({ booked: sql`booked + 1` })
        .where('id', '=', slotId)
        .whereRef('booked', '<', 'capacity')
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    releasePlace(slotId: string) {
      return db
        .updateTable('visit_slot')
        .set({ booked: sql`booked - 1` })
        .where('id', '=', slotId)
        .where('booked', '>', 0)
        .execute();
    },

    // ── The inmate ──────────────────────────────────────────────────────────────────────────
    /** The person, and the facility they are in: the current placement, else the registered facility. */
    inmate(personId: string) {
      return db
        .selectFrom('person as p')
        .select([
          'p.id',
          'p.given_name',
          'p.family_name',
          'p.birth_date',
          sql<string | null>`coalesce(
            (select pl.facility_id from placement pl where pl.person_id = p.id and pl.to_date is null
              order by pl.from_date desc limit 1),
            p.registered_facility_id)`.as('facility_id'),
        ])
        .where('p.id', '=', personId)
        .executeTakeFirst();
    },

    /** Serialises changes to one inmate's visitors (the counting rule). */
    lockPerson(personId: string) {
      return db.selectFrom('person').select('id').where('id', '=', personId).forUpdate().executeTakeFirst();
    },

    visitors(personId: string) {
      return db
        .selectFrom('visitor')
        .selectAll()
        .where('person_id', '=', personId)
        .orderBy('applied_at')
        .orderBy('name')
        .execute();
    },

    visitor(id: string) {
      return db.selectFrom('visitor').selectAll().where('id', '=', id).executeTakeFirst();
    },

    insertVisitor(row: Insertable<VisitorTable>) {
      return db.insertInto('visitor').values(row).execute();
    },

    async decideVisitor(
      id: string,
      version: number,
      values: {
        status: 'approved' | 'refused';
        decision_reason: string | null;
        decided_by: string;
        decided_by_name: string;
        decided_at: Date;
      },
    ) {
      const res = await db
        .updateTable('visitor')
        .set({ ...values, version: sql`version + 1` } as never)
        .where('id', '=', id)
        .where('version', '=', version)
        .where('status', '=', 'applied')
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    /**
     * The visit restrictions decided here, newest first, and those the person's risk assessment
     * set for visits (seed 004), in the same shape: controlled visits → supervised only, glass wall
     * → glass wall only, no visits → no visits. A measure lifted on a day ends the day before.
     */
    async restrictions(personId: string): Promise<VisitRestrictionRow[]> {
      const [own, assessed] = await Promise.all([
        db
          .selectFrom('visit_restriction')
          .selectAll()
          .where('person_id', '=', personId)
          .orderBy('decided_at', 'desc')
          .orderBy('id')
          .execute(),
        db
          .selectFrom('restriction')
          .select([
            'id',
            'person_id',
            'kind',
            'justification',
            'valid_from',
            'lifted_on',
            'created_by',
            'created_by_name',
            'created_at',
          ])
          .where('person_id', '=', personId)
          .where('purpose', '=', 'visits')
          .orderBy('created_at', 'desc')
          .orderBy('id')
          .execute(),
      ]);
      return [
        ...own.map((r) => ({ ...r, source: 'visits' as const })),
        ...assessed.flatMap((r) => {
          const kind = ASSESSED_VISIT_RESTRICTION[r.kind];
          if (!kind) return [];
          return [
            {
              id: r.id,
              person_id: r.person_id,
              kind,
              reason: r.justification,
              valid_from: r.valid_from,
              valid_to: r.lifted_on === null ? null : addDays(r.lifted_on, -1),
              decided_by: r.created_by,
              decided_by_name: r.created_by_name,
              source: 'assessment' as const,
            },
          ];
        }),
      ];
    },

    insertRestriction(row: Insertable<VisitRestrictionTable>) {
      return db.insertInto('visit_restriction').values(row).execute();
    },

    // ── Facts for the assessment ────────────────────────────────────────────────────────────
    async staffing(facilityId: string, on: string) {
      const row = await db
        .selectFrom('staff_member as s')
        .select([
          sql<number>`count(*)::int`.as('total'),
          sql<number>`count(*) filter (where exists (
            select 1 from health_status h where h.staff_id = s.id and h.subject_kind = 'staff'
              and h.status = 'quarantine' and h.from_date <= ${on}
              and (h.to_date is null or h.to_date >= ${on})))::int`.as('quarantined'),
        ])
        .where('s.facility_id', '=', facilityId)
        .where('s.active', '=', true)
        .executeTakeFirst();
      // Quarantines recorded at the facility for staff no longer listed as active count too.
      const others = await db
        .selectFrom('health_status as h')
        .innerJoin('staff_member as s', 's.id', 'h.staff_id')
        .select(sql<number>`count(distinct h.staff_id)::int`.as('n'))
        .where('h.facility_id', '=', facilityId)
        .where('h.subject_kind', '=', 'staff')
        .where('h.status', '=', 'quarantine')
        .where('h.from_date', '<=', on)
        .where((eb) => eb.or([eb('h.to_date', 'is', null), eb('h.to_date', '>=', on)]))
        .where((eb) => eb.or([eb('s.facility_id', '<>', facilityId), eb('s.active', '=', false)]))
        .executeTakeFirst();
      return {
        total: Number(row?.total ?? 0),
        quarantined: Number(row?.quarantined ?? 0) + Number(others?.n ?? 0),
      };
    },

    // ── Visits ──────────────────────────────────────────────────────────────────────────────
    insertVisit(row: Insertable<VisitTable>) {
      return db.insertInto('visit').values(row).execute();
    },

    insertVisitVisitors(visitId: string, visitorIds: readonly string[]) {
      if (visitorIds.length === 0) return Promise.resolve();
      return db
        .insertInto('visit_visitor')
        .values(visitorIds.map((visitor_id) => ({ visit_id: visitId, visitor_id })))
        .execute()
        .then(() => undefined);
    },

    visitsOf(personId: string) {
      return visitRows().where('v.person_id', '=', personId).orderBy('v.starts_at', 'desc').execute();
    },

    visitById(id: string) {
      return visitRows().where('v.id', '=', id).executeTakeFirst();
    },

    /**
     * Booked visits at a facility from an instant on (the start of today), in person or official:
     * the candidates for a review. With a list of facilities, only people linked to them.
     */
    bookedFrom(facilityId: string, from: Date, facilities: readonly string[] | null) {
      let q = visitRows()
        .where('v.facility_id', '=', facilityId)
        .where('v.status', '=', 'booked')
        .where('v.kind', '<>', 'video')
        .where('r.kind', '<>', 'video')
        .where('v.starts_at', '>=', from);
      if (facilities) {
        if (facilities.length === 0) return Promise.resolve([]);
        q = q.where(personLinkedTo('v.person_id', facilities));
      }
      return q.orderBy('v.starts_at').orderBy('v.id').execute();
    },

    /** Visits at a facility reviewed since an instant, newest review first, scoped like bookedFrom. */
    reviewedSince(facilityId: string, since: Date, facilities: readonly string[] | null) {
      let q = visitRows()
        .where('v.facility_id', '=', facilityId)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('visit_review as vr')
              .select('vr.id')
              .whereRef('vr.visit_id', '=', 'v.id')
              .where('vr.reviewed_at', '>=', since),
          ),
        );
      if (facilities) {
        if (facilities.length === 0) return Promise.resolve([]);
        q = q.where(personLinkedTo('v.person_id', facilities));
      }
      return q.orderBy('v.starts_at').orderBy('v.id').limit(100).execute();
    },

    /** The visitors of these visits with the facts the assessment reads. */
    visitVisitorFacts(visitIds: readonly string[]) {
      if (visitIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('visit_visitor as vv')
        .innerJoin('visitor as x', 'x.id', 'vv.visitor_id')
        .select([
          'vv.visit_id',
          'x.id',
          'x.name',
          'x.relation',
          'x.birth_date',
          'x.minor',
          'x.home_municipality',
          'x.public_transport',
        ])
        .where('vv.visit_id', 'in', visitIds)
        .orderBy('x.name')
        .execute();
    },

    /** Every review of these visits, newest first. */
    reviews(visitIds: readonly string[]) {
      if (visitIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('visit_review as vr')
        .innerJoin('visiting_room as r', 'r.id', 'vr.from_room_id')
        .selectAll('vr')
        .select('r.name as from_room_name')
        .where('vr.visit_id', 'in', visitIds)
        .orderBy('vr.reviewed_at', 'desc')
        .orderBy('vr.id', 'desc')
        .execute();
    },

    insertReview(row: Insertable<VisitReviewTable>) {
      return db.insertInto('visit_review').values(row).execute();
    },

    /** A reviewed visit keeps its place or takes a new one; the version moves on either way. */
    async updateReviewed(
      id: string,
      version: number,
      values: Partial<{
        room_id: string;
        slot_id: string | null;
        starts_at: Date;
        ends_at: Date;
        kind: 'ordinary' | 'video' | 'official' | 'media';
        outcome: 'grant' | 'grant_with_conditions' | 'video_instead' | 'refuse';
        conditions: string[];
      }>,
    ) {
      const res = await db
        .updateTable('visit')
        .set({ ...values, version: sql`version + 1` } as never)
        .where('id', '=', id)
        .where('version', '=', version)
        .where('status', '=', 'booked')
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    visitVisitors(visitIds: readonly string[]) {
      if (visitIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('visit_visitor as vv')
        .innerJoin('visitor as x', 'x.id', 'vv.visitor_id')
        .select(['vv.visit_id', 'x.id', 'x.name', 'x.relation'])
        .where('vv.visit_id', 'in', visitIds)
        .orderBy('x.name')
        .execute();
    },

    lockVisit(id: string) {
      return db.selectFrom('visit').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    },

    async cancelVisit(id: string, version: number, userId: string, at: Date, reason: string | null) {
      const res = await db
        .updateTable('visit')
        .set({
          status: 'cancelled',
          cancelled_by: userId,
          cancelled_at: at,
          cancel_reason: reason,
          version: sql`version + 1`,
        } as never)
        .where('id', '=', id)
        .where('version', '=', version)
        .where('status', '=', 'booked')
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
  };
}

export type VisitsRepository = ReturnType<typeof createVisitsRepository>;
