import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database, VisitorTable } from '../../db/types.ts';
import { addDays } from '../../domain/calendar.ts';
import { inForceFor, type Measure, type MeasureType } from '../../domain/measures.ts';
import {
  type AreaSituation,
  type Assessment,
  assessVisit,
  type BlockCode,
  blockOf,
  CLOSE_FAMILY,
  type Condition,
  conditionsFor,
  type Factor,
  isMinorOn,
  isoWeekday,
  LEGAL_REFERENCE,
  MAX_VISITORS,
  mayAddVisitor,
  needsJustification,
  type Outcome,
  placesUsed,
  REASON_TEXT,
  type Relation,
  type ReviewAction,
  type RoomKind,
  reviewRules,
  reviewVisit,
  type Snapshot,
  type VisitChange,
  type VisitKind,
  type VisitsLevel,
  visitNotice,
} from '../../domain/visits.ts';
import {
  assertFacilityInScope,
  assertPersonInScope,
  can,
  facilitiesInScope,
  type Principal,
} from '../../shared/access.ts';
import { audit } from '../../shared/audit.ts';
import type { Clock } from '../../shared/clock.ts';
import { AppError, errors, isUniqueViolation } from '../../shared/errors.ts';
import { type Locale, message } from '../../shared/messages.ts';
import { assertNoSeparatedVisit } from '../assessments/assessments.service.ts';
import { createInfectionService } from '../infection/infection.service.ts';
import { createMeasuresRepository } from '../measures/measures.repository.ts';
import {
  createVisitsRepository,
  type VisitRestrictionRow,
  type VisitsRepository,
} from './visits.repository.ts';
import type { VisitView } from './visits.schemas.ts';

type VisitRow = NonNullable<Awaited<ReturnType<VisitsRepository['visitById']>>>;
type ReviewRow = Awaited<ReturnType<VisitsRepository['reviews']>>[number];
/** What the visit row's factors column and a review's factors_now hold. */
interface StoredFactors {
  factors?: Factor[];
  conditions?: Condition[];
}
/** How long reviewed visits stay listed beside the ones awaiting review. */
const REVIEWED_DAYS = 14;

import { osloDateTime, osloInstant } from './visits.time.ts';

const PURPOSE = 'visits';
/** How far ahead video times are offered when an in-person visit is refused. */
const OFFER_DAYS = 14;
const OFFER_COUNT = 5;

const notFound = (what: string) => new AppError(404, 'not_found', { what });

export interface VisitRequest {
  kind: VisitKind;
  visitorIds: string[];
  externalVisitor?: string | undefined;
  roomId: string;
  date: string;
  startTime: string;
}

export interface BookRequest extends VisitRequest {
  outcome: Outcome;
  conditions: Condition[];
  justification?: string | undefined;
  videoSlot?: { roomId: string; date: string; startTime: string } | undefined;
}

type Room = NonNullable<Awaited<ReturnType<VisitsRepository['room']>>>;

export interface SlotView {
  roomId: string;
  roomName: string;
  roomKind: RoomKind;
  date: string;
  startTime: string;
  endTime: string;
  capacity: number;
  booked: number;
  free: number;
  closed: boolean;
  closedReason: string | null;
  templateId: string | null;
}

const RESTRICTION_ORDER: readonly VisitRestrictionRow['kind'][] = [
  'none',
  'supervised_only',
  'glass_wall_only',
  'no_visits',
];

/**
 * The restriction in force on a date: the latest decided here that covers it, or a stricter one
 * from the person's risk assessment (an assessed restriction holds until it is lifted there).
 */
function restrictionOn(rows: readonly VisitRestrictionRow[], date: string) {
  const covers = (r: VisitRestrictionRow) =>
    r.valid_from <= date && (r.valid_to === null || r.valid_to >= date);
  const own = rows.find((r) => r.source === 'visits' && covers(r));
  const candidates = [...(own ? [own] : []), ...rows.filter((r) => r.source === 'assessment' && covers(r))];
  let strictest: VisitRestrictionRow | null = null;
  for (const r of candidates)
    if (!strictest || RESTRICTION_ORDER.indexOf(r.kind) > RESTRICTION_ORDER.indexOf(strictest.kind))
      strictest = r;
  return strictest;
}

function presentVisitor(v: Selectable<VisitorTable>, today: string) {
  return {
    id: v.id,
    version: v.version,
    name: v.name,
    relation: v.relation,
    closeFamily: CLOSE_FAMILY.includes(v.relation),
    birthDate: v.birth_date,
    minor: isMinorOn(v.birth_date, v.minor, today),
    homeMunicipality: v.home_municipality,
    publicTransport: v.public_transport,
    policeCheck: v.police_check,
    policeCheckDate: v.police_check_date,
    status: v.status,
    appliedBy: v.applied_by_name,
    decisionReason: v.decision_reason,
    decidedBy: v.decided_by_name,
    decidedAt: v.decided_at ? new Date(v.decided_at).toISOString() : null,
  };
}

