import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.ts';
import { dialects } from '../support/db.ts';

type FacilityRow = {
  facility: { id: string; name: string };
  orgUnit: { name: string } | null;
  municipality: string;
  incidence14d: number | null;
  level: string;
  trend: string;
};

describe.each(dialects())('infection situation on %s', (dialect) => {
  let t: TestApp;
  let crisis: Session;
  let officer: Session;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    crisis = await login(t.app, 'crisis_team');
    officer = await login(t.app, 'officer');
  });
  afterAll(() => t.close());

  const post = (
    url: string,
    payload: object | string,
    session = crisis,
    headers: Record<string, string> = {},
  ) => t.app.inject({ method: 'POST', url, headers: { ...session.headers, ...headers }, payload });
  const get = (url: string, session = crisis) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
  const count = async () =>
    Number(
      (
        await t.db
          .selectFrom('infection_level')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('enters a value by hand, replaces it on the same date, and audits it', async () => {
    const first = await post('/api/v1/infection/levels', {
      municipality: 'bergen',
      date: '2026-11-16',
      incidence14d: 30,
    });
    expect(first.statusCode).toBe(200);
    // Spelt as the facility's municipality.
    expect(first.json()).toMatchObject({
      municipality: 'Bergen',
      date: '2026-11-16',
      incidence14d: 30,
      created: true,
    });
    const again = await post('/api/v1/infection/levels', {
      municipality: 'Bergen',
      date: '2026-11-16',
      incidence14d: 40,
    });
    expect(again.json()).toMatchObject({ incidence14d: 40, created: false });
    expect(await count()).toBe(1);
    const audited = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'infection.enter')
      .execute();
    expect(audited).toHaveLength(2);
  });

  it('refuses bad input field by field, and a date in the future', async () => {
    const bad = await post('/api/v1/infection/levels', {
      municipality: '',
      date: '2026-13-01',
      incidence14d: -1,
    });
    expect(bad.statusCode).toBe(422);
    const paths = (bad.json() as { errors: { path: string }[] }).errors.map((e) => e.path).sort();
    expect(paths).toEqual(['date', 'incidence14d', 'municipality']);
    const future = await post('/api/v1/infection/levels', {
      municipality: 'Oslo',
      date: '2026-11-24',
      incidence14d: 5,
    });
    expect(future.statusCode).toBe(422);
    expect(future.json()).toMatchObject({ errors: [{ path: 'date' }] });
  });

  it('imports a CSV file (text/csv, semicolons and decimal commas) and updates what is there', async () => {
    const csv = [
      'kommune;dato;insidens_14d',
      'Oslo;2026-11-16;50',
      'Oslo;2026-11-23;72,5',
      '',
      'Bergen;2026-11-23;41.2',
      'bergen;2026-11-16;40',
    ].join('\n');
    const res = await post('/api/v1/infection/import', csv, crisis, { 'content-type': 'text/csv' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rows: 4, created: 3, updated: 1, municipalities: 2 });
    const json = await post('/api/v1/infection/import', {
      csv: 'kommune,dato,insidens_14d\nTromsø,2026-11-23,"3,5"\n',
    });
    expect(json.json()).toMatchObject({ rows: 1, created: 1 });
    expect(await count()).toBe(5);
  });

  it('refuses a bad file naming each line and field, and writes nothing', async () => {
    const before = await count();
    const csv = 'kommune,dato,insidens_14d\nOslo,2026-11-22,10\nBergen,22.11.2026,12\n,2026-11-22,x\n';
    const res = await post('/api/v1/infection/import', { csv }, crisis, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(422);
    const errors = (res.json() as { errors: { path: string; message: string }[] }).errors;
    expect(errors.map((e) => e.path)).toEqual(['csv.3.dato', 'csv.4.kommune', 'csv.4.insidens_14d']);
    expect(errors[0]?.message).toMatch(/^Line 3, field dato/);
    const header = await post('/api/v1/infection/import', {
      csv: 'municipality,date,value\nOslo,2026-11-22,1\n',
    });
    expect(header.statusCode).toBe(422);
    expect(header.json()).toMatchObject({ errors: [{ path: 'csv.1' }] });
    expect(await count()).toBe(before);
  });

  it('shows each facility with its unit, the level and trend where it stands, most severe first', async () => {
    const res = await get('/api/v1/infection/facilities?asOf=2026-11-23', officer);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { thresholds: { yellowFrom: number; redFrom: number }; items: FacilityRow[] };
    expect(body.thresholds).toMatchObject({ yellowFrom: 20, redFrom: 50 });
    const byId = new Map(body.items.map((i) => [i.facility.id, i]));
    // Oslo: 72.5 against 50 a week before (+45 %): red and rising. Bergen: 41.2 against 40: yellow, stable.
    expect(byId.get(t.world.prisonA)).toMatchObject({
      municipality: 'Oslo',
      incidence14d: 72.5,
      level: 'red',
      trend: 'rising',
    });
    expect(byId.get(t.world.prisonA)?.orgUnit?.name).toBeTruthy();
    expect(byId.get(t.world.prisonB)).toMatchObject({
      municipality: 'Bergen',
      level: 'yellow',
      trend: 'stable',
    });
    expect(body.items.map((i) => i.level)).toEqual(
      [...body.items.map((i) => i.level)].sort(
        (a, b) =>
          ['red', 'yellow', 'green', 'unknown'].indexOf(a) - ['red', 'yellow', 'green', 'unknown'].indexOf(b),
      ),
    );
    const earlier = await get('/api/v1/infection/facilities?asOf=2026-11-20', officer);
    const oslo = (earlier.json() as { items: FacilityRow[] }).items.find(
      (i) => i.facility.id === t.world.prisonA,
    );
    expect(oslo).toMatchObject({ incidence14d: 50, level: 'red', trend: 'unknown' });
    const municipalities = await get('/api/v1/infection/levels?asOf=2026-11-23', officer);
    expect(
      (municipalities.json() as { items: { municipality: string }[] }).items.map((i) => i.municipality),
    ).toEqual(['Oslo', 'Bergen', 'Tromsø']);
  });

  it('sets new thresholds from a date, ends the period in force, and keeps earlier days as they were', async () => {
    const before = await get('/api/v1/infection/thresholds', officer);
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({ current: { yellowFrom: 20, redFrom: 50 } });
    const set = await post('/api/v1/infection/thresholds', {
      validFrom: '2026-11-23',
      yellowFrom: 10,
      redFrom: 40,
      risingPercent: 15,
      compareDays: 7,
      reason: 'Skjerpet etter råd fra helsetjenesten',
    });
    expect(set.statusCode).toBe(200);
    const body = set.json() as {
      current: { yellowFrom: number; redFrom: number; risingPercent: number; validFrom: string };
      periods: { validFrom: string; validTo: string | null; source: string }[];
    };
    expect(body.current).toMatchObject({
      yellowFrom: 10,
      redFrom: 40,
      risingPercent: 15,
      validFrom: '2026-11-23',
    });
    expect(body.periods.map((p) => [p.validFrom, p.validTo])).toEqual([
      ['2026-11-23', null],
      ['2020-01-01', '2026-11-23'],
    ]);
    expect(body.periods[0]?.source).toContain('Skjerpet etter råd fra helsetjenesten');
    // Oslo stood at 50 on 2026-11-20: red under either set; Bergen's 40 is yellow before, red now.
    await post('/api/v1/infection/levels', { municipality: 'Bergen', date: '2026-11-22', incidence14d: 40 });
    const today = (await get('/api/v1/infection/levels?asOf=2026-11-23', officer)).json() as {
      items: { municipality: string; level: string }[];
    };
    expect(today.items.find((i) => i.municipality === 'Bergen')?.level).toBe('red');
    const audited = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'infection.thresholds')
      .execute();
    expect(audited).toHaveLength(1);
  });

  it('refuses thresholds field by field, from a past date, and not after the latest period', async () => {
    const bad = await post('/api/v1/infection/thresholds', {
      validFrom: '2026-11-01',
      yellowFrom: 0,
      redFrom: 0,
      risingPercent: 0,
      compareDays: 40,
      reason: 'test av feil',
    });
    expect(bad.statusCode).toBe(422);
    const paths = (bad.json() as { errors: { path: string }[] }).errors.map((e) => e.path).sort();
    expect(paths).toEqual(['compareDays', 'redFrom', 'risingPercent', 'validFrom', 'yellowFrom']);
    const periods = async () =>
      Number(
        (
          await t.db
            .selectFrom('infection_threshold')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const n = await periods();
    const same = await post('/api/v1/infection/thresholds', {
      validFrom: '2026-11-23',
      yellowFrom: 30,
      redFrom: 60,
      risingPercent: 20,
      compareDays: 7,
      reason: 'samme dag igjen',
    });
    expect(same.statusCode).toBe(422);
    expect((same.json() as { errors: { path: string; message: string }[] }).errors[0]).toMatchObject({
      path: 'validFrom',
    });
    expect(await periods()).toBe(n);
    const officerTry = await post(
      '/api/v1/infection/thresholds',
      {
        validFrom: '2026-12-01',
        yellowFrom: 30,
        redFrom: 60,
        risingPercent: 20,
        compareDays: 7,
        reason: 'ikke lov',
      },
      officer,
    );
    expect(officerTry.statusCode).toBe(403);
  });

  it('lets only infection.manage write, and everyone with infection.read read', async () => {
    const entry = await post(
      '/api/v1/infection/levels',
      { municipality: 'Oslo', date: '2026-11-22', incidence14d: 5 },
      officer,
    );
    expect(entry.statusCode).toBe(403);
    const file = await post(
      '/api/v1/infection/import',
      { csv: 'kommune,dato,insidens_14d\nOslo,2026-11-22,5\n' },
      officer,
    );
    expect(file.statusCode).toBe(403);
    const admin = await login(t.app, 'system_admin');
    expect((await get('/api/v1/infection/facilities', admin)).statusCode).toBe(403);
    const analyst = await login(t.app, 'analyst');
    expect((await get('/api/v1/infection/levels', analyst)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/infection/levels' })).statusCode).toBe(401);
  });
});
