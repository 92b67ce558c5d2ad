import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.ts';
import { dialects } from '../support/db.ts';
import { insertLeaveApplication } from '../support/leave.ts';
import { buildPerson, TODAY } from '../support/world.ts';

type Problem = { status: number; code: string; errors?: { path: string; code: string; message: string }[] };
type Assessment = {
  id: string;
  number: number;
  status: string;
  reviewDate: string;
  ratings: { purpose: string; score: number; level: string; proposals: string[] }[];
  securityLevel: string | null;
};
type Overview = {
  current: Assessment | null;
  history: { id: string; status: string }[];
  flags: { code: string; basis: string; source: string }[];
  restrictions: { id: string; kind: string; inForce: boolean; version: number }[];
  nonAssociations: { id: string; other: { id: string; name: string | null }; level: string }[];
};
type Restriction = {
  id: string;
  version: number;
  kind: string;
  moreRestrictive: boolean;
  assessmentId: string;
  inForce: boolean;
  lifted: { assessmentId: string; justification: string } | null;
};

const fields = (body: unknown) => ((body as Problem).errors ?? []).map((e) => `${e.path}:${e.code}`);

describe.each(dialects())('assessments, restrictions and non-associations on %s', (dialect) => {
  let t: TestApp;
  let worker: Session;
  let officer: Session;
  let workerB: Session;
  let serious: Awaited<ReturnType<typeof buildPerson>>;

  const post = (s: Session, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, payload, headers: s.headers });
  const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });

  const body = (over: object = {}) => ({
    supersedesId: null,
    occasion: 'intake',
    assessedOn: TODAY,
    informationSources: 'Dom, personundersøkelse, samtale ved innsettelse',
    needs: [
      { area: 'housing', level: 'significant', note: 'Uten fast bolig' },
      { area: 'substance_use', level: 'some', note: '' },
    ],
    resources: 'Har arbeidsgiver som vil ta ham tilbake',
    ratings: [
      { purpose: 'leave', probability: 4, consequence: 4, basis: 'Tidligere unndratt seg straff' },
      { purpose: 'visits', probability: 2, consequence: 3, basis: 'Innsmugling ved besøk før' },
    ],
    securityLevel: 'high',
    securityBasis: 'Alvorlig vold, flyktfare',
    organisedCriteria: [1, 2, 3, 5, 7, 11],
    interpreterLanguage: 'polsk',
    ...over,
  });

  const admitted = (givenName: string, bed: number) =>
    buildPerson(t.db, {
      givenName,
      familyName: 'Vurdert',
      facilityId: t.world.prisonA,
      status: 'admitted',
      bedId: t.world.bedsA[bed] as string,
    });

  beforeAll(async () => {
    t = await buildTestApp(dialect, { bedsPerPrison: 8 });
    worker = await login(t.app, 'case_worker');
    officer = await login(t.app, 'officer');
    workerB = await login(t.app, 'case_worker_b');
    serious = await admitted('Alvor', 0);
    // An offence on the judgment whose maximum penalty is 21 years.
    const judgment = await t.db
      .selectFrom('judgment')
      .select('id')
      .where('person_id', '=', serious.personId)
      .executeTakeFirstOrThrow();
    const messageId = randomUUID();
    await t.db
      .insertInto('integration_message')
      .values({
        id: messageId,
        message_key: `test-${messageId}`,
        contract_name: 'FULLBYRDELSESORDRE',
        channel: 'manual',
        transport: 'json',
        received_by: '00000000-0000-4000-8000-00000000e5a5',
        status: 'FEILET_MOTTAKER',
        receipt: JSON.stringify({}),
        payload: '{}',
        payload_sha256: 'x',
      } as never)
      .execute();
    await t.db
      .insertInto('judgment_offence')
      .values({
        id: randomUUID(),
        judgment_id: judgment.id,
        message_id: messageId,
        position: 1,
        legal_reference: 'Straffeloven § 275',
        description: 'Drap',
        max_penalty_months: 252,
        police_case_number: '1',
        statistics_group_code: '1',
        details: JSON.stringify({}),
      } as never)
      .execute();
  });
  afterAll(() => t.close());

  let first: Assessment;

  it('makes an assessment: risks on the matrix, the review date from the schedule, audited', async () => {
    const res = await post(worker, `/api/v1/people/${serious.personId}/assessments`, body());
    expect(res.statusCode, res.body).toBe(201);
    first = res.json() as Assessment;
    expect(first.number).toBe(1);
    expect(first.status).toBe('current');
    // 4 × 4 = 16 is high: the next review in 3 months.
    expect(first.reviewDate).toBe('2027-02-23');
    const leave = first.ratings.find((r) => r.purpose === 'leave');
    expect(leave).toMatchObject({ score: 16, level: 'high', proposals: ['leave_escorted_only', 'no_leave'] });
    expect(first.ratings.find((r) => r.purpose === 'visits')).toMatchObject({ score: 6, level: 'moderate' });
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'details'])
      .where('person_id', '=', serious.personId)
      .where('action', '=', 'assessment.create')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ significant: true, securityLevel: 'high' });
  });

  it('shows the flags, computed and recorded, each with its source', async () => {
    const res = await get(worker, `/api/v1/people/${serious.personId}/assessments`);
    expect(res.statusCode).toBe(200);
    const o = res.json() as Overview;
    expect(o.flags.map((f) => `${f.code}:${f.basis}`)).toEqual([
      'serious_crime:computed',
      'organised_crime:computed',
      'interpreter:recorded',
    ]);
    for (const f of o.flags) expect(f.source.length).toBeGreaterThan(10);
  });

  it('refuses a security level without its basis and an event without its name (422 per field)', async () => {
    const res = await post(
      worker,
      `/api/v1/people/${serious.personId}/assessments`,
      body({ supersedesId: first.id, occasion: 'event', securityBasis: ' ' }),
    );
    expect(res.statusCode).toBe(422);
    expect(fields(res.json())).toEqual([
      'eventDescription:assessment_event_required',
      'securityBasis:assessment_security_basis_required',
    ]);
  });

  it('versions: a new assessment must name the current one (409), and supersedes it', async () => {
    const stale = await post(worker, `/api/v1/people/${serious.personId}/assessments`, body());
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as Problem).code).toBe('assessment_stale');
    const next = await post(
      worker,
      `/api/v1/people/${serious.personId}/assessments`,
      body({ supersedesId: first.id, occasion: 'event', eventDescription: 'Trussel mot ansatt 20.11.' }),
    );
    expect(next.statusCode, next.body).toBe(201);
    const second = next.json() as Assessment;
    expect(second.number).toBe(2);
    const o = (await get(worker, `/api/v1/people/${serious.personId}/assessments`)).json() as Overview;
    expect(o.current?.id).toBe(second.id);
    expect(o.history.map((h) => h.status)).toEqual(['current', 'superseded']);
    // The history stays readable.
    const old = await get(worker, `/api/v1/assessments/${first.id}`);
    expect((old.json() as Assessment).status).toBe('superseded');
    first = second;
  });

  it('gives exactly one success to two assessments made at once on the same one', async () => {
    const person = await admitted('Samtidig', 5);
    const results = await Promise.all(
      [1, 2].map(() => post(worker, `/api/v1/people/${person.personId}/assessments`, body())),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('refuses a measure without justification (422 naming the field), writing nothing', async () => {
    const res = await post(worker, `/api/v1/people/${serious.personId}/restrictions`, {
      kind: 'leave_escorted_only',
    });
    expect(res.statusCode).toBe(422);
    expect(fields(res.json())).toEqual(['justification:restriction_justification_required']);
    const rows = await t.db
      .selectFrom('restriction')
      .select('id')
      .where('person_id', '=', serious.personId)
      .execute();
    expect(rows).toHaveLength(0);
  });

  it('demands a reason for more than the least restrictive measure, and a rated purpose', async () => {
    const url = `/api/v1/people/${serious.personId}/restrictions`;
    const more = await post(worker, url, { kind: 'no_leave', justification: 'Høy risiko for unndragelse' });
    expect(fields(more.json())).toEqual(['necessityJustification:restriction_necessity_required']);
    const unrated = await post(worker, url, { kind: 'escort_police', justification: 'Farlig' });
    expect(fields(unrated.json())).toEqual(['kind:restriction_not_rated']);
    const ok = await post(worker, url, {
      kind: 'no_leave',
      justification: 'Høy risiko for unndragelse',
      necessityJustification: 'Rømte under fremstilling i 2025',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const r = ok.json() as Restriction;
    expect(r).toMatchObject({
      kind: 'no_leave',
      moreRestrictive: true,
      assessmentId: first.id,
      inForce: true,
    });
    const visits = await post(worker, url, { kind: 'controlled_visits', justification: 'Innsmugling før' });
    expect(visits.statusCode).toBe(201);
    expect((visits.json() as Restriction).moreRestrictive).toBe(false);
  });

  it('makes "controlled visits" the inmate’s visit restriction until it is lifted', async () => {
    const res = await get(worker, `/api/v1/people/${serious.personId}/visitors`);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { restriction: unknown }).restriction).toMatchObject({
      kind: 'supervised_only',
      reason: 'Innsmugling før',
      validTo: null,
    });
  });

  it('lifts a measure only with a justification and the current assessment; 409 when stale', async () => {
    const o = (await get(worker, `/api/v1/people/${serious.personId}/assessments`)).json() as Overview;
    const r = o.restrictions.find((x) => x.kind === 'controlled_visits') as Overview['restrictions'][number];
    const url = `/api/v1/restrictions/${r.id}/lift`;
    const bare = await post(worker, url, { version: r.version });
    expect(fields(bare.json())).toEqual(['justification:restriction_lift_justification_required']);
    const stale = await post(worker, url, { version: r.version + 1, justification: 'Ny vurdering' });
    expect(stale.statusCode).toBe(409);
    const ok = await post(worker, url, {
      version: r.version,
      justification: 'Ingen hendelser på et halvt år',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as Restriction).lifted).toMatchObject({ assessmentId: first.id });
    expect((ok.json() as Restriction).inForce).toBe(false);
    const again = await post(worker, url, { version: r.version + 1, justification: 'x' });
    expect((again.json() as Problem).code).toBe('restriction_lifted');
    // Lifted today: it no longer restricts visits from today on.
    const visitors = await get(worker, `/api/v1/people/${serious.personId}/visitors`);
    expect((visitors.json() as { restriction: unknown }).restriction).toBeNull();
    const audit = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('person_id', '=', serious.personId)
      .where('action', 'in', ['restriction.create', 'restriction.lift'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'restriction.create',
      'restriction.create',
      'restriction.lift',
    ]);
  });

  it('keeps it in scope: another prison is 403, officers read but do not write', async () => {
    const url = `/api/v1/people/${serious.personId}/assessments`;
    expect((await get(workerB, url)).statusCode).toBe(403);
    expect((await post(workerB, url, body({ supersedesId: first.id }))).statusCode).toBe(403);
    expect((await get(officer, url)).statusCode).toBe(200);
    expect((await post(officer, url, body({ supersedesId: first.id }))).statusCode).toBe(403);
    const reads = await t.db
      .selectFrom('audit_event')
      .select('username')
      .where('person_id', '=', serious.personId)
      .where('action', '=', 'assessment.read')
      .execute();
    expect(reads.map((r) => r.username)).toContain('officer');
    expect(reads.map((r) => r.username)).not.toContain('case_worker_b');
  });

  it('lists the reviews due per facility', async () => {
    const none = (await get(worker, '/api/v1/assessments/due?withinDays=30')).json() as {
      items: { person: { id: string } }[];
    };
    expect(none.items.map((i) => i.person.id)).not.toContain(serious.personId);
    const res = await get(worker, `/api/v1/assessments/due?withinDays=120&facilityId=${t.world.prisonA}`);
    const due = res.json() as { items: { person: { id: string }; reviewDate: string; overdue: boolean }[] };
    expect(due.items.find((i) => i.person.id === serious.personId)).toMatchObject({
      reviewDate: '2027-02-23',
      overdue: false,
    });
    expect((await get(workerB, `/api/v1/assessments/due?facilityId=${t.world.prisonA}`)).statusCode).toBe(
      403,
    );
  });

  it('refuses to grant leave against "no leave" in force', async () => {
    const id = await insertLeaveApplication(t.db, serious.personId, t.world.prisonA);
    const res = await post(worker, `/api/v1/leave/applications/${id}/decision`, {
      version: 1,
      outcome: 'granted',
      justification: 'Velferd',
    });
    expect(res.statusCode).toBe(422);
    expect(fields(res.json())).toContain('outcome:leave_restricted');
    const pending = (await get(worker, `/api/v1/leave/applications/${id}`)).json() as {
      safety: { blockedBy: string | null };
    };
    expect(pending.safety.blockedBy).toBe('no_leave');
  });

  it('makes a grant of leave at high risk a significant decision: justified, the assessment recorded', async () => {
    const person = await admitted('Permisjon', 6);
    const made = await post(
      worker,
      `/api/v1/people/${person.personId}/assessments`,
      body({
        ratings: [{ purpose: 'leave', probability: 5, consequence: 3, basis: 'Brudd på vilkår' }],
        securityLevel: null,
      }),
    );
    const assessment = made.json() as Assessment;
    const id = await insertLeaveApplication(t.db, person.personId, t.world.prisonA);
    // Before deciding, the application says what a grant would be and what it rests on.
    const pending = (await get(worker, `/api/v1/leave/applications/${id}`)).json() as {
      safety: {
        assessment: { id: string };
        leaveRisk: string;
        significantIfGranted: boolean;
        blockedBy: null;
      };
    };
    expect(pending.safety).toMatchObject({
      assessment: { id: assessment.id },
      leaveRisk: 'high',
      significantIfGranted: true,
      blockedBy: null,
    });
    const bare = await post(worker, `/api/v1/leave/applications/${id}/decision`, {
      version: 1,
      outcome: 'granted',
    });
    expect(bare.statusCode).toBe(422);
    expect(fields(bare.json()).some((f) => f.startsWith('justification:'))).toBe(true);
    const ok = await post(worker, `/api/v1/leave/applications/${id}/decision`, {
      version: 1,
      outcome: 'granted',
      justification: 'Velferdspermisjon til begravelse med daglig melding',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    // Marked as a decision of significance for public safety, with the assessment it rests on.
    expect((ok.json() as { decision: unknown }).decision).toMatchObject({
      publicSafety: true,
      assessmentId: assessment.id,
    });
    const row = await t.db
      .selectFrom('leave_application')
      .select(['assessment_id', 'public_safety'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ assessment_id: assessment.id, public_safety: true });
  });

  describe('non-associations', () => {
    let kept: Awaited<ReturnType<typeof buildPerson>>;
    let queued: Awaited<ReturnType<typeof buildPerson>>;
    let extraBed: string;

    beforeAll(async () => {
      kept = await admitted('Holdes', 1);
      queued = await buildPerson(t.db, {
        givenName: 'Kø',
        familyName: 'Adskilt',
        facilityId: t.world.prisonA,
      });
      // A second bed in the kept person's cell.
      const cell = await t.db
        .selectFrom('bed')
        .select('cell_id')
        .where('id', '=', t.world.bedsA[1] as string)
        .executeTakeFirstOrThrow();
      extraBed = randomUUID();
      await t.db.insertInto('bed').values({ id: extraBed, cell_id: cell.cell_id, label: 'B' }).execute();
    });

    it('records a separation once per pair, audited for both', async () => {
      const url = `/api/v1/people/${queued.personId}/non-associations`;
      const self = await post(worker, url, {
        otherPersonId: queued.personId,
        level: 'cell',
        reason: 'other',
        note: 'x',
      });
      expect(fields(self.json())).toEqual(['otherPersonId:non_association_self']);
      const res = await post(worker, url, {
        otherPersonId: kept.personId,
        level: 'cell',
        reason: 'co_defendant',
        note: 'Medtiltalt i samme sak',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        other: { id: kept.personId, name: 'Holdes Vurdert' },
        level: 'cell',
      });
      const twice = await post(worker, `/api/v1/people/${kept.personId}/non-associations`, {
        otherPersonId: queued.personId,
        level: 'facility',
        reason: 'co_defendant',
        note: 'Igjen',
      });
      expect((twice.json() as Problem).code).toBe('non_association_exists');
      const audit = await t.db
        .selectFrom('audit_event')
        .select('person_id')
        .where('action', '=', 'non_association.create')
        .execute();
      expect(audit.map((a) => a.person_id).sort()).toEqual([kept.personId, queued.personId].sort());
    });

    it('refuses admission to the same cell, naming the rule and not the other person', async () => {
      const url = `/api/v1/sentences/${queued.sentenceId}/admission`;
      const res = await post(worker, url, { version: 1, bedId: extraBed });
      expect(res.statusCode).toBe(422);
      expect(fields(res.json())).toEqual(['bedId:non_association_cell']);
      expect(res.body).not.toContain('Holdes');
      const ok = await post(worker, url, { version: 1, bedId: t.world.bedsA[3] });
      expect(ok.statusCode, ok.body).toBe(200);
    });

    it('refuses a move into the same department when the level is department', async () => {
      const other = await admitted('Gjeng', 2);
      await post(worker, `/api/v1/people/${queued.personId}/non-associations`, {
        otherPersonId: other.personId,
        level: 'department',
        reason: 'gang_conflict',
        note: 'Gjengkonflikt',
      });
      const placement = await t.db
        .selectFrom('placement')
        .select('id')
        .where('person_id', '=', queued.personId)
        .where('to_date', 'is', null)
        .executeTakeFirstOrThrow();
      const res = await post(worker, `/api/v1/people/${queued.personId}/moves`, {
        placementId: placement.id,
        toBedId: t.world.bedsA[4],
        reason: 'Flytting',
      });
      expect(res.statusCode, res.body).toBe(422);
      expect(fields(res.json())).toEqual(['toBedId:non_association_department']);
      expect(res.body).not.toContain('Gjeng');
    });

    it('refuses a visit in the same visiting time as a kept-apart person at facility level', async () => {
      const leader = await login(t.app, 'unit_leader');
      const roomRes = await post(leader, `/api/v1/facilities/${t.world.prisonA}/visiting-rooms`, {
        name: 'Advokatrom',
        kind: 'official',
        capacity: 4,
      });
      expect(roomRes.statusCode, roomRes.body).toBe(201);
      const roomId = (roomRes.json() as { rooms: { id: string; name: string }[] }).rooms.find(
        (r) => r.name === 'Advokatrom',
      )?.id as string;
      // Wednesday 25 November 2026, 10:00–11:00.
      const tpl = await post(leader, `/api/v1/visiting-rooms/${roomId}/templates`, {
        weekday: 3,
        startTime: '10:00',
        endTime: '11:00',
        capacity: 4,
      });
      expect(tpl.statusCode, tpl.body).toBe(201);
      const a = await admitted('Besøk', 7);
      const b = kept;
      await post(worker, `/api/v1/people/${a.personId}/non-associations`, {
        otherPersonId: b.personId,
        level: 'facility',
        reason: 'victim_perpetrator',
        note: 'Fornærmet og gjerningsperson',
      });
      const visit = (externalVisitor: string) => ({
        kind: 'official',
        visitorIds: [],
        externalVisitor,
        roomId,
        date: '2026-11-25',
        startTime: '10:00',
        outcome: 'grant',
      });
      const first = await post(worker, `/api/v1/people/${b.personId}/visits`, visit('Advokat Lund'));
      expect(first.statusCode, first.body).toBe(201);
      const second = await post(worker, `/api/v1/people/${a.personId}/visits`, visit('Advokat Berg'));
      expect(second.statusCode).toBe(422);
      expect(fields(second.json())).toEqual(['startTime:visit_non_association']);
      expect(second.body).not.toContain('Holdes');
    });

    it('ends a separation with a version check; the bed is then free to take', async () => {
      const o = (await get(worker, `/api/v1/people/${queued.personId}/assessments`)).json() as Overview;
      const cell = o.nonAssociations.find((n) => n.level === 'cell') as Overview['nonAssociations'][number];
      const stale = await post(worker, `/api/v1/non-associations/${cell.id}/end`, { version: 2 });
      expect(stale.statusCode).toBe(409);
      const ok = await post(worker, `/api/v1/non-associations/${cell.id}/end`, { version: 1 });
      expect(ok.statusCode).toBe(200);
      expect((ok.json() as { endedOn: string }).endedOn).toBe(TODAY);
    });
  });
});