export function createVisitsService(db: Kysely<Database>, clock: Clock) {
  const repo = createVisitsRepository(db);
  const infection = createInfectionService(db, clock);

  async function facilityInScope(principal: Principal, facilityId: string) {
    const facility = await repo.facility(facilityId);
    if (!facility) throw errors.notFound('facility');
    assertFacilityInScope(await facilitiesInScope(db, principal, clock.today()), facilityId);
    return facility;
  }

  async function roomInScope(principal: Principal, roomId: string) {
    const room = await repo.room(roomId);
    if (!room) throw notFound('visiting_room');
    assertFacilityInScope(await facilitiesInScope(db, principal, clock.today()), room.facility_id);
    return room;
  }

  /** Every visiting time of these rooms on a date: weekly templates merged with concrete slots. */
  async function slotsOn(r: VisitsRepository, rooms: readonly Room[], date: string): Promise<SlotView[]> {
    const active = rooms.filter((x) => x.active);
    if (active.length === 0) return [];
    const ids = active.map((x) => x.id);
    const [templates, concrete, closures] = await Promise.all([
      r.templates(ids),
      r.slots(ids, date, date),
      r.closures(active[0]?.facility_id ?? '', date, date),
    ]);
    const weekday = isoWeekday(date);
    const out = new Map<string, SlotView>();
    for (const room of active) {
      const closure = closures.find((c) => c.room_id === null || c.room_id === room.id);
      const base = {
        roomId: room.id,
        roomName: room.name,
        roomKind: room.kind,
        date,
        closed: closure !== undefined,
        closedReason: closure?.reason ?? null,
      };
      for (const t of templates)
        if (t.room_id === room.id && t.weekday === weekday)
          out.set(`${room.id} ${t.start_time}`, {
            ...base,
            startTime: t.start_time,
            endTime: t.end_time,
            capacity: t.capacity,
            booked: 0,
            free: t.capacity,
            templateId: t.id,
          });
      for (const s of concrete)
        if (s.room_id === room.id)
          out.set(`${room.id} ${s.start_time}`, {
            ...base,
            startTime: s.start_time,
            endTime: s.end_time,
            capacity: s.capacity,
            booked: s.booked,
            free: s.capacity - s.booked,
            templateId: s.template_id,
          });
    }
    return [...out.values()].sort(
      (a, b) => a.startTime.localeCompare(b.startTime) || a.roomName.localeCompare(b.roomName, 'nb'),
    );
  }

  async function videoOffers(r: VisitsRepository, facilityId: string, from: string): Promise<SlotView[]> {
    const rooms = (await r.rooms(facilityId)).filter((x) => x.kind === 'video' && x.active);
    const offers: SlotView[] = [];
    const start = from < clock.today() ? clock.today() : from;
    for (let i = 0; i < OFFER_DAYS && offers.length < OFFER_COUNT; i++) {
      for (const s of await slotsOn(r, rooms, addDays(start, i)))
        if (!s.closed && s.free > 0 && offers.length < OFFER_COUNT) offers.push(s);
    }
    return offers;
  }

  /** The visits level and the media/politician postponement in force at the facility on a date. */
  async function measuresAt(r: Kysely<Database>, facilityId: string, date: string) {
    const m = createMeasuresRepository(r);
    const rows = await m.list({ on: date });
    const members = (await m.memberships(date)).filter((x) => x.facility_id === facilityId);
    const rules: Measure[] = rows.map((row) => ({
      id: row.id,
      type: row.type as MeasureType,
      level: row.level,
      scopeKind: row.scope_kind,
      scopeId: row.org_unit_id ?? row.facility_id,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      reviewDate: row.review_date,
      endedOn: row.ended_on,
    }));
    const effective = inForceFor(rules, { facilityId, orgUnitIds: members.map((x) => x.org_unit_id) }, date);
    const visits = effective.find((e) => e.type === 'visits');
    return {
      visitsLevel: (visits?.measure.level ?? null) as VisitsLevel | null,
      mediaPostponed: effective.some((e) => e.type === 'media_politician_visits_postponed'),
    };
  }

  /** Level and trend per municipality, read before any transaction opens (PGlite has one connection). */
  async function areas(): Promise<(municipality: string) => AreaSituation> {
    const { items } = await infection.municipalities(clock.today());
    const byName = new Map(items.map((i) => [i.municipality.toLowerCase(), i]));
    return (municipality) => {
      const s = byName.get(municipality.toLowerCase());
      return { municipality, level: s?.level ?? 'unknown', trend: s?.trend ?? 'unknown' };
    };
  }

  interface Context {
    inmate: NonNullable<Awaited<ReturnType<VisitsRepository['inmate']>>>;
    room: Room | null;
    slot: SlotView | null;
    visitors: Selectable<VisitorTable>[];
    chosen: Selectable<VisitorTable>[];
    restriction: VisitRestrictionRow | null;
    measures: { visitsLevel: VisitsLevel | null; mediaPostponed: boolean };
    assessment: Assessment | null;
  }

  /**
   * Gathers the facts and makes the checks in their order; returns the first refusal (an
   * AppError) or null, and the assessment whenever the room is known.
   */
  async function evaluate(
    trx: Kysely<Database>,
    personId: string,
    req: VisitRequest,
    area: (municipality: string) => AreaSituation,
  ): Promise<{ ctx: Context; refusal: AppError | null }> {
    const r = createVisitsRepository(trx);
    const today = clock.today();
    const inmate = await r.inmate(personId);
    if (!inmate) throw errors.notFound('person');
    const room = (await r.room(req.roomId)) ?? null;
    const visitors = await r.visitors(personId);
    const chosen = req.kind === 'ordinary' ? visitors.filter((v) => req.visitorIds.includes(v.id)) : [];
    const restriction = restrictionOn(await r.restrictions(personId), req.date);
    const facilityId = room?.facility_id ?? inmate.facility_id ?? '';
    const measures = await measuresAt(trx, facilityId, req.date);
    const slot = room
      ? ((await slotsOn(r, [room], req.date)).find((s) => s.startTime === req.startTime) ?? null)
      : null;

    let assessment: Assessment | null = null;
    if (room) {
      const facility = await r.facility(room.facility_id);
      const staffing = await r.staffing(room.facility_id, today);
      const rooms = await r.rooms(room.facility_id);
      assessment = assessVisit({
        kind: req.kind,
        roomKind: room.kind,
        facilityArea: area(facility?.municipality ?? ''),
        visitorAreas: chosen.map((v) => ({ ...area(v.home_municipality), visitor: v.name })),
        publicTransport: chosen.some((v) => v.public_transport),
        videoAvailable: rooms.some((x) => x.kind === 'video' && x.active),
        staffInQuarantine: staffing.quarantined,
        staffTotal: staffing.total,
        visitsLevel: measures.visitsLevel,
        childVisitor: chosen.some(
          (v) => v.relation === 'child' && isMinorOn(v.birth_date, v.minor, req.date),
        ),
        minorInmate: isMinorOn(inmate.birth_date, false, req.date),
      });
    }
    const ctx: Context = { inmate, room, slot, visitors, chosen, restriction, measures, assessment };

    const refuse = (): AppError | null => {
      // 1. The date.
      if (req.date < today) return errors.field('date', 'visit_date_past', { date: req.date });
      // 2. The slot: the room, its prison, the time, closures.
      if (!room?.active) return errors.field('roomId', 'visit_room_missing');
      if (room.facility_id !== inmate.facility_id) return errors.field('roomId', 'visit_room_wrong_facility');
      if (!slot)
        return errors.field('startTime', 'visit_slot_missing', { date: req.date, start: req.startTime });
      if (slot.closed)
        return errors.field('date', 'visit_room_closed', { date: req.date, reason: slot.closedReason ?? '' });
      // 3. The visitors.
      if (req.kind === 'ordinary') {
        if (req.visitorIds.length === 0) return errors.field('visitorIds', 'visit_visitors_required');
        for (const [i, id] of req.visitorIds.entries()) {
          const v = visitors.find((x) => x.id === id);
          if (v?.status !== 'approved')
            return errors.field(`visitorIds.${i}`, 'visit_visitor_not_approved', { name: v?.name ?? id });
        }
      } else if (!req.externalVisitor?.trim())
        return errors.field('externalVisitor', 'visit_external_required');
      // 4. The inmate's restriction; 5. the measures in force (official visits are never stopped).
      const block = blockOf({
        kind: req.kind,
        roomKind: room.kind,
        closed: false,
        restriction: restriction?.kind ?? null,
        visitsLevel: measures.visitsLevel,
        mediaPostponed: measures.mediaPostponed,
      });
      if (block) return errors.field(block.field, block.code, blockParams(block.code, restriction, null));
      // 6. The assessment is for a person to decide on; 7. the capacity.
      if (slot.free <= 0) return errors.conflict('visit_slot_full');
      return null;
    };
    return { ctx, refusal: refuse() };
  }

  function presentAssessment(a: Assessment, locale: Locale) {
    return {
      outcome: a.outcome,
      conditions: a.conditions,
      reasons: a.reasons.map((x) => ({ code: x.code, text: REASON_TEXT[x.code][locale], source: x.source })),
    };
  }

  function refusalView(e: AppError, locale: Locale) {
    const f = e.fields[0];
    return f
      ? { code: f.code, field: f.path, message: message(f.code, locale, f.params ?? {}) }
      : { code: e.code, field: '', message: message(e.code, locale, e.params) };
  }

  /** The parameters of a blocking rule's message: the restriction's reason, the closure's. */
  function blockParams(
    code: BlockCode,
    restriction: VisitRestrictionRow | null,
    closure: { date: string; reason: string } | null,
  ): Record<string, string> {
    if (code === 'visit_room_closed') return { date: closure?.date ?? '', reason: closure?.reason ?? '' };
    if (code.startsWith('visit_restriction_'))
      return { reason: restriction?.reason ?? '', until: restriction?.valid_to ?? '–' };
    return {};
  }

  /** Facts shared by the visits of one facility, read once per listing. */
  function factsCache(r: Kysely<Database>, today: string) {
    const memo = new Map<string, Promise<unknown>>();
    const once = <T>(key: string, load: () => Promise<T>): Promise<T> => {
      if (!memo.has(key)) memo.set(key, load());
      return memo.get(key) as Promise<T>;
    };
    const vr = createVisitsRepository(r);
    return {
      measures: (facilityId: string, date: string) =>
        once(`m ${facilityId} ${date}`, () => measuresAt(r, facilityId, date)),
      staffing: (facilityId: string) => once(`s ${facilityId}`, () => vr.staffing(facilityId, today)),
      rooms: (facilityId: string) => once(`r ${facilityId}`, () => vr.rooms(facilityId)),
      facility: (facilityId: string) => once(`f ${facilityId}`, () => vr.facility(facilityId)),
      closures: (facilityId: string, date: string) =>
        once(`c ${facilityId} ${date}`, () => vr.closures(facilityId, date, date)),
      restrictions: (personId: string) => once(`x ${personId}`, () => vr.restrictions(personId)),
    };
  }
  type FactsCache = ReturnType<typeof factsCache>;

  /** The snapshot a booked visit's review compares against: the last review's, else the booking's. */
  function snapshotOf(v: VisitRow, last: ReviewRow | undefined): Snapshot {
    if (last) {
      const stored = (last.factors_now ?? {}) as StoredFactors;
      return {
        factors: stored.factors ?? null,
        recommendation: last.recommendation_now,
        conditions: stored.conditions ?? conditionsFor(last.recommendation_now, v.room_kind),
        block: (last.block_now as BlockCode | null) ?? null,
      };
    }
    const stored = (v.factors ?? null) as StoredFactors | null;
    return {
      factors: stored?.factors ?? null,
      recommendation: v.recommendation,
      conditions:
        stored?.conditions ?? (v.recommendation ? conditionsFor(v.recommendation, v.room_kind) : []),
      block: null,
    };
  }

  /**
   * The assessment of a booked visit made afresh: the visit's own room, visitors and date, the
   * measures in force on that date, the infection situation and staffing now, the restriction and
   * closures; compared with the snapshot it rested on.
   */
  async function reassess(
    facts: FactsCache,
    v: VisitRow,
    visitors: Awaited<ReturnType<VisitsRepository['visitVisitorFacts']>>,
    last: ReviewRow | undefined,
    area: (municipality: string) => AreaSituation,
  ) {
    const date = osloDateTime(new Date(v.starts_at)).date;
    const kind: VisitKind = v.kind === 'video' ? 'ordinary' : v.kind;
    const [measures, staffing, rooms, facility, closures, restrictions] = await Promise.all([
      facts.measures(v.facility_id, date),
      facts.staffing(v.facility_id),
      facts.rooms(v.facility_id),
      facts.facility(v.facility_id),
      facts.closures(v.facility_id, date),
      facts.restrictions(v.person_id),
    ]);
    const own = kind === 'ordinary' ? visitors.filter((x) => x.visit_id === v.id) : [];
    const videoAvailable = rooms.some((x) => x.kind === 'video' && x.active);
    const assessment = assessVisit({
      kind,
      roomKind: v.room_kind,
      facilityArea: area(facility?.municipality ?? ''),
      visitorAreas: own.map((x) => ({ ...area(x.home_municipality), visitor: x.name })),
      publicTransport: own.some((x) => x.public_transport),
      videoAvailable,
      staffInQuarantine: staffing.quarantined,
      staffTotal: staffing.total,
      visitsLevel: measures.visitsLevel,
      childVisitor: own.some((x) => x.relation === 'child' && isMinorOn(x.birth_date, x.minor, date)),
      minorInmate: isMinorOn(v.person_birth_date, false, date),
    });
    const closure = closures.find((c) => c.room_id === null || c.room_id === v.room_id) ?? null;
    const restriction = restrictionOn(restrictions, date);
    const found = blockOf({
      kind,
      roomKind: v.room_kind,
      closed: closure !== null,
      restriction: restriction?.kind ?? null,
      visitsLevel: measures.visitsLevel,
      mediaPostponed: measures.mediaPostponed,
    });
    const block = found
      ? (() => {
          const params = blockParams(
            found.code,
            restriction,
            closure ? { date, reason: closure.reason } : null,
          );
          return {
            code: found.code,
            message: { nb: message(found.code, 'nb', params), en: message(found.code, 'en', params) },
          };
        })()
      : null;
    const booked = snapshotOf(v, last);
    const review = reviewVisit(booked, { assessment, block });
    return { date, assessment, block, booked, review, videoAvailable };
  }

  /** Visits as the API shows them, with what a review found or would find now. */
  async function present(
    rows: readonly VisitRow[],
    area: ((municipality: string) => AreaSituation) | null,
  ): Promise<VisitView[]> {
    const ids = rows.map((v) => v.id);
    const [visitors, reviews] = await Promise.all([repo.visitVisitorFacts(ids), repo.reviews(ids)]);
    const today = clock.today();
    const facts = factsCache(db, today);
    const startOfToday = osloInstant(today, '00:00').getTime();
    const out: VisitView[] = [];
    for (const v of rows) {
      const start = osloDateTime(new Date(v.starts_at));
      const end = osloDateTime(new Date(v.ends_at));
      const snapshot = (v.factors ?? {}) as StoredFactors;
      const last = reviews.find((x) => x.visit_id === v.id);
      const open =
        area !== null &&
        v.status === 'booked' &&
        v.kind !== 'video' &&
        v.room_kind !== 'video' &&
        new Date(v.starts_at).getTime() >= startOfToday;
      const now = open ? await reassess(facts, v, visitors, last, area) : null;
      const from = last ? osloDateTime(new Date(last.from_starts_at)) : null;
      const fromEnd = last ? osloDateTime(new Date(last.from_ends_at)) : null;
      out.push({
        id: v.id,
        version: v.version,
        kind: v.kind,
        status: v.status,
        facility: { id: v.facility_id, code: v.facility_code, name: v.facility_name },
        room: { id: v.room_id, name: v.room_name, kind: v.room_kind },
        startsAt: new Date(v.starts_at).toISOString(),
        endsAt: new Date(v.ends_at).toISOString(),
        date: start.date,
        startTime: start.time,
        endTime: end.time,
        visitors: visitors
          .filter((x) => x.visit_id === v.id)
          .map((x) => ({ id: x.id, name: x.name, relation: x.relation })),
        externalVisitor: v.external_visitor,
        recommendation: v.recommendation,
        outcome: v.outcome,
        conditions: v.conditions,
        justification: v.justification,
        legalReference: v.legal_reference,
        factors: snapshot.factors ?? [],
        decidedBy: v.decided_by_name,
        cancelReason: v.cancel_reason,
        review: {
          pending:
            now?.review.changed === true
              ? {
                  changes: now.review.changes,
                  recommendationNow: now.assessment.outcome,
                  block: now.block,
                }
              : null,
          last:
            last && from
              ? {
                  action: last.action,
                  outcome: last.outcome,
                  conditions: last.conditions,
                  justification: last.justification,
                  by: last.reviewed_by_name,
                  at: new Date(last.reviewed_at).toISOString(),
                  changes: (last.changes ?? []) as VisitChange[],
                  from: {
                    date: from.date,
                    startTime: from.time,
                    endTime: fromEnd?.time ?? '',
                    room: last.from_room_name,
                  },
                }
              : null,
        },
      });
    }
    return out;
  }

  async function loadVisits(
    personId: string,
    visitId?: string,
    area: ((municipality: string) => AreaSituation) | null = null,
  ): Promise<VisitView[]> {
    const rows = (await repo.visitsOf(personId)).filter((v) => !visitId || v.id === visitId);
    return present(rows, area);
  }

  return {
    // ── Facilities, rooms, slots, closures ──────────────────────────────────────────────────
    async facilities(principal: Principal) {
      const scope = await facilitiesInScope(db, principal, clock.today());
      return { items: await repo.facilitiesWithRooms(scope) };
    },

    async rooms(principal: Principal, facilityId: string) {
      const facility = await facilityInScope(principal, facilityId);
      const rooms = await repo.rooms(facilityId);
      const templates = await repo.templates(rooms.map((x) => x.id));
      const today = clock.today();
      const closures = await repo.closures(facilityId, today, addDays(today, 366));
      return {
        facility: { id: facility.id, code: facility.code, name: facility.name },
        rooms: rooms.map((x) => ({
          id: x.id,
          name: x.name,
          kind: x.kind,
          capacity: x.capacity,
          active: x.active,
          templates: templates
            .filter((t) => t.room_id === x.id)
            .map((t) => ({
              id: t.id,
              weekday: t.weekday,
              startTime: t.start_time,
              endTime: t.end_time,
              capacity: t.capacity,
            })),
        })),
        closures: closures.map((c) => ({
          id: c.id,
          roomId: c.room_id,
          roomName: c.room_name,
          fromDate: c.from_date,
          toDate: c.to_date,
          reason: c.reason,
          createdBy: c.created_by_name,
        })),
        manageable: can(principal, 'visits.rooms.manage'),
      };
    },

    async slots(principal: Principal, facilityId: string, date?: string) {
      const facility = await facilityInScope(principal, facilityId);
      const on = date ?? clock.today();
      const slots = await slotsOn(repo, await repo.rooms(facilityId), on);
      return {
        facility: { id: facility.id, code: facility.code, name: facility.name },
        date: on,
        slots,
      };
    },

    async createRoom(
      principal: Principal,
      facilityId: string,
      body: { name: string; kind: RoomKind; capacity: number; active: boolean },
    ) {
      await facilityInScope(principal, facilityId);
      const id = randomUUID();
      try {
        await db.transaction().execute(async (trx) => {
          await createVisitsRepository(trx).insertRoom({ id, facility_id: facilityId, ...body });
          await audit(trx, principal, {
            action: 'visit.rooms',
            purpose: PURPOSE,
            details: { change: 'room.create', roomId: id, facilityId, kind: body.kind },
          });
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw errors.field('name', 'visit_room_name_taken');
        throw e;
      }
      return this.rooms(principal, facilityId);
    },

    async updateRoom(
      principal: Principal,
      roomId: string,
      body: { name: string; kind: RoomKind; capacity: number; active: boolean },
    ) {
      const room = await roomInScope(principal, roomId);
      try {
        await db.transaction().execute(async (trx) => {
          await createVisitsRepository(trx).updateRoom(roomId, body);
          await audit(trx, principal, {
            action: 'visit.rooms',
            purpose: PURPOSE,
            details: { change: 'room.update', roomId, ...body },
          });
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw errors.field('name', 'visit_room_name_taken');
        throw e;
      }
      return this.rooms(principal, room.facility_id);
    },

    async addTemplate(
      principal: Principal,
      roomId: string,
      body: { weekday: number; startTime: string; endTime: string; capacity: number },
    ) {
      const room = await roomInScope(principal, roomId);
      if (body.endTime <= body.startTime) throw errors.field('endTime', 'visit_time_order');
      try {
        await db.transaction().execute(async (trx) => {
          const id = randomUUID();
          await createVisitsRepository(trx).insertTemplate({
            id,
            room_id: roomId,
            weekday: body.weekday,
            start_time: body.startTime,
            end_time: body.endTime,
            capacity: body.capacity,
          });
          await audit(trx, principal, {
            action: 'visit.rooms',
            purpose: PURPOSE,
            details: { change: 'template.add', roomId, templateId: id, ...body },
          });
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw errors.field('startTime', 'visit_slot_taken');
        throw e;
      }
      return this.rooms(principal, room.facility_id);
    },

    async removeTemplate(principal: Principal, roomId: string, templateId: string) {
      const room = await roomInScope(principal, roomId);
      await db.transaction().execute(async (trx) => {
        if (!(await createVisitsRepository(trx).deactivateTemplate(roomId, templateId)))
          throw notFound('visit_slot_template');
        await audit(trx, principal, {
          action: 'visit.rooms',
          purpose: PURPOSE,
          details: { change: 'template.remove', roomId, templateId },
        });
      });
      return this.rooms(principal, room.facility_id);
    },

    /** A one-off visiting time on a date, beside the weekly ones. */
    async addSlot(
      principal: Principal,
      roomId: string,
      body: { date: string; startTime: string; endTime: string; capacity: number },
    ) {
      const room = await roomInScope(principal, roomId);
      if (body.date < clock.today()) throw errors.field('date', 'visit_date_past', { date: body.date });
      if (body.endTime <= body.startTime) throw errors.field('endTime', 'visit_time_order');
      const existing = (await slotsOn(repo, [room], body.date)).find((s) => s.startTime === body.startTime);
      if (existing) throw errors.field('startTime', 'visit_slot_taken');
      await db.transaction().execute(async (trx) => {
        const id = randomUUID();
        await createVisitsRepository(trx).insertSlot({
          id,
          room_id: roomId,
          on_date: body.date,
          start_time: body.startTime,
          end_time: body.endTime,
          capacity: body.capacity,
          template_id: null,
          created_by: principal.userId,
        });
        await audit(trx, principal, {
          action: 'visit.rooms',
          purpose: PURPOSE,
          details: { change: 'slot.add', roomId, slotId: id, ...body },
        });
      });
      return this.slots(principal, room.facility_id, body.date);
    },

    async addClosure(
      principal: Principal,
      facilityId: string,
      body: { roomId?: string | null | undefined; fromDate: string; toDate: string; reason: string },
    ) {
      await facilityInScope(principal, facilityId);
      if (body.toDate < body.fromDate) throw errors.field('toDate', 'visit_closure_order');
      if (body.roomId) {
        const room = await repo.room(body.roomId);
        if (!room || room.facility_id !== facilityId) throw errors.field('roomId', 'visit_room_missing');
      }
      await db.transaction().execute(async (trx) => {
        const id = randomUUID();
        await createVisitsRepository(trx).insertClosure({
          id,
          facility_id: facilityId,
          room_id: body.roomId ?? null,
          from_date: body.fromDate,
          to_date: body.toDate,
          reason: body.reason,
          created_by: principal.userId,
          created_by_name: principal.displayName,
        });
        await audit(trx, principal, {
          action: 'visit.rooms',
          purpose: PURPOSE,
          details: { change: 'closure.add', facilityId, closureId: id, ...body },
        });
      });
      return this.rooms(principal, facilityId);
    },

    async removeClosure(principal: Principal, facilityId: string, closureId: string) {
      await facilityInScope(principal, facilityId);
      await db.transaction().execute(async (trx) => {
        if (!(await createVisitsRepository(trx).deleteClosure(facilityId, closureId)))
          throw notFound('visit_closure');
        await audit(trx, principal, {
          action: 'visit.rooms',
          purpose: PURPOSE,
          details: { change: 'closure.remove', facilityId, closureId },
        });
      });
      return this.rooms(principal, facilityId);
    },

    // ── Visitors and restriction ────────────────────────────────────────────────────────────
    async visitors(principal: Principal, personId: string) {
      const today = clock.today();
      await assertPersonInScope(db, principal, personId, today);
      const inmate = await repo.inmate(personId);
      if (!inmate) throw errors.notFound('person');
      const rows = await repo.visitors(personId);
      const restriction = restrictionOn(await repo.restrictions(personId), today);
      const facility = inmate.facility_id ? await repo.facility(inmate.facility_id) : undefined;
      await audit(db, principal, { action: 'visitor.list', personId, purpose: PURPOSE });
      return {
        visitors: rows.map((v) => presentVisitor(v, today)),
        placesUsed: placesUsed(rows),
        maxPlaces: MAX_VISITORS,
        restriction: restriction
          ? {
              kind: restriction.kind,
              reason: restriction.reason,
              validFrom: restriction.valid_from,
              validTo: restriction.valid_to,
              decidedBy: restriction.decided_by_name,
            }
          : null,
        facility: facility ? { id: facility.id, code: facility.code, name: facility.name } : null,
      };
    },

    /** An application to add a visitor; counted against the 4 places at once. */
    async applyVisitor(
      principal: Principal,
      personId: string,
      body: {
        name: string;
        relation: Relation;
        birthDate?: string | null | undefined;
        minor?: boolean | undefined;
        homeMunicipality: string;
        publicTransport: boolean;
        policeCheck: 'not_requested' | 'requested' | 'clear' | 'remarks';
        policeCheckDate?: string | null | undefined;
      },
    ) {
      const today = clock.today();
      await assertPersonInScope(db, principal, personId, today);
      if (body.birthDate && body.birthDate > today)
        throw errors.field('birthDate', 'visitor_birth_date_future');
      const checked = body.policeCheck === 'clear' || body.policeCheck === 'remarks';
      if (checked && (!body.policeCheckDate || body.policeCheckDate > today))
        throw errors.field('policeCheckDate', 'visitor_police_check_date');
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        const r = createVisitsRepository(trx);
        if (!(await r.lockPerson(personId))) throw errors.notFound('person');
        const fit = mayAddVisitor(await r.visitors(personId), body.relation);
        if (!fit.allowed)
          throw errors.field('relation', 'visitor_limit', { used: fit.used, after: fit.after });
        await r.insertVisitor({
          id,
          person_id: personId,
          name: body.name,
          relation: body.relation,
          birth_date: body.birthDate ?? null,
          minor: body.birthDate ? isMinorOn(body.birthDate, false, today) : (body.minor ?? false),
          home_municipality: body.homeMunicipality,
          public_transport: body.publicTransport,
          police_check: body.policeCheck,
          police_check_date: checked ? (body.policeCheckDate ?? null) : null,
          status: 'applied',
          applied_by: principal.userId,
          applied_by_name: principal.displayName,
        });
        await audit(trx, principal, {
          action: 'visitor.apply',
          personId,
          purpose: PURPOSE,
          details: { visitorId: id, relation: body.relation },
        });
      });
      return this.visitors(principal, personId);
    },

    async decideVisitor(
      principal: Principal,
      personId: string,
      visitorId: string,
      body: { version: number; decision: 'approved' | 'refused'; reason?: string | undefined },
    ) {
      const today = clock.today();
      await assertPersonInScope(db, principal, personId, today);
      const reason = body.reason?.trim() || null;
      if (body.decision === 'refused' && !reason) throw errors.field('reason', 'visitor_reason_required');
      await db.transaction().execute(async (trx) => {
        const r = createVisitsRepository(trx);
        if (!(await r.lockPerson(personId))) throw errors.notFound('person');
        const v = await r.visitor(visitorId);
        if (!v || v.person_id !== personId) throw notFound('visitor');
        if (v.version !== body.version) throw errors.conflict('stale_version');
        if (v.status !== 'applied') throw errors.conflict('visitor_decided');
        const applied = await r.decideVisitor(visitorId, body.version, {
          status: body.decision,
          decision_reason: reason,
          decided_by: principal.userId,
          decided_by_name: principal.displayName,
          decided_at: clock.now(),
        });
        if (!applied) throw errors.conflict('stale_version');
        await audit(trx, principal, {
          action: 'visitor.decide',
          personId,
          purpose: PURPOSE,
          details: { visitorId, decision: body.decision },
        });
      });
      return this.visitors(principal, personId);
    },

    async setRestriction(
      principal: Principal,
      personId: string,
      body: {
        kind: 'none' | 'supervised_only' | 'glass_wall_only' | 'no_visits';
        reason: string;
        validFrom: string;
        validTo?: string | null | undefined;
      },
    ) {
      const today = clock.today();
      await assertPersonInScope(db, principal, personId, today);
      if (body.validTo && body.validTo < body.validFrom)
        throw errors.field('validTo', 'period_end_before_start');
      await db.transaction().execute(async (trx) => {
        const r = createVisitsRepository(trx);
        if (!(await r.lockPerson(personId))) throw errors.notFound('person');
        await r.insertRestriction({
          id: randomUUID(),
          person_id: personId,
          kind: body.kind,
          reason: body.reason,
          valid_from: body.validFrom,
          valid_to: body.validTo ?? null,
          decided_by: principal.userId,
          decided_by_name: principal.displayName,
        });
        await audit(trx, principal, {
          action: 'visit.restriction',
          personId,
          purpose: PURPOSE,
          details: { kind: body.kind, validFrom: body.validFrom, validTo: body.validTo ?? null },
        });
      });
      return this.visitors(principal, personId);
    },

    // ── Visits ──────────────────────────────────────────────────────────────────────────────
    async visits(principal: Principal, personId: string) {
      await assertPersonInScope(db, principal, personId, clock.today());
      const items = await loadVisits(personId, undefined, await areas());
      await audit(db, principal, { action: 'visit.list', personId, purpose: PURPOSE });
      return { items };
    },

    /** The checks and the assessment, side by side, before anything is booked. */
    async assess(principal: Principal, personId: string, req: VisitRequest, locale: Locale) {
      await assertPersonInScope(db, principal, personId, clock.today());
      const area = await areas();
      const { ctx, refusal } = await evaluate(db, personId, req, area);
      const facilityId = ctx.room?.facility_id ?? ctx.inmate.facility_id;
      const a = ctx.assessment;
      const offersWanted =
        refusal !== null || (a !== null && a.outcome !== 'grant' && a.outcome !== 'grant_with_conditions');
      const offers = facilityId && offersWanted ? await videoOffers(repo, facilityId, req.date) : [];
      await audit(db, principal, {
        action: 'visit.assess',
        personId,
        purpose: PURPOSE,
        details: { roomId: req.roomId, date: req.date, outcome: a?.outcome ?? null },
      });
      return {
        refusal: refusal ? refusalView(refusal, locale) : null,
        factors: a?.factors ?? [],
        score: a?.score ?? 0,
        recommendation: a
          ? presentAssessment(a, locale)
          : { outcome: 'refuse' as const, conditions: [], reasons: [] },
        videoOffers: offers.map(({ templateId: _, ...s }) => s),
        legalReference: LEGAL_REFERENCE,
      };
    },

    /**
     * Books a visit, or records its refusal. The checks run again inside the transaction; the
     * person's decision is checked against the recommendation; the slot's place is taken by a
     * conditional update, so a slot is never overbooked.
     */
    async book(principal: Principal, personId: string, req: BookRequest) {
      const today = clock.today();
      await assertPersonInScope(db, principal, personId, today);
      const area = await areas();
      const visitId = randomUUID();
      await db.transaction().execute(async (trx) => {
        const r = createVisitsRepository(trx);
        const { ctx, refusal } = await evaluate(trx, personId, req, area);
        // A full slot is answered below, after the decision, by the atomic update itself.
        if (refusal && refusal.code !== 'visit_slot_full') throw refusal;
        const { room, slot, assessment } = ctx as Context & {
          room: Room;
          slot: SlotView;
          assessment: Assessment;
        };
        // Non-associations at facility level: not in the same visiting time as a kept-apart person.
        if (req.outcome !== 'refuse')
          await assertNoSeparatedVisit(trx, personId, { facilityId: room.facility_id, ...slot });
        const justification = req.justification?.trim() || null;
        if (needsJustification(assessment.outcome, req.outcome) && !justification)
          throw errors.field('justification', 'visit_justification_required');
        if (
          req.outcome !== assessment.outcome &&
          req.outcome !== 'refuse' &&
          !can(principal, 'visits.decide')
        )
          throw new AppError(403, 'visit_decide_forbidden');
        let conditions: Condition[] = [];
        if (req.outcome === 'grant_with_conditions') {
          conditions = [...new Set(req.conditions)];
          if (conditions.length === 0) throw errors.field('conditions', 'visit_conditions_required');
          if (conditions.includes('glass_wall') && room.kind !== 'glass_wall')
            throw errors.field('conditions', 'visit_condition_glass_room');
        }

        // Where the visit takes place: the slot asked for, or a video time instead.
        let target: { room: Room; slot: SlotView } = { room, slot };
        if (req.outcome === 'video_instead') {
          if (!req.videoSlot) throw errors.field('videoSlot', 'visit_video_slot_required');
          const videoRoom = await r.room(req.videoSlot.roomId);
          if (videoRoom?.kind !== 'video' || videoRoom.facility_id !== room.facility_id || !videoRoom.active)
            throw errors.field('videoSlot.roomId', 'visit_video_room_required');
          if (req.videoSlot.date < today)
            throw errors.field('videoSlot.date', 'visit_date_past', { date: req.videoSlot.date });
          const videoSlot = (await slotsOn(r, [videoRoom], req.videoSlot.date)).find(
            (s) => s.startTime === req.videoSlot?.startTime,
          );
          if (!videoSlot)
            throw errors.field('videoSlot.startTime', 'visit_slot_missing', {
              date: req.videoSlot.date,
              start: req.videoSlot.startTime,
            });
          if (videoSlot.closed)
            throw errors.field('videoSlot.date', 'visit_room_closed', {
              date: req.videoSlot.date,
              reason: videoSlot.closedReason ?? '',
            });
          target = { room: videoRoom, slot: videoSlot };
        }

        let slotId: string | null = null;
        if (req.outcome !== 'refuse') {
          await r.insertSlot({
            id: randomUUID(),
            room_id: target.room.id,
            on_date: target.slot.date,
            start_time: target.slot.startTime,
            end_time: target.slot.endTime,
            capacity: target.slot.capacity,
            template_id: target.slot.templateId,
            created_by: principal.userId,
          });
          const row = await r.slotAt(target.room.id, target.slot.date, target.slot.startTime);
          if (!row || !(await r.takePlace(row.id))) throw errors.conflict('visit_slot_full');
          slotId = row.id;
        }

        const kind = req.kind === 'ordinary' && target.room.kind === 'video' ? 'video' : req.kind;
        await r.insertVisit({
          id: visitId,
          person_id: personId,
          facility_id: target.room.facility_id,
          room_id: target.room.id,
          starts_at: osloInstant(target.slot.date, target.slot.startTime),
          ends_at: osloInstant(target.slot.date, target.slot.endTime),
          status: req.outcome === 'refuse' ? 'refused' : 'booked',
          created_by: principal.userId,
          kind,
          slot_id: slotId,
          external_visitor: req.kind === 'ordinary' ? null : (req.externalVisitor?.trim() ?? null),
          factors: JSON.stringify({
            factors: assessment.factors,
            score: assessment.score,
            reasons: assessment.reasons.map((x) => x.code),
            conditions: assessment.conditions,
            requested: { roomId: room.id, date: req.date, startTime: req.startTime, kind: req.kind },
            assessedOn: today,
          }),
          recommendation: assessment.outcome,
          outcome: req.outcome,
          conditions,
          justification,
          legal_reference: LEGAL_REFERENCE,
          decided_by_name: principal.displayName,
        });
        await r.insertVisitVisitors(
          visitId,
          ctx.chosen.map((v) => v.id),
        );
        await audit(trx, principal, {
          action: 'visit.book',
          personId,
          purpose: PURPOSE,
          details: {
            visitId,
            roomId: target.room.id,
            date: target.slot.date,
            startTime: target.slot.startTime,
            recommendation: assessment.outcome,
            outcome: req.outcome,
          },
        });
      });
      const [view] = await loadVisits(personId, visitId);
      return view as VisitView;
    },

    async cancel(
      principal: Principal,
      personId: string,
      visitId: string,
      body: { version: number; reason?: string | undefined },
    ) {
      await assertPersonInScope(db, principal, personId, clock.today());
      await db.transaction().execute(async (trx) => {
        const r = createVisitsRepository(trx);
        const v = await r.lockVisit(visitId);
        if (!v || v.person_id !== personId) throw notFound('visit');
        if (v.version !== body.version) throw errors.conflict('stale_version');
        if (v.status !== 'booked') throw errors.conflict('visit_not_cancellable', { status: v.status });
        if (
          !(await r.cancelVisit(
            visitId,
            body.version,
            principal.userId,
            clock.now(),
            body.reason?.trim() || null,
          ))
        )
          throw errors.conflict('stale_version');
        if (v.slot_id) await r.releasePlace(v.slot_id);
        await audit(trx, principal, {
          action: 'visit.cancel',
          personId,
          purpose: PURPOSE,
          details: { visitId },
        });
      });
      const [view] = await loadVisits(personId, visitId);
      return view as VisitView;
    },

    // ── The review of booked visits when the facts change ─────────────────────────────────────
    /**
     * Booked visits at a facility, from today on, whose assessment made afresh differs from the
     * one they rest on (the booking's, or the last review's), with what changed; and the visits
     * reviewed in the last two weeks. Each person listed is audited.
     */
    async reviewList(principal: Principal, facilityId: string) {
      const today = clock.today();
      const facility = await facilityInScope(principal, facilityId);
      const scope = await facilitiesInScope(db, principal, today);
      const area = await areas();
      const rows = await repo.bookedFrom(facilityId, osloInstant(today, '00:00'), scope);
      const ids = rows.map((v) => v.id);
      const [visitors, reviews] = await Promise.all([repo.visitVisitorFacts(ids), repo.reviews(ids)]);
      const facts = factsCache(db, today);
      const pending: { row: VisitRow; now: Awaited<ReturnType<typeof reassess>> }[] = [];
      for (const row of rows) {
        const now = await reassess(
          facts,
          row,
          visitors,
          reviews.find((x) => x.visit_id === row.id),
          area,
        );
        if (now.review.changed) pending.push({ row, now });
      }
      const views = await present(
        pending.map((p) => p.row),
        area,
      );
      const reviewedRows = await repo.reviewedSince(
        facilityId,
        osloInstant(addDays(today, -REVIEWED_DAYS), '00:00'),
        scope,
      );
      const reviewed = await present(reviewedRows, null);
      const person = (v: VisitRow) => ({
        id: v.person_id,
        givenName: v.given_name,
        familyName: v.family_name,
      });
      const people = new Set([
        ...pending.map((p) => p.row.person_id),
        ...reviewedRows.map((v) => v.person_id),
      ]);
      await db.transaction().execute(async (trx) => {
        for (const personId of people)
          await audit(trx, principal, {
            action: 'visit.review.list',
            personId,
            purpose: PURPOSE,
            details: { facilityId },
          });
      });
      return {
        facility: { id: facility.id, code: facility.code, name: facility.name },
        today,
        items: pending.map(({ row, now }, i) => ({
          visit: views[i] as VisitView,
          person: person(row),
          booked: {
            recommendation: now.booked.recommendation,
            conditions: [...now.booked.conditions],
            factors: [...(now.booked.factors ?? [])],
          },
          now: {
            recommendation: now.assessment.outcome,
            conditions: now.assessment.conditions,
            factors: now.assessment.factors,
            reasons: now.assessment.reasons.map((x) => ({
              code: x.code,
              text: REASON_TEXT[x.code][principal.locale],
              source: x.source,
            })),
            block: now.block,
          },
          changes: now.review.changes,
          stricter: now.review.stricter,
          recommended: reviewRules({
            action: 'keep',
            current: row.outcome ?? 'grant',
            recommendationNow: now.assessment.outcome,
            blocked: now.block !== null,
            videoAvailable: now.videoAvailable,
          }).recommended,
          videoAvailable: now.videoAvailable,
        })),
        reviewed: reviewedRows.map((row, i) => ({ visit: reviewed[i] as VisitView, person: person(row) })),
      };
    },

    /**
     * A review of one booked visit: keep it as booked, keep it on new conditions, move it to a
     * video time, or cancel it with a written reason. The assessment is made afresh inside the
     * transaction, the review stores the factors now, what changed, the action and who took it;
     * a stale version is 409; a cancelled or moved visit gives its place back at once.
     */
    async review(
      principal: Principal,
      personId: string,
      visitId: string,
      body: {
        version: number;
        action: ReviewAction;
        conditions: Condition[];
        videoSlot?: { roomId: string; date: string; startTime: string } | undefined;
        justification?: string | undefined;
      },
    ) {
      const today = clock.today();
      await assertPersonInScope(db, principal, personId, today);
      const justification = body.justification?.trim() || null;
      if (body.action === 'cancel' && !justification)
        throw errors.field('justification', 'visit_review_reason_required');
      const area = await areas();
      await db.transaction().execute(async (trx) => {
        const r = createVisitsRepository(trx);
        const locked = await r.lockVisit(visitId);
        if (!locked || locked.person_id !== personId) throw notFound('visit');
        if (locked.version !== body.version) throw errors.conflict('stale_version');
        const v = (await r.visitById(visitId)) as VisitRow;
        const startOfToday = osloInstant(today, '00:00').getTime();
        if (
          v.status !== 'booked' ||
          v.kind === 'video' ||
          v.room_kind === 'video' ||
          new Date(v.starts_at).getTime() < startOfToday
        )
          throw errors.conflict('visit_not_reviewable');
        const [visitors, reviews] = await Promise.all([r.visitVisitorFacts([v.id]), r.reviews([v.id])]);
        const now = await reassess(factsCache(trx, today), v, visitors, reviews[0], area);
        const current = v.outcome ?? 'grant';
        const rules = reviewRules({
          action: body.action,
          current,
          recommendationNow: now.assessment.outcome,
          blocked: now.block !== null,
          videoAvailable: now.videoAvailable,
        });
        if (!rules.allowed) throw errors.field('action', 'visit_review_blocked');
        let conditions: Condition[] = body.action === 'keep' ? (v.conditions as Condition[]) : [];
        if (body.action === 'conditions') {
          conditions = [...new Set(body.conditions)];
          if (conditions.length === 0) throw errors.field('conditions', 'visit_conditions_required');
          if (conditions.includes('glass_wall') && v.room_kind !== 'glass_wall')
            throw errors.field('conditions', 'visit_condition_glass_room');
        }
        if (rules.justificationRequired && !justification)
          throw errors.field('justification', 'visit_justification_required');

        let outcome = current;
        if (body.action === 'keep') {
          if (!(await r.updateReviewed(visitId, body.version, {}))) throw errors.conflict('stale_version');
        } else if (body.action === 'conditions') {
          outcome = 'grant_with_conditions';
          if (!(await r.updateReviewed(visitId, body.version, { outcome, conditions })))
            throw errors.conflict('stale_version');
        } else if (body.action === 'cancel') {
          outcome = 'refuse';
          if (!(await r.cancelVisit(visitId, body.version, principal.userId, clock.now(), justification)))
            throw errors.conflict('stale_version');
          if (v.slot_id) await r.releasePlace(v.slot_id);
        } else {
          outcome = 'video_instead';
          const want = body.videoSlot;
          if (!want) throw errors.field('videoSlot', 'visit_video_slot_required');
          const videoRoom = await r.room(want.roomId);
          if (videoRoom?.kind !== 'video' || videoRoom.facility_id !== v.facility_id || !videoRoom.active)
            throw errors.field('videoSlot.roomId', 'visit_video_room_required');
          if (want.date < today) throw errors.field('videoSlot.date', 'visit_date_past', { date: want.date });
          const slot = (await slotsOn(r, [videoRoom], want.date)).find((x) => x.startTime === want.startTime);
          if (!slot)
            throw errors.field('videoSlot.startTime', 'visit_slot_missing', {
              date: want.date,
              start: want.startTime,
            });
          if (slot.closed)
            throw errors.field('videoSlot.date', 'visit_room_closed', {
              date: want.date,
              reason: slot.closedReason ?? '',
            });
          // Non-associations hold for the new time as for a booking.
          await assertNoSeparatedVisit(trx, personId, { facilityId: v.facility_id, ...slot });
          await r.insertSlot({
            id: randomUUID(),
            room_id: videoRoom.id,
            on_date: slot.date,
            start_time: slot.startTime,
            end_time: slot.endTime,
            capacity: slot.capacity,
            template_id: slot.templateId,
            created_by: principal.userId,
          });
          const row = await r.slotAt(videoRoom.id, slot.date, slot.startTime);
          if (!row || !(await r.takePlace(row.id))) throw errors.conflict('visit_slot_full');
          if (
            !(await r.updateReviewed(visitId, body.version, {
              room_id: videoRoom.id,
              slot_id: row.id,
              starts_at: osloInstant(slot.date, slot.startTime),
              ends_at: osloInstant(slot.date, slot.endTime),
              kind: v.kind === 'ordinary' ? 'video' : v.kind,
              outcome,
              conditions: [],
            }))
          )
            throw errors.conflict('stale_version');
          if (v.slot_id) await r.releasePlace(v.slot_id);
        }
        await r.insertReview({
          id: randomUUID(),
          visit_id: visitId,
          person_id: personId,
          action: body.action,
          outcome,
          conditions,
          justification,
          recommendation_then: now.booked.recommendation,
          recommendation_now: now.assessment.outcome,
          block_now: now.block?.code ?? null,
          factors_now: JSON.stringify({
            factors: now.assessment.factors,
            score: now.assessment.score,
            reasons: now.assessment.reasons.map((x) => x.code),
            conditions: now.assessment.conditions,
            assessedOn: today,
          }),
          changes: JSON.stringify(now.review.changes),
          from_room_id: v.room_id,
          from_starts_at: new Date(v.starts_at),
          from_ends_at: new Date(v.ends_at),
          reviewed_by: principal.userId,
          reviewed_by_name: principal.displayName,
        });
        await audit(trx, principal, {
          action: 'visit.review',
          personId,
          purpose: PURPOSE,
          details: {
            visitId,
            action: body.action,
            recommendationNow: now.assessment.outcome,
            block: now.block?.code ?? null,
          },
        });
      });
      const [view] = await loadVisits(personId, visitId, area);
      return view as VisitView;
    },

    /** One visit with the notice its visitors are given when it is under review or was changed. */
    async notice(principal: Principal, visitId: string) {
      const today = clock.today();
      const row = await repo.visitById(visitId);
      if (!row) throw notFound('visit');
      await assertPersonInScope(db, principal, row.person_id, today);
      const [view] = await present([row], await areas());
      const v = view as VisitView;
      const last = v.review.last;
      const pending = v.review.pending;
      const notice =
        last || pending
          ? visitNotice({
              visitors: v.externalVisitor ? [v.externalVisitor] : v.visitors.map((x) => x.name),
              inmate: `${row.given_name} ${row.family_name}`,
              facility: v.facility.name,
              date: last && !pending ? last.from.date : v.date,
              startTime: last && !pending ? last.from.startTime : v.startTime,
              endTime: last && !pending ? last.from.endTime : v.endTime,
              room: last && !pending ? last.from.room : v.room.name,
              action: pending ? null : (last?.action ?? null),
              conditions: v.conditions as Condition[],
              video:
                !pending && last?.action === 'video'
                  ? { date: v.date, startTime: v.startTime, room: v.room.name }
                  : null,
              justification: pending ? null : (last?.justification ?? null),
              changes: (pending ? pending.changes : (last?.changes ?? [])) as VisitChange[],
            })
          : null;
      await audit(db, principal, {
        action: 'visit.notice',
        personId: row.person_id,
        purpose: PURPOSE,
        details: { visitId },
      });
      return {
        visit: v,
        person: { id: row.person_id, name: `${row.given_name} ${row.family_name}` },
        notice,
      };
    },
  };
}

export type VisitsService = ReturnType<typeof createVisitsService>;
