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
import { insertLeaveApplication } from '../support/leave.ts';
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
  // A pending leave application of the in-scope person (in) and of the out-of-scope one (out).
  const leaveApplication = { in: '', out: '' };
  // An incident at prison A (in) and one at prison B (out).
  const incident = {
    in: '0000c1de-0000-4000-8000-000000000001',
    out: '0000c1de-0000-4000-8000-000000000002',
  };
  // A visiting room in prison A (in) and in prison B (out).
  const visitingRoom = {
    in: '0000b151-0000-4000-8000-000000000001',
    out: '0000b151-0000-4000-8000-000000000002',
  };
  // A staff member and a confirmed case in prison A (in) and in prison B (out).
  const health = {
    in: { staff: '0000a11a-0000-4000-8000-000000000001', status: '0000a11a-0000-4000-8000-000000000011' },
    out: { staff: '0000a11a-0000-4000-8000-000000000002', status: '0000a11a-0000-4000-8000-000000000012' },
    departments: { in: '', out: '' },
  };

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
    const departmentB = await t.db
      .selectFrom('bed')
      .innerJoin('cell', 'cell.id', 'bed.cell_id')
      .select('cell.department_id')
      .where('bed.id', '=', t.world.bedsB[0] as string)
      .executeTakeFirstOrThrow();
    health.departments = { in: t.world.departmentA, out: departmentB.department_id };
    for (const [side, person, facility] of [
      ['in', inScope, t.world.prisonA],
      ['out', outOfScope, t.world.prisonB],
    ] as const) {
      await t.db
        .insertInto('staff_member')
        .values({
          id: health[side].staff,
          staff_number: `ACC-${side}`,
          name: `Tilgang ${side}`,
          facility_id: facility,
          department_id: health.departments[side],
          title: 'officer',
        })
        .execute();
      await t.db
        .insertInto('health_status')
        .values({
          id: health[side].status,
          subject_kind: 'inmate',
          person_id: person.personId,
          staff_id: null,
          facility_id: facility,
          status: 'confirmed',
          from_date: '2026-11-20',
          to_date: null,
          traced_from_id: null,
          recorded_by: null,
          recorded_by_name: 'Tilgangstest',
        })
        .execute();
    }
    for (const [side, facility] of [
      ['in', t.world.prisonA],
      ['out', t.world.prisonB],
    ] as const)
      await t.db
        .insertInto('visiting_room')
        .values({
          id: visitingRoom[side],
          facility_id: facility,
          name: 'Tilgangsrom',
          kind: 'ordinary',
          capacity: 2,
        })
        .execute();
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
    leaveApplication.in = await insertLeaveApplication(t.db, inScope.personId, t.world.prisonA);
    leaveApplication.out = await insertLeaveApplication(t.db, outOfScope.personId, t.world.prisonB);
    for (const [side, facility] of [
      ['in', t.world.prisonA],
      ['out', t.world.prisonB],
    ] as const)
      await t.db
        .insertInto('incident')
        .values({
          id: incident[side],
          facility_id: facility,
          type: 'contraband',
          severity: 'moderate',
          occurred_on: '2026-11-20',
          occurred_time: '12:00',
          description: 'Tilgangstest',
          reported_by_name: 'Tilgangstest',
        })
        .execute();
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
      .replace(/^\/api\/v1\/outbreak\/facilities\/:id/, `/api/v1/outbreak/facilities/${facility}`)
      .replace(
        /^\/api\/v1\/outbreak\/letters\/:id/,
        '/api/v1/outbreak/letters/00000000-0000-4000-8000-00000000beef',
      )
      .replace(/^\/api\/v1\/integration\/messages\/:id/, `/api/v1/integration/messages/${messages[side]}`)
      .replace(/^\/api\/v1\/leave\/applications\/:id/, `/api/v1/leave/applications/${leaveApplication[side]}`)
      .replace(/^\/api\/v1\/measures\/:id/, '/api/v1/measures/00000000-0000-4000-8000-00000000beef')
      .replace(/^\/api\/v1\/public\/facilities\/:code/, '/api/v1/public/facilities/TA')
      .replace(/^\/api\/v1\/health\/statuses\/:id/, `/api/v1/health/statuses/${health[side].status}`)
      .replace(/^\/api\/v1\/roster\/:id/, '/api/v1/roster/00000000-0000-4000-8000-00000000beef')
      .replace(/^\/api\/v1\/visiting-rooms\/:id/, `/api/v1/visiting-rooms/${visitingRoom[side]}`)
      .replace(
        /^\/api\/v1\/(assessments|restrictions|non-associations)\/:id/,
        '/api/v1/$1/00000000-0000-4000-8000-00000000beef',
      )
      .replace(/^\/api\/v1\/incidents\/facilities\/:id/, `/api/v1/incidents/facilities/${facility}`)
      // Plans: a plan or version that does not exist (404) once access is passed.
      .replace(/^\/api\/v1\/(plans|plan-versions)\/:id/, '/api/v1/$1/00000000-0000-4000-8000-00000000beef')
      .replace(/\/goals\/:key\//, '/goals/00000000-0000-4000-8000-00000000beef/')
      .replace(/^\/api\/v1\/incidents\/:id/, `/api/v1/incidents/${incident[side]}`)
      // Activities, partners, referrals and checklists: one that does not exist (404) once access is passed.
      .replace(
        /^\/api\/v1\/(activities|partners|referrals|release\/checklists)\/:id/,
        '/api/v1/$1/00000000-0000-4000-8000-00000000beef',
      )
      .replace(/:(enrolmentId|itemId)/, '00000000-0000-4000-8000-00000000beef')
      // Release decisions: the side's person's sentence.
      .replace(/\/release\/decisions\/:sentenceId/, `/release/decisions/${person.sentenceId}`)
      .replace(/^\/api\/v1\/notifications\/:id/, '/api/v1/notifications/00000000-0000-4000-8000-00000000beef')
      .replace(/:(templateId|closureId|visitorId|visitId|actionId)/, '00000000-0000-4000-8000-00000000beef');
    const queries: Record<string, string> = {
      '/api/v1/people': `?q=${encodeURIComponent(person.nationalId)}`,
      '/api/v1/eligibility': '?kind=parole&withinDays=3650',
      '/api/v1/leave/statistics': '?from=2026-11-01&to=2026-11-30',
      '/api/v1/incidents/statistics': '?from=2026-01-01&to=2026-11-30',
      '/api/v1/followup/statistics': '?from=2026-01-01&to=2026-11-30',
      '/api/v1/caseload/officers': `?facilityId=${facility}`,
      '/api/v1/crisis/early-release': '?from=2026-11-23&to=2027-11-23&withinDays=365',
      '/api/v1/crisis/report': '?date=2026-11-23&format=csv',
      '/api/v1/health/statuses': `?facilityId=${facility}`,
      '/api/v1/facilities/:id/roster': '?from=2026-11-23&to=2026-11-29',
      '/api/v1/visits/review': `?facilityId=${facility}`,
      '/api/v1/plans/reviews-due': `?facilityId=${facility}&withinDays=30`,
    };
    const query = queries[url] ?? '';
    const bodies: Record<string, object> = {
      summons: { version: 1, facilityId: facility, appearanceDate: '2027-01-30' },
      postponements: { version: 1, reason: 'other', until: '2027-01-30' },
      admission: { version: 1, bedId: bed },
      // A move from a placement that is not the current one: 409 once access and scope are passed.
      moves: { placementId: '00000000-0000-4000-8000-00000000beef', toBedId: bed, reason: 'tilgangstest' },
      // A move the proposal does not hold: 409 once access and scope are passed; nobody moves.
      apply: {
        on: TODAY,
        moves: [{ personId: person.personId, fromBedId: bed, toBedId: bed }],
      },
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
      thresholds: {
        validFrom: '2026-12-01',
        yellowFrom: 25,
        redFrom: 60,
        risingPercent: 20,
        compareDays: 7,
        reason: 'tilgangstest',
      },
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
    // Health, staff and roster: bodies by route, for the side's person, staff member and department.
    const byRoute: Record<string, object> = {
      // Activities and the way out: the side's prison and person; the rest name nothing that exists.
      '/api/v1/activities': { facilityId: facility, name: 'Tilgangstest', kind: 'work', places: 1 },
      '/api/v1/activities/thresholds': { facilityId: facility, days: 10 },
      '/api/v1/activities/:id/enrolments': { personId: person.personId },
      '/api/v1/activities/:id/enrolments/:enrolmentId/end': { version: 1 },
      '/api/v1/activities/:id/attendance': {
        onDate: TODAY,
        entries: [{ enrolmentId: '00000000-0000-4000-8000-00000000beef', present: true }],
      },
      '/api/v1/people/:id/contact-officer': { staffId: health[side].staff },
      '/api/v1/partners': { name: 'Tilgangstest', kind: 'ngo' },
      '/api/v1/partners/:id/contacts': { name: 'Tilgangstest' },
      '/api/v1/referrals': {
        personId: person.personId,
        partnerId: '00000000-0000-4000-8000-00000000beef',
        needArea: 'housing',
        text: 'Tilgangstest',
      },
      '/api/v1/referrals/:id/status': { version: 1, status: 'received' },
      '/api/v1/release/checklists/:id/items/:itemId': { version: 1, status: 'done' },
      // A release decision on the side's sentence: refused by rule (422) or state (409) once access and
      // scope are passed; nothing is written.
      '/api/v1/release/decisions': {
        sentenceId: person.sentenceId,
        expectedVersion: null,
        form: 'parole',
        releaseDate: TODAY,
        gate: 'alone',
        notifyVictim: false,
        notifyPolice: false,
      },
      // Assessments: the first for the side's person; a measure and a separation refused by rule or
      // state (409/422) once access and scope are passed.
      '/api/v1/people/:id/assessments': {
        supersedesId: null,
        occasion: 'intake',
        assessedOn: TODAY,
        informationSources: 'Tilgangstest',
        needs: [],
        ratings: [{ purpose: 'leave', probability: 2, consequence: 2, basis: 'Tilgangstest' }],
      },
      '/api/v1/people/:id/restrictions': { kind: 'no_leave', justification: 'Tilgangstest' },
      '/api/v1/restrictions/:id/lift': { version: 1, justification: 'Tilgangstest' },
      '/api/v1/people/:id/non-associations': {
        otherPersonId: '00000000-0000-4000-8000-00000000beef',
        level: 'facility',
        reason: 'other',
        note: 'Tilgangstest',
      },
      '/api/v1/non-associations/:id/end': { version: 1 },
      // Outbreak actions at the side's prison: refused by rule (422) once access and scope are passed.
      '/api/v1/outbreak/facilities/:id/measures': {
        reason: 'tilgangstest',
        validFrom: '2026-11-23',
        validTo: '2026-11-30',
        reviewDate: '2026-12-27',
        include: ['single_occupancy'],
      },
      '/api/v1/outbreak/facilities/:id/postponements/preview': {
        items: [{ sentenceId: person.sentenceId, version: 1 }],
        reason: 'tilgangstest',
        weeks: 4,
      },
      '/api/v1/outbreak/facilities/:id/postponements': {
        items: [{ sentenceId: person.sentenceId, version: 1 }],
        reason: 'tilgangstest',
        weeks: 4,
      },
      '/api/v1/outbreak/facilities/:id/interruptions': {
        personIds: [person.personId],
        date: '2027-01-01',
        reason: 'tilgangstest',
      },
      // Visits: rooms of the side's prison; bookings without a visitor are refused once access is passed.
      '/api/v1/facilities/:id/visiting-rooms': { name: 'Tilgangsrom', kind: 'ordinary', capacity: 2 },
      '/api/v1/visiting-rooms/:id': { name: 'Tilgangsrom', kind: 'ordinary', capacity: 2, active: true },
      '/api/v1/visiting-rooms/:id/templates': {
        weekday: 1,
        startTime: '09:00',
        endTime: '10:00',
        capacity: 2,
      },
      '/api/v1/visiting-rooms/:id/slots': {
        date: '2026-12-01',
        startTime: '20:00',
        endTime: '21:00',
        capacity: 1,
      },
      '/api/v1/facilities/:id/visit-closures': {
        fromDate: '2026-12-24',
        toDate: '2026-12-24',
        reason: 'tilgangstest',
      },
      '/api/v1/people/:id/visitors': { name: 'Tilgang Besøk', relation: 'friend', homeMunicipality: 'Oslo' },
      '/api/v1/people/:id/visitors/:visitorId/decision': { version: 1, decision: 'approved' },
      '/api/v1/people/:id/visit-restriction': {
        kind: 'none',
        reason: 'tilgangstest',
        validFrom: '2026-11-23',
      },
      '/api/v1/people/:id/visits/assessment': {
        kind: 'ordinary',
        visitorIds: [],
        roomId: visitingRoom[side],
        date: '2026-11-30',
        startTime: '10:00',
      },
      '/api/v1/people/:id/visits': {
        kind: 'ordinary',
        visitorIds: [],
        roomId: visitingRoom[side],
        date: '2026-11-30',
        startTime: '10:00',
        outcome: 'grant',
      },
      '/api/v1/people/:id/visits/:visitId/cancel': { version: 1 },
      // The review of a booked visit: a visit that does not exist (404) once access and scope are passed.
      '/api/v1/people/:id/visits/:visitId/review': { version: 1, action: 'keep' },
      '/api/v1/health/statuses': {
        subjectKind: 'inmate',
        personId: person.personId,
        status: 'suspected',
        fromDate: '2026-11-21',
      },
      '/api/v1/health/statuses/:id/end': { version: 1, toDate: '2026-11-30' },
      '/api/v1/health/statuses/:id/quarantine': {
        fromDate: '2026-11-21',
        toDate: '2026-11-30',
        people: [{ kind: 'staff', id: health[side].staff }],
      },
      // Leave: the side's person and application; refused by rule (422) or state (409) once access is passed.
      '/api/v1/leave/applications': {
        personId: person.personId,
        kind: 'welfare',
        fromDate: '2026-12-04',
        fromTime: '10:00',
        toDate: '2026-12-05',
        toTime: '18:00',
        destinationMunicipality: 'Drammen',
        publicTransport: false,
        purpose: 'family',
        description: 'Tilgangstest',
      },
      '/api/v1/leave/applications/:id/decision': {
        version: 1,
        outcome: 'refused',
        justification: 'Tilgangstest',
      },
      '/api/v1/leave/applications/:id/appeal': { receivedOn: TODAY, grounds: 'Tilgangstest' },
      '/api/v1/leave/applications/:id/appeal/outcome': { version: 1, status: 'upheld' },
      '/api/v1/leave/applications/:id/return': { version: 1, returned: false },
      '/api/v1/leave/applications/:id/victim-notified': { version: 1 },
      '/api/v1/leave/applications/:id/review': { version: 1, action: 'confirm' },
      '/api/v1/staff': {
        name: 'Ny ansatt',
        staffNumber: `ACC-new-${side}`,
        facilityId: facility,
        title: 'officer',
      },
      // Incidents at the side's prison; changes to the side's incident (409/422/404 once passed).
      '/api/v1/incidents': {
        facilityId: facility,
        type: 'fire',
        occurredOn: TODAY,
        occurredTime: '08:00',
        description: 'Tilgangstest',
        people: [],
        actions: [],
      },
      '/api/v1/incidents/:id/people': { version: 1, role: 'witness', kind: 'external', name: 'Tilgangstest' },
      '/api/v1/incidents/:id/actions': {
        version: 1,
        description: 'Tilgangstest',
        owner: 'Tilgangstest',
        deadline: '2026-12-01',
      },
      '/api/v1/incidents/:id/actions/:actionId': { version: 1, status: 'done' },
      '/api/v1/incidents/:id/close': { version: 1, note: 'Tilgangstest' },
      // A classification of the side's prison: refused as stale (409) after the first one.
      '/api/v1/facilities/:id/security/classifications': {
        validFrom: '2026-01-01',
        static: { perimeter: 'wall', cameras: 'full', alarms: true, searches: 'routine', entryControl: true },
        dynamic: { staffPresence: 'regular', contactOfficers: true, activities: 'daily' },
        organisational: {
          staffingPlan: true,
          localInstructions: true,
          trainedPercent: 80,
          incidentHandling: true,
          crisisPlans: true,
        },
        justification: 'Tilgangstest',
        supersedes: null,
      },
      '/api/v1/security/level': {
        static: {
          perimeter: 'fence',
          cameras: 'none',
          alarms: true,
          searches: 'routine',
          entryControl: false,
        },
        dynamic: { staffPresence: 'regular', contactOfficers: true, activities: 'daily' },
        organisational: {
          staffingPlan: true,
          localInstructions: true,
          trainedPercent: 80,
          incidentHandling: true,
          crisisPlans: true,
        },
      },
      // Plans: the side's person has no assessment (409); the others name no plan (404).
      '/api/v1/people/:id/plan': { goals: [] },
      '/api/v1/plan-versions/:id': { version: 1, goals: [] },
      '/api/v1/plan-versions/:id/agreement': {
        version: 1,
        accepted: false,
        decidedOn: TODAY,
        refusalReason: 'Tilgangstest',
      },
      '/api/v1/plans/:id/versions': { basedOn: '00000000-0000-4000-8000-00000000beef' },
      '/api/v1/plans/:id/goals/:key/status': { status: 'reached' },
      '/api/v1/plans/:id/reviews': { occasion: 'scheduled', reviewedOn: TODAY, note: 'Tilgangstest' },
      '/api/v1/release/checklists': {},
      '/api/v1/roster': {
        staffId: health[side].staff,
        departmentId: health.departments[side],
        onDate: '2026-11-24',
        shift: 'day',
      },
    };
    const last = url.split('/').at(-1) ?? '';
    return { url: path + query, payload: byRoute[url] ?? bodies[last] };
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
          const personal =
            /\/(people|sentences|integration\/messages)\/:id/.test(route.url) ||
            // Health, staff, roster and cohorting routes answer 403 for a facility outside the scope.
            /\/api\/v1\/(health\/statuses|facilities\/:id\/(staff|roster|cohort-proposal)|staff$|roster$)/.test(
              route.url,
            ) ||
            // Visiting rooms, times and closures belong to the prison's own staff.
            /\/api\/v1\/(facilities\/:id\/visit|visiting-rooms\/)/.test(route.url) ||
            // The review list of booked visits names the people of one prison.
            route.url === '/api/v1/visits/review' ||
            // Plans due for review name the people of one facility.
            route.url === '/api/v1/plans/reviews-due' ||
            // Outbreak actions name people: only at a facility in the scope.
            /\/api\/v1\/outbreak\/facilities\/:id/.test(route.url) ||
            // A leave application and a new one are about one person.
            /\/api\/v1\/leave\/applications\/:id/.test(route.url) ||
            (route.method === 'POST' && route.url === '/api/v1/leave/applications') ||
            // Incidents, and the staff register behind a report, belong to the facility's own staff;
            // so does classifying it.
            /\/api\/v1\/incidents\/(:id|facilities\/:id)/.test(route.url) ||
            (route.method === 'POST' && route.url === '/api/v1/incidents') ||
            route.url === '/api/v1/facilities/:id/security/classifications' ||
            // Activities, thresholds and contact officers of a facility; a referral names one person.
            (route.method === 'POST' &&
              /^\/api\/v1\/(activities|activities\/thresholds|referrals)$/.test(route.url)) ||
            route.url === '/api/v1/caseload/officers' ||
            // A release decision, its proposal and a new one are about one person's sentence.
            route.url.startsWith('/api/v1/release/decisions');
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
