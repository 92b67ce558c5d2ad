import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitLevels } from '../../src/server/modules/security/security.repository.ts';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.ts';
import { dialects } from '../support/db.ts';

type Problem = { status: number; code: string; errors?: { path: string; code: string }[] };
type Classification = {
  id: string;
  level: string;
  scores: Record<string, number>;
  department: { id: string } | null;
};
type Unit = {
  level: string | null;
  current: Classification | null;
  departments: {
    id: string;
    level: string | null;
    inherited: boolean;
    match: string | null;
    classificationId: string | null;
  }[];
  suggestions: { departmentId: string; match: string }[] | null;
  history: Classification[];
  classifiable: boolean;
};

const strong = {
  static: { perimeter: 'wall', cameras: 'full', alarms: true, searches: 'systematic', entryControl: true },
  dynamic: { staffPresence: 'regular', contactOfficers: true, activities: 'daily' },
  organisational: {
    staffingPlan: true,
    localInstructions: true,
    trainedPercent: 80,
    incidentHandling: true,
    crisisPlans: true,
  },
};
const open = {
  static: {
    perimeter: 'fence',
    cameras: 'partial',
    alarms: false,
    searches: 'on_suspicion',
    entryControl: false,
  },
  dynamic: { staffPresence: 'regular', contactOfficers: true, activities: 'full' },
  organisational: {
    staffingPlan: true,
    localInstructions: true,
    trainedPercent: 60,
    incidentHandling: true,
    crisisPlans: false,
  },
};

describe.each(dialects())('unit classification on %s', (dialect) => {
  let t: TestApp;
  let leader: Session;
  let officer: Session;
  let analyst: Session;
  const departmentA2 = randomUUID();

  const post = (s: Session, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: s.headers, payload });
  const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    leader = await login(t.app, 'unit_leader');
    officer = await login(t.app, 'officer');
    analyst = await login(t.app, 'analyst');
    await t.db
      .insertInto('department')
      .values({ id: departmentA2, facility_id: t.world.prisonA, code: 'B', name: 'Avdeling B' })
      .execute();
  });
  afterAll(() => t.close());

  it('classifies a facility from its criteria; its departments inherit the level', async () => {
    const res = await post(leader, `/api/v1/facilities/${t.world.prisonA}/security/classifications`, {
      validFrom: '2026-01-01',
      ...strong,
      justification: 'Ringmur, full kameradekning og systematisk inngangskontroll.',
      supersedes: null,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      level: 'high',
      scores: { static: 3, dynamic: 2, organisational: 2 },
      department: null,
    });
    const unit = (await get(officer, `/api/v1/facilities/${t.world.prisonA}/security`)).json() as Unit;
    expect(unit.level).toBe('high');
    expect(unit.classifiable).toBe(false);
    expect(unit.departments.map((d) => [d.level, d.inherited])).toEqual([
      ['high', true],
      ['high', true],
    ]);
    const audit = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'security.classify')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('classifies a department on its own and suggests departments for a need', async () => {
    const res = await post(leader, `/api/v1/facilities/${t.world.prisonA}/security/classifications`, {
      departmentId: departmentA2,
      validFrom: '2026-06-01',
      ...open,
      justification: 'Avdeling B drives som åpen avdeling.',
      supersedes: null,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as Classification).level).toBe('lower');
    const unit = (
      await get(analyst, `/api/v1/facilities/${t.world.prisonA}/security?need=lower`)
    ).json() as Unit;
    expect(unit.departments.map((d) => [d.id, d.level, d.inherited, d.match])).toEqual([
      [t.world.departmentA, 'high', true, 'unit_higher_than_needed'],
      [departmentA2, 'lower', false, 'match'],
    ]);
    expect(unit.suggestions?.map((s) => s.departmentId)).toEqual([departmentA2, t.world.departmentA]);
    // Before the department's own classification took effect, it had the facility's level.
    const before = (
      await get(analyst, `/api/v1/facilities/${t.world.prisonA}/security?on=2026-05-31`)
    ).json() as Unit;
    expect(before.departments.map((d) => d.level)).toEqual(['high', 'high']);
    // The repository function the placement dialogs use gives the same.
    const levels = await unitLevels(t.db, t.world.prisonA, '2026-11-23');
    expect(levels.facility?.level).toBe('high');
    expect(levels.departments.map((d) => [d.code, d.level, d.inherited])).toEqual([
      ['A', 'high', true],
      ['B', 'lower', false],
    ]);
  });

  it('refuses a classification written on a stale view, a department of another facility, and outside the scope', async () => {
    const unit = (await get(leader, `/api/v1/facilities/${t.world.prisonA}/security`)).json() as Unit;
    const body = { validFrom: '2026-12-01', ...open, justification: 'Ny vurdering.', supersedes: null };
    const stale = await post(leader, `/api/v1/facilities/${t.world.prisonA}/security/classifications`, body);
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as Problem).code).toBe('security_classification_stale');
    const earlier = await post(leader, `/api/v1/facilities/${t.world.prisonA}/security/classifications`, {
      ...body,
      validFrom: '2025-12-01',
      supersedes: unit.current?.id,
    });
    expect((earlier.json() as Problem).errors?.map((e) => [e.path, e.code])).toEqual([
      ['validFrom', 'security_valid_from_past'],
    ]);
    const foreign = await post(leader, `/api/v1/facilities/${t.world.prisonA}/security/classifications`, {
      ...body,
      departmentId: t.world.departmentA,
      supersedes: null,
    });
    expect(foreign.statusCode).toBe(201);
    const departmentB = await t.db
      .selectFrom('department')
      .select('id')
      .where('facility_id', '=', t.world.prisonB)
      .executeTakeFirstOrThrow();
    const wrong = await post(leader, `/api/v1/facilities/${t.world.prisonA}/security/classifications`, {
      ...body,
      departmentId: departmentB.id,
    });
    expect((wrong.json() as Problem).errors?.map((e) => e.path)).toEqual(['departmentId']);
    const outside = await post(
      leader,
      `/api/v1/facilities/${t.world.prisonB}/security/classifications`,
      body,
    );
    expect(outside.statusCode).toBe(403);
    expect(
      (await post(officer, `/api/v1/facilities/${t.world.prisonA}/security/classifications`, body))
        .statusCode,
    ).toBe(403);
    const missing = await post(leader, `/api/v1/facilities/${t.world.prisonA}/security/classifications`, {
      ...body,
      static: { ...open.static, perimeter: 'moat' },
      justification: '',
    });
    expect((missing.json() as Problem).errors?.map((e) => e.path).sort()).toEqual([
      'justification',
      'static.perimeter',
    ]);
  });

  it('previews a level without storing it and lists every facility', async () => {
    const preview = await post(officer, '/api/v1/security/level', open);
    expect(preview.json()).toMatchObject({ level: 'lower', limitedBy: ['static'] });
    const overview = (await get(analyst, '/api/v1/security/facilities')).json() as {
      items: { facility: { code: string }; level: string | null; departmentsClassified: number }[];
    };
    expect(overview.items.map((i) => [i.facility.code, i.level, i.departmentsClassified])).toEqual([
      ['TA', 'high', 1],
      ['TF', null, 0],
      ['TB', null, 0],
    ]);
  });
});
