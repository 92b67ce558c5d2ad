import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.ts';
import { dialects } from '../support/db.ts';
import { buildPerson, TODAY } from '../support/world.ts';

type Problem = { status: number; code: string; errors?: { path: string; code: string }[] };
type Overview = {
  plan: { id: string } | null;
  agreed: { id: string; goals: { key: string; needArea: string }[] } | null;
  draft: { id: string; version: number; goals: { key: string }[] } | null;
  history: { id: string }[];
  facility: { id: string; name: string } | null;
  links: {
    goalKey: string;
    referralArea: string;
    activities: { activity: { id: string; name: string }; status: string; waitingPosition: number | null }[];
    referrals: { id: string; partner: { name: string }; status: string; answer: string | null }[];
  }[];
};
type Enrolment = { person: { id: string }; goal: { key: string; needArea: string } | null };
type Activity = { id: string; enrolments: Enrolment[]; waitingList: Enrolment[] };
type ReviewsDue = {
  facility: { id: string } | null;
  facilities: { id: string }[];
  plans: { planId: string; person: { id: string }; nextReviewDate: string; overdue: boolean }[];
  withoutPlan: { person: { id: string }; intakeDate: string; daysSinceIntake: number }[];
};

const fields = (body: unknown) => ((body as Problem).errors ?? []).map((e) => `${e.path}:${e.code}`);

