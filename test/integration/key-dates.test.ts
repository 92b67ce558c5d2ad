import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.ts';
import { dialects } from '../support/db.ts';
import { buildPerson } from '../support/world.ts';

// The test world's clock says 2026-11-23; an admitted person in buildPerson started 2026-10-01.
describe.each(dialects())('key dates through the API on %s', (dialect) => {
  let t: TestApp;
  let worker: Session;
  let inmate: Awaited<ReturnType<typeof buildPerson>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    worker = await login(t.app, 'case_worker');
    inmate = await buildPerson(t.db, {
      givenName: 'Dato',
      familyName: 'Beregnet',
      facilityId: t.world.prisonA,
      status: 'admitted',
      bedId: t.world.bedsA[0],
    });
  });
  afterAll(() => t.close());

  const post = (url: string, payload: object, s: Session = worker) =>
    t.app.inject({ method: 'POST', url, headers: { ...s.headers, 'accept-language': 'en' }, payload });
  const get = (url: string, s: Session = worker) => t.app.inject({ method: 'GET', url, headers: s.headers });

  it('answers a what-if without storing anything, every date with its rule, law and explanation', async () => {
    const before = await t.db.selectFrom('calculation').select('person_id').execute();
    const res = await post('/api/v1/calculations/key-dates', {
      asOf: '2026-11-23',
      sentences: [{ id: 's1', kind: 'prison', termDays: 120 }],
      events: [{ type: 'execution_start', date: '2026-10-01' }],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.expectedEnd).toBe('2027-01-28');
    const parole = body.keyDates.find((k: { key: string }) => k.key === 'parole');
    expect(parole.date).toBe('2026-12-19');
    expect(parole.legalRef).toContain('§ 42');
    expect(parole.explanation.nb.length).toBeGreaterThan(20);
    expect(parole.explanation.en.length).toBeGreaterThan(20);
    expect(await t.db.selectFrom('calculation').select('person_id').execute()).toEqual(before);
  });

  it('refuses a malformed what-if naming the field', async () => {
    const res = await post('/api/v1/calculations/key-dates', {
      asOf: '2026-02-30',
      sentences: [{ id: 's', kind: 'jail' }],
    });
    expect(res.statusCode).toBe(422);
    const paths = res
      .json()
      .errors.map((e: { path: string }) => e.path)
      .sort();
    expect(paths).toEqual(['asOf', 'sentences.0.kind']);
    const zero = await post('/api/v1/calculations/key-dates', {
      asOf: '2026-11-23',
      sentences: [{ id: 's', kind: 'prison', termDays: 0 }],
    });
    expect(zero.json().errors).toEqual([
      { path: 'sentences.0.termDays', code: 'field_greater_than', message: 'Must be greater than 0.' },
    ]);
  });

  it("shows a person's key dates from the database, and audits the read", async () => {
    const res = await get(`/api/v1/people/${inmate.personId}/key-dates`);
    expect(res.statusCode).toBe(200);
    const { input, result } = res.json();
    expect(input.events[0]).toEqual({ type: 'execution_start', date: '2026-10-01' });
    expect(result.expectedEnd).toBe('2027-01-28');
    const audit = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('person_id', '=', inmate.personId)
      .execute();
    expect(audit.map((a) => a.action)).toContain('person.key_dates.read');
  });

  it('previews an escape without storing it, then records it and the dates move by its days', async () => {
    const preview = await post(`/api/v1/people/${inmate.personId}/key-dates/preview`, {
      event: { type: 'escape', date: '2026-11-01' },
    });
    expect(preview.statusCode).toBe(200);
    const events = await t.db
      .selectFrom('execution_event')
      .select('id')
      .where('person_id', '=', inmate.personId)
      .execute();
    expect(events).toHaveLength(0);
    expect(preview.json().changes.length).toBeGreaterThan(0);

    const escaped = await post(`/api/v1/people/${inmate.personId}/events`, {
      type: 'escape',
      date: '2026-11-01',
    });
    expect(escaped.statusCode).toBe(200);
    const back = await post(`/api/v1/people/${inmate.personId}/events`, {
      type: 'return',
      date: '2026-11-11',
    });
    expect(back.statusCode).toBe(200);
    expect(back.json().result.expectedEnd).toBe('2027-02-07');
    const stored = await t.db
      .selectFrom('key_date')
      .select(['key', 'on_date'])
      .where('person_id', '=', inmate.personId)
      .where('key', '=', 'term_end')
      .executeTakeFirstOrThrow();
    expect(stored.on_date).toBe('2027-02-07');
    const future = await post(`/api/v1/people/${inmate.personId}/events`, {
      type: 'escape',
      date: '2030-01-01',
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().errors[0]).toMatchObject({ path: 'date', code: 'event_in_future' });
  });

  it('recalculates when the queue changes a sentence, and lists who is eligible within N days', async () => {
    const queued = await buildPerson(t.db, {
      givenName: 'Snart',
      familyName: 'Permisjon',
      facilityId: t.world.prisonA,
    });
    const admit = await post(`/api/v1/sentences/${queued.sentenceId}/admission`, {
      version: 1,
      bedId: t.world.bedsA[2],
    });
    expect(admit.statusCode).toBe(200);
    const rows = await t.db
      .selectFrom('key_date')
      .select('key')
      .where('person_id', '=', queued.personId)
      .execute();
    expect(rows.map((r) => r.key)).toContain('parole');
    const list = await get('/api/v1/eligibility?kind=parole&withinDays=365');
    expect(list.statusCode).toBe(200);
    const names = list.json().items.map((i: { person: { familyName: string } }) => i.person.familyName);
    expect(names).toEqual(expect.arrayContaining(['Permisjon', 'Beregnet']));
    const soon = await get('/api/v1/eligibility?kind=parole&withinDays=0');
    expect(soon.json().items).toHaveLength(0);
    const outside = await login(t.app, 'case_worker_b');
    const theirs = await get('/api/v1/eligibility?kind=parole&withinDays=365', outside);
    expect(theirs.json().items).toHaveLength(0);
  });

  it('gives the crisis team the early-release list for a period, with exclusions and a CSV', async () => {
    const crisis = await login(t.app, 'crisis_team');
    const res = await get(
      '/api/v1/crisis/early-release?from=2026-11-23&to=2027-03-01&withinDays=120',
      crisis,
    );
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { key: string; status: string; person: { familyName: string } }[];
    expect(items.some((i) => i.key === 'crisis_early_release')).toBe(true);
    const csv = await get(
      '/api/v1/crisis/early-release?from=2026-11-23&to=2027-03-01&withinDays=120&format=csv',
      crisis,
    );
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toContain('etternavn');
    expect(csv.body).toContain('Beregnet');
    const worker403 = await get('/api/v1/crisis/early-release?from=2026-11-23&to=2027-03-01', worker);
    expect(worker403.statusCode).toBe(403);
  });

  it('switches the crisis rules on for a period and recalculates every active sentence', async () => {
    const manager = await login(t.app, 'national_manager');
    const res = await post(
      '/api/v1/rules/crisis',
      { from: '2026-11-23', to: '2027-03-01', reason: 'Utbrudd' },
      manager,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().persons).toBeGreaterThanOrEqual(2);
    const rows = await t.db
      .selectFrom('key_date')
      .select(['key', 'on_date'])
      .where('person_id', '=', inmate.personId)
      .where('key', '=', 'crisis_early_release')
      .execute();
    expect(rows).toHaveLength(1);
    const bad = await post(
      '/api/v1/rules/crisis',
      { from: '2027-03-01', to: '2026-11-23', reason: 'x' },
      manager,
    );
    expect(bad.statusCode).toBe(422);
    const periods = await get('/api/v1/rules/crisis', manager);
    expect(periods.json()).toEqual([
      expect.objectContaining({
        from: '2026-11-23',
        to: '2027-03-01',
        reason: 'Utbrudd',
        setBy: 'Test national_manager',
      }),
    ]);
    // Switched off again from today: the period ends and the crisis dates are gone.
    const off = await post('/api/v1/rules/crisis/end', { on: '2026-11-23', reason: 'Over' }, manager);
    expect(off.statusCode).toBe(200);
    expect((await get('/api/v1/rules/crisis', manager)).json()).toEqual([]);
    const after = await t.db
      .selectFrom('key_date')
      .select('key')
      .where('person_id', '=', inmate.personId)
      .where('key', '=', 'crisis_early_release')
      .execute();
    expect(after).toHaveLength(0);
  });
});
