import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.ts';
import { dialects } from '../support/db.ts';
import { orderMessage } from '../support/esas.ts';
import { buildPerson, TODAY } from '../support/world.ts';

type Problem = { status: number; errors?: { path: string; code: string; message: string }[] };
type Decision = {
  number: number;
  status: string;
  form: string;
  releaseDate: string;
  keyDate: string | null;
  conditions: string[];
  statutoryConditions: string[];
  justification: string | null;
  assessment: { id: string; releaseRisk: string | null } | null;
  significant: boolean;
  significance: string[];
  openItems: { area: string; status: string }[];
};
type Decisions = { current: Decision | null; history: Decision[] };
type Proposal = {
  decidable: boolean;
  currentVersion: number | null;
  keyDates: { parole: string | null; termEnd: string | null };
  assessment: { id: string; releaseRisk: string | null } | null;
  significant: boolean;
  significance: string[];
  conditions: { condition: string; reason: string }[];
  notifyPolice: boolean;
  notifyVictim: boolean;
  openItems: { area: string }[];
};

describe.each(dialects())('release decisions on %s', (dialect) => {
  let t: TestApp;
  let worker: Session;
  let workerB: Session;
  let person: Awaited<ReturnType<typeof buildPerson>>;
  let noParole: Awaited<ReturnType<typeof buildPerson>>;
  let withVictims: Awaited<ReturnType<typeof buildPerson>>;

  const post = (s: Session, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, payload, headers: { ...s.headers, 'accept-language': 'en' } });
  const get = (s: Session, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { ...s.headers, 'accept-language': 'en' } });
  const count = async (table: 'release_decision', sentenceId: string) =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('sentence_id', '=', sentenceId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const auditCount = async (action: string, personId: string) =>
    Number(
      (
        await t.db
          .selectFrom('audit_event')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('action', '=', action)
          .where('person_id', '=', personId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const decision = (over: object = {}) => ({
    sentenceId: person.sentenceId,
    expectedVersion: null,
    form: 'parole',
    releaseDate: '2026-12-20',
    conditions: ['reporting', 'abstinence'],
    gate: 'network',
    notifyVictim: false,
    notifyPolice: true,
    ...over,
  });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    worker = await login(t.app, 'case_worker');
    workerB = await login(t.app, 'case_worker_b');
    const admitted = (givenName: string, familyName: string, bed: number) =>
      buildPerson(t.db, {
        givenName,
        familyName,
        facilityId: t.world.prisonA,
        status: 'admitted',
        bedId: t.world.bedsA[bed] as string,
      });
    person = await admitted('Ola', 'Løslatelse', 0);
    noParole = await admitted('Kari', 'Fullsoning', 1);
    withVictims = await admitted('Per', 'Fornærmet', 2);
    await t.db
      .insertInto('key_date')
      .values([
        {
          person_id: person.personId,
          seq: 1,
          key: 'parole',
          rule: 'test',
          on_date: '2026-12-20',
          status: 'not_yet',
        },
        {
          person_id: person.personId,
          seq: 2,
          key: 'term_end',
          rule: 'test',
          on_date: '2027-03-01',
          status: 'not_yet',
        },
        // A term served in full: no parole (SGL § 42 første ledd annet punktum).
        {
          person_id: noParole.personId,
          seq: 1,
          key: 'parole',
          rule: 'test',
          on_date: null,
          status: 'not_applicable',
        },
        {
          person_id: noParole.personId,
          seq: 2,
          key: 'term_end',
          rule: 'test',
          on_date: '2026-12-30',
          status: 'not_yet',
        },
        {
          person_id: withVictims.personId,
          seq: 1,
          key: 'parole',
          rule: 'test',
          on_date: '2026-12-10',
          status: 'not_yet',
        },
      ])
      .execute();
    // The person's checklist: housing and ID papers settled, four items open.
    const checklistId = randomUUID();
    await t.db
      .insertInto('release_checklist')
      .values({
        id: checklistId,
        person_id: person.personId,
        sentence_id: person.sentenceId,
        facility_id: t.world.prisonA,
        release_date: '2026-12-20',
        created_on: TODAY,
      })
      .execute();
    await t.db
      .insertInto('release_checklist_item')
      .values(
        (['housing', 'income_work', 'health', 'debt', 'id_papers', 'network'] as const).map((area) => ({
          id: randomUUID(),
          checklist_id: checklistId,
          area,
          status: area === 'housing' || area === 'id_papers' ? ('done' as const) : ('open' as const),
        })),
      )
      .execute();
    // The assessment: a high release risk and a need in substance use.
    const assessed = await post(worker, `/api/v1/people/${person.personId}/assessments`, {
      supersedesId: null,
      occasion: 'intake',
      assessedOn: '2026-11-01',
      informationSources: 'Dom, personundersøkelse',
      needs: [{ area: 'substance_use', level: 'significant', note: 'Amfetamin' }],
      ratings: [{ purpose: 'release', probability: 4, consequence: 4, basis: 'Trusler mot fornærmede' }],
    });
    expect(assessed.statusCode, assessed.body).toBe(201);
    // Victims come with a received execution order for the person.
    const admin = await login(t.app, 'system_admin');
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/integration/messages',
      headers: admin.headers,
      payload: {
        message: orderMessage({
          nationalId: withVictims.nationalId,
          familyName: 'Fornærmet',
          postTown: 'Oslo',
        }),
      },
    });
    expect(imported.statusCode, imported.body).toBeLessThan(300);
  });
  afterAll(() => t.close());

  it('proposes from the assessment: significant by the high release risk, conditions least restrictive first', async () => {
    const res = await get(worker, `/api/v1/release/decisions/${person.sentenceId}/proposal`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as Proposal;
    expect(p).toMatchObject({
      decidable: true,
      currentVersion: null,
      keyDates: { parole: '2026-12-20', termEnd: '2027-03-01' },
      assessment: { releaseRisk: 'high' },
      significant: true,
      significance: ['high_release_risk'],
      notifyPolice: true,
      notifyVictim: false,
    });
    expect(p.conditions.map((c) => c.condition)).toEqual(['reporting', 'abstinence']);
    expect(p.openItems.map((i) => i.area)).toEqual(['income_work', 'health', 'debt', 'network']);
  });

  it('refuses a significant decision without a justification, naming the field, and writes nothing', async () => {
    const res = await post(worker, '/api/v1/release/decisions', decision());
    expect(res.statusCode, res.body).toBe(422);
    const body = res.json() as Problem;
    expect(body.errors?.map((e) => [e.path, e.code])).toEqual([
      ['justification', 'release_justification_required'],
    ]);
    expect(await count('release_decision', person.sentenceId)).toBe(0);
    expect(await auditCount('release.decision.create', person.personId)).toBe(0);
  });

  it('refuses parole before the parole date, naming the date', async () => {
    const res = await post(
      worker,
      '/api/v1/release/decisions',
      decision({ releaseDate: '2026-12-19', justification: 'Bolig og arbeid på plass.' }),
    );
    expect(res.statusCode).toBe(422);
    const e = (res.json() as Problem).errors?.[0];
    expect(e).toMatchObject({ path: 'releaseDate', code: 'release_before_parole_date' });
    expect(e?.message).toContain('2026-12-20');
  });

  it('refuses parole for someone without a parole date', async () => {
    const res = await post(
      worker,
      '/api/v1/release/decisions',
      decision({ sentenceId: noParole.sentenceId, conditions: [], notifyPolice: false }),
    );
    expect(res.statusCode).toBe(422);
    expect((res.json() as Problem).errors?.map((e) => [e.path, e.code])).toEqual([
      ['form', 'release_no_parole_date'],
    ]);
    const ok = await post(worker, '/api/v1/release/decisions', {
      ...decision({ sentenceId: noParole.sentenceId, conditions: [], notifyPolice: false }),
      form: 'term_end',
      releaseDate: '2026-12-30',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const d = (ok.json() as Decisions).current as Decision;
    // No assessment and nothing significant: saved, resting on no assessment.
    expect(d).toMatchObject({
      form: 'term_end',
      statutoryConditions: [],
      assessment: null,
      significant: false,
    });
  });

  it('requires the victims to be notified when the judgment names them', async () => {
    const res = await post(
      worker,
      '/api/v1/release/decisions',
      decision({ sentenceId: withVictims.sentenceId, releaseDate: '2026-12-10', conditions: [] }),
    );
    expect(res.statusCode).toBe(422);
    expect((res.json() as Problem).errors?.map((e) => e.path)).toContain('notifyVictim');
    expect(await count('release_decision', withVictims.sentenceId)).toBe(0);
  });

  it('stores the decision with what it rested on; a change is a new version, a stale one 409', async () => {
    const first = await post(
      worker,
      '/api/v1/release/decisions',
      decision({ justification: 'Bolig og arbeid er på plass; meldeplikt ukentlig.' }),
    );
    expect(first.statusCode, first.body).toBe(201);
    const one = (first.json() as Decisions).current as Decision;
    expect(one).toMatchObject({
      number: 1,
      status: 'current',
      form: 'parole',
      keyDate: '2026-12-20',
      conditions: ['reporting', 'abstinence'],
      statutoryConditions: ['no_new_crime'],
      assessment: { releaseRisk: 'high' },
      significant: true,
      significance: ['high_release_risk'],
    });
    // The checklist's open items, stored as a warning with the decision.
    expect(one.openItems.map((i) => i.area)).toEqual(['income_work', 'health', 'debt', 'network']);

    const second = await post(
      worker,
      '/api/v1/release/decisions',
      decision({
        expectedVersion: 1,
        releaseDate: '2027-01-05',
        gate: 'escorted',
        justification: 'Utsatt til behandlingsplass er klar.',
      }),
    );
    expect(second.statusCode, second.body).toBe(201);
    const both = second.json() as Decisions;
    expect(both.current).toMatchObject({ number: 2, releaseDate: '2027-01-05' });
    expect(both.history.map((h) => [h.number, h.status, h.releaseDate])).toEqual([
      [1, 'superseded', '2026-12-20'],
    ]);

    // Made on version 1 after version 2: stale.
    const stale = await post(
      worker,
      '/api/v1/release/decisions',
      decision({ expectedVersion: 1, justification: 'x' }),
    );
    expect(stale.statusCode).toBe(409);
    const fresh = await post(worker, '/api/v1/release/decisions', decision({ justification: 'x' }));
    expect(fresh.statusCode).toBe(409);
    expect(await count('release_decision', person.sentenceId)).toBe(2);

    const read = await get(worker, `/api/v1/release/decisions/${person.sentenceId}`);
    expect(read.statusCode).toBe(200);
    expect((read.json() as Decisions).current?.number).toBe(2);
    expect(await auditCount('release.decision.create', person.personId)).toBe(2);
    expect(await auditCount('release.decision.read', person.personId)).toBeGreaterThanOrEqual(2);
  });

  it('refuses callers outside the scope and roles without the permission', async () => {
    expect((await get(workerB, `/api/v1/release/decisions/${person.sentenceId}`)).statusCode).toBe(403);
    expect((await get(workerB, `/api/v1/release/decisions/${person.sentenceId}/proposal`)).statusCode).toBe(
      403,
    );
    const res = await post(
      workerB,
      '/api/v1/release/decisions',
      decision({ expectedVersion: 2, justification: 'x' }),
    );
    expect(res.statusCode).toBe(403);
    const officer = await login(t.app, 'officer');
    expect((await get(officer, `/api/v1/release/decisions/${person.sentenceId}`)).statusCode).toBe(403);
    expect(await count('release_decision', person.sentenceId)).toBe(2);
  });
});
