import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.ts';
import { dialects } from '../support/db.ts';

type MeasureView = {
  id: string;
  version: number;
  level: string | null;
  inForce: boolean;
  endedOn: string | null;
};

describe.each(dialects())('crisis measures on %s', (dialect) => {
  let t: TestApp;
  let crisis: Session;
  let leader: Session;
  let officer: Session;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    crisis = await login(t.app, 'crisis_team');
    leader = await login(t.app, 'unit_leader');
    officer = await login(t.app, 'officer');
  });
  afterAll(() => t.close());

  const post = (s: Session, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, payload, headers: { ...s.headers, 'accept-language': 'en' } });
  const get = (s: Session | null, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { ...(s?.headers ?? {}), 'accept-language': 'en' } });

  const period = { validFrom: '2026-11-06', validTo: '2026-11-27', reviewDate: '2026-11-27' };
  let nationalVisits: MeasureView;

  it('creates a national measure, updates it with its version and refuses a stale version', async () => {
    const created = await post(crisis, '/api/v1/measures', {
      type: 'visits',
      level: 'restricted',
      scopeKind: 'national',
      reason: 'Økt smitte',
      ...period,
    });
    expect(created.statusCode, created.body).toBe(201);
    nationalVisits = created.json();
    expect(nationalVisits).toMatchObject({ version: 1, level: 'restricted', inForce: true });

    const updated = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/measures/${nationalVisits.id}`,
      headers: crisis.headers,
      payload: {
        version: 1,
        level: 'restricted',
        reason: 'Økt smitte, vurdert',
        ...period,
        reviewDate: '2026-11-25',
      },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ version: 2, reviewDate: '2026-11-25' });

    const stale = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/measures/${nationalVisits.id}`,
      headers: crisis.headers,
      payload: { version: 1, level: 'stopped', reason: 'x', ...period },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    nationalVisits = updated.json();
  });

  it('validates fields: period order, review date, level and scope', async () => {
    const res = await post(crisis, '/api/v1/measures', {
      type: 'visits',
      level: 'restricted',
      scopeKind: 'national',
      reason: 'x',
      validFrom: '2026-11-27',
      validTo: '2026-11-06',
      reviewDate: '2026-11-27',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain('validTo');
    const review = await post(crisis, '/api/v1/measures', {
      type: 'no_transfers',
      scopeKind: 'national',
      reason: 'x',
      ...period,
      reviewDate: '2026-12-01',
    });
    expect(review.statusCode).toBe(422);
    expect(review.json().errors[0].message).toMatch(/review date/);
    const scope = await post(crisis, '/api/v1/measures', {
      type: 'no_transfers',
      scopeKind: 'facility',
      scopeId: '00000000-0000-4000-8000-000000000000',
      reason: 'x',
      ...period,
    });
    expect(scope.statusCode).toBe(422);
  });

  it('lets a unit leader decide in their unit but not outside it', async () => {
    const inside = await post(leader, '/api/v1/measures', {
      type: 'visits',
      level: 'stopped',
      scopeKind: 'facility',
      scopeId: t.world.prisonA,
      reason: 'Utbrudd',
      ...period,
    });
    expect(inside.statusCode, inside.body).toBe(201);
    const outside = await post(leader, '/api/v1/measures', {
      type: 'visits',
      level: 'stopped',
      scopeKind: 'facility',
      scopeId: t.world.prisonB,
      reason: 'Utbrudd',
      ...period,
    });
    expect(outside.statusCode).toBe(403);
    const national = await post(leader, '/api/v1/measures', {
      type: 'no_transfers',
      scopeKind: 'national',
      reason: 'x',
      ...period,
    });
    expect(national.statusCode).toBe(403);
    const otherUnit = await post(leader, '/api/v1/measures', {
      type: 'no_transfers',
      scopeKind: 'unit',
      scopeId: t.world.unitWest,
      reason: 'x',
      ...period,
    });
    expect(otherUnit.statusCode).toBe(403);
    const byOfficer = await post(officer, '/api/v1/measures', {
      type: 'no_transfers',
      scopeKind: 'national',
      reason: 'x',
      ...period,
    });
    expect(byOfficer.statusCode).toBe(403);
  });

  it('gives the strictest level in force for a facility, and the national view shows the divergence', async () => {
    const a = await get(officer, `/api/v1/facilities/${t.world.prisonA}/measures?on=2026-11-23`);
    expect(a.statusCode).toBe(200);
    const visitsA = a.json().inForce.find((e: { type: string }) => e.type === 'visits');
    expect(visitsA).toMatchObject({ level: 'stopped', sources: 2 });
    const b = await get(officer, `/api/v1/facilities/${t.world.prisonB}/measures?on=2026-11-23`);
    expect(b.json().inForce.find((e: { type: string }) => e.type === 'visits')).toMatchObject({
      level: 'restricted',
    });

    const view = await get(officer, '/api/v1/measures/national?on=2026-11-23');
    expect(view.statusCode).toBe(200);
    const rowA = view
      .json()
      .facilities.find((f: { facility: { id: string } }) => f.facility.id === t.world.prisonA);
    expect(rowA.divergences).toEqual([
      expect.objectContaining({
        type: 'visits',
        nationalLevel: 'restricted',
        localLevel: 'stopped',
        divergence: 'stricter',
      }),
    ]);
    const rowB = view
      .json()
      .facilities.find((f: { facility: { id: string } }) => f.facility.id === t.world.prisonB);
    expect(rowB.divergences).toEqual([]);
  });

  it('lists reviews due within N days', async () => {
    const res = await get(officer, '/api/v1/measures/reviews?withinDays=3');
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((m: { id: string }) => m.id);
    expect(ids[0]).toBe(nationalVisits.id);
    expect(res.json().items[0]).toMatchObject({ daysLeft: 2, overdue: false });
    const none = await get(officer, '/api/v1/measures/reviews?withinDays=1');
    expect(none.json().items.map((m: { id: string }) => m.id)).not.toContain(nationalVisits.id);
  });

  it('tells relatives the rules without a session, in their language', async () => {
    const list = await get(null, '/api/v1/public/facilities');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toContainEqual({ code: 'TA', name: 'Testby fengsel' });
    const a = await get(null, '/api/v1/public/facilities/TA');
    expect(a.statusCode).toBe(200);
    expect(a.json().visits).toMatch(/stopped/);
    expect(a.json().hotline.phone).toBe('(+47) 404 388 88');
    expect(a.body).not.toMatch(/Utbrudd|crisis_team/);
    const nb = await t.app.inject({
      method: 'GET',
      url: '/api/v1/public/facilities/TB',
      headers: { 'accept-language': 'nb' },
    });
    expect(nb.json().visits).toMatch(/begrenset/);
    expect(nb.json().hotline.text).toMatch(/hverdager kl\. 09:00–15:00/);
    const missing = await get(null, '/api/v1/public/facilities/NOPE');
    expect(missing.statusCode).toBe(404);
  });

  it('ends a measure now: no longer in force, and a second end is refused', async () => {
    const ended = await post(crisis, `/api/v1/measures/${nationalVisits.id}/end`, {
      version: nationalVisits.version,
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({
      endedOn: '2026-11-23',
      inForce: false,
      version: nationalVisits.version + 1,
    });
    const again = await post(crisis, `/api/v1/measures/${nationalVisits.id}/end`, {
      version: nationalVisits.version + 1,
    });
    expect(again.statusCode).toBe(409);
    const inForce = await get(officer, '/api/v1/measures?on=2026-11-23');
    expect(inForce.json().items.map((m: { id: string }) => m.id)).not.toContain(nationalVisits.id);
    const audit = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', 'like', 'measure.%')
      .execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set(['measure.create', 'measure.update', 'measure.end']),
    );
  });
});
