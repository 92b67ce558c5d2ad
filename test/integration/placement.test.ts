import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthStatusKind } from '../../src/server/db/types.ts';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.ts';
import { dialects } from '../support/db.ts';
import { buildPerson, TODAY } from '../support/world.ts';

type Problem = { code: string; title: string; errors?: { path: string; code: string; message: string }[] };

describe.each(dialects())('placement under infection control on %s', (dialect) => {
  let t: TestApp;
  let worker: Session;
  let leader: Session;
  let officer: Session;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    worker = await login(t.app, 'case_worker');
    leader = await login(t.app, 'unit_leader');
    officer = await login(t.app, 'officer');
  });
  afterAll(() => t.close());

  const post = (s: Session, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, payload, headers: { ...s.headers, 'accept-language': 'en' } });
  const get = (s: Session, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { ...s.headers, 'accept-language': 'en' } });

  /** A cell with the given bed labels in a department; returns the bed ids in label order. */
  async function cell(departmentId: string, number: string, labels: string[]) {
    const cellId = randomUUID();
    await t.db.insertInto('cell').values({ id: cellId, department_id: departmentId, number }).execute();
    const beds = labels.map((label) => ({ id: randomUUID(), cell_id: cellId, label }));
    await t.db.insertInto('bed').values(beds).execute();
    return beds.map((b) => b.id);
  }

  async function department(facilityId: string, code: string) {
    const id = randomUUID();
    await t.db
      .insertInto('department')
      .values({ id, facility_id: facilityId, code, name: `Avdeling ${code}` })
      .execute();
    return id;
  }

  async function measure(
    type: 'single_occupancy' | 'no_transfers',
    scope: { facilityId?: string } = {},
  ): Promise<string> {
    const id = randomUUID();
    await t.db
      .insertInto('measure')
      .values({
        id,
        type,
        level: null,
        scope_kind: scope.facilityId ? 'facility' : 'national',
        org_unit_id: null,
        facility_id: scope.facilityId ?? null,
        reason: 'test',
        decided_by: null,
        decided_by_name: 'Test',
        valid_from: '2026-11-01',
        valid_to: '2026-11-30',
        review_date: '2026-11-30',
      })
      .execute();
    return id;
  }

  const endMeasure = (id: string) =>
    t.db.updateTable('measure').set({ ended_on: '2026-11-02' }).where('id', '=', id).execute();

  async function status(personId: string, facilityId: string, kind: HealthStatusKind) {
    await t.db
      .insertInto('health_status')
      .values({
        id: randomUUID(),
        subject_kind: 'inmate',
        person_id: personId,
        staff_id: null,
        facility_id: facilityId,
        status: kind,
        from_date: '2026-11-20',
        to_date: null,
        traced_from_id: null,
        recorded_by: null,
        recorded_by_name: 'Test',
        ended_by: null,
      })
      .execute();
  }

  const inmate = (givenName: string, facilityId: string, bedId: string) =>
    buildPerson(t.db, { givenName, familyName: 'Innsatt', facilityId, status: 'admitted', bedId });

  const currentPlacement = (personId: string) =>
    t.db
      .selectFrom('placement')
      .selectAll()
      .where('person_id', '=', personId)
      .where('to_date', 'is', null)
      .executeTakeFirstOrThrow();

  describe('single occupancy', () => {
    it('refuses a second occupant in a cell while the measure is in force, with the rule, and allows it without', async () => {
      const [bedA, bedB] = (await cell(t.world.departmentA, '301', ['A', 'B'])) as [string, string];
      await inmate('Første', t.world.prisonA, bedA);
      const queued = await buildPerson(t.db, {
        givenName: 'Andre',
        familyName: 'Venter',
        facilityId: t.world.prisonA,
      });
      const single = await measure('single_occupancy');

      const refused = await post(worker, `/api/v1/sentences/${queued.sentenceId}/admission`, {
        version: 1,
        bedId: bedB,
      });
      expect(refused.statusCode, refused.body).toBe(409);
      const problem = refused.json() as Problem;
      expect(problem.code).toBe('single_occupancy_cell_taken');
      expect(problem.title).toContain('Suspend the use of cells with more than one bed');

      // The facility page shows the capacity under the rule and the bed as not usable.
      const facility = (await get(worker, `/api/v1/facilities/${t.world.prisonA}`)).json();
      expect(facility.singleOccupancy).toMatchObject({ inForce: true, cellsOverCapacity: 0 });
      expect(facility.singleOccupancy.places).toBe(facility.beds - 1);
      const beds = facility.departments[0].cells.flatMap((c: { beds: { id: string }[] }) => c.beds);
      expect(beds.find((b: { id: string }) => b.id === bedB)).toMatchObject({
        occupied: false,
        usable: false,
      });

      await endMeasure(single);
      const allowed = await post(worker, `/api/v1/sentences/${queued.sentenceId}/admission`, {
        version: 1,
        bedId: bedB,
      });
      expect(allowed.statusCode, allowed.body).toBe(200);

      // Two in one cell: over capacity once single occupancy is in force again.
      const again = await measure('single_occupancy');
      const after = (await get(worker, `/api/v1/facilities/${t.world.prisonA}`)).json();
      expect(after.singleOccupancy).toMatchObject({ inForce: true, cellsOverCapacity: 1 });
      const dashboard = (await get(worker, '/api/v1/dashboard')).json();
      expect(dashboard.singleOccupancy).toMatchObject({ facilitiesInForce: 2, cellsOverCapacity: 1 });
      const region = dashboard.regions.find((r: { name: string }) => r.name === 'Kriminalomsorgen Oslo');
      expect(region.facilities[0].singleOccupancy).toMatchObject({ inForce: true, cellsOverCapacity: 1 });
      await endMeasure(again);
    });

    it('lets exactly one of many parallel admissions into two beds of one cell through', async () => {
      const [bedA, bedB] = (await cell(t.world.departmentA, '302', ['A', 'B'])) as [string, string];
      const single = await measure('single_occupancy');
      const people = [];
      for (let i = 0; i < 12; i++)
        people.push(
          await buildPerson(t.db, {
            givenName: `Kø${i}`,
            familyName: 'Parallell',
            facilityId: t.world.prisonA,
          }),
        );
      const results = await Promise.all(
        people.map((p, i) =>
          post(worker, `/api/v1/sentences/${p.sentenceId}/admission`, {
            version: 1,
            bedId: i % 2 === 0 ? bedA : bedB,
          }),
        ),
      );
      const codes = results.map((r) => r.statusCode);
      expect(codes.filter((c) => c === 200)).toHaveLength(1);
      expect(codes.filter((c) => c === 409)).toHaveLength(11);
      for (const r of results.filter((x) => x.statusCode === 409))
        expect(['single_occupancy_cell_taken', 'bed_taken']).toContain((r.json() as Problem).code);
      const inCell = await t.db
        .selectFrom('placement')
        .select('id')
        .where('bed_id', 'in', [bedA, bedB])
        .where('to_date', 'is', null)
        .execute();
      expect(inCell).toHaveLength(1);
      await endMeasure(single);
    });
  });

  describe('moves and transfers', () => {
    it('refuses to transfer an infected inmate, naming the status and the rule; a move within the facility is allowed', async () => {
      const [from] = (await cell(t.world.departmentA, '401', ['A'])) as [string];
      const [within] = (await cell(t.world.departmentA, '402', ['A'])) as [string];
      const p = await inmate('Smittet', t.world.prisonA, from);
      await status(p.personId, t.world.prisonA, 'confirmed');
      const placement = await currentPlacement(p.personId);

      const refused = await post(worker, `/api/v1/people/${p.personId}/moves`, {
        placementId: placement.id,
        toBedId: t.world.bedsB[2],
        reason: 'Ønsker overføring',
      });
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'transfer_infected' });
      expect((refused.json() as Problem).title).toContain('a confirmed case');
      expect((refused.json() as Problem).title).toContain(
        'Inmates who are infected shall not be transferred to another geographical location.',
      );
      expect((await currentPlacement(p.personId)).id).toBe(placement.id);

      const moved = await post(worker, `/api/v1/people/${p.personId}/moves`, {
        placementId: placement.id,
        toBedId: within,
      });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json()).toMatchObject({ transfer: false, on: TODAY, to: { cell: { number: '402' } } });
      const old = await t.db
        .selectFrom('placement')
        .selectAll()
        .where('id', '=', placement.id)
        .executeTakeFirstOrThrow();
      expect(old.to_date).toBe(TODAY);

      // The old placement id is stale now.
      const stale = await post(worker, `/api/v1/people/${p.personId}/moves`, {
        placementId: placement.id,
        toBedId: from,
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ code: 'stale_version' });
    });

    it('demands a reason for a transfer while no transfers is in force, and transfers with one', async () => {
      const [from] = (await cell(t.world.departmentA, '501', ['A'])) as [string];
      const p = await inmate('Frisk', t.world.prisonA, from);
      const placement = await currentPlacement(p.personId);
      const noTransfers = await measure('no_transfers', { facilityId: t.world.prisonB });

      const missing = await post(worker, `/api/v1/people/${p.personId}/moves`, {
        placementId: placement.id,
        toBedId: t.world.bedsB[3],
      });
      expect(missing.statusCode, missing.body).toBe(422);
      expect((missing.json() as Problem).errors).toEqual([
        expect.objectContaining({ path: 'reason', code: 'transfer_reason_required' }),
      ]);

      const done = await post(worker, `/api/v1/people/${p.personId}/moves`, {
        placementId: placement.id,
        toBedId: t.world.bedsB[3],
        reason: 'Soning nær familie etter vedtak',
      });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json()).toMatchObject({ transfer: true, to: { facility: { id: t.world.prisonB } } });
      const now = await currentPlacement(p.personId);
      expect(now).toMatchObject({
        facility_id: t.world.prisonB,
        bed_id: t.world.bedsB[3],
        move_reason: 'Soning nær familie etter vedtak',
        from_date: TODAY,
      });
      expect(now.moved_by).not.toBeNull();
      const audited = await t.db
        .selectFrom('audit_event')
        .select('details')
        .where('person_id', '=', p.personId)
        .where('action', '=', 'placement.move')
        .execute();
      expect(audited).toHaveLength(1);
      await endMeasure(noTransfers);
    });

    it('refuses a move into an occupied bed, a bed in a shared cell under single occupancy, and a future date', async () => {
      const [a] = (await cell(t.world.departmentA, '601', ['A'])) as [string];
      const [b1, b2] = (await cell(t.world.departmentA, '602', ['A', 'B'])) as [string, string];
      const p = await inmate('Flytter', t.world.prisonA, a);
      await inmate('Bor', t.world.prisonA, b1);
      const placement = await currentPlacement(p.personId);
      const taken = await post(worker, `/api/v1/people/${p.personId}/moves`, {
        placementId: placement.id,
        toBedId: b1,
      });
      expect(taken.statusCode).toBe(409);
      expect(taken.json()).toMatchObject({ code: 'bed_taken' });
      const single = await measure('single_occupancy');
      const shared = await post(worker, `/api/v1/people/${p.personId}/moves`, {
        placementId: placement.id,
        toBedId: b2,
      });
      expect(shared.statusCode).toBe(409);
      expect(shared.json()).toMatchObject({ code: 'single_occupancy_cell_taken' });
      const future = await post(worker, `/api/v1/people/${p.personId}/moves`, {
        placementId: placement.id,
        toBedId: b2,
        on: '2026-12-24',
      });
      expect(future.statusCode).toBe(422);
      expect((future.json() as Problem).errors?.[0]).toMatchObject({ path: 'on', code: 'move_date_future' });
      await endMeasure(single);
    });
  });

  describe('cohorting', () => {
    let prisonC: string;
    const people: Record<string, string> = {};
    const beds: Record<string, string> = {};

    beforeAll(async () => {
      prisonC = randomUUID();
      await t.db
        .insertInto('facility')
        .values({
          id: prisonC,
          code: 'TC',
          name: 'Kohortby fengsel',
          kind: 'prison_high',
          municipality: 'Oslo',
          valid_from: '2000-01-01',
          valid_to: null,
        })
        .execute();
      await t.db
        .insertInto('facility_membership')
        .values({
          facility_id: prisonC,
          org_unit_id: t.world.unitOslo,
          valid_from: '2022-01-01',
          valid_to: null,
        })
        .execute();
      const depA = await department(prisonC, 'A');
      const depB = await department(prisonC, 'B');
      for (const [dep, number] of [
        [depA, '101'],
        [depA, '102'],
        [depA, '103'],
        [depB, '201'],
        [depB, '202'],
      ] as const)
        beds[number] = (await cell(dep, number, ['A']))[0] as string;
      for (const [name, number, infected] of [
        ['p1', '101', true],
        ['p2', '102', true],
        ['p3', '103', false],
        ['p4', '201', true],
      ] as const) {
        const p = await inmate(name, prisonC, beds[number] as string);
        people[name] = p.personId;
        if (infected) await status(p.personId, prisonC, name === 'p2' ? 'isolation' : 'confirmed');
      }
      await measure('single_occupancy', { facilityId: prisonC });
    });

    type Cohort = {
      kind: string;
      explanation: string;
      department: { code: string } | null;
      infected: unknown[];
      moves: {
        person: { id: string };
        why: string;
        from: { bed: { id: string } };
        to: { bed: { id: string } };
      }[];
    };
    const proposal = async (s: Session) =>
      (await get(s, `/api/v1/facilities/${prisonC}/cohort-proposal`)).json() as Cohort;
    const asBody = (c: Cohort) => ({
      on: TODAY,
      moves: c.moves.map((m) => ({ personId: m.person.id, fromBedId: m.from.bed.id, toBedId: m.to.bed.id })),
    });

    it('proposes the department needing fewest moves, with who moves where, and audits the read', async () => {
      const c = await proposal(leader);
      expect(c.kind).toBe('proposal');
      expect(c.department?.code).toBe('A');
      expect(c.infected).toHaveLength(3);
      expect(c.moves.map((m) => [m.person.id, m.why, m.from.bed.id, m.to.bed.id])).toEqual([
        [people.p4, 'infected', beds['201'], beds['103']],
        [people.p3, 'make_room', beds['103'], beds['202']],
      ]);
      expect(c.explanation).toBe('Gather 3 infected inmates in Avdeling A: 2 moves, 1 of them to make room.');
      const audited = await t.db
        .selectFrom('audit_event')
        .select('person_id')
        .where('action', '=', 'placement.cohort.read')
        .execute();
      expect(new Set(audited.map((a) => a.person_id))).toEqual(
        new Set([people.p1, people.p2, people.p3, people.p4]),
      );
    });

    it('is health data: needs health.read and the facility in scope', async () => {
      expect((await get(worker, `/api/v1/facilities/${prisonC}/cohort-proposal`)).statusCode).toBe(403);
      expect((await get(officer, `/api/v1/facilities/${prisonC}/cohort-proposal`)).statusCode).toBe(403);
    });

    it('refuses a stale proposal as a whole: nobody moves', async () => {
      const shown = await proposal(leader);
      // Meanwhile someone is admitted to the cell the proposal sends p3 to.
      const late = await inmate('Sen', prisonC, beds['202'] as string);
      const res = await post(leader, `/api/v1/facilities/${prisonC}/cohort-proposal/apply`, asBody(shown));
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json()).toMatchObject({ code: 'cohort_stale' });
      expect((await currentPlacement(people.p4 as string)).bed_id).toBe(beds['201']);
      expect((await currentPlacement(people.p3 as string)).bed_id).toBe(beds['103']);
      // The late arrival leaves again, so the original proposal holds once more.
      await t.db
        .updateTable('placement')
        .set({ to_date: '2026-11-22', from_date: '2026-10-01' })
        .where('person_id', '=', late.personId)
        .execute();
    });

    it('stops the whole batch when a move would break a separation, naming the rule', async () => {
      // p4 is to be kept apart from p1 at department level; the proposal gathers both in A.
      const id = randomUUID();
      await t.db
        .insertInto('non_association')
        .values({
          id,
          person_id: people.p4 as string,
          other_person_id: people.p1 as string,
          level: 'department',
          reason: 'gang_conflict',
          note: 'Konflikt mellom grupperinger',
          created_by: null,
          created_by_name: 'Test',
          created_at: new Date(),
        })
        .execute();
      const shown = await proposal(leader);
      const res = await post(leader, `/api/v1/facilities/${prisonC}/cohort-proposal/apply`, asBody(shown));
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json()).toMatchObject({ errors: [{ path: 'moves', code: 'non_association_department' }] });
      expect((await currentPlacement(people.p4 as string)).bed_id).toBe(beds['201']);
      expect((await currentPlacement(people.p3 as string)).bed_id).toBe(beds['103']);
      await t.db.deleteFrom('non_association').where('id', '=', id).execute();
    });

    it('carries out all the moves in one go, after which everyone is in place', async () => {
      const shown = await proposal(leader);
      const res = await post(leader, `/api/v1/facilities/${prisonC}/cohort-proposal/apply`, asBody(shown));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ moved: 2 });
      expect((await currentPlacement(people.p4 as string)).bed_id).toBe(beds['103']);
      expect((await currentPlacement(people.p3 as string)).bed_id).toBe(beds['202']);
      const after = await proposal(leader);
      expect(after).toMatchObject({ kind: 'proposal', moves: [] });
      expect(after.explanation).toContain('already gathered in Avdeling A');
    });
  });
});
