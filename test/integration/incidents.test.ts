import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.ts';
import { dialects } from '../support/db.ts';
import { buildPerson } from '../support/world.ts';

type Problem = { status: number; code: string; errors?: { path: string; code: string; message: string }[] };
type Incident = {
  id: string;
  version: number;
  type: string;
  severity: string;
  status: string;
  source: string;
  facility: { id: string; name: string };
  department: { id: string; name: string } | null;
  peopleInvolved: {
    role: string;
    kind: string;
    personId: string | null;
    staffId: string | null;
    name: string;
  }[];
  actions: {
    id: string;
    version: number;
    status: string;
    overdue: boolean;
    owner: string;
    deadline: string;
  }[];
  openActions: number;
  overdueActions: number;
  closureNote: string | null;
  notified: number;
  leaveApplicationId: string | null;
};
type Figures = {
  byType: Record<string, number>;
  total: number;
  violenceAgainstStaff: number;
  escapes: number;
  failuresToReturn: number;
  leavesTaken: number;
  leaveFailures: number;
  perThousand: number | null;
};
type Statistics = Figures extends never
  ? never
  : {
      selection: { kind: string; name: string };
      series: (Figures & { period: string; from: string; to: string })[];
      breakdown: { kind: string; items: (Figures & { id: string; name: string })[] };
      total: Figures;
    };