describe.each(dialects())(
  'plan goals met by activities and partners, plans due for review on %s',
  (dialect) => {
    let t: TestApp;
    let worker: Session;
    let workerB: Session;
    const people: Awaited<ReturnType<typeof buildPerson>>[] = [];
    const person = (i: number) => people[i] as Awaited<ReturnType<typeof buildPerson>>;
    const plans: Overview[] = [];

    const post = (s: Session, url: string, payload: object) =>
      t.app.inject({ method: 'POST', url, headers: s.headers, payload });
    const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });
    const overview = async (i: number) =>
      (await get(worker, `/api/v1/people/${person(i).personId}/plan`)).json() as Overview;
    const goalOf = (o: Overview) => o.agreed?.goals[0]?.key as string;

    const assess = async (i: number) => {
      const res = await post(worker, `/api/v1/people/${person(i).personId}/assessments`, {
        supersedesId: null,
        occasion: 'intake',
        assessedOn: TODAY,
        informationSources: 'Dom og samtale ved innsettelse',
        needs: [
          { area: 'housing', level: 'significant', note: 'Uten bolig' },
          { area: 'work', level: 'some', note: '' },
        ],
        ratings: [{ purpose: 'release', probability: 2, consequence: 2, basis: 'Stabil' }],
      });
      expect(res.statusCode, res.body).toBe(201);
    };

    /** An agreed plan with one housing goal and one work goal. */
    const agreedPlan = async (i: number) => {
      const made = await post(worker, `/api/v1/people/${person(i).personId}/plan`, {
        personCommitments: 'Møte til samtaler',
        serviceCommitments: 'Kontaktbetjent hver uke',
        goals: [
          { needArea: 'housing', description: 'Fast bolig ved løslatelse', responsible: 'NAV-veileder' },
          { needArea: 'work', description: 'Arbeid i verkstedet', responsible: 'Kontaktbetjent' },
        ],
      });
      expect(made.statusCode, made.body).toBe(201);
      const draft = (made.json() as Overview).draft as NonNullable<Overview['draft']>;
      const agreed = await post(worker, `/api/v1/plan-versions/${draft.id}/agreement`, {
        version: draft.version,
        accepted: true,
        decidedOn: TODAY,
        personSignature: 'Domfelte',
        officerSignature: 'Saksbehandler',
      });
      expect(agreed.statusCode, agreed.body).toBe(200);
      return agreed.json() as Overview;
    };

    const activity = async (places: number) => {
      const res = await post(worker, '/api/v1/activities', {
        facilityId: t.world.prisonA,
        name: `Verksted ${people.length}-${places}`,
        kind: 'work',
        places,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as Activity;
    };

    beforeAll(async () => {
      t = await buildTestApp(dialect, { bedsPerPrison: 8 });
      worker = await login(t.app, 'case_worker');
      workerB = await login(t.app, 'case_worker_b');
      for (let i = 0; i < 6; i++)
        people.push(
          await buildPerson(t.db, {
            givenName: `Planlagt${i}`,
            familyName: 'Lenket',
            facilityId: t.world.prisonA,
            status: 'admitted',
            bedId: t.world.bedsA[i] as string,
          }),
        );
      // 0, 1, 2 have agreed plans; 3 is assessed without a plan; 4 has neither; 5 fills a place.
      for (const i of [0, 1, 2, 3]) await assess(i);
      for (const i of [0, 1, 2]) plans.push(await agreedPlan(i));
    });
    afterAll(() => t.close());

    it("refuses an enrolment or a referral with a goal of another person's plan (422 on the field)", async () => {
      const a = await activity(3);
      const other = goalOf(plans[1] as Overview);
      const res = await post(worker, `/api/v1/activities/${a.id}/enrolments`, {
        personId: person(0).personId,
        goalKey: other,
      });
      expect(res.statusCode, res.body).toBe(422);
      expect(fields(res.json())).toEqual(['goalKey:plan_goal_not_in_plan']);
      const partner = await post(worker, '/api/v1/partners', { name: 'NAV Test', kind: 'nav' });
      const ref = await post(worker, '/api/v1/referrals', {
        personId: person(0).personId,
        partnerId: (partner.json() as { id: string }).id,
        needArea: 'housing',
        text: 'Bolig',
        goalKey: other,
      });
      expect(ref.statusCode, ref.body).toBe(422);
      expect(fields(ref.json())).toEqual(['goalKey:plan_goal_not_in_plan']);
      // Nothing written.
      const rows = await t.db
        .selectFrom('activity_enrolment')
        .select('id')
        .where('person_id', '=', person(0).personId)
        .execute();
      expect(rows).toHaveLength(0);
      // The database refuses the link too, whatever path writes it.
      const plan1 = (plans[1] as Overview).plan?.id as string;
      await expect(
        t.db
          .insertInto('activity_enrolment')
          .values({
            id: crypto.randomUUID(),
            activity_id: a.id,
            person_id: person(0).personId,
            status: 'waiting',
            created_by_name: 'Test',
            plan_id: plan1,
            goal_key: other,
          })
          .execute(),
      ).rejects.toThrow(/plan_goal_link/);
    });

    it('lists a linked enrolment under its goal, on the activity, and across a new plan version', async () => {
      const a = await activity(1);
      // Person 5 takes the one place, so person 0 waits first in line.
      expect(
        (await post(worker, `/api/v1/activities/${a.id}/enrolments`, { personId: person(5).personId }))
          .statusCode,
      ).toBe(201);
      const work = (plans[0] as Overview).agreed?.goals.find((g) => g.needArea === 'work')?.key as string;
      const res = await post(worker, `/api/v1/activities/${a.id}/enrolments`, {
        personId: person(0).personId,
        goalKey: work,
      });
      expect(res.statusCode, res.body).toBe(201);
      const detail = (res.json() as { status: string; activity: Activity }).activity;
      expect(detail.waitingList.map((e) => e.goal)).toEqual([{ key: work, needArea: 'work' }]);
      expect(detail.enrolments.map((e) => e.goal)).toEqual([null]);

      const o = await overview(0);
      expect(o.facility?.id).toBe(t.world.prisonA);
      const link = o.links.find((l) => l.goalKey === work);
      expect(link?.referralArea).toBe('income_work');
      expect(link?.activities).toEqual([
        expect.objectContaining({
          activity: { id: a.id, name: expect.any(String) },
          status: 'waiting',
          waitingPosition: 1,
        }),
      ]);

      // A new version keeps the goal's key: the enrolment stays with the goal.
      const next = await post(worker, `/api/v1/plans/${o.plan?.id}/versions`, { basedOn: o.history[0]?.id });
      expect(next.statusCode, next.body).toBe(201);
      const after = next.json() as Overview;
      expect(after.draft?.goals.map((g) => g.key)).toContain(work);
      expect(after.links.find((l) => l.goalKey === work)?.activities).toHaveLength(1);
    });

    it('lists a referral with a goal on the goal, with its status and answer', async () => {
      const partner = await post(worker, '/api/v1/partners', { name: 'Boligkontoret', kind: 'municipality' });
      const housing = (plans[1] as Overview).agreed?.goals.find((g) => g.needArea === 'housing')
        ?.key as string;
      const created = await post(worker, '/api/v1/referrals', {
        personId: person(1).personId,
        partnerId: (partner.json() as { id: string }).id,
        needArea: 'housing',
        text: 'Søknad om kommunal bolig',
        goalKey: housing,
      });
      expect(created.statusCode, created.body).toBe(201);
      const r = created.json() as { id: string; version: number; goal: { key: string; description: string } };
      expect(r.goal).toMatchObject({ key: housing, description: 'Fast bolig ved løslatelse' });
      for (const [status, answer, version] of [
        ['received', undefined, r.version],
        ['accepted', 'Bolig fra mars', r.version + 1],
      ] as const) {
        const res = await post(worker, `/api/v1/referrals/${r.id}/status`, { version, status, answer });
        expect(res.statusCode, res.body).toBe(200);
      }
      const link = (await overview(1)).links.find((l) => l.goalKey === housing);
      expect(link?.referrals).toEqual([
        expect.objectContaining({
          id: r.id,
          partner: expect.objectContaining({ name: 'Boligkontoret' }),
          status: 'accepted',
          answer: 'Bolig fra mars',
        }),
      ]);
    });

    it('lists the plans due for review and the inmates without a plan, exactly', async () => {
      const set = (i: number, on: string) =>
        t.db
          .updateTable('plan')
          .set({ next_review_date: on })
          .where('id', '=', (plans[i] as Overview).plan?.id as string)
          .execute();
      await set(0, '2026-11-01'); // overdue
      await set(1, '2026-12-10'); // within 30 days
      await set(2, '2027-02-23'); // outside
      const res = await get(worker, `/api/v1/plans/reviews-due?facilityId=${t.world.prisonA}&withinDays=30`);
      expect(res.statusCode, res.body).toBe(200);
      const due = res.json() as ReviewsDue;
      expect(due.facility?.id).toBe(t.world.prisonA);
      expect(due.facilities.map((f) => f.id)).toEqual([t.world.prisonA]);
      expect(due.plans.map((p) => [p.person.id, p.nextReviewDate, p.overdue])).toEqual([
        [person(0).personId, '2026-11-01', true],
        [person(1).personId, '2026-12-10', false],
      ]);
      // Admitted 2026-10-01, listed on 2026-11-23.
      expect(due.withoutPlan).toEqual([
        expect.objectContaining({
          person: expect.objectContaining({ id: person(3).personId }),
          intakeDate: '2026-10-01',
          daysSinceIntake: 53,
        }),
      ]);
      const audited = await t.db
        .selectFrom('audit_event')
        .select('person_id')
        .where('action', '=', 'plan.due.list')
        .execute();
      expect(audited.map((a) => a.person_id).sort()).toEqual(
        [person(0).personId, person(1).personId, person(3).personId].sort(),
      );
      // Without a facility chosen, only the facilities to choose from.
      const none = (await get(worker, '/api/v1/plans/reviews-due')).json() as ReviewsDue;
      expect(none.facility).toBeNull();
      expect(none.plans).toEqual([]);
    });

    it('refuses a facility outside the caller’s scope (403)', async () => {
      const res = await get(workerB, `/api/v1/plans/reviews-due?facilityId=${t.world.prisonA}`);
      expect(res.statusCode).toBe(403);
    });
  },
);
