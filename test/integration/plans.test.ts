import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCalculationsService } from '../../src/server/modules/calculations/calculations.service.ts';
import { fixedClock } from '../../src/server/shared/clock.ts';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.ts';
import { dialects } from '../support/db.ts';
import { buildPerson, TODAY } from '../support/world.ts';

type Problem = { status: number; code: string; errors?: { path: string; code: string; message: string }[] };
type Goal = { key: string; needArea: string; description: string; status: string; responsible: string };
type Version = {
  id: string;
  number: number;
  status: string;
  version: number;
  personCommitments: string;
  goals: Goal[];
  personSignature: string | null;
  refusalReason: string | null;
};
type Overview = {
  plan: { id: string; nextReviewDate: string | null } | null;
  agreed: Version | null;
  draft: Version | null;
  history: (Omit<Version, 'goals'> & { differences: { what: string; kind: string; fields?: string[] }[] })[];
  goalEvents: { goalKey: string; status: string; reason: string | null; by: string }[];
  reviews: { nextReviewDate: string }[];
  placement: string;
  path: {
    step: string;
    date: string | null;
    keyDate: string | null;
    status: string;
    conditional: boolean;
    reasons: { code: string }[];
  }[];
};

const fields = (body: unknown) => ((body as Problem).errors ?? []).map((e) => `${e.path}:${e.code}`);

