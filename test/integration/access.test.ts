import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSecurity } from '../../src/server/http/security.ts';
import type { AuthService } from '../../src/server/modules/auth/auth.service.ts';
import { createCalculationsService } from '../../src/server/modules/calculations/calculations.service.ts';
import { can, permissionsOf, ROLES } from '../../src/server/shared/access.ts';
import { fixedClock } from '../../src/server/shared/clock.ts';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.ts';
import { dialects } from '../support/db.ts';
import { orderMessage } from '../support/esas.ts';
import { buildPerson, TODAY } from '../support/world.ts';

// Which roles see prison A (the "in scope" side) in the test world: everyone but the probation
// officer, whose scope is the probation office.
const SEES_PRISON_A = new Set<string>(ROLES.filter((r) => r !== 'probation_officer'));
const NATIONAL = new Set<string>(['national_manager', 'crisis_team', 'analyst', 'system_admin']);

describe('route registration', () => {
  it('refuses to register an API route that declares no access rule', async () => {
    const app = Fastify();
    registerSecurity(app, {} as AuthService);
    expect(() => app.get('/api/v1/forgotten', async () => 'oops')).toThrow(/declares no access rule/);
    await app.close();
  });
});

describe.each(dialects())('every route, every role, in and out of scope, on %s', (dialect) => {
  let t: TestApp;
  let inScope: Awaited<ReturnType<typeof buildPerson>>;
  let outOfScope: Awaited<ReturnType<typeof buildPerson>>;
  const sessions = new Map<string, Session>();
  // A received execution order whose sentence is in prison A (in) and one in prison B (out).
  const messages = { in: '', out: '' };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    inScope = await buildPerson(t.db, {
      givenName: 'Innenfor',
      familyName: 'Omfang',
      facilityId: t.world.prisonA,
      status: 'admitted',
      bedId: t.world.bedsA[0],
    });
    outOfScope = await buildPerson(t.db, {
      givenName: 'Utenfor',
      familyName: 'Rekkevidde',
      facilityId: t.world.prisonB,
      status: 'admitted',
      bedId: t.world.bedsB[0],
    });
    // Stored key dates, so that the eligibility lists have someone to leak if scope failed.
    await createCalculationsService(t.db, fixedClock(TODAY)).recalculateAll();
    for (const role of ROLES) sessions.set(role, await login(t.app, role));
    for (const [side, person, familyName, postTown] of [
      ['in', inScope, 'Omfang', 'Oslo'],
      ['out', outOfScope, 'Rekkevidde', 'Bergen'],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/integration/messages',
        headers: sessions.get('system_admin')?.headers,
        payload: { message: orderMessage({ nationalId: person.nationalId, familyName, postTown }) },
      });
      messages[side] = (res.json() as { message: { id: string } }).message.id;
    }
  });
  afterAll(() => t.close());

  function target(url: string, side: 'in' | 'out') {
    const person = side === 'in' ? inScope : outOfScope;
    const facility = side === 'in' ? t.world.prisonA : t.world.prisonB;
    const bed = side === 'in' ? t.world.bedsA[3] : t.world.bedsB[3];
    const path = url
      .replace(/^\/api\/v1\/people\/:id/, `/api/v1/people/${person.personId}`)
      .replace(/^\/api\/v1\/sentences\/:id/, `/api/v1/sentences/${person.sentenceId}`)
      .replace(/^\/api\/v1\/facilities\/:id/, `/api/v1/facilities/${facility}`)
      .replace(/^\/api\/v1\/integration\/messages\/:id/, `/api/v1/integration/messages/${messages[side]}`)
      .replace(/^\/api\/v1\/measures\/:id/, '/api/v1/measures/00000000-0000-4000-8000-00000000beef')
      .replace(/^\/api\/v1\/public\/facilities\/:code/, '/api/v1/public/facilities/TA');
    const queries: Record<string, string> = {
      '/api/v1/people': `?q=${encodeURIComponent(person.nationalId)}`,
      '/api/v1/eligibility': '?kind=parole&withinDays=3650',
      '/api/v1/crisis/early-release': '?from=2026-11-23&to=2027-11-23&withinDays=365',
    };
    const query = queries[url] ?? '';
    const bodies: Record<string, object> = {
      summons: { version: 1, facilityId: facility, appearanceDate: '2027-01-30' },
      postponements: { version: 1, reason: 'other', until: '2027-01-30' },
      admission: { version: 1, bedId: bed },
      login: { username: 'nobody', password: 'nothing-here' },
      locale: { locale: 'nb' },
      people: { nationalId: '17859012310', givenName: 'Ny', familyName: 'Person' },
      preview: { event: { type: 'escape', date: '2026-11-01' } },
      events: { type: 'interruption_start', date: '2026-11-01' },
      'key-dates': { asOf: '2026-11-23', sentences: [{ id: 's', kind: 'prison', termDays: 60 }] },
      crisis: { from: '2026-11-23', to: '2027-01-01', reason: 'tilgangstest' },
      end: { on: '2026-12-01', reason: 'tilgangstest' },
      levels: { municipality: 'Oslo', date: '2026-11-20', incidence14d: 42 },
      import: { csv: 'kommune,dato,insidens_14d\nOslo,2026-11-21,"40,5"\n' },
      // A measure for prison A, which every role that may manage measures has in scope.
      measures: {
        type: 'no_transfers',
        scopeKind: 'facility',
        scopeId: t.world.prisonA,
        reason: 'tilgangstest',
        validFrom: '2026-11-23',
        validTo: '2026-11-30',
        reviewDate: '2026-11-27',
      },
    };
    const last = url.split('/').at(-1) ?? '';
    return { url: path + query, payload: bodies[last] };
  }

  it('knows every API route and each has a rule', () => {
    const routes = t.app.accessTable.map((r) => `${r.method} ${r.url}`);
    expect(routes.length).toBeGreaterThanOrEqual(13);
    expect(routes).toContain('GET /api/v1/people/:id');
    for (const r of t.app.accessTable) expect(r.access, `${r.method} ${r.url}`).toBeDefined();
  });

  it('answers 401 to an anonymous caller on every non-public route', async () => {
    for (const route of t.app.accessTable) {
      if ('public' in route.access) continue;
      const { url, payload } = target(route.url, 'in');
      const res = await t.app.inject({ method: route.method as 'GET', url, payload });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('lets a role through only with the permission, and never shows a person outside the scope', async () => {
    const failures: string[] = [];
    for (const route of t.app.accessTable) {
      if ('public' in route.access) continue;
      for (const role of ROLES) {
        for (const side of ['in', 'out'] as const) {
          // Signing out ends the session, so that route gets a session of its own.
          const session = route.url.endsWith('/logout')
            ? await login(t.app, role)
            : (sessions.get(role) as Session);
          const { url, payload } = target(route.url, side);
          const res = await t.app.inject({
            method: route.method as 'GET',
            url,
            payload,
            headers: session.headers,
          });
          const allowed =
            'authenticated' in route.access ||
            can({ permissions: permissionsOf([role]) } as never, route.access.permission);
          const personal = /\/(people|sentences|integration\/messages)\/:id/.test(route.url);
          const scoped = personal && !NATIONAL.has(role) && (side === 'out' || !SEES_PRISON_A.has(role));
          const label = `${role} ${side} ${route.method} ${route.url} -> ${res.statusCode}`;
          if (!allowed && res.statusCode !== 403) failures.push(`${label} (expected 403, no permission)`);
          if (allowed && scoped && res.statusCode !== 403)
            failures.push(`${label} (expected 403, out of scope)`);
          if (allowed && !scoped && (res.statusCode === 401 || res.statusCode === 403))
            failures.push(`${label} (expected access)`);
          // A list never carries a person from outside the scope.
          if (allowed && !NATIONAL.has(role) && res.statusCode === 200 && side === 'out' && !personal)
            if (res.body.includes('Rekkevidde'))
              failures.push(`${label} (list leaked an out-of-scope person)`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('keeps the queue of another facility out of a scoped list', async () => {
    const worker = sessions.get('case_worker') as Session;
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/queue?pageSize=100',
      headers: worker.headers,
    });
    expect(res.body).not.toContain('Rekkevidde');
    const national = sessions.get('national_manager') as Session;
    const all = await t.app.inject({
      method: 'GET',
      url: '/api/v1/queue?pageSize=100',
      headers: national.headers,
    });
    expect(all.body).toContain('Rekkevidde');
  });
});
