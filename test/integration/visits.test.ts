import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.ts';
import { dialects } from '../support/db.ts';
import { buildPerson } from '../support/world.ts';

// The test world's today is Monday 2026-11-23.
const WED = '2026-11-25';
const THU = '2026-11-26'; // press and politician visits postponed at prison A
const FRI = '2026-11-27'; // visits stopped at prison A
const SAT = '2026-11-28'; // prison A's ordinary room closed

describe.each(dialects())('visits on %s', (dialect) => {
  let t: TestApp;
  let inmate: Awaited<ReturnType<typeof buildPerson>>;
  let other: Awaited<ReturnType<typeof buildPerson>>;
  const room = { ordinary: '', glass: '', video: '', official: '', media: '' };
  let worker: Session;
  let officer: Session;
  let leader: Session;
  const visitor = { spouse: '', friend: '', pending: '' };

  const headers = (s: Session) => ({ ...s.headers, 'accept-language': 'en' });
  const post = (s: Session, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: headers(s), payload });
  const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: headers(s) });
  const request = (over: object = {}) => ({
    kind: 'ordinary',
    visitorIds: [visitor.spouse],
    roomId: room.ordinary,
    date: WED,
    startTime: '10:00',
    ...over,
  });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    inmate = await buildPerson(t.db, {
      givenName: 'Besøkt',
      familyName: 'Innsatt',
      facilityId: t.world.prisonA,
      status: 'admitted',
      bedId: t.world.bedsA[0],
    });
    other = await buildPerson(t.db, {
      givenName: 'Annen',
      familyName: 'Vestby',
      facilityId: t.world.prisonB,
      status: 'admitted',
      bedId: t.world.bedsB[0],
    });
    worker = await login(t.app, 'case_worker');
    officer = await login(t.app, 'officer');
    leader = await login(t.app, 'unit_leader');

    // Rooms are made through the API by the prison's own staff.
    for (const [key, kind, name] of [
      ['ordinary', 'ordinary', 'Besøksrom 1'],
      ['glass', 'glass_wall', 'Glassrommet'],
      ['video', 'video', 'Videorom'],
      ['official', 'official', 'Advokatrom'],
      ['media', 'media', 'Presserom'],
    ] as const) {
      const res = await post(leader, `/api/v1/facilities/${t.world.prisonA}/visiting-rooms`, {
        name,
        kind,
        capacity: 4,
      });
      expect(res.statusCode, res.body).toBe(201);
      const created = (res.json() as { rooms: { id: string; name: string }[] }).rooms.find(
        (r) => r.name === name,
      );
      room[key] = created?.id ?? '';
      for (let weekday = 1; weekday <= 7; weekday++) {
        const tpl = await post(leader, `/api/v1/visiting-rooms/${room[key]}/templates`, {
          weekday,
          startTime: key === 'video' ? '14:00' : '10:00',
          endTime: key === 'video' ? '14:30' : '11:00',
          capacity: 3,
        });
        expect(tpl.statusCode, tpl.body).toBe(201);
      }
    }
    const closed = await post(leader, `/api/v1/facilities/${t.world.prisonA}/visit-closures`, {
      roomId: room.ordinary,
      fromDate: SAT,
      toDate: SAT,
      reason: 'Vannlekkasje i besøksavdelingen',
    });
    expect(closed.statusCode, closed.body).toBe(201);

    // The infection situation: Bergen rising, Oslo and Trondheim low and stable.
    const level = (municipality: string, on_date: string, incidence_14d: number) => ({
      id: randomUUID(),
      municipality,
      on_date,
      incidence_14d,
      source: 'manual' as const,
      entered_by: null,
    });
    await t.db
      .insertInto('infection_level')
      .values([
        level('Oslo', '2026-11-16', 10),
        level('Oslo', '2026-11-23', 10),
        level('Bergen', '2026-11-16', 20),
        level('Bergen', '2026-11-23', 30),
        level('Trondheim', '2026-11-16', 5),
        level('Trondheim', '2026-11-23', 5),
      ])
      .execute();
    const measure = (type: string, level: string | null, on: string) => ({
      id: randomUUID(),
      type,
      level,
      scope_kind: 'facility' as const,
      org_unit_id: null,
      facility_id: t.world.prisonA,
      reason: 'test',
      decided_by: null,
      decided_by_name: 'Test',
      valid_from: on,
      valid_to: on,
      review_date: on,
      ended_on: null,
      ended_by: null,
    });
    await t.db
      .insertInto('measure')
      .values([measure('visits', 'stopped', FRI), measure('media_politician_visits_postponed', null, THU)])
      .execute();

    // Two approved visitors and one pending.
    const apply = async (body: object) => {
      const res = await post(worker, `/api/v1/people/${inmate.personId}/visitors`, body);
      expect(res.statusCode, res.body).toBe(201);
      const list = (res.json() as { visitors: { id: string; name: string; version: number }[] }).visitors;
      return list.at(-1) as { id: string; version: number };
    };
    const spouse = await apply({
      name: 'Kari Innsatt',
      relation: 'spouse',
      homeMunicipality: 'Trondheim',
      policeCheck: 'clear',
      policeCheckDate: '2026-10-01',
    });
    const friend = await apply({
      name: 'Per Venn',
      relation: 'friend',
      homeMunicipality: 'Bergen',
      publicTransport: true,
      policeCheck: 'clear',
      policeCheckDate: '2026-10-02',
    });
    const pending = await apply({ name: 'Ola Ventende', relation: 'friend', homeMunicipality: 'Oslo' });
    for (const v of [spouse, friend]) {
      const res = await post(worker, `/api/v1/people/${inmate.personId}/visitors/${v.id}/decision`, {
        version: v.version,
        decision: 'approved',
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    visitor.spouse = spouse.id;
    visitor.friend = friend.id;
    visitor.pending = pending.id;
  });
  afterAll(() => t.close());

  describe('approved visitors', () => {
    it('counts close family as one place and refuses a fifth place with a field error', async () => {
      const p = await buildPerson(t.db, {
        givenName: 'Mange',
        familyName: 'Venner',
        facilityId: t.world.prisonA,
      });
      const url = `/api/v1/people/${p.personId}/visitors`;
      for (const relation of ['spouse', 'child', 'parent', 'sibling', 'friend', 'friend', 'other']) {
        const res = await post(worker, url, {
          name: `Besøkende ${relation}`,
          relation,
          homeMunicipality: 'Oslo',
        });
        expect(res.statusCode, `${relation}: ${res.body}`).toBe(201);
      }
      const list = (await get(worker, url)).json() as { placesUsed: number; visitors: unknown[] };
      expect(list.placesUsed).toBe(4);
      expect(list.visitors).toHaveLength(7);
      const fifth = await post(worker, url, {
        name: 'Femte Venn',
        relation: 'friend',
        homeMunicipality: 'Oslo',
      });
      expect(fifth.statusCode).toBe(422);
      expect(fifth.json().errors).toEqual([
        {
          path: 'relation',
          code: 'visitor_limit',
          message:
            'An inmate may have at most 4 approved visitors (close family counts as one). 4 of 4 are in use, and this application would make 5.',
        },
      ]);
      // More close family still fits: the family already has its place.
      const cousin = await post(worker, url, {
        name: 'Enda en søster',
        relation: 'sibling',
        homeMunicipality: 'Oslo',
      });
      expect(cousin.statusCode).toBe(201);
    });

    it('requires a written reason to refuse, records the decision once, and leaves it to visits.decide', async () => {
      const url = `/api/v1/people/${inmate.personId}/visitors/${visitor.pending}/decision`;
      const noReason = await post(worker, url, { version: 1, decision: 'refused' });
      expect(noReason.statusCode).toBe(422);
      expect(noReason.json().errors[0]).toMatchObject({ path: 'reason', code: 'visitor_reason_required' });
      expect((await post(officer, url, { version: 1, decision: 'approved' })).statusCode).toBe(403);
      const refused = await post(worker, url, {
        version: 1,
        decision: 'refused',
        reason: 'Ukjent tilknytning',
      });
      expect(refused.statusCode).toBe(200);
      const v = (
        refused.json() as { visitors: { id: string; status: string; decisionReason: string }[] }
      ).visitors.find((x) => x.id === visitor.pending);
      expect(v).toMatchObject({ status: 'refused', decisionReason: 'Ukjent tilknytning' });
      const again = await post(worker, url, { version: 2, decision: 'approved' });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('visitor_decided');
    });
  });

  describe('the checks, in order, each naming the problem', () => {
    const assessThenBook = async (over: object) => {
      const url = `/api/v1/people/${inmate.personId}/visits`;
      const preview = await post(officer, `${url}/assessment`, request(over));
      expect(preview.statusCode, preview.body).toBe(200);
      const booked = await post(officer, url, { ...request(over), outcome: 'grant' });
      return { preview: preview.json(), booked };
    };

    it('refuses a date in the past', async () => {
      const { preview, booked } = await assessThenBook({ date: '2026-11-20' });
      expect(preview.refusal).toMatchObject({ code: 'visit_date_past', field: 'date' });
      expect(booked.statusCode).toBe(422);
      expect(booked.json().errors[0]).toEqual({
        path: 'date',
        code: 'visit_date_past',
        message: 'The date 2026-11-20 has passed. Choose today or a later day.',
      });
    });

    it('refuses a time the room does not have', async () => {
      const { booked } = await assessThenBook({ startTime: '12:00' });
      expect(booked.statusCode).toBe(422);
      expect(booked.json().errors[0]).toMatchObject({ path: 'startTime', code: 'visit_slot_missing' });
    });

    it('refuses a room of another prison', async () => {
      const [roomB] = await t.db
        .insertInto('visiting_room')
        .values({
          id: randomUUID(),
          facility_id: t.world.prisonB,
          name: 'Vest 1',
          kind: 'ordinary',
          capacity: 2,
        })
        .returning('id')
        .execute();
      const { booked } = await assessThenBook({ roomId: roomB?.id });
      expect(booked.json().errors[0]).toMatchObject({ path: 'roomId', code: 'visit_room_wrong_facility' });
    });

    it('refuses a closed day with the reason written on the closure', async () => {
      const { preview, booked } = await assessThenBook({ date: SAT });
      expect(preview.refusal.message).toBe(
        'The visiting room is closed on 2026-11-28: Vannlekkasje i besøksavdelingen',
      );
      expect(booked.json().errors[0]).toMatchObject({ path: 'date', code: 'visit_room_closed' });
    });

    it('refuses a visitor not approved for this inmate', async () => {
      const { booked } = await assessThenBook({ visitorIds: [visitor.pending] });
      expect(booked.statusCode).toBe(422);
      expect(booked.json().errors[0]).toEqual({
        path: 'visitorIds.0',
        code: 'visit_visitor_not_approved',
        message: 'Ola Ventende is not approved as a visitor for this inmate.',
      });
    });

    it('refuses an in-person visit when the measure has stopped visits, and offers video times', async () => {
      const { preview, booked } = await assessThenBook({ date: FRI });
      expect(preview.refusal).toMatchObject({ code: 'visit_measure_stopped', field: 'kind' });
      expect(preview.recommendation.outcome).toBe('video_instead');
      expect(preview.videoOffers.length).toBeGreaterThan(0);
      expect(preview.videoOffers[0]).toMatchObject({ roomId: room.video, date: FRI, startTime: '14:00' });
      expect(booked.json().errors[0]).toMatchObject({ path: 'kind', code: 'visit_measure_stopped' });
      // The video visit that day is booked in the ordinary way.
      const video = await post(officer, `/api/v1/people/${inmate.personId}/visits`, {
        ...request({ date: FRI, roomId: room.video, startTime: '14:00' }),
        outcome: 'grant',
      });
      expect(video.statusCode, video.body).toBe(201);
      expect(video.json()).toMatchObject({ kind: 'video', status: 'booked', outcome: 'grant' });
    });

    it('never stops an official visit, even when visits are stopped', async () => {
      const res = await post(officer, `/api/v1/people/${inmate.personId}/visits`, {
        ...request({
          date: FRI,
          kind: 'official',
          roomId: room.official,
          visitorIds: [],
          externalVisitor: 'Advokat Lund',
        }),
        outcome: 'grant',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ kind: 'official', externalVisitor: 'Advokat Lund' });
    });

    it('postpones press visits in person while keeping the right to speak to the media', async () => {
      const { booked } = await assessThenBook({
        date: THU,
        kind: 'media',
        roomId: room.media,
        visitorIds: [],
        externalVisitor: 'Journalist Berg',
      });
      expect(booked.statusCode).toBe(422);
      expect(booked.json().errors[0].code).toBe('visit_media_postponed');
      expect(booked.json().errors[0].message).toContain('may still speak to the media');
    });

    it('applies the inmate’s restriction: glass wall only', async () => {
      const p = await buildPerson(t.db, {
        givenName: 'Begrenset',
        familyName: 'Besøk',
        facilityId: t.world.prisonA,
        status: 'admitted',
        bedId: t.world.bedsA[1],
      });
      const v = await post(worker, `/api/v1/people/${p.personId}/visitors`, {
        name: 'Mor Besøk',
        relation: 'parent',
        homeMunicipality: 'Trondheim',
      });
      const id = (v.json() as { visitors: { id: string }[] }).visitors[0]?.id as string;
      await post(worker, `/api/v1/people/${p.personId}/visitors/${id}/decision`, {
        version: 1,
        decision: 'approved',
      });
      const restricted = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/people/${p.personId}/visit-restriction`,
        headers: headers(worker),
        payload: { kind: 'glass_wall_only', reason: 'Funn ved forrige besøk', validFrom: '2026-11-01' },
      });
      expect(restricted.statusCode, restricted.body).toBe(200);
      const res = await post(officer, `/api/v1/people/${p.personId}/visits`, {
        ...request({ visitorIds: [id] }),
        outcome: 'grant',
      });
      expect(res.json().errors[0]).toEqual({
        path: 'roomId',
        code: 'visit_restriction_glass_wall',
        message: 'The inmate may only have visits behind a glass wall (or by video): Funn ved forrige besøk',
      });
      const glass = await post(officer, `/api/v1/people/${p.personId}/visits`, {
        ...request({ visitorIds: [id], roomId: room.glass }),
        outcome: 'grant',
      });
      expect(glass.statusCode, glass.body).toBe(201);
    });
  });

  describe('the infection-aware assessment and the human decision', () => {
    it('books a plain visit when nothing speaks against it', async () => {
      const preview = (
        await post(officer, `/api/v1/people/${inmate.personId}/visits/assessment`, request())
      ).json();
      expect(preview.refusal).toBeNull();
      expect(preview.recommendation).toMatchObject({ outcome: 'grant', conditions: [] });
      expect(preview.factors.map((f: { code: string }) => f.code)).toEqual([
        'facility_infection',
        'visitor_infection',
        'public_transport',
        'premises',
        'staffing',
        'visits_measure',
        'child_contact',
        'minor_inmate',
      ]);
      const res = await post(officer, `/api/v1/people/${inmate.personId}/visits`, {
        ...request(),
        outcome: 'grant',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        status: 'booked',
        recommendation: 'grant',
        outcome: 'grant',
        date: WED,
        startTime: '10:00',
        endTime: '11:00',
        legalReference: expect.stringContaining('§ 31'),
      });
    });

    it('books with conditions behind the glass wall when infection rises where the visitor lives', async () => {
      const body = request({ visitorIds: [visitor.friend], roomId: room.glass });
      const preview = (
        await post(officer, `/api/v1/people/${inmate.personId}/visits/assessment`, body)
      ).json();
      expect(preview.recommendation.outcome).toBe('grant_with_conditions');
      expect(preview.recommendation.conditions).toEqual(['glass_wall', 'distance']);
      expect(
        preview.factors.find((f: { code: string }) => f.code === 'visitor_infection').value,
      ).toMatchObject({
        municipality: 'Bergen',
        trend: 'rising',
      });
      const res = await post(officer, `/api/v1/people/${inmate.personId}/visits`, {
        ...body,
        outcome: 'grant_with_conditions',
        conditions: ['glass_wall', 'distance'],
      });
      expect(res.statusCode, res.body).toBe(201);
      const visit = res.json();
      expect(visit).toMatchObject({
        outcome: 'grant_with_conditions',
        conditions: ['glass_wall', 'distance'],
      });
      expect(visit.factors).toHaveLength(8);
      const stored = await t.db
        .selectFrom('visit')
        .selectAll()
        .where('id', '=', visit.id)
        .executeTakeFirstOrThrow();
      expect(stored.recommendation).toBe('grant_with_conditions');
      expect((stored.factors as { factors: unknown[] }).factors).toHaveLength(8);
    });

    it('recommends video instead in an ordinary room, and books the offered video time', async () => {
      const body = request({ visitorIds: [visitor.friend] });
      const preview = (
        await post(officer, `/api/v1/people/${inmate.personId}/visits/assessment`, body)
      ).json();
      expect(preview.recommendation.outcome).toBe('video_instead');
      const offer = preview.videoOffers[0];
      expect(offer).toMatchObject({ roomId: room.video, roomKind: 'video' });
      const res = await post(officer, `/api/v1/people/${inmate.personId}/visits`, {
        ...body,
        outcome: 'video_instead',
        videoSlot: { roomId: offer.roomId, date: offer.date, startTime: offer.startTime },
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ kind: 'video', outcome: 'video_instead', room: { id: room.video } });
    });

    it('requires a written justification to go against the recommendation, and visits.decide to do it', async () => {
      const body = {
        ...request({ visitorIds: [visitor.friend] }),
        outcome: 'grant_with_conditions',
        conditions: ['distance'],
      };
      const url = `/api/v1/people/${inmate.personId}/visits`;
      const missing = await post(worker, url, body);
      expect(missing.statusCode).toBe(422);
      expect(missing.json().errors[0]).toEqual({
        path: 'justification',
        code: 'visit_justification_required',
        message:
          'Write a justification when the decision departs from the recommendation or the visit is refused.',
      });
      const notAllowed = await post(officer, url, { ...body, justification: 'Far til barn under 18' });
      expect(notAllowed.statusCode).toBe(403);
      expect(notAllowed.json().code).toBe('visit_decide_forbidden');
      const ok = await post(worker, url, { ...body, justification: 'Eneste besøk på tre måneder' });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json()).toMatchObject({
        justification: 'Eneste besøk på tre måneder',
        recommendation: 'video_instead',
      });
      // A refusal is recorded, with its justification, and takes no place.
      const refusedNoReason = await post(officer, url, { ...request(), outcome: 'refuse' });
      expect(refusedNoReason.json().errors[0].path).toBe('justification');
      const refused = await post(officer, url, {
        ...request(),
        outcome: 'refuse',
        justification: 'Besøket ønskes utsatt',
      });
      expect(refused.statusCode).toBe(201);
      expect(refused.json()).toMatchObject({ status: 'refused', outcome: 'refuse' });
    });

    it('cancels with the version, frees the place, and refuses a stale or second cancel', async () => {
      const url = `/api/v1/people/${inmate.personId}/visits`;
      const booked = (
        await post(officer, url, { ...request({ date: '2026-12-02' }), outcome: 'grant' })
      ).json();
      const before = (
        await get(officer, `/api/v1/facilities/${t.world.prisonA}/visit-slots?date=2026-12-02`)
      ).json();
      const slot = before.slots.find((s: { roomId: string }) => s.roomId === room.ordinary);
      expect(slot).toMatchObject({ booked: 1, free: 2 });
      const stale = await post(officer, `${url}/${booked.id}/cancel`, { version: 2 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('stale_version');
      const ok = await post(officer, `${url}/${booked.id}/cancel`, { version: 1, reason: 'Syk' });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Syk', version: 2 });
      const after = (
        await get(officer, `/api/v1/facilities/${t.world.prisonA}/visit-slots?date=2026-12-02`)
      ).json();
      expect(after.slots.find((s: { roomId: string }) => s.roomId === room.ordinary)).toMatchObject({
        booked: 0,
      });
      const twice = await post(officer, `${url}/${booked.id}/cancel`, { version: 2 });
      expect(twice.json().code).toBe('visit_not_cancellable');
    });
  });

  describe('scope and audit', () => {
    it('keeps another prison’s inmate and rooms out of reach, and audits every read and booking', async () => {
      const b = await login(t.app, 'case_worker_b');
      expect((await get(b, `/api/v1/people/${inmate.personId}/visitors`)).statusCode).toBe(403);
      expect((await get(b, `/api/v1/people/${inmate.personId}/visits`)).statusCode).toBe(403);
      expect((await get(b, `/api/v1/facilities/${t.world.prisonA}/visiting-rooms`)).statusCode).toBe(403);
      expect((await get(worker, `/api/v1/people/${other.personId}/visitors`)).statusCode).toBe(403);
      const listed = await get(worker, `/api/v1/people/${inmate.personId}/visits`);
      expect(listed.statusCode).toBe(200);
      const actions = await t.db
        .selectFrom('audit_event')
        .select('action')
        .where('person_id', '=', inmate.personId)
        .execute();
      const seen = new Set(actions.map((a) => a.action));
      for (const a of [
        'visitor.apply',
        'visitor.decide',
        'visitor.list',
        'visit.assess',
        'visit.book',
        'visit.cancel',
        'visit.list',
      ])
        expect(seen, a).toContain(a);
      const facilities = (await get(b, '/api/v1/visits/facilities')).json() as { items: { id: string }[] };
      expect(facilities.items.map((f) => f.id)).not.toContain(t.world.prisonA);
    });
  });

  describe('the review of booked visits when a measure changes', () => {
    const DAY = '2026-12-08'; // a Tuesday; visits are stopped at prison A on it after the bookings
    const LATER = '2026-12-15'; // a Tuesday with no stop: only the infection situation changes
    let reviewed: Awaited<ReturnType<typeof buildPerson>>;
    let mother = '';
    let brother = '';
    const url = () => `/api/v1/people/${reviewed.personId}/visits`;
    const reviewList = async (s: Session = worker) => {
      const res = await get(s, `/api/v1/visits/review?facilityId=${t.world.prisonA}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as {
        items: {
          visit: { id: string; version: number };
          person: { id: string };
          changes: { code: string; text: { nb: string; en: string } }[];
          recommended: string;
          stricter: boolean;
          now: { block: { code: string } | null; recommendation: string; conditions: string[] };
        }[];
        reviewed: { visit: { id: string; status: string } }[];
      };
    };
    const slotOn = async (roomId: string, date: string, start: string) =>
      t.db
        .selectFrom('visit_slot')
        .selectAll()
        .where('room_id', '=', roomId)
        .where('on_date', '=', date)
        .where('start_time', '=', start)
        .executeTakeFirst();
    const book = async (over: object) => {
      const res = await post(officer, url(), {
        ...request({ visitorIds: [mother], ...over }),
        outcome: 'grant',
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; version: number; status: string };
    };
    let first: { id: string; version: number };
    let second: { id: string; version: number };
    let third: { id: string; version: number };

    beforeAll(async () => {
      reviewed = await buildPerson(t.db, {
        givenName: 'Vurdert',
        familyName: 'Besøk',
        facilityId: t.world.prisonA,
        status: 'admitted',
        bedId: t.world.bedsA[2],
      });
      for (const [name, relation, municipality] of [
        ['Mor Vurdert', 'parent', 'Drammen'],
        ['Bror Vurdert', 'sibling', 'Drammen'],
      ] as const) {
        const res = await post(worker, `/api/v1/people/${reviewed.personId}/visitors`, {
          name,
          relation,
          homeMunicipality: municipality,
        });
        const v = (res.json() as { visitors: { id: string; name: string }[] }).visitors.find(
          (x) => x.name === name,
        );
        const decided = await post(worker, `/api/v1/people/${reviewed.personId}/visitors/${v?.id}/decision`, {
          version: 1,
          decision: 'approved',
        });
        expect(decided.statusCode, decided.body).toBe(200);
        if (relation === 'parent') mother = v?.id ?? '';
        else brother = v?.id ?? '';
      }
      // Drammen is low and stable when the visits are booked.
      await t.db
        .insertInto('infection_level')
        .values(
          [
            ['2026-11-16', 5],
            ['2026-11-23', 5],
          ].map(([on_date, incidence_14d]) => ({
            id: randomUUID(),
            municipality: 'Drammen',
            on_date: on_date as string,
            incidence_14d: incidence_14d as number,
            source: 'manual' as const,
            entered_by: null,
          })),
        )
        .execute();
      first = await book({ date: DAY });
      second = await book({ date: DAY, visitorIds: [brother] });
      third = await book({ date: LATER, roomId: room.glass, startTime: '10:00' });
    });

    it('lists nothing while the facts are as they were at booking', async () => {
      const list = await reviewList();
      const mine = list.items.filter((i) => i.person.id === reviewed.personId);
      expect(mine).toEqual([]);
    });

    it('lists the visits a visit stop affects, naming what changed, once the stop is set', async () => {
      await t.db
        .insertInto('measure')
        .values({
          id: randomUUID(),
          type: 'visits',
          level: 'stopped',
          scope_kind: 'facility',
          org_unit_id: null,
          facility_id: t.world.prisonA,
          reason: 'Smitteutbrudd i avdeling A',
          decided_by: null,
          decided_by_name: 'Test',
          valid_from: '2026-12-07',
          valid_to: '2026-12-10',
          review_date: '2026-12-07',
          ended_on: null,
          ended_by: null,
        })
        .execute();
      const list = await reviewList();
      const mine = list.items.filter((i) => i.person.id === reviewed.personId);
      expect(mine.map((i) => i.visit.id).sort()).toEqual([first.id, second.id].sort());
      const item = mine.find((i) => i.visit.id === first.id);
      expect(item).toMatchObject({
        recommended: 'video_instead',
        stricter: true,
        now: { block: { code: 'visit_measure_stopped' }, recommendation: 'video_instead' },
      });
      expect(item?.changes.map((c) => c.code)).toEqual(['visits_measure', 'recommendation', 'block']);
      expect(item?.changes[0]?.text).toEqual({
        nb: 'Besøkstiltak på besøksdagen: ingen besøkstiltak → besøk stanset',
        en: 'Visit measure on the day of the visit: no visit measure → visits stopped',
      });
      expect(item?.changes[2]?.text.en).toContain('Visits are stopped at the prison');
      // The person page shows the visit as under review, with the same changes.
      const visits = (await get(worker, url())).json() as {
        items: { id: string; review: { pending: { changes: unknown[] } | null } }[];
      };
      expect(visits.items.find((v) => v.id === first.id)?.review.pending?.changes).toHaveLength(3);
      expect(visits.items.find((v) => v.id === third.id)?.review.pending).toBeNull();
    });

    it('refuses to keep a stopped visit, and to cancel without a reason, naming the field', async () => {
      const keep = await post(worker, `${url()}/${first.id}/review`, {
        version: first.version,
        action: 'keep',
        justification: 'Viktig besøk',
      });
      expect(keep.statusCode).toBe(422);
      expect(keep.json().errors[0]).toMatchObject({ path: 'action', code: 'visit_review_blocked' });
      const cancel = await post(worker, `${url()}/${first.id}/review`, {
        version: first.version,
        action: 'cancel',
      });
      expect(cancel.statusCode).toBe(422);
      expect(cancel.json().errors).toEqual([
        {
          path: 'justification',
          code: 'visit_review_reason_required',
          message: 'Write why the visit is cancelled. The reason is shown to the visitor.',
        },
      ]);
      // Reviewing is a decision: visits.decide.
      const officerTry = await post(officer, `${url()}/${first.id}/review`, {
        version: first.version,
        action: 'cancel',
        justification: 'Stans',
      });
      expect(officerTry.statusCode).toBe(403);
    });

    it('refuses a stale version, and gives one of two concurrent reviews a 409', async () => {
      const stale = await post(worker, `${url()}/${first.id}/review`, {
        version: first.version + 1,
        action: 'cancel',
        justification: 'Stans',
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('stale_version');
      const both = await Promise.all(
        ['Besøk stanset ved utbrudd', 'Avlyst etter ny vurdering'].map((justification) =>
          post(worker, `${url()}/${first.id}/review`, {
            version: first.version,
            action: 'cancel',
            justification,
          }),
        ),
      );
      expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const reviews = await t.db
        .selectFrom('visit_review')
        .selectAll()
        .where('visit_id', '=', first.id)
        .execute();
      expect(reviews).toHaveLength(1);
    });

    it('cancels with a reason: the place is given back, the review and the audit row written', async () => {
      const row = await t.db
        .selectFrom('visit')
        .selectAll()
        .where('id', '=', first.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'cancelled', version: first.version + 1 });
      const slot = await slotOn(room.ordinary, DAY, '10:00');
      // Two were booked on the day; one place is back.
      expect(slot?.booked).toBe(1);
      const [review] = await t.db
        .selectFrom('visit_review')
        .selectAll()
        .where('visit_id', '=', first.id)
        .execute();
      expect(review).toMatchObject({
        action: 'cancel',
        outcome: 'refuse',
        recommendation_then: 'grant',
        recommendation_now: 'video_instead',
        block_now: 'visit_measure_stopped',
        reviewed_by_name: expect.any(String),
      });
      expect(row.cancel_reason).toBe(review?.justification);
      const audits = await t.db
        .selectFrom('audit_event')
        .select(['action', 'details'])
        .where('person_id', '=', reviewed.personId)
        .where('action', 'in', ['visit.review', 'visit.review.list'])
        .execute();
      expect(audits.map((a) => a.action)).toContain('visit.review');
      expect(audits.map((a) => a.action)).toContain('visit.review.list');
      // Off the list of visits awaiting review, onto the list of those reviewed.
      const list = await reviewList();
      expect(list.items.map((i) => i.visit.id)).not.toContain(first.id);
      expect(list.reviewed.find((r) => r.visit.id === first.id)).toMatchObject({
        visit: { status: 'cancelled' },
      });
      // The visitor's notice says what changed and why, in bokmål and English.
      const notice = await get(worker, `/api/v1/visits/${first.id}/notice`);
      expect(notice.statusCode, notice.body).toBe(200);
      const n = notice.json().notice;
      expect(n.nb.paragraphs[0]).toBe('Til: Mor Vurdert');
      expect(n.nb.paragraphs[1]).toContain('er avlyst');
      expect(n.nb.paragraphs[2]).toBe(`Begrunnelse: ${review?.justification}`);
      expect(n.en.changes[0]).toBe(
        'Visit measure on the day of the visit: no visit measure → visits stopped',
      );
      expect(n.en.title).toBe('Notice of a change to a visit');
    });

    it('moves a stopped visit to a free video time the same day, in one step', async () => {
      const res = await post(worker, `${url()}/${second.id}/review`, {
        version: second.version,
        action: 'video',
        videoSlot: { roomId: room.video, date: DAY, startTime: '14:00' },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        kind: 'video',
        status: 'booked',
        outcome: 'video_instead',
        room: { id: room.video },
        date: DAY,
        startTime: '14:00',
        review: { pending: null, last: { action: 'video', from: { date: DAY, startTime: '10:00' } } },
      });
      expect((await slotOn(room.ordinary, DAY, '10:00'))?.booked).toBe(0);
      expect((await slotOn(room.video, DAY, '14:00'))?.booked).toBe(1);
    });

    it('sets new conditions when infection rises where the visitor lives, and takes them off the list', async () => {
      await t.db
        .updateTable('infection_level')
        .set({ incidence_14d: 40 })
        .where('municipality', '=', 'Drammen')
        .where('on_date', '=', '2026-11-23')
        .execute();
      const list = await reviewList();
      const item = list.items.find((i) => i.visit.id === third.id);
      expect(item?.now).toMatchObject({ block: null, conditions: ['glass_wall', 'distance'] });
      expect(item?.changes.map((c) => c.code)).toContain('visitor_infection');
      const noCondition = await post(worker, `${url()}/${third.id}/review`, {
        version: third.version,
        action: 'conditions',
        conditions: [],
      });
      expect(noCondition.json().errors[0]).toMatchObject({
        path: 'conditions',
        code: 'visit_conditions_required',
      });
      const ok = await post(worker, `${url()}/${third.id}/review`, {
        version: third.version,
        action: 'conditions',
        conditions: item?.now.conditions,
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({
        outcome: 'grant_with_conditions',
        conditions: ['glass_wall', 'distance'],
        review: { pending: null, last: { action: 'conditions' } },
      });
      const after = await reviewList();
      expect(after.items.map((i) => i.visit.id)).not.toContain(third.id);
    });

    it('keeps the review list and the notices out of reach outside the scope', async () => {
      const b = await login(t.app, 'case_worker_b');
      expect((await get(b, `/api/v1/visits/review?facilityId=${t.world.prisonA}`)).statusCode).toBe(403);
      expect((await get(b, `/api/v1/visits/${first.id}/notice`)).statusCode).toBe(403);
      const act = await post(b, `${url()}/${third.id}/review`, { version: 99, action: 'keep' });
      expect(act.statusCode).toBe(403);
    });
  });

  it('gives the last place in a slot to exactly one of 100 parallel bookings', async () => {
    const extra = await post(leader, `/api/v1/visiting-rooms/${room.ordinary}/slots`, {
      date: '2026-12-03',
      startTime: '18:00',
      endTime: '19:00',
      capacity: 2,
    });
    expect(extra.statusCode, extra.body).toBe(201);
    const url = `/api/v1/people/${inmate.personId}/visits`;
    const body = { ...request({ date: '2026-12-03', startTime: '18:00' }), outcome: 'grant' };
    expect((await post(officer, url, body)).statusCode).toBe(201);
    const results = await Promise.all(Array.from({ length: 100 }, () => post(officer, url, body)));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(99);
    for (const r of results.filter((x) => x.statusCode === 409))
      expect(r.json()).toMatchObject({
        code: 'visit_slot_full',
        title: 'The visiting time is fully booked. Choose another time.',
      });
    const slot = await t.db
      .selectFrom('visit_slot')
      .selectAll()
      .where('room_id', '=', room.ordinary)
      .where('on_date', '=', '2026-12-03')
      .executeTakeFirstOrThrow();
    expect(slot).toMatchObject({ capacity: 2, booked: 2 });
    const visits = await t.db
      .selectFrom('visit')
      .select('id')
      .where('slot_id', '=', slot.id)
      .where('status', '=', 'booked')
      .execute();
    expect(visits).toHaveLength(2);
  });
});