describe.each(dialects())('incidents on %s', (dialect) => {
  let t: TestApp;
  let officer: Session;
  let leader: Session;
  let worker: Session;
  let workerB: Session;
  let analyst: Session;
  let inmate: Awaited<ReturnType<typeof buildPerson>>;
  let other: Awaited<ReturnType<typeof buildPerson>>;
  let inmateB: Awaited<ReturnType<typeof buildPerson>>;
  const staffA = randomUUID();
  const staffB = randomUUID();
  let departmentB = '';

  const post = (s: Session, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: s.headers, payload });
  const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });

  const report = (over: object = {}) => ({
    facilityId: t.world.prisonA,
    departmentId: t.world.departmentA,
    type: 'violence',
    occurredOn: '2026-11-22',
    occurredTime: '14:05',
    place: 'Lufteområdet',
    description: 'Slag mot betjent under lufting.',
    immediateActions: 'Innsatte ført til celle. Lege tilkalt.',
    injury: false,
    weapon: false,
    people: [
      { role: 'assailant', kind: 'inmate', personId: inmate.personId },
      { role: 'victim', kind: 'staff', staffId: staffA },
      { role: 'witness', kind: 'external', name: 'Håndverker Hansen' },
    ],
    actions: [
      { description: 'Samtale med betjenten', owner: 'Avdelingsleder', deadline: '2026-11-22' },
      { description: 'Anmeldelse til politiet', owner: 'Enhetsleder', deadline: '2026-12-01' },
    ],
    ...over,
  });

  beforeAll(async () => {
    t = await buildTestApp(dialect, { bedsPerPrison: 4 });
    officer = await login(t.app, 'officer');
    leader = await login(t.app, 'unit_leader');
    worker = await login(t.app, 'case_worker');
    workerB = await login(t.app, 'case_worker_b');
    analyst = await login(t.app, 'analyst');
    const admitted = (givenName: string, familyName: string, facilityId: string, bedId: string) =>
      buildPerson(t.db, { givenName, familyName, facilityId, status: 'admitted', bedId });
    inmate = await admitted('Vold', 'Utøver', t.world.prisonA, t.world.bedsA[0] as string);
    other = await admitted('Perm', 'Isjon', t.world.prisonA, t.world.bedsA[1] as string);
    inmateB = await admitted('Vest', 'Innsatt', t.world.prisonB, t.world.bedsB[0] as string);
    departmentB = (
      await t.db
        .selectFrom('department')
        .select('id')
        .where('facility_id', '=', t.world.prisonB)
        .executeTakeFirstOrThrow()
    ).id;
    await t.db
      .insertInto('staff_member')
      .values([
        {
          id: staffA,
          staff_number: 'INC-A',
          name: 'Berit Betjent',
          facility_id: t.world.prisonA,
          department_id: null,
          title: 'officer',
        },
        {
          id: staffB,
          staff_number: 'INC-B',
          name: 'Vidar Vest',
          facility_id: t.world.prisonB,
          department_id: null,
          title: 'officer',
        },
      ])
      .execute();
  });
  afterAll(() => t.close());

  it('records a report with its people and actions, serious for violence against staff, with overdue shown', async () => {
    const res = await post(officer, '/api/v1/incidents', report());
    expect(res.statusCode, res.body).toBe(201);
    const incident = res.json() as Incident;
    expect(incident).toMatchObject({
      type: 'violence',
      severity: 'serious',
      status: 'open',
      source: 'report',
    });
    expect(incident.department?.id).toBe(t.world.departmentA);
    expect(incident.peopleInvolved.map((p) => [p.role, p.kind, p.name]).sort()).toEqual([
      ['assailant', 'inmate', 'Vold Utøver'],
      ['victim', 'staff', 'Berit Betjent'],
      ['witness', 'external', 'Håndverker Hansen'],
    ]);
    expect(incident.actions.map((a) => [a.owner, a.overdue])).toEqual([
      ['Avdelingsleder', true],
      ['Enhetsleder', false],
    ]);
    expect(incident.overdueActions).toBe(1);
    expect(incident.notified).toBe(1);
    // The inmate named is audited in the same transaction as the report.
    const audits = await t.db
      .selectFrom('audit_event')
      .select(['action', 'person_id'])
      .where('action', '=', 'incident.report')
      .execute();
    expect(audits).toEqual([{ action: 'incident.report', person_id: inmate.personId }]);
  });

  it('refuses a bad report with a message on each field and writes nothing', async () => {
    const before = await t.db
      .selectFrom('incident')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirst();
    const res = await post(
      officer,
      '/api/v1/incidents',
      report({
        departmentId: departmentB,
        occurredOn: '2026-11-24',
        people: [
          { role: 'victim', kind: 'staff', staffId: staffB },
          { role: 'assailant', kind: 'inmate' },
        ],
        actions: [{ description: 'Ransaking', owner: 'Vakt', deadline: '2026-11-01' }],
      }),
    );
    expect(res.statusCode).toBe(422);
    const problem = res.json() as Problem;
    expect(problem.errors?.map((e) => [e.path, e.code]).sort()).toEqual(
      [
        ['actions.0.deadline', 'incident_action_deadline'],
        ['departmentId', 'incident_department_wrong_facility'],
        ['occurredOn', 'incident_in_future'],
        ['people.0.staffId', 'incident_staff_wrong_facility'],
        ['people.1.personId', 'incident_party_reference'],
      ].sort(),
    );
    for (const e of problem.errors ?? []) expect(e.message.length).toBeGreaterThan(5);
    const english = await t.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: { ...officer.headers, 'accept-language': 'en' },
      payload: report({ type: 'escape', people: [] }),
    });
    expect((english.json() as Problem).errors).toEqual([
      {
        path: 'people',
        code: 'incident_subject_required',
        message: 'Name the inmate the incident is about (the role “person concerned”).',
      },
    ]);
    const missing = await post(officer, '/api/v1/incidents', { ...report(), description: '' });
    expect((missing.json() as Problem).errors?.map((e) => e.path)).toEqual(['description']);
    const after = await t.db
      .selectFrom('incident')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirst();
    expect(after?.n).toBe(before?.n);
  });

  it('keeps incidents to the facilities in scope', async () => {
    const outside = await post(
      officer,
      '/api/v1/incidents',
      report({ facilityId: t.world.prisonB, departmentId: null }),
    );
    expect(outside.statusCode).toBe(403);
    const b = await post(
      workerB,
      '/api/v1/incidents',
      report({
        facilityId: t.world.prisonB,
        departmentId: departmentB,
        type: 'contraband',
        people: [{ role: 'subject', kind: 'inmate', personId: inmateB.personId }],
        actions: [],
      }),
    );
    expect(b.statusCode, b.body).toBe(201);
    const id = (b.json() as Incident).id;
    expect((await get(officer, `/api/v1/incidents/${id}`)).statusCode).toBe(403);
    const list = await get(officer, '/api/v1/incidents?pageSize=100');
    const items = (list.json() as { items: { id: string; facility: { id: string } }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.facility.id === t.world.prisonA)).toBe(true);
    // Analysts see statistics only.
    expect((await get(analyst, '/api/v1/incidents')).statusCode).toBe(403);
    expect((await get(analyst, `/api/v1/incidents/${id}`)).statusCode).toBe(403);
  });

  it('tells the unit leader of a serious incident at once, and only them', async () => {
    const res = await get(leader, '/api/v1/notifications');
    const body = res.json() as {
      unread: number;
      items: { id: string; read: boolean; incident: { type: string } }[];
    };
    expect(body.unread).toBe(1);
    expect(body.items[0]?.incident.type).toBe('violence');
    expect(((await get(worker, '/api/v1/notifications')).json() as { unread: number }).unread).toBe(0);
    // A moderate one (violence without injury, weapon or staff victim) tells nobody.
    const moderate = await post(
      officer,
      '/api/v1/incidents',
      report({ people: [{ role: 'assailant', kind: 'inmate', personId: inmate.personId }], actions: [] }),
    );
    expect((moderate.json() as Incident).severity).toBe('moderate');
    expect(((await get(leader, '/api/v1/notifications')).json() as { unread: number }).unread).toBe(1);
    const id = body.items[0]?.id as string;
    expect((await post(worker, `/api/v1/notifications/${id}/read`, {})).statusCode).toBe(404);
    expect((await post(leader, `/api/v1/notifications/${id}/read`, {})).statusCode).toBe(204);
    expect(((await get(leader, '/api/v1/notifications')).json() as { unread: number }).unread).toBe(0);
  });

  it('closes only with every action done or with a note, and refuses stale versions', async () => {
    const created = (
      await post(officer, '/api/v1/incidents', report({ type: 'contraband', people: [] }))
    ).json() as Incident;
    const open = created.actions.find((a) => a.owner === 'Enhetsleder');
    if (!open) throw new Error('no action');
    expect(
      (await post(officer, `/api/v1/incidents/${created.id}/close`, { version: created.version })).statusCode,
    ).toBe(403);
    const refused = await post(leader, `/api/v1/incidents/${created.id}/close`, { version: created.version });
    expect(refused.statusCode).toBe(422);
    expect((refused.json() as Problem).errors?.map((e) => [e.path, e.code])).toEqual([
      ['note', 'incident_close_note_required'],
    ]);
    for (const action of created.actions) {
      const done = await post(leader, `/api/v1/incidents/${created.id}/actions/${action.id}`, {
        version: action.version,
        status: 'done',
      });
      expect(done.statusCode, done.body).toBe(200);
    }
    const again = await post(leader, `/api/v1/incidents/${created.id}/actions/${open.id}`, {
      version: open.version,
      status: 'done',
    });
    expect(again.statusCode).toBe(409);
    // The version moved with each action: the first one read is stale now.
    const stale = await post(leader, `/api/v1/incidents/${created.id}/close`, { version: created.version });
    expect((stale.json() as Problem).code).toBe('stale_version');
    const current = (await get(leader, `/api/v1/incidents/${created.id}`)).json() as Incident;
    const closed = await post(leader, `/api/v1/incidents/${created.id}/close`, { version: current.version });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((closed.json() as Incident).status).toBe('closed');
    const late = await post(leader, `/api/v1/incidents/${created.id}/actions`, {
      version: current.version + 1,
      description: 'For sent',
      owner: 'Noen',
      deadline: '2026-12-01',
    });
    expect((late.json() as Problem).code).toBe('incident_closed');

    // Closed explicitly with a note: the open actions are cancelled.
    const second = (
      await post(officer, '/api/v1/incidents', report({ type: 'contraband', people: [] }))
    ).json() as Incident;
    const withNote = await post(leader, `/api/v1/incidents/${second.id}/close`, {
      version: second.version,
      note: 'Fulgt opp i egen sak.',
    });
    const closedWithNote = withNote.json() as Incident;
    expect(closedWithNote.closureNote).toBe('Fulgt opp i egen sak.');
    expect(closedWithNote.actions.map((a) => a.status)).toEqual(['cancelled', 'cancelled']);
  });

  it('adds a person after the report and audits the read of each inmate named', async () => {
    const created = (
      await post(officer, '/api/v1/incidents', report({ type: 'threat_staff', people: [], actions: [] }))
    ).json() as Incident;
    const added = await post(officer, `/api/v1/incidents/${created.id}/people`, {
      version: created.version,
      role: 'assailant',
      kind: 'inmate',
      personId: other.personId,
    });
    expect(added.statusCode, added.body).toBe(200);
    const twice = await post(officer, `/api/v1/incidents/${created.id}/people`, {
      version: (added.json() as Incident).version,
      role: 'assailant',
      kind: 'inmate',
      personId: other.personId,
    });
    expect((twice.json() as Problem).errors?.[0]?.code).toBe('incident_party_duplicate');
    const stale = await post(officer, `/api/v1/incidents/${created.id}/people`, {
      version: created.version,
      role: 'witness',
      kind: 'external',
      name: 'Noen',
    });
    expect(stale.statusCode).toBe(409);
    await get(worker, `/api/v1/incidents/${created.id}`);
    const reads = await t.db
      .selectFrom('audit_event')
      .select(['person_id', 'username'])
      .where('action', '=', 'incident.read')
      .where('username', '=', 'case_worker')
      .execute();
    expect(reads).toEqual([{ person_id: other.personId, username: 'case_worker' }]);
  });

  it('records a failure to return from leave as an incident in the same transaction', async () => {
    const applicationId = randomUUID();
    await t.db
      .insertInto('leave_application')
      .values({
        id: applicationId,
        person_id: other.personId,
        facility_id: t.world.prisonA,
        kind: 'welfare',
        from_date: '2026-11-20',
        from_time: '10:00',
        to_date: '2026-11-21',
        to_time: '18:00',
        days: 2,
        destination_municipality: 'Drammen',
        public_transport: false,
        purpose: 'family',
        description: 'Besøk',
        status: 'granted',
        outcome: 'granted',
        recommendation: 'grant',
        applied_by_name: 'Test',
      })
      .execute();
    const res = await post(officer, `/api/v1/leave/applications/${applicationId}/return`, {
      version: 1,
      returned: false,
    });
    expect(res.statusCode, res.body).toBe(200);
    const row = await t.db
      .selectFrom('incident')
      .selectAll()
      .where('leave_application_id', '=', applicationId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      type: 'failure_to_return',
      severity: 'serious',
      source: 'leave',
      facility_id: t.world.prisonA,
      occurred_on: '2026-11-21',
      occurred_time: '18:00',
    });
    const incident = (await get(officer, `/api/v1/incidents/${row.id}`)).json() as Incident;
    expect(incident.peopleInvolved.map((p) => [p.role, p.personId])).toEqual([['subject', other.personId]]);
    expect(incident.notified).toBe(1);
    const audit = await t.db
      .selectFrom('audit_event')
      .select('person_id')
      .where('action', '=', 'incident.failure_to_return')
      .execute();
    expect(audit).toEqual([{ person_id: other.personId }]);
  });

  describe('statistics', () => {
    beforeAll(async () => {
      // A known set: 2021 at prison A (region øst then), 2024 at both prisons (units since 2022).
      const incident = (facility: string, type: string, on: string, staffVictim = false) => ({
        facility,
        type,
        on,
        staffVictim,
      });
      const rows = [
        incident(t.world.prisonA, 'violence', '2021-06-01'),
        incident(t.world.prisonA, 'violence', '2024-03-02', true),
        incident(t.world.prisonA, 'violence', '2024-03-20'),
        incident(t.world.prisonA, 'escape', '2024-03-25'),
        incident(t.world.prisonA, 'failure_to_return', '2024-07-04'),
        incident(t.world.prisonB, 'contraband', '2024-07-10'),
        incident(t.world.prisonB, 'escape', '2024-07-11'),
      ];
      for (const r of rows) {
        const id = randomUUID();
        await t.db
          .insertInto('incident')
          .values({
            id,
            facility_id: r.facility,
            type: r.type as 'violence',
            severity: 'serious',
            occurred_on: r.on,
            occurred_time: '12:00',
            description: 'Statistikk',
            reported_by_name: 'Test',
          })
          .execute();
        if (r.staffVictim)
          await t.db
            .insertInto('incident_party')
            .values({ id: randomUUID(), incident_id: id, role: 'victim', kind: 'staff', staff_id: staffA })
            .execute();
      }
      // Leaves taken: four at prison A in March 2024 (one back late), one at prison B in July 2024
      // (not back). The failure rate counts the leaves' own returns, not the incidents.
      const leaves: [string, string, string, 'on_time' | 'late' | 'not_returned'][] = [
        [inmate.personId, t.world.prisonA, '2024-03-01', 'on_time'],
        [inmate.personId, t.world.prisonA, '2024-03-08', 'late'],
        [inmate.personId, t.world.prisonA, '2024-03-15', 'on_time'],
        [inmate.personId, t.world.prisonA, '2024-03-22', 'on_time'],
        [inmateB.personId, t.world.prisonB, '2024-07-01', 'not_returned'],
      ];
      for (const [personId, facilityId, from, returnStatus] of leaves)
        await t.db
          .insertInto('leave_application')
          .values({
            id: randomUUID(),
            person_id: personId,
            facility_id: facilityId,
            kind: 'ordinary',
            from_date: from,
            from_time: '10:00',
            to_date: from,
            to_time: '18:00',
            days: 1,
            destination_municipality: 'Oslo',
            public_transport: false,
            purpose: 'family',
            description: 'Statistikk',
            status: 'granted',
            outcome: 'granted',
            recommendation: 'grant',
            applied_by_name: 'Test',
            return_status: returnStatus,
          })
          .execute();
    });

    it('counts by month nationally: types, violence against staff, escapes, and failures on leave (late or no return) per 1,000 leaves', async () => {
      const res = await get(
        analyst,
        '/api/v1/incidents/statistics?from=2024-01-01&to=2024-12-31&bucket=month',
      );
      expect(res.statusCode, res.body).toBe(200);
      const s = res.json() as Statistics;
      expect(s.selection.kind).toBe('national');
      expect(s.series).toHaveLength(12);
      const march = s.series[2];
      expect(march).toMatchObject({
        period: '2024-03-01',
        from: '2024-03-01',
        to: '2024-03-31',
        total: 3,
        violenceAgainstStaff: 1,
        escapes: 1,
        failuresToReturn: 0,
        leavesTaken: 4,
        leaveFailures: 1,
        perThousand: 250,
      });
      expect(march?.byType.violence).toBe(2);
      expect(s.series[6]).toMatchObject({
        total: 3,
        escapes: 1,
        failuresToReturn: 1,
        leavesTaken: 1,
        leaveFailures: 1,
        perThousand: 1000,
      });
      expect(s.series[0]).toMatchObject({ total: 0, leavesTaken: 0, perThousand: null });
      expect(s.total).toMatchObject({
        total: 6,
        violenceAgainstStaff: 1,
        escapes: 2,
        failuresToReturn: 1,
        leavesTaken: 5,
        leaveFailures: 2,
        perThousand: 400,
      });
      expect(s.breakdown.kind).toBe('org_unit');
      expect(s.breakdown.items.map((i) => [i.name, i.total, i.leavesTaken])).toEqual([
        ['Kriminalomsorgen Oslo', 4, 4],
        ['Kriminalomsorgen Vest', 2, 1],
      ]);
    });

    it('counts a year in the region the facility belonged to then', async () => {
      const s = (
        await get(analyst, '/api/v1/incidents/statistics?from=2021-01-01&to=2024-12-31&bucket=year')
      ).json() as Statistics;
      expect(s.series.map((p) => [p.period, p.total])).toEqual([
        ['2021-01-01', 1],
        ['2022-01-01', 0],
        ['2023-01-01', 0],
        ['2024-01-01', 6],
      ]);
      expect(s.breakdown.items.map((i) => [i.name, i.total])).toEqual([
        ['Kriminalomsorgen Oslo', 4],
        ['Kriminalomsorgen Vest', 2],
        ['Region øst', 1],
      ]);
      const east = (
        await get(
          analyst,
          `/api/v1/incidents/statistics?from=2021-01-01&to=2024-12-31&bucket=year&orgUnitId=${t.world.regionEast}`,
        )
      ).json() as Statistics;
      expect(east.total.total).toBe(1);
      expect(east.breakdown.kind).toBe('facility');
    });

    it('keeps a scoped caller to their facilities and gives CSV', async () => {
      const s = (
        await get(leader, '/api/v1/incidents/statistics?from=2024-01-01&to=2024-12-31&bucket=year')
      ).json() as Statistics;
      expect(s.selection.kind).toBe('scope');
      expect(s.total).toMatchObject({
        total: 4,
        leavesTaken: 4,
        escapes: 1,
        failuresToReturn: 1,
        leaveFailures: 1,
        perThousand: 250,
      });
      expect(s.breakdown.items.map((i) => i.name)).toEqual(['Testby fengsel']);
      const outside = await get(
        leader,
        `/api/v1/incidents/statistics?from=2024-01-01&to=2024-12-31&facilityId=${t.world.prisonB}`,
      );
      expect(outside.statusCode).toBe(403);
      const bad = await get(leader, '/api/v1/incidents/statistics?from=2024-12-31&to=2024-01-01');
      expect((bad.json() as Problem).errors?.[0]?.path).toBe('to');
      const csv = await get(
        analyst,
        '/api/v1/incidents/statistics?from=2024-01-01&to=2024-12-31&bucket=year&format=csv',
      );
      expect(csv.headers['content-type']).toContain('text/csv');
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toContain('rad,navn,fra,til,violence');
      expect(lines[0]).toMatch(/,permisjoner,permisjonssvikt,svikt_per_1000$/);
      expect(lines.at(-1)).toMatch(/^totalt,Norge,2024-01-01,2024-12-31,2,/);
      // Five leaves, two failures: 400 per 1,000.
      expect(lines.at(-1)).toMatch(/,5,2,400$/);
    });
  });
});
