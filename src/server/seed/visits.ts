import { type Insertable, type Kysely, sql } from 'kysely';
import type {
  Database,
  VisitingRoomTable,
  VisitorRelation,
  VisitorTable,
  VisitSlotTable,
  VisitSlotTemplateTable,
  VisitTable,
  VisitVisitorTable,
} from '../db/types.ts';
import { addDays } from '../domain/calendar.ts';
import { inForceFor, type Measure, type MeasureType } from '../domain/measures.ts';
import {
  type AreaSituation,
  assessVisit,
  conditionsFor,
  isMinorOn,
  isoWeekday,
  LEGAL_REFERENCE,
  needsJustification,
  type Outcome,
  type VisitsLevel,
} from '../domain/visits.ts';
import { createInfectionService } from '../modules/infection/infection.service.ts';
import { createVisitsRepository } from '../modules/visits/visits.repository.ts';
import { osloInstant } from '../modules/visits/visits.time.ts';
import { fixedClock } from '../shared/clock.ts';
import { DEMO_PEOPLE } from './fixtures.ts';
import { Random } from './random.ts';

// Demo visits: the visiting rooms of every prison with their weekly times, approved visitors for
// some inmates (the fixture Åsmund Ødegård among them) and visits over the last three weeks and
// the coming week, so that the booking page and contact tracing have something to show. The
// visits ahead carry the assessment they were booked on: today's infection situation and staffing,
// with the national visit measure (they were booked before the local stop at one prison, so that
// the review list of that prison has something to show).

type Kind = VisitingRoomTable['kind'];
interface RoomPlan {
  kind: Kind;
  name: string;
  capacity: number;
  weekdays: number[];
  times: [string, string][];
  places: number;
}

const ROOMS: RoomPlan[] = [
  {
    kind: 'ordinary',
    name: 'Besøksrom 1',
    capacity: 4,
    weekdays: [2, 4, 6, 7],
    times: [
      ['10:00', '11:00'],
      ['13:00', '14:00'],
    ],
    places: 3,
  },
  {
    kind: 'child_friendly',
    name: 'Familierommet',
    capacity: 6,
    weekdays: [6, 7],
    times: [['11:00', '12:30']],
    places: 2,
  },
  {
    kind: 'glass_wall',
    name: 'Glassrommet',
    capacity: 2,
    weekdays: [1, 2, 3, 4, 5],
    times: [['15:00', '16:00']],
    places: 2,
  },
  {
    kind: 'video',
    name: 'Videorommet',
    capacity: 1,
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    times: [
      ['09:00', '09:30'],
      ['14:00', '14:30'],
      ['18:00', '18:30'],
    ],
    places: 2,
  },
  {
    kind: 'official',
    name: 'Advokatrommet',
    capacity: 3,
    weekdays: [1, 2, 3, 4, 5],
    times: [['09:00', '10:00']],
    places: 2,
  },
];

const FIRST_NAMES = [
  'Kari',
  'Ingrid',
  'Liv',
  'Anne',
  'Per',
  'Jan',
  'Ole',
  'Lars',
  'Nora',
  'Emma',
  'Jonas',
  'Sara',
];
const MUNICIPALITIES = [
  'Oslo',
  'Bærum',
  'Bergen',
  'Trondheim',
  'Drammen',
  'Lillestrøm',
  'Stavanger',
  'Kristiansand',
];

/** Ids come from the seeded stream, in a fixed order of prisons and inmates: the same seed, the same ids. */
function idFrom(rng: Random): string {
  return rng.uuid();
}

