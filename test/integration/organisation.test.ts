import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.ts';
import { dialects } from '../support/db.ts';
import { buildPerson } from '../support/world.ts';

describe.each(dialects())('organisation and dashboard on %s', (dialect) => {
  let t: TestApp;
  let s: Session;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await buildPerson(t.db, {
      givenName: 'Inne',
      familyName: 'Nå',
      facilityId: t.world.prisonA,
      status: 'admitted',
      bedId: t.world.bedsA[0],
    });
    await buildPerson(t.db, {
      givenName: 'Venter',
      familyName: 'Lenge',
      facilityId: t.world.prisonA,
      orderDate: '2026-01-05',
    });
    s = await login(t.app, 'analyst');
  });
  afterAll(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });

  it('shows the five-region structure before the reorganisation date and the units after, from data', async () => {
    const before = (await get('/api/v1/organisation?asOf=2021-06-01')).json();
    const after = (await get('/api/v1/organisation?asOf=2022-01-01')).json();
    const now = (await get('/api/v1/organisation')).json();
    expect(before.root.children.map((c: { name: string }) => c.name)).toEqual(['Region vest', 'Region øst']);
    expect(before.root.children.every((c: { kind: string }) => c.kind === 'region')).toBe(true);
    expect(after.root.children.map((c: { name: string }) => c.name)).toEqual([
      'Kriminalomsorgen Oslo',
      'Kriminalomsorgen Vest',
    ]);
    const oslo = now.root.children[0];
    expect(now.asOf).toBe('2026-11-23');
    expect(oslo.facilities.map((f: { name: string }) => f.name)).toEqual([
      'Testby fengsel',
      'Testby friomsorgskontor',
    ]);
    expect(oslo.facilities[0]).toMatchObject({ beds: 4, occupied: 1, free: 3 });
  });

  it('shows a facility with departments, cells and beds, without occupant names', async () => {
    const res = await get(`/api/v1/facilities/${t.world.prisonA}`);
    expect(res.statusCode).toBe(200);
    const f = res.json();
    expect(f.departments[0].cells).toHaveLength(4);
    expect(f.departments[0].cells[0].beds[0]).toEqual({
      id: t.world.bedsA[0],
      label: 'A',
      occupied: true,
      usable: false,
    });
    expect(res.body).not.toContain('Inne');
    expect(f.parents[0].name).toBe('Kriminalomsorgen Oslo');
  });

  it('refuses a malformed date with a field error', async () => {
    const res = await get('/api/v1/organisation?asOf=2022-13-01');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ path: 'asOf', code: 'field_date' });
  });

  it('counts beds, occupancy, queue and this week from the database', async () => {
    const d = (await get('/api/v1/dashboard')).json();
    expect(d.total).toEqual({ beds: 8, occupied: 1, free: 7 });
    expect(d.regions.find((r: { name: string }) => r.name === 'Kriminalomsorgen Oslo')).toMatchObject({
      beds: 4,
      occupied: 1,
      free: 3,
    });
    expect(d.queue).toEqual({ length: 1, oldestOrderDate: '2026-01-05', oldestDaysWaiting: 322 });
    expect(d.week).toEqual({ from: '2026-11-23', to: '2026-11-29', admissions: 0, releases: 0 });
    const worker = await login(t.app, 'case_worker');
    const p = await buildPerson(t.db, {
      givenName: 'Ny',
      familyName: 'Innsatt',
      facilityId: t.world.prisonA,
    });
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/sentences/${p.sentenceId}/admission`,
      headers: worker.headers,
      payload: { version: 1, bedId: t.world.bedsA[3] },
    });
    const after = (await get('/api/v1/dashboard')).json();
    expect(after.total.occupied).toBe(2);
    expect(after.week.admissions).toBe(1);
  });
});
