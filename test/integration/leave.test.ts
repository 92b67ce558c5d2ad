import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.ts';
import { dialects } from '../support/db.ts';
import { orderMessage } from '../support/esas.ts';
import { buildPerson } from '../support/world.ts';

const sqlLowerDate = sql`lower(municipality), on_date`;

type Problem = { status: number; errors?: { path: string; code: string; message: string }[] };
type Application = {
  id: string;
  version: number;
  status: string;
  outcome: string | null;
  victimNotification: string;
  victims: number;
  current: { assessment: { recommendation: string; reasons: { code: string }[] } } | null;
  decision: {
    outcome: string;
    recommendation: string;
    justification: string | null;
    legalReference: string;
    factors: { destination: { trend: string } };
  } | null;
  appeal: { status: string; version: number; receivedOn: string } | null;
  return: { status: string } | null;
};

describe.each(dialects())('leave applications on %s', (dialect) => {
  let t: TestApp;
  let worker: Session;
  let leader: Session;
  let officer: Session;
  let workerB: Session;
  // Serving since 2025 on a long term: ordinary leave is open (FOR § 3-30).
  let serving: Awaited<ReturnType<typeof buildPerson>>;
  // Admitted this autumn on a long term: the first ordinary leave date lies ahead.
  let newcomer: Awaited<ReturnType<typeof buildPerson>>;
  // Queued, not in prison.
  let queued: Awaited<ReturnType<typeof buildPerson>>;
  // A person whose judgment names victims.
  let withVictims: Awaited<ReturnType<typeof buildPerson>>;

  const levels = async (municipality: string, values: [string, number][]) => {
    for (const [date, incidence] of values)
      await t.db
        .insertInto('infection_level')
        .values({ id: randomUUID(), municipality, on_date: date, incidence_14d: incidence, source: 'manual' })
        .onConflict((oc) => oc.expression(sqlLowerDate).doUpdateSet({ incidence_14d: incidence }))
        .execute();
  };

  beforeAll(async () => {
    t = await buildTestApp(dialect, { bedsPerPrison: 6 });
    worker = await login(t.app, 'case_worker');
    leader = await login(t.app, 'unit_leader');
    officer = await login(t.app, 'officer');
    workerB = await login(t.app, 'case_worker_b');
    const admitted = (givenName: string, familyName: string, bed: number) =>
      buildPerson(t.db, {
        givenName,
        familyName,
        facilityId: t.world.prisonA,
        status: 'admitted',
        bedId: t.world.bedsA[bed] as string,
      });
    serving = await admitted('Ola', 'Permisjon', 0);
    newcomer = await admitted('Kari', 'Nykommer', 1);
    withVictims = await admitted('Per', 'Fornærmet', 2);
    queued = await buildPerson(t.db, {
      givenName: 'Kø',
      familyName: 'Ventende',
      facilityId: t.world.prisonA,
    });
    for (const [p, start] of [
      [serving, '2025-01-01'],
      [newcomer, '2026-10-01'],
    ] as const) {
      await t.db.updateTable('sentence').set({ term_days: 900 }).where('id', '=', p.sentenceId).execute();
      await t.db
        .insertInto('execution_event')
        .values({
          id: randomUUID(),
          person_id: p.personId,
          sentence_id: p.sentenceId,
          kind: 'execution_start',
          on_date: start,
        })
        .execute();
    }
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
    // Oslo (the prison) and Drammen green and stable; Lillestrøm rising.
    await levels('Oslo', [
      ['2026-11-16', 10],
      ['2026-11-23', 10],
    ]);
    await levels('Drammen', [
      ['2026-11-16', 8],
      ['2026-11-23', 9],
    ]);
    await levels('Lillestrøm', [
      ['2026-11-16', 10],
      ['2026-11-23', 25],
    ]);
  });
  afterAll(() => t.close());

  const post = (s: Session, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, payload, headers: { ...s.headers, 'accept-language': 'en' } });
  const get = (s: Session, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { ...s.headers, 'accept-language': 'en' } });

  const application = (personId: string, over: object = {}) => ({
    personId,
    kind: 'welfare',
    fromDate: '2026-12-04',
    fromTime: '10:00',
    toDate: '2026-12-06',
    toTime: '18:00',
    destinationMunicipality: 'Drammen',
    publicTransport: false,
    purpose: 'family',
    description: 'Besøk hos familien',
    ...over,
  });

  const refusal = async (body: object) => {
    const res = await post(worker, '/api/v1/leave/applications', body);
    expect(res.statusCode, res.body).toBe(422);
    return (res.json() as Problem).errors ?? [];
  };

  describe('refusals with the field and the reason', () => {
    it('refuses a leave in the past', async () => {
      const errors = await refusal(application(serving.personId, { fromDate: '2026-11-20' }));
      expect(errors).toContainEqual(expect.objectContaining({ path: 'fromDate', code: 'leave_in_past' }));
      expect(errors[0]?.message).toContain('2026-11-23');
    });

    it('refuses a return before the departure', async () => {
      const errors = await refusal(application(serving.personId, { toDate: '2026-12-04', toTime: '09:00' }));
      expect(errors).toEqual([
        expect.objectContaining({
          path: 'toDate',
          code: 'leave_to_before_from',
          message: expect.stringMatching(/after the departure/),
        }),
      ]);
    });

    it('refuses ordinary leave beyond the remaining quota', async () => {
      const errors = await refusal(
        application(serving.personId, { kind: 'ordinary', toDate: '2026-12-24', toTime: '10:00' }),
      );
      expect(errors).toEqual([expect.objectContaining({ path: 'toDate', code: 'leave_quota_exceeded' })]);
      expect(errors[0]?.message).toContain('only 18 of the 18 days');
    });

    it('refuses ordinary leave before the first ordinary leave date and names the rule', async () => {
      const errors = await refusal(application(newcomer.personId, { kind: 'ordinary' }));
      expect(errors).toEqual([
        expect.objectContaining({ path: 'fromDate', code: 'leave_before_first_date' }),
      ]);
      expect(errors[0]?.message).toMatch(
        /earliest date for this leave is 2027-07-2\d \(forskrift om straffegjennomføring § 3-30/,
      );
    });

    it('refuses a person who is not in prison', async () => {
      const errors = await refusal(application(queued.personId));
      expect(errors).toContainEqual(
        expect.objectContaining({ path: 'personId', code: 'leave_not_in_prison' }),
      );
    });

    it('refuses an application that overlaps another pending one', async () => {
      const first = await post(
        worker,
        '/api/v1/leave/applications',
        application(newcomer.personId, { fromDate: '2026-12-10', toDate: '2026-12-11' }),
      );
      expect(first.statusCode, first.body).toBe(201);
      const errors = await refusal(
        application(newcomer.personId, { fromDate: '2026-12-11', fromTime: '08:00', toDate: '2026-12-12' }),
      );
      expect(errors).toEqual([expect.objectContaining({ path: 'fromDate', code: 'leave_overlap' })]);
    });

    it('keeps a person outside the caller’s scope out', async () => {
      const res = await post(workerB, '/api/v1/leave/applications', application(serving.personId));
      expect(res.statusCode).toBe(403);
    });
  });

  describe('deciding', () => {
    let id: string;

    it('assesses the application with the factors and a recommendation', async () => {
      const res = await post(
        worker,
        '/api/v1/leave/applications',
        application(serving.personId, { kind: 'ordinary' }),
      );
      expect(res.statusCode, res.body).toBe(201);
      const app = res.json() as Application;
      id = app.id;
      expect(app.status).toBe('pending');
      expect(app.current?.assessment.recommendation).toBe('grant');
      expect(app.current?.assessment.reasons.map((r) => r.code)).toEqual(['risk_low']);
    });

    it('requires a justification when refusing', async () => {
      const res = await post(leader, `/api/v1/leave/applications/${id}/decision`, {
        version: 1,
        outcome: 'refused',
      });
      expect(res.statusCode).toBe(422);
      expect((res.json() as Problem).errors).toEqual([
        expect.objectContaining({ path: 'justification', code: 'leave_justification_required' }),
      ]);
    });

    it('does not let an officer decide', async () => {
      const res = await post(officer, `/api/v1/leave/applications/${id}/decision`, {
        version: 1,
        outcome: 'granted',
      });
      expect(res.statusCode).toBe(403);
    });

    it('lets one of two people deciding at once through and gives the other a clear 409', async () => {
      const [a, b] = await Promise.all([
        post(worker, `/api/v1/leave/applications/${id}/decision`, { version: 1, outcome: 'granted' }),
        post(leader, `/api/v1/leave/applications/${id}/decision`, { version: 1, outcome: 'granted' }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const lost = a.statusCode === 409 ? a : b;
      expect(lost.json()).toMatchObject({ status: 409, code: 'stale_version' });
      const won = (a.statusCode === 200 ? a : b).json() as Application;
      expect(won.decision).toMatchObject({
        outcome: 'granted',
        recommendation: 'grant',
        justification: null,
        legalReference: expect.stringContaining('§ 33'),
        factors: { destination: { trend: 'stable' } },
      });
    });

    it('writes the granted ordinary leave to the quota, so the next application sees less left', async () => {
      const records = await t.db
        .selectFrom('leave_record')
        .select(['kind', 'days', 'application_id'])
        .where('person_id', '=', serving.personId)
        .execute();
      expect(records).toEqual([{ kind: 'ordinary', days: 3, application_id: id }]);
      const person = await get(worker, `/api/v1/people/${serving.personId}/leave`);
      expect(person.json()).toMatchObject({ quotaDays: 18, inPrison: true });
      const errors = await refusal(
        application(serving.personId, {
          kind: 'ordinary',
          fromDate: '2026-12-08',
          toDate: '2026-12-23',
          toTime: '11:00',
        }),
      );
      expect(errors[0]).toMatchObject({ code: 'leave_quota_exceeded' });
      expect(errors[0]?.message).toContain('only 15 of the 18 days');
      const stored = await t.db
        .selectFrom('calculation')
        .select('as_of')
        .where('person_id', '=', serving.personId)
        .executeTakeFirst();
      expect(stored?.as_of).toBe('2026-11-23');
    });

    it('requires a justification when going against the recommendation', async () => {
      const res = await post(
        worker,
        '/api/v1/leave/applications',
        application(serving.personId, {
          fromDate: '2026-12-14',
          toDate: '2026-12-15',
          destinationMunicipality: 'Lillestrøm',
        }),
      );
      const app = res.json() as Application;
      expect(app.current?.assessment.recommendation).toBe('refuse');
      const bare = await post(worker, `/api/v1/leave/applications/${app.id}/decision`, {
        version: 1,
        outcome: 'granted',
      });
      expect(bare.statusCode).toBe(422);
      expect((bare.json() as Problem).errors?.[0]?.path).toBe('justification');
      const justified = await post(worker, `/api/v1/leave/applications/${app.id}/decision`, {
        version: 1,
        outcome: 'granted_with_conditions',
        conditions: ['escorted', 'no_public_transport'],
        justification: 'Far er alvorlig syk; fremstilling med følge.',
      });
      expect(justified.statusCode, justified.body).toBe(200);
      expect((justified.json() as Application).decision).toMatchObject({
        outcome: 'granted_with_conditions',
        recommendation: 'refuse',
      });
    });
  });

  describe('victims, appeal, return and statistics', () => {
    it('flags the victims for notification when leave is granted, and the task can be marked done', async () => {
      const created = (
        await post(worker, '/api/v1/leave/applications', application(withVictims.personId))
      ).json() as Application;
      const decided = await post(worker, `/api/v1/leave/applications/${created.id}/decision`, {
        version: 1,
        outcome: 'granted',
      });
      expect(decided.statusCode, decided.body).toBe(200);
      const app = decided.json() as Application;
      expect(app.victims).toBeGreaterThan(0);
      expect(app.victimNotification).toBe('pending');
      const list = await get(worker, '/api/v1/leave/applications?status=granted');
      const row = (list.json() as { items: { id: string; victimNotification: string }[] }).items.find(
        (i) => i.id === app.id,
      );
      expect(row?.victimNotification).toBe('pending');
      const done = await post(worker, `/api/v1/leave/applications/${app.id}/victim-notified`, {
        version: app.version,
      });
      expect(done.statusCode, done.body).toBe(200);
      expect((done.json() as Application).victimNotification).toBe('done');
    });

    it('registers an appeal against a refusal and records its outcome', async () => {
      const created = (
        await post(
          worker,
          '/api/v1/leave/applications',
          application(newcomer.personId, {
            fromDate: '2026-12-20',
            toDate: '2026-12-21',
          }),
        )
      ).json() as Application;
      const refused = (
        await post(worker, `/api/v1/leave/applications/${created.id}/decision`, {
          version: 1,
          outcome: 'refused',
          justification: 'Formålet kan ivaretas med videosamtale.',
        })
      ).json() as Application;
      expect(refused.status).toBe('refused');
      const early = await post(officer, `/api/v1/leave/applications/${created.id}/appeal`, {
        receivedOn: '2026-11-01',
        grounds: 'Uenig',
      });
      expect(early.statusCode).toBe(422);
      const appealed = await post(officer, `/api/v1/leave/applications/${created.id}/appeal`, {
        receivedOn: '2026-11-23',
        grounds: 'Barna trenger å se meg.',
      });
      expect(appealed.statusCode, appealed.body).toBe(200);
      const a = appealed.json() as Application;
      expect(a.appeal).toMatchObject({ status: 'received', receivedOn: '2026-11-23' });
      const twice = await post(officer, `/api/v1/leave/applications/${created.id}/appeal`, {
        receivedOn: '2026-11-23',
        grounds: 'Igjen',
      });
      expect(twice.statusCode).toBe(409);
      const outcome = await post(leader, `/api/v1/leave/applications/${created.id}/appeal/outcome`, {
        version: a.appeal?.version ?? 0,
        status: 'upheld',
      });
      expect(outcome.statusCode, outcome.body).toBe(200);
      expect((outcome.json() as Application).appeal?.status).toBe('upheld');
    });

    it('records returns and counts failures per 1,000 leaves', async () => {
      // Two leaves that began today: one back on time, one late.
      const ids: { id: string; version: number }[] = [];
      for (const [who, dest] of [
        [serving, 'Drammen'],
        [newcomer, 'Drammen'],
      ] as const) {
        const c = await post(
          worker,
          '/api/v1/leave/applications',
          application(who.personId, {
            fromDate: '2026-11-23',
            fromTime: '08:00',
            toDate: '2026-11-23',
            toTime: '09:00',
            destinationMunicipality: dest,
          }),
        );
        expect(c.statusCode, c.body).toBe(201);
        const d = (
          await post(worker, `/api/v1/leave/applications/${(c.json() as Application).id}/decision`, {
            version: 1,
            outcome: 'granted',
          })
        ).json() as Application;
        ids.push({ id: d.id, version: d.version });
      }
      const [onTime, late] = ids as [{ id: string; version: number }, { id: string; version: number }];
      const missing = await post(officer, `/api/v1/leave/applications/${onTime.id}/return`, {
        version: onTime.version,
        returned: true,
      });
      expect(missing.statusCode).toBe(422);
      const r1 = await post(officer, `/api/v1/leave/applications/${onTime.id}/return`, {
        version: onTime.version,
        returned: true,
        returnedDate: '2026-11-23',
        returnedTime: '08:55',
      });
      expect((r1.json() as Application).return?.status).toBe('on_time');
      const r2 = await post(officer, `/api/v1/leave/applications/${late.id}/return`, {
        version: late.version,
        returned: true,
        returnedDate: '2026-11-23',
        returnedTime: '09:40',
      });
      expect((r2.json() as Application).return?.status).toBe('late');
      const again = await post(officer, `/api/v1/leave/applications/${late.id}/return`, {
        version: late.version + 1,
        returned: false,
      });
      expect(again.statusCode).toBe(409);
      const stats = await get(worker, '/api/v1/leave/statistics?from=2026-11-01&to=2026-11-30');
      expect(stats.statusCode, stats.body).toBe(200);
      const prisonA = (
        stats.json() as {
          items: { facility: { id: string }; taken: number; failures: number; perThousand: number }[];
        }
      ).items.find((i) => i.facility.id === t.world.prisonA);
      expect(prisonA).toMatchObject({ taken: 2, failures: 1, perThousand: 500 });
      const outOfScope = await get(workerB, '/api/v1/leave/statistics?from=2026-11-01&to=2026-11-30');
      expect(
        (outOfScope.json() as { items: { facility: { id: string } }[] }).items.map((i) => i.facility.id),
      ).toEqual([t.world.prisonB]);
    });
  });

  describe('after granting', () => {
    it('lists a granted leave for review when the destination starts rising, and revokes it with a justification', async () => {
      const c = (
        await post(
          worker,
          '/api/v1/leave/applications',
          application(withVictims.personId, {
            fromDate: '2026-12-27',
            toDate: '2026-12-28',
          }),
        )
      ).json() as Application;
      const granted = (
        await post(worker, `/api/v1/leave/applications/${c.id}/decision`, { version: 1, outcome: 'granted' })
      ).json() as Application;
      const before = await get(worker, '/api/v1/leave/review');
      expect((before.json() as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(c.id);

      await levels('Drammen', [['2026-11-23', 30]]);
      const after = await get(worker, '/api/v1/leave/review');
      const item = (
        after.json() as {
          items: {
            id: string;
            recommendationNow: string;
            changes: { factor: string; before: string; after: string }[];
          }[];
        }
      ).items.find((i) => i.id === c.id);
      expect(item?.recommendationNow).toBe('refuse');
      expect(item?.changes).toContainEqual({
        factor: 'destination_trend',
        before: 'stable',
        after: 'rising',
      });

      const bare = await post(worker, `/api/v1/leave/applications/${c.id}/review`, {
        version: granted.version,
        action: 'revoke',
      });
      expect(bare.statusCode).toBe(422);
      const revoked = await post(worker, `/api/v1/leave/applications/${c.id}/review`, {
        version: granted.version,
        action: 'revoke',
        justification: 'Økende smitte i Drammen.',
      });
      expect(revoked.statusCode, revoked.body).toBe(200);
      expect((revoked.json() as Application).status).toBe('revoked');
      // The person is shown what changed: the facts the leave was revoked on, beside the decision's.
      const shown = revoked.json() as {
        review: { outcome: string; factors: { destination: { trend: string } } | null };
        decision: { factors: { destination: { trend: string } } };
      };
      expect(shown.review.outcome).toBe('revoked');
      expect(shown.decision.factors.destination.trend).toBe('stable');
      expect(shown.review.factors?.destination.trend).toBe('rising');
      const gone = await get(worker, '/api/v1/leave/review');
      expect((gone.json() as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(c.id);
      await levels('Drammen', [['2026-11-23', 9]]);
    });

    it('writes an audit event for each read of an application', async () => {
      const rows = await t.db
        .selectFrom('audit_event')
        .select(['action', 'person_id'])
        .where('action', '=', 'leave.read')
        .execute();
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.person_id !== null)).toBe(true);
    });
  });
});