export async function seedDemoVisits(db: Kysely<Database>, today: string, seed: number): Promise<void> {
  const rng = new Random(seed).fork('visits');
  const prisons = await db
    .selectFrom('facility')
    .select(['id', 'code', 'municipality'])
    .where('kind', 'in', ['prison_high', 'prison_lower'])
    .orderBy('code')
    .execute();
  if (prisons.length === 0) return;

  const rooms: Insertable<VisitingRoomTable>[] = [];
  const templates: Insertable<VisitSlotTemplateTable>[] = [];
  const roomsOf = new Map<
    string,
    { id: string; plan: RoomPlan; templates: Insertable<VisitSlotTemplateTable>[] }[]
  >();
  for (const f of prisons) {
    const list: { id: string; plan: RoomPlan; templates: Insertable<VisitSlotTemplateTable>[] }[] = [];
    for (const plan of ROOMS) {
      const id = idFrom(rng);
      rooms.push({
        id,
        facility_id: f.id,
        name: plan.name,
        kind: plan.kind,
        capacity: plan.capacity,
        active: true,
      });
      const own: Insertable<VisitSlotTemplateTable>[] = [];
      for (const weekday of plan.weekdays)
        for (const [start, end] of plan.times)
          own.push({
            id: idFrom(rng),
            room_id: id,
            weekday,
            start_time: start,
            end_time: end,
            capacity: plan.places,
          });
      templates.push(...own);
      list.push({ id, plan, templates: own });
    }
    roomsOf.set(f.id, list);
  }

  // Inmates in the prisons now: the fixture first, then a deterministic sample.
  const inmates = await db
    .selectFrom('placement as pl')
    .innerJoin('person as p', 'p.id', 'pl.person_id')
    .select(['p.id', 'p.family_name', 'pl.facility_id'])
    .where('pl.to_date', 'is', null)
    .where('pl.kind', '=', 'cell')
    .where(
      'pl.facility_id',
      'in',
      prisons.map((f) => f.id),
    )
    .orderBy('p.id')
    .execute();
  const fixtureId = DEMO_PEOPLE.admitted.personId;
  const chosen = [
    ...inmates.filter((i) => i.id === fixtureId),
    ...rng.shuffle(inmates.filter((i) => i.id !== fixtureId)).slice(0, Math.min(80, inmates.length)),
  ];

  const visitors: Insertable<VisitorTable>[] = [];
  const approvedOf = new Map<string, Insertable<VisitorTable>[]>();
  const decidedAt = osloInstant(addDays(today, -40), '10:00');
  const visitor = (
    personId: string,
    familyName: string,
    relation: VisitorRelation,
    status: 'applied' | 'approved',
    extra: Partial<Insertable<VisitorTable>> = {},
  ) => {
    const row: Insertable<VisitorTable> = {
      id: idFrom(rng),
      person_id: personId,
      name: `${rng.pick(FIRST_NAMES)} ${relation === 'friend' ? rng.pick(['Berg', 'Lie', 'Moen', 'Haugen']) : familyName}`,
      relation,
      birth_date: null,
      minor: false,
      home_municipality: rng.pick(MUNICIPALITIES),
      public_transport: rng.chance(0.4),
      police_check: 'clear',
      police_check_date: addDays(today, -60),
      status,
      applied_by: null,
      applied_by_name: 'Demo',
      applied_at: osloInstant(addDays(today, -50), '09:00'),
      decision_reason: null,
      decided_by: null,
      decided_by_name: status === 'approved' ? 'Demo saksbehandler' : null,
      decided_at: status === 'approved' ? decidedAt : null,
      ...extra,
    };
    visitors.push(row);
    if (status === 'approved') approvedOf.set(personId, [...(approvedOf.get(personId) ?? []), row]);
    return row;
  };
  for (const inmate of chosen) {
    if (inmate.id === fixtureId) {
      visitor(inmate.id, inmate.family_name, 'spouse', 'approved', {
        name: 'Hilde Ødegård',
        home_municipality: 'Oslo',
      });
      visitor(inmate.id, inmate.family_name, 'child', 'approved', {
        name: 'Emil Ødegård',
        birth_date: addDays(today, -9 * 365),
        minor: true,
        home_municipality: 'Bærum',
        public_transport: false,
      });
      visitor(inmate.id, inmate.family_name, 'friend', 'approved', {
        name: 'Tor Haugen',
        home_municipality: 'Bergen',
        public_transport: true,
      });
      visitor(inmate.id, inmate.family_name, 'friend', 'applied', {
        name: 'Mona Lie',
        home_municipality: 'Drammen',
        police_check: 'requested',
        police_check_date: null,
      });
      continue;
    }
    visitor(
      inmate.id,
      inmate.family_name,
      rng.pick(['spouse', 'parent', 'sibling', 'partner'] as const),
      'approved',
    );
    if (rng.chance(0.4)) visitor(inmate.id, inmate.family_name, 'friend', 'approved');
  }

  // The facts the visits ahead were assessed on at booking.
  const booking = await bookingFacts(db, today);
  const births = new Map(
    (
      await db
        .selectFrom('person')
        .select(['id', sql<string>`birth_date::text`.as('birth_date')])
        .where(
          'id',
          'in',
          chosen.map((i) => i.id),
        )
        .execute()
    ).map((p) => [p.id, p.birth_date]),
  );
  const municipalityOf = new Map(prisons.map((f) => [f.id, f.municipality]));

  // Visits from three weeks back to one week ahead, never more than a slot's places.
  const slots = new Map<string, Insertable<VisitSlotTable> & { booked: number }>();
  const visits: Insertable<VisitTable>[] = [];
  const links: Insertable<VisitVisitorTable>[] = [];
  type Room = { id: string; plan: RoomPlan; templates: Insertable<VisitSlotTemplateTable>[] };
  const book = async (
    inmate: (typeof chosen)[number],
    room: Room,
    date: string,
    template: Insertable<VisitSlotTemplateTable>,
    who: Insertable<VisitorTable>[],
  ) => {
    const key = `${room.id} ${date} ${template.start_time}`;
    const slot = slots.get(key) ?? {
      id: idFrom(rng),
      room_id: room.id,
      on_date: date,
      start_time: template.start_time,
      end_time: template.end_time,
      capacity: template.capacity,
      booked: 0,
      template_id: template.id ?? null,
      created_by: null,
    };
    if (slot.booked >= slot.capacity) return;
    slot.booked++;
    slots.set(key, slot);
    const id = idFrom(rng);
    const past = date < today;
    const assessed = past
      ? null
      : await booking.assess({
          facilityId: inmate.facility_id,
          municipality: municipalityOf.get(inmate.facility_id) ?? '',
          roomKind: room.plan.kind,
          date,
          visitors: who,
          birthDate: births.get(inmate.id) ?? null,
        });
    visits.push({
      id,
      person_id: inmate.id,
      facility_id: inmate.facility_id,
      room_id: room.id,
      starts_at: osloInstant(date, template.start_time),
      ends_at: osloInstant(date, template.end_time),
      status: past ? 'completed' : 'booked',
      created_by: null,
      kind: room.plan.kind === 'video' ? 'video' : 'ordinary',
      slot_id: slot.id,
      external_visitor: null,
      factors: assessed ? JSON.stringify(assessed.snapshot) : null,
      recommendation: assessed?.recommendation ?? 'grant',
      outcome: assessed?.outcome ?? (room.plan.kind === 'glass_wall' ? 'grant_with_conditions' : 'grant'),
      conditions: assessed?.conditions ?? (room.plan.kind === 'glass_wall' ? ['glass_wall', 'distance'] : []),
      justification: assessed?.justification ?? null,
      legal_reference: LEGAL_REFERENCE,
      decided_by_name: 'Demo betjent',
    });
    for (const v of who) links.push({ visit_id: id, visitor_id: v.id as string });
  };
  for (const inmate of chosen) {
    const own = approvedOf.get(inmate.id) ?? [];
    const facilityRooms = roomsOf.get(inmate.facility_id) ?? [];
    if (own.length === 0 || facilityRooms.length === 0) continue;
    const count = inmate.id === fixtureId ? 3 : rng.int(1, 2);
    for (let n = 0; n < count; n++) {
      const room = rng.pick(facilityRooms.filter((r) => r.plan.kind !== 'official'));
      const date = addDays(today, rng.int(-21, 7));
      const template = room.templates.find((t) => t.weekday === isoWeekday(date));
      if (!template) continue;
      await book(
        inmate,
        room,
        date,
        template,
        own.slice(0, room.plan.kind === 'child_friendly' ? own.length : 1),
      );
    }
  }
  // The fixture's spouse also has an ordinary visit booked in the next few days.
  const fixture = chosen.find((i) => i.id === fixtureId);
  const spouse = fixture ? approvedOf.get(fixture.id)?.[0] : undefined;
  if (fixture && spouse)
    for (let d = 1; d <= 4; d++) {
      const date = addDays(today, d);
      const room = (roomsOf.get(fixture.facility_id) ?? []).find(
        (r) => r.plan.kind === 'ordinary' && r.templates.some((t) => t.weekday === isoWeekday(date)),
      );
      const template = room?.templates.find((t) => t.weekday === isoWeekday(date));
      if (!room || !template) continue;
      await book(fixture, room, date, template, [spouse]);
      break;
    }

  const chunked = async <T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 500) await write(rows.slice(i, i + 500));
  };
  await chunked(rooms, (c) => db.insertInto('visiting_room').values(c).execute());
  await chunked(templates, (c) => db.insertInto('visit_slot_template').values(c).execute());
  await chunked(visitors, (c) => db.insertInto('visitor').values(c).execute());
  await chunked([...slots.values()], (c) => db.insertInto('visit_slot').values(c).execute());
  await chunked(visits, (c) => db.insertInto('visit').values(c).execute());
  await chunked(links, (c) => db.insertInto('visit_visitor').values(c).execute());
}