describe.each(dialects())('plans, the agreement and the progression path on %s', (dialect) => {
  let t: TestApp;
  let worker: Session;
  let officer: Session;
  let person: Awaited<ReturnType<typeof buildPerson>>;

  const send = (s: Session, method: 'POST' | 'PUT', url: string, payload: object) =>
    t.app.inject({ method, url, payload, headers: s.headers });
  const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });
  const overview = async () =>
    (await get(worker, `/api/v1/people/${person.personId}/plan`)).json() as Overview;

  const content = (over: object = {}) => ({
    personCommitments: 'Møte til samtaler og delta i arbeidsdriften',
    serviceCommitments: 'Kontaktbetjent hver uke, hjelp med bolig gjennom NAV',
    goals: [
      {
        needArea: 'housing',
        description: 'Fast bolig ved løslatelse',
        activities: 'Søknad om kommunal bolig',
        responsible: 'NAV-veileder i fengselet',
        dueDate: '2027-06-01',
      },
    ],
    ...over,
  });

  beforeAll(async () => {
    t = await buildTestApp(dialect, { bedsPerPrison: 4 });
    worker = await login(t.app, 'case_worker');
    officer = await login(t.app, 'officer');
    person = await buildPerson(t.db, {
      givenName: 'Per',
      familyName: 'Planlagt',
      facilityId: t.world.prisonA,
      status: 'admitted',
      bedId: t.world.bedsA[0] as string,
    });
    await t.db.updateTable('sentence').set({ term_days: 900 }).where('id', '=', person.sentenceId).execute();
    await t.db
      .insertInto('execution_event')
      .values({
        id: randomUUID(),
        person_id: person.personId,
        sentence_id: person.sentenceId,
        kind: 'execution_start',
        on_date: '2026-10-01',
      })
      .execute();
    await createCalculationsService(t.db, fixedClock(TODAY)).recalculate(t.db, [person.personId]);
  });
  afterAll(() => t.close());

  it('refuses a plan without a current assessment', async () => {
    const res = await send(worker, 'POST', `/api/v1/people/${person.personId}/plan`, content());
    expect(res.statusCode, res.body).toBe(409);
    expect((res.json() as Problem).code).toBe('assessment_missing');
    expect(await t.db.selectFrom('plan').select('id').execute()).toHaveLength(0);
  });

  it('refuses a goal whose area the assessment does not rate as a need, unless justified', async () => {
    const made = await send(worker, 'POST', `/api/v1/people/${person.personId}/assessments`, {
      supersedesId: null,
      occasion: 'intake',
      assessedOn: TODAY,
      informationSources: 'Dom og samtale ved innsettelse',
      needs: [
        { area: 'housing', level: 'significant', note: 'Uten bolig' },
        { area: 'work', level: 'none', note: '' },
      ],
      ratings: [{ purpose: 'release', probability: 2, consequence: 2, basis: 'Stabil' }],
    });
    expect(made.statusCode, made.body).toBe(201);
    const work = { needArea: 'work', description: 'Arbeid etter løslatelse', responsible: 'Domfelte' };
    const res = await send(
      worker,
      'POST',
      `/api/v1/people/${person.personId}/plan`,
      content({ goals: [...content().goals, work] }),
    );
    expect(res.statusCode, res.body).toBe(422);
    expect(fields(res.json())).toEqual(['goals.1.needJustification:plan_goal_not_a_need']);
    expect((res.json() as Problem).errors?.[0]?.message).toMatch(/behov/);
    expect(await t.db.selectFrom('plan').select('id').execute()).toHaveLength(0);
  });

  it('makes a plan with the person as a draft, and lets officers read but not change it', async () => {
    const res = await send(worker, 'POST', `/api/v1/people/${person.personId}/plan`, content());
    expect(res.statusCode, res.body).toBe(201);
    const o = res.json() as Overview;
    expect(o.draft?.number).toBe(1);
    expect(o.draft?.goals.map((g) => g.needArea)).toEqual(['housing']);
    expect(o.agreed).toBeNull();
    const again = await send(worker, 'POST', `/api/v1/people/${person.personId}/plan`, content());
    expect(again.statusCode).toBe(409);
    expect((again.json() as Problem).code).toBe('plan_exists');
    expect((await get(officer, `/api/v1/people/${person.personId}/plan`)).statusCode).toBe(200);
    const denied = await send(officer, 'PUT', `/api/v1/plan-versions/${o.draft?.id}`, {
      version: 1,
      ...content(),
    });
    expect(denied.statusCode).toBe(403);
  });

  it('edits the draft at the version read, 409 when stale', async () => {
    const o = await overview();
    const draft = o.draft as Version;
    const ok = await send(worker, 'PUT', `/api/v1/plan-versions/${draft.id}`, {
      version: draft.version,
      ...content({ personCommitments: 'Møte til samtaler, delta i arbeidsdriften og rusmestring' }),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as Overview).draft?.version).toBe(draft.version + 1);
    const stale = await send(worker, 'PUT', `/api/v1/plan-versions/${draft.id}`, {
      version: draft.version,
      ...content(),
    });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as Problem).code).toBe('stale_version');
  });

  it('records a refusal only with its reason and keeps it; an acceptance needs both signatures', async () => {
    const draft = (await overview()).draft as Version;
    const noReason = await send(worker, 'POST', `/api/v1/plan-versions/${draft.id}/agreement`, {
      version: draft.version,
      accepted: false,
      decidedOn: TODAY,
    });
    expect(noReason.statusCode).toBe(422);
    expect(fields(noReason.json())).toEqual(['refusalReason:plan_refusal_reason_required']);
    const unsigned = await send(worker, 'POST', `/api/v1/plan-versions/${draft.id}/agreement`, {
      version: draft.version,
      accepted: true,
      decidedOn: TODAY,
      personSignature: ' ',
    });
    expect(unsigned.statusCode).toBe(422);
    expect(fields(unsigned.json())).toEqual([
      'personSignature:plan_signature_required',
      'officerSignature:plan_signature_required',
    ]);
    const refused = await send(worker, 'POST', `/api/v1/plan-versions/${draft.id}/agreement`, {
      version: draft.version,
      accepted: false,
      decidedOn: TODAY,
      refusalReason: 'Vil ikke forplikte seg til rusmestring nå',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    const o = refused.json() as Overview;
    expect(o.draft).toBeNull();
    expect(o.history[0]?.status).toBe('refused');
    expect(o.history[0]?.refusalReason).toBe('Vil ikke forplikte seg til rusmestring nå');
  });

  it('agrees a new version: the agreed one is immutable, a change is a new draft, the history shows differences', async () => {
    let o = await overview();
    const refused = o.history[0] as Overview['history'][number];
    const stale = await send(worker, 'POST', `/api/v1/plans/${o.plan?.id}/versions`, {
      basedOn: randomUUID(),
    });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as Problem).code).toBe('plan_stale');
    const v2 = await send(worker, 'POST', `/api/v1/plans/${o.plan?.id}/versions`, { basedOn: refused.id });
    expect(v2.statusCode, v2.body).toBe(201);
    o = v2.json() as Overview;
    const draft = o.draft as Version;
    expect(draft.number).toBe(2);
    const accepted = await send(worker, 'POST', `/api/v1/plan-versions/${draft.id}/agreement`, {
      version: draft.version,
      accepted: true,
      decidedOn: TODAY,
      personSignature: 'Per Planlagt',
      officerSignature: 'Test case_worker',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    o = accepted.json() as Overview;
    expect(o.agreed?.number).toBe(2);
    expect(o.agreed?.personSignature).toBe('Per Planlagt');
    expect(o.plan?.nextReviewDate).toBe('2027-02-23');

    // The agreed version cannot be changed, through the API or in the database.
    const edit = await send(worker, 'PUT', `/api/v1/plan-versions/${draft.id}`, {
      version: draft.version + 1,
      ...content(),
    });
    expect(edit.statusCode).toBe(409);
    expect((edit.json() as Problem).code).toBe('plan_version_not_draft');
    await expect(
      t.db
        .updateTable('plan_version')
        .set({ person_commitments: 'Endret' })
        .where('id', '=', draft.id)
        .execute(),
    ).rejects.toThrow(/immutable/);
    await expect(t.db.deleteFrom('plan_goal').where('version_id', '=', draft.id).execute()).rejects.toThrow(
      /immutable/,
    );

    // A change: a new draft from the agreed version, a goal added, agreed again.
    const v3 = (
      await send(worker, 'POST', `/api/v1/plans/${o.plan?.id}/versions`, { basedOn: draft.id })
    ).json() as Overview;
    const d3 = v3.draft as Version;
    expect(d3.goals.map((g) => g.key)).toEqual(o.agreed?.goals.map((g) => g.key));
    const twice = await send(worker, 'POST', `/api/v1/plans/${o.plan?.id}/versions`, { basedOn: d3.id });
    expect(twice.statusCode).toBe(409);
    expect((twice.json() as Problem).code).toBe('plan_draft_exists');
    const changed = await send(worker, 'PUT', `/api/v1/plan-versions/${d3.id}`, {
      version: d3.version,
      personCommitments: d3.personCommitments,
      serviceCommitments: 'Kontaktbetjent hver uke',
      goals: [
        { ...d3.goals[0], responsible: 'Kommunen' },
        {
          needArea: 'education',
          needJustification: 'Ønsker å fullføre videregående',
          description: 'Studiekompetanse',
          responsible: 'Skolen i fengselet',
        },
      ].map((g) => {
        const { status: _s, ...rest } = g as typeof g & { status?: string };
        return rest;
      }),
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const d3b = (changed.json() as Overview).draft as Version;
    const agreed3 = await send(worker, 'POST', `/api/v1/plan-versions/${d3.id}/agreement`, {
      version: d3b.version,
      accepted: true,
      decidedOn: TODAY,
      personSignature: 'Per Planlagt',
      officerSignature: 'Test case_worker',
    });
    expect(agreed3.statusCode, agreed3.body).toBe(200);
    o = agreed3.json() as Overview;
    expect(o.history.map((h) => [h.number, h.status])).toEqual([
      [3, 'agreed'],
      [2, 'superseded'],
      [1, 'refused'],
    ]);
    expect(o.history[0]?.differences.map((d) => `${d.what}:${d.kind}`)).toEqual([
      'serviceCommitments:changed',
      'goal:changed',
      'goal:added',
    ]);
    expect(o.history[0]?.differences[1]?.fields).toEqual(['responsible']);
    // The superseded version still holds what was agreed then.
    const old = await t.db
      .selectFrom('plan_version')
      .selectAll()
      .where('id', '=', draft.id)
      .executeTakeFirst();
    expect(old?.service_commitments).toBe('Kontaktbetjent hver uke, hjelp med bolig gjennom NAV');
  });

  it('shows the progression path with the stored key dates, and goals conditioning the steps', async () => {
    const o = await overview();
    const stored = await t.db
      .selectFrom('key_date')
      .select(['key', 'on_date'])
      .where('person_id', '=', person.personId)
      .execute();
    const dateOf = (key: string) => stored.find((k) => k.key === key)?.on_date ?? null;
    expect(o.placement).toBe('high_security');
    const next = o.path.find((s) => s.status === 'next');
    expect(next?.step).toBe('lower_security');
    expect(next?.date).not.toBeNull();
    expect(next?.date).toBe(dateOf(next?.keyDate as string));
    const parole = o.path.find((s) => s.step === 'parole');
    expect(parole?.date).toBe(dateOf('parole'));
    // The housing goal is open: the halfway house rests on it.
    expect(o.path.find((s) => s.step === 'halfway_house')?.reasons.map((r) => r.code)).toContain('goal_open');
  });

  it('follows up goals: dropped or changed need a reason; reached lifts the condition; reviews set the next date', async () => {
    const o = await overview();
    const plan = o.plan?.id as string;
    const housing = o.agreed?.goals.find((g) => g.needArea === 'housing') as Goal;
    const education = o.agreed?.goals.find((g) => g.needArea === 'education') as Goal;
    const noReason = await send(worker, 'POST', `/api/v1/plans/${plan}/goals/${education.key}/status`, {
      status: 'dropped',
    });
    expect(noReason.statusCode).toBe(422);
    expect(fields(noReason.json())).toEqual(['reason:plan_goal_reason_required']);
    const dropped = await send(worker, 'POST', `/api/v1/plans/${plan}/goals/${education.key}/status`, {
      status: 'dropped',
      reason: 'Overført til annet fengsel uten skoletilbud',
    });
    expect(dropped.statusCode, dropped.body).toBe(200);
    const reached = await send(worker, 'POST', `/api/v1/plans/${plan}/goals/${housing.key}/status`, {
      status: 'reached',
    });
    expect(reached.statusCode, reached.body).toBe(200);
    const after = reached.json() as Overview;
    expect(after.agreed?.goals.map((g) => g.status)).toEqual(['reached', 'dropped']);
    expect(after.goalEvents.map((e) => [e.status, e.by])).toEqual([
      ['dropped', 'Test case_worker'],
      ['reached', 'Test case_worker'],
    ]);
    expect(after.path.find((s) => s.step === 'halfway_house')?.conditional).toBe(false);
    const review = await send(worker, 'POST', `/api/v1/plans/${plan}/reviews`, {
      occasion: 'event',
      reviewedOn: '2026-11-20',
      note: 'Gjennomgått etter at bolig ble innvilget',
    });
    expect(review.statusCode, review.body).toBe(201);
    expect((review.json() as Overview).plan?.nextReviewDate).toBe('2027-02-20');
    const audits = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('person_id', '=', person.personId)
      .where('action', 'like', 'plan.%')
      .execute();
    const actions = new Set(audits.map((a) => a.action));
    for (const a of [
      'plan.read',
      'plan.create',
      'plan.update',
      'plan.agreement',
      'plan.version.create',
      'plan.goal.status',
      'plan.review',
    ])
      expect(actions).toContain(a);
  });
});
