import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.ts';
import { dialects } from '../support/db.ts';
import { buildPerson } from '../support/world.ts';

type Status = { id: string; version: number; status: string; toDate: string | null; open: boolean };
type Contact = {
  subject: { kind: 'inmate' | 'staff'; id: string; name: string };
  exposure: string;
  kinds: { kind: string; days: number; lastDate: string }[];
  days: number;
  lastDate: string;
  openStatuses: string[];
};
type Contacts = { items: Contact[]; outOfScope: number; window: { from: string; to: string } };

describe.each(dialects())('health status, roster and contact tracing on %s', (dialect) => {
  let t: TestApp;
  let officer: Session;
  let leader: Session;
  let crisis: Session;
  let analyst: Session;
  // Prison A, department A: the case shares cell 101 with a cell-mate; a neighbour lives in 102.
  const people: Record<string, string> = {};
  const staff: Record<string, string> = {};
  let departmentB = '';
  let departmentA2 = '';
  let caseId = '';

  const headers = (s: Session) => ({ ...s.headers, 'accept-language': 'en' });
  const post = (s: Session, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, payload, headers: headers(s) });
  const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: headers(s) });

  async function person(name: string, bedId: string | null, from = '2026-10-01', to: string | null = null) {
    const p = await buildPerson(t.db, {
      givenName: name,
      familyName: 'Testesen',
      facilityId: t.world.prisonA,
    });
    if (bedId)
      await t.db
        .insertInto('placement')
        .values({
          id: randomUUID(),
          person_id: p.personId,
          sentence_id: p.sentenceId,
          kind: 'cell',
          facility_id: t.world.prisonA,
          bed_id: bedId,
          from_date: from,
          to_date: to,
        })
        .execute();
    people[name] = p.personId;
    return p.personId;
  }

  async function staffMember(name: string, facilityId: string, departmentId: string) {
    const id = randomUUID();
    await t.db
      .insertInto('staff_member')
      .values({
        id,
        staff_number: `T-${name}`,
        name,
        facility_id: facilityId,
        department_id: departmentId,
        title: 'officer',
      })
      .execute();
    staff[name] = id;
    return id;
  }

  async function shift(staffId: string, departmentId: string, onDate: string, kind = 'day') {
    await t.db
      .insertInto('roster_entry')
      .values({
        id: randomUUID(),
        staff_id: staffId,
        department_id: departmentId,
        on_date: onDate,
        shift: kind as 'day',
        flag: null,
        created_by: null,
      })
      .execute();
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    officer = await login(t.app, 'officer');
    leader = await login(t.app, 'unit_leader');
    crisis = await login(t.app, 'crisis_team');
    analyst = await login(t.app, 'analyst');

    // A second bed in the case's cell, and a second department in prison A.
    const bed = await t.db
      .selectFrom('bed')
      .select('cell_id')
      .where('id', '=', t.world.bedsA[0] as string)
      .executeTakeFirstOrThrow();
    const mateBed = randomUUID();
    await t.db.insertInto('bed').values({ id: mateBed, cell_id: bed.cell_id, label: 'B' }).execute();
    departmentA2 = randomUUID();
    await t.db
      .insertInto('department')
      .values({ id: departmentA2, facility_id: t.world.prisonA, code: 'B', name: 'Avdeling B' })
      .execute();
    const b = await t.db
      .selectFrom('bed')
      .innerJoin('cell', 'cell.id', 'bed.cell_id')
      .select('cell.department_id')
      .where('bed.id', '=', t.world.bedsB[0] as string)
      .executeTakeFirstOrThrow();
    departmentB = b.department_id;

    await person('Kasus', t.world.bedsA[0] as string);
    await person('Cellekamerat', mateBed, '2026-11-10');
    await person('Nabo', t.world.bedsA[1] as string, '2026-11-18');
    // Left the department before the window opened: not a contact.
    await person('Tidligere', t.world.bedsA[2] as string, '2026-09-01', '2026-10-20');
    await person('Besøker', null);
    const west = await buildPerson(t.db, {
      givenName: 'Utenfor',
      familyName: 'Vest',
      facilityId: t.world.prisonB,
      status: 'admitted',
      bedId: t.world.bedsB[1],
    });
    people.Vest = west.personId;
    await staffMember('Vakt Dag', t.world.prisonA, t.world.departmentA);
    await staffMember('Vakt Natt', t.world.prisonA, t.world.departmentA);
    await staffMember('Vakt Vest', t.world.prisonB, departmentB);
    await shift(staff['Vakt Dag'] as string, t.world.departmentA, '2026-11-15');
    await shift(staff['Vakt Dag'] as string, t.world.departmentA, '2026-11-16');
    await shift(staff['Vakt Natt'] as string, t.world.departmentA, '2026-11-15', 'night');
    // Vakt Dag also worked in prison B, alongside Vakt Vest: a contact outside prison A.
    await shift(staff['Vakt Dag'] as string, departmentB, '2026-11-17');
    await shift(staff['Vakt Vest'] as string, departmentB, '2026-11-17');

    const room = randomUUID();
    await t.db
      .insertInto('visiting_room')
      .values({ id: room, facility_id: t.world.prisonA, name: 'Besøk 1', kind: 'ordinary', capacity: 2 })
      .execute();
    const visit = (personId: string, start: string, end: string, status: 'booked' | 'cancelled') =>
      t.db
        .insertInto('visit')
        .values({
          id: randomUUID(),
          person_id: personId,
          facility_id: t.world.prisonA,
          room_id: room,
          starts_at: start,
          ends_at: end,
          status,
          created_by: null,
        })
        .execute();
    await visit(people.Kasus as string, '2026-11-12T09:00:00Z', '2026-11-12T10:00:00Z', 'booked');
    await visit(people.Besøker as string, '2026-11-12T09:30:00Z', '2026-11-12T10:30:00Z', 'booked');
    // A cancelled visit at the same time is no contact.
    await visit(people.Tidligere as string, '2026-11-12T09:30:00Z', '2026-11-12T10:30:00Z', 'cancelled');
  });
  afterAll(() => t.close());

  it('records a confirmed case for an inmate at the facility where they are placed, audited', async () => {
    const res = await post(officer, '/api/v1/health/statuses', {
      subjectKind: 'inmate',
      personId: people.Kasus,
      status: 'confirmed',
      fromDate: '2026-11-20',
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      status: 'confirmed',
      fromDate: '2026-11-20',
      toDate: null,
      open: true,
      facility: { id: t.world.prisonA },
      subject: { kind: 'inmate', id: people.Kasus, name: 'Kasus Testesen' },
      recordedBy: 'Test officer',
    });
    caseId = body.id;
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'person_id'])
      .where('action', '=', 'health.record')
      .execute();
    expect(audit).toEqual([{ action: 'health.record', person_id: people.Kasus }]);
  });

  it('refuses an overlapping status of the same kind with a field error', async () => {
    const res = await post(officer, '/api/v1/health/statuses', {
      subjectKind: 'inmate',
      personId: people.Kasus,
      status: 'confirmed',
      fromDate: '2026-11-22',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ path: 'fromDate', code: 'health_overlap' }),
    ]);
  });

  it('refuses a quarantine that starts before the case it was traced from', async () => {
    const res = await post(officer, '/api/v1/health/statuses', {
      subjectKind: 'inmate',
      personId: people.Nabo,
      status: 'quarantine',
      fromDate: '2026-11-19',
      toDate: '2026-11-29',
      tracedFromId: caseId,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ path: 'fromDate', code: 'health_before_case' });
    expect(res.json().errors[0].message).toContain('2026-11-20');
  });

  it('refuses a person not placed anywhere and a person outside the scope', async () => {
    const unplaced = await post(officer, '/api/v1/health/statuses', {
      subjectKind: 'inmate',
      personId: people.Besøker,
      status: 'suspected',
      fromDate: '2026-11-20',
    });
    expect(unplaced.statusCode).toBe(422);
    expect(unplaced.json().errors[0]).toMatchObject({ path: 'personId', code: 'health_not_placed' });
    const outside = await post(officer, '/api/v1/health/statuses', {
      subjectKind: 'inmate',
      personId: people.Vest,
      status: 'suspected',
      fromDate: '2026-11-20',
    });
    expect(outside.statusCode).toBe(403);
  });

  it('lists open statuses per facility, auditing each hit, and only within the scope', async () => {
    await post(officer, '/api/v1/health/statuses', {
      subjectKind: 'staff',
      staffId: staff['Vakt Natt'],
      status: 'suspected',
      fromDate: '2026-11-21',
      toDate: '2026-11-22',
    });
    const before = await t.db
      .selectFrom('audit_event')
      .select('id')
      .where('action', '=', 'health.list')
      .execute();
    const today = await get(officer, `/api/v1/health/statuses?facilityId=${t.world.prisonA}`);
    expect(today.statusCode, today.body).toBe(200);
    // The staff member's suspicion ended yesterday; on 21 November it was open.
    expect(today.json().items.map((s: Status) => s.status)).toEqual(['confirmed']);
    const earlier = await get(officer, `/api/v1/health/statuses?facilityId=${t.world.prisonA}&on=2026-11-21`);
    expect(
      earlier
        .json()
        .items.map((s: Status) => s.status)
        .sort(),
    ).toEqual(['confirmed', 'suspected']);
    const after = await t.db
      .selectFrom('audit_event')
      .select('id')
      .where('action', '=', 'health.list')
      .execute();
    expect(after.length - before.length).toBe(3);
    expect((await get(officer, `/api/v1/health/statuses?facilityId=${t.world.prisonB}`)).statusCode).toBe(
      403,
    );
    expect((await get(analyst, `/api/v1/health/statuses?facilityId=${t.world.prisonA}`)).statusCode).toBe(
      403,
    );
    const national = await get(crisis, `/api/v1/health/statuses?facilityId=${t.world.prisonA}`);
    expect(national.statusCode).toBe(200);
  });

  it("shows a person's statuses on the person page, audited", async () => {
    const res = await get(officer, `/api/v1/people/${people.Kasus}/health`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(1);
    const audit = await t.db
      .selectFrom('audit_event')
      .select('person_id')
      .where('action', '=', 'health.read')
      .execute();
    expect(audit).toContainEqual({ person_id: people.Kasus });
    expect((await get(officer, `/api/v1/people/${people.Vest}/health`)).statusCode).toBe(403);
  });

  it('traces cell-mates, the department, staff on shift and visits, ranked by exposure', async () => {
    const res = await get(officer, `/api/v1/health/statuses/${caseId}/contacts?days=14`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Contacts;
    expect(body.window).toEqual({ from: '2026-11-06', to: '2026-11-20', days: 14 });
    const names = body.items.map((c) => `${c.subject.name}:${c.exposure}`);
    expect(names).toEqual([
      'Cellekamerat Testesen:cell',
      'Vakt Dag:shift',
      'Vakt Natt:shift',
      'Nabo Testesen:department',
      'Besøker Testesen:visit',
    ]);
    const mate = body.items[0] as Contact;
    // From 10 through 20 November: 11 days in the same cell.
    expect(mate).toMatchObject({ days: 11, lastDate: '2026-11-20' });
    expect(body.items[1]).toMatchObject({ days: 2, lastDate: '2026-11-16' });
    expect(body.items[2]?.openStatuses).toEqual([]);
    expect(body.outOfScope).toBe(0);
    const audit = await t.db
      .selectFrom('audit_event')
      .select('person_id')
      .where('action', '=', 'health.trace')
      .execute();
    expect(audit).toHaveLength(1 + body.items.length);
  });

  it('traces a staff case across shifts and counts contacts outside the reader’s scope', async () => {
    const recorded = await post(crisis, '/api/v1/health/statuses', {
      subjectKind: 'staff',
      staffId: staff['Vakt Dag'],
      status: 'confirmed',
      fromDate: '2026-11-18',
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const id = recorded.json().id;
    const scoped = (await get(officer, `/api/v1/health/statuses/${id}/contacts`)).json() as Contacts;
    const names = scoped.items.map((c) => `${c.subject.name}:${c.kinds.map((k) => k.kind).join('+')}`);
    // Inmates in department A on 15–16 November (Nabo came on the 18th, after the shifts); the
    // night officer worked the same department on another shift of the same day.
    expect(names).toEqual(['Cellekamerat Testesen:shift', 'Kasus Testesen:shift', 'Vakt Natt:department']);
    // In prison B on 17 November: Vakt Vest on the same shift and the inmate placed there.
    expect(scoped.outOfScope).toBe(2);
    const national = (await get(crisis, `/api/v1/health/statuses/${id}/contacts`)).json() as Contacts;
    expect(national.items.map((c) => c.subject.name)).toEqual(
      expect.arrayContaining(['Vakt Vest', 'Utenfor Vest']),
    );
    expect(national.outOfScope).toBe(0);
    // The case itself is confirmed: marked as already known.
    expect(national.items.find((c) => c.subject.name === 'Kasus Testesen')?.openStatuses).toEqual([
      'confirmed',
    ]);
  });

  it('quarantines traced people in one step, skipping those already kept apart', async () => {
    const already = await post(officer, '/api/v1/health/statuses', {
      subjectKind: 'inmate',
      personId: people.Nabo,
      status: 'isolation',
      fromDate: '2026-11-21',
    });
    expect(already.statusCode, already.body).toBe(201);
    const res = await post(officer, `/api/v1/health/statuses/${caseId}/quarantine`, {
      fromDate: '2026-11-21',
      toDate: '2026-12-01',
      people: [
        { kind: 'inmate', id: people.Cellekamerat },
        { kind: 'inmate', id: people.Nabo },
        { kind: 'inmate', id: people.Besøker },
        { kind: 'staff', id: staff['Vakt Dag'] },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.recorded.map((s: { subject: { name: string } }) => s.subject.name).sort()).toEqual([
      'Cellekamerat Testesen',
      'Vakt Dag',
    ]);
    expect(body.skipped).toEqual([
      { subject: { kind: 'inmate', id: people.Nabo, name: 'Nabo Testesen' }, reason: 'already_separated' },
      { subject: { kind: 'inmate', id: people.Besøker, name: 'Besøker Testesen' }, reason: 'not_placed' },
    ]);
    const rows = await t.db
      .selectFrom('health_status')
      .select(['traced_from_id', 'status'])
      .where('traced_from_id', '=', caseId)
      .execute();
    expect(rows).toHaveLength(2);
    const audit = await t.db
      .selectFrom('audit_event')
      .select('id')
      .where('action', '=', 'health.quarantine')
      .execute();
    expect(audit).toHaveLength(2);
    // Traced again: the cell-mate is now marked with an open quarantine.
    const traced = (await get(officer, `/api/v1/health/statuses/${caseId}/contacts`)).json() as Contacts;
    expect(traced.items[0]?.openStatuses).toEqual(['quarantine']);
  });

  it('writes nothing when one of the people cannot be quarantined', async () => {
    const before = await t.db.selectFrom('health_status').select('id').execute();
    const res = await post(officer, `/api/v1/health/statuses/${caseId}/quarantine`, {
      fromDate: '2026-11-21',
      toDate: '2026-12-01',
      people: [
        { kind: 'staff', id: staff['Vakt Natt'] },
        { kind: 'inmate', id: people.Vest },
      ],
    });
    expect(res.statusCode).toBe(403);
    const after = await t.db.selectFrom('health_status').select('id').execute();
    expect(after.length).toBe(before.length);
  });

  it('ends a status with its version and refuses a stale version', async () => {
    const ok = await post(officer, `/api/v1/health/statuses/${caseId}/end`, {
      version: 1,
      toDate: '2026-11-23',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, toDate: '2026-11-23', open: true });
    const stale = await post(officer, `/api/v1/health/statuses/${caseId}/end`, { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    const early = await post(officer, `/api/v1/health/statuses/${caseId}/end`, {
      version: 2,
      toDate: '2026-11-01',
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().errors[0]).toMatchObject({ path: 'toDate', code: 'health_to_before_from' });
  });

  describe('the staff register and roster', () => {
    const add = (s: Session, staffId: string, departmentId: string, onDate: string, shiftKind = 'day') =>
      post(s, '/api/v1/roster', { staffId, departmentId, onDate, shift: shiftKind });
    let measureId = '';

    it('registers a staff member and refuses a department of another facility', async () => {
      const ok = await post(leader, '/api/v1/staff', {
        name: 'Ny Betjent',
        staffNumber: 'A-100',
        facilityId: t.world.prisonA,
        departmentId: t.world.departmentA,
        title: 'officer',
      });
      expect(ok.statusCode, ok.body).toBe(201);
      staff['Ny Betjent'] = ok.json().id;
      const wrong = await post(leader, '/api/v1/staff', {
        name: 'Feil',
        staffNumber: 'A-101',
        facilityId: t.world.prisonA,
        departmentId: departmentB,
        title: 'officer',
      });
      expect(wrong.statusCode).toBe(422);
      expect(wrong.json().errors[0]).toMatchObject({
        path: 'departmentId',
        code: 'department_not_in_facility',
      });
      const twice = await post(leader, '/api/v1/staff', {
        name: 'Dobbel',
        staffNumber: 'A-100',
        facilityId: t.world.prisonA,
        title: 'officer',
      });
      expect(twice.statusCode).toBe(422);
      expect(twice.json().errors[0]).toMatchObject({ path: 'staffNumber', code: 'staff_number_taken' });
      const list = await get(officer, `/api/v1/facilities/${t.world.prisonA}/staff`);
      expect(list.json().items.map((s: { name: string }) => s.name)).toContain('Ny Betjent');
      expect((await get(officer, `/api/v1/facilities/${t.world.prisonB}/staff`)).statusCode).toBe(403);
    });

    it('checks nothing while no one-department measure is in force', async () => {
      const id = staff['Ny Betjent'] as string;
      expect((await add(leader, id, t.world.departmentA, '2026-11-24')).statusCode).toBe(201);
      const other = await add(leader, id, departmentA2, '2026-11-25');
      expect(other.statusCode).toBe(201);
      expect(other.json().flag).toBeNull();
      expect((await add(leader, id, departmentA2, '2026-11-25')).statusCode).toBe(409);
    });

    it('flags a shift in another department when the measure says flag', async () => {
      measureId = randomUUID();
      await t.db
        .insertInto('measure')
        .values({
          id: measureId,
          type: 'staff_one_department',
          level: 'flag',
          scope_kind: 'facility',
          org_unit_id: null,
          facility_id: t.world.prisonA,
          reason: 'Utbrudd',
          decided_by: null,
          decided_by_name: 'Test',
          valid_from: '2026-11-20',
          valid_to: '2026-12-31',
          review_date: '2026-12-15',
        })
        .execute();
      const res = await add(leader, staff['Ny Betjent'] as string, departmentA2, '2026-11-26', 'evening');
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().flag).toBe('other_department');
      const roster = await get(
        officer,
        `/api/v1/facilities/${t.world.prisonA}/roster?from=2026-11-23&to=2026-11-29`,
      );
      expect(roster.statusCode).toBe(200);
      expect(roster.json().oneDepartmentLevel).toBe('flag');
      expect(
        roster.json().items.filter((e: { flag: string | null }) => e.flag === 'other_department'),
      ).toHaveLength(1);
    });

    it('refuses a shift at another location even at the flag level', async () => {
      // Vakt Vest works in prison B; the roster of prison A is checked against its measure.
      const res = await add(leader, staff['Vakt Vest'] as string, t.world.departmentA, '2026-11-20');
      expect(res.statusCode).toBe(422);
      expect(res.json().errors[0]).toMatchObject({ path: 'departmentId', code: 'roster_other_location' });
      expect(res.json().errors[0].message).toContain('geographical locations');
    });

    it('refuses a shift in another department when the measure says refuse, with the rule', async () => {
      await t.db.updateTable('measure').set({ level: 'refuse' }).where('id', '=', measureId).execute();
      const res = await add(leader, staff['Ny Betjent'] as string, departmentA2, '2026-11-27');
      expect(res.statusCode).toBe(422);
      expect(res.json().errors[0].message).toContain('only one unit/department');
      const same = await add(leader, staff['Ny Betjent'] as string, t.world.departmentA, '2026-12-30');
      expect(same.statusCode).toBe(201);
    });

    it('removes an entry, only within the scope and with roster.manage', async () => {
      const roster = await get(
        leader,
        `/api/v1/facilities/${t.world.prisonA}/roster?from=2026-11-24&to=2026-11-24`,
      );
      const entry = roster.json().items[0] as { id: string };
      const byOfficer = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/roster/${entry.id}`,
        headers: officer.headers,
      });
      expect(byOfficer.statusCode).toBe(403);
      const res = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/roster/${entry.id}`,
        headers: leader.headers,
      });
      expect(res.statusCode).toBe(204);
      const again = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/roster/${entry.id}`,
        headers: leader.headers,
      });
      expect(again.statusCode).toBe(404);
      const tooLong = await get(
        leader,
        `/api/v1/facilities/${t.world.prisonA}/roster?from=2026-01-01&to=2026-12-31`,
      );
      expect(tooLong.statusCode).toBe(422);
    });
  });
});