/**
 * The assessment a demo visit ahead was booked on: the infection situation and staffing of today,
 * and the visit measures in force nationally on the visit's date. The outcome follows the
 * recommendation; where that was video or a refusal, the visit was granted with conditions on a
 * written justification, as a person may decide.
 */
async function bookingFacts(db: Kysely<Database>, today: string) {
  const { items } = await createInfectionService(db, fixedClock(today)).municipalities(today);
  const byName = new Map(items.map((i) => [i.municipality.toLowerCase(), i]));
  const area = (municipality: string): AreaSituation => {
    const s = byName.get(municipality.toLowerCase());
    return { municipality, level: s?.level ?? 'unknown', trend: s?.trend ?? 'unknown' };
  };
  const national: Measure[] = (
    await db.selectFrom('measure').selectAll().where('scope_kind', '=', 'national').execute()
  ).map((m) => ({
    id: m.id,
    type: m.type as MeasureType,
    level: m.level,
    scopeKind: m.scope_kind,
    scopeId: null,
    validFrom: m.valid_from,
    validTo: m.valid_to,
    reviewDate: m.review_date,
    endedOn: m.ended_on,
  }));
  const repo = createVisitsRepository(db);
  const staffing = new Map<string, { total: number; quarantined: number }>();
  return {
    async assess(v: {
      facilityId: string;
      municipality: string;
      roomKind: VisitingRoomTable['kind'];
      date: string;
      visitors: readonly Insertable<VisitorTable>[];
      birthDate: string | null;
    }) {
      const staff = staffing.get(v.facilityId) ?? (await repo.staffing(v.facilityId, today));
      staffing.set(v.facilityId, staff);
      const visits = inForceFor(national, { facilityId: v.facilityId, orgUnitIds: [] }, v.date).find(
        (e) => e.type === 'visits',
      );
      const a = assessVisit({
        kind: 'ordinary',
        roomKind: v.roomKind,
        facilityArea: area(v.municipality),
        visitorAreas: v.visitors.map((x) => ({ ...area(x.home_municipality), visitor: x.name })),
        publicTransport: v.visitors.some((x) => x.public_transport === true),
        videoAvailable: true,
        staffInQuarantine: staff.quarantined,
        staffTotal: staff.total,
        visitsLevel: (visits?.measure.level ?? null) as VisitsLevel | null,
        childVisitor: v.visitors.some(
          (x) => x.relation === 'child' && isMinorOn(x.birth_date ?? null, x.minor === true, v.date),
        ),
        minorInmate: isMinorOn(v.birthDate, false, v.date),
      });
      const outcome: Outcome =
        a.outcome === 'grant' || a.outcome === 'grant_with_conditions' ? a.outcome : 'grant_with_conditions';
      return {
        snapshot: {
          factors: a.factors,
          score: a.score,
          reasons: a.reasons.map((r) => r.code),
          conditions: a.conditions,
          assessedOn: addDays(today, -17),
        },
        recommendation: a.outcome,
        outcome,
        conditions: outcome === a.outcome ? a.conditions : conditionsFor(outcome, v.roomKind),
        justification: needsJustification(a.outcome, outcome)
          ? 'Vurdert konkret: besøket kan gjennomføres med avstand (demo).'
          : null,
      };
    },
  };
}
