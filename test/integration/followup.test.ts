import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.ts';
import { dialects } from '../support/db.ts';
import { buildPerson, TODAY } from '../support/world.ts';

type Problem = { status: number; code: string; errors?: { path: string; code: string; message: string }[] };
type Enrolment = {
  id: string;
  person: { id: string; name: string };
  version: number;
  waitingPosition: number | null;
};
type Activity = {
  id: string;
  places: number;
  enrolled: number;
  waiting: number;
  enrolments: Enrolment[];
  waitingList: Enrolment[];
};
type Item = { id: string; area: string; status: string; flag: string | null; version: number };
type Checklist = {
  id: string;
  person: { id: string; name: string };
  releaseDate: string;
  openItems: number;
  flagged: number;
  items: Item[];
};
type Checklists = {
  upcoming: Checklist[];
  withoutChecklist: { person: { id: string }; releaseDate: string; daysToRelease: number }[];
  releasedWithOpenItems: Checklist[];
};
type Referral = {
  id: string;
  status: string;
  version: number;
  answer: string | null;
  goal: { key: string } | null;
};
type Figures = { released: number; followedUp: number; returned: number; rate: number | null };

describe.each(dialects())('activities, caseload, referrals, release and statistics on %s', (dialect) => {
  let t: TestApp;
  let worker: Session;
  let workerB: Session;
  let officer: Session;
  let analyst: Session;
  let leader: Session;
  const people: Awaited<ReturnType<typeof buildPerson>>[] = [];
  const staffId = randomUUID();
  const staffB = randomUUID();

  const post = (s: Session, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: s.headers, payload });
  const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });
  const auditCount = async (action: string, personId: string) =>
    Number(
      (
        await t.db
          .selectFrom('audit_event')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('action', '=', action)
          .where('person_id', '=', personId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const person = (i: number) => people[i] as Awaited<ReturnType<typeof buildPerson>>;
  const createActivity = async (places: number, facilityId = t.world.prisonA, s = worker) => {
    const res = await post(s, '/api/v1/activities', {
      facilityId,
      name: `Verksted ${randomUUID().slice(0, 6)}`,
      kind: 'work',
      places,
      schedule: 'Man–fre 08–15',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Activity;
  };

  beforeAll(async () => {
    t = await buildTestApp(dialect, { bedsPerPrison: 60 });
    worker = await login(t.app, 'case_worker');
    workerB = await login(t.app, 'case_worker_b');
    officer = await login(t.app, 'officer');
    analyst = await login(t.app, 'analyst');
    leader = await login(t.app, 'unit_leader');
    for (let i = 0; i < 55; i++)
      people.push(
        await buildPerson(t.db, {
          givenName: `Innsatt${i}`,
          familyName: 'Aktiv',
          facilityId: t.world.prisonA,
          status: 'admitted',
          bedId: t.world.bedsA[i] as string,
        }),
      );
    const officerUser = await t.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'officer')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('staff_member')
      .values([
        {
          id: staffId,
          staff_number: 'KB-1',
          name: 'Kari Kontaktbetjent',
          facility_id: t.world.prisonA,
          department_id: t.world.departmentA,
          title: 'officer',
          user_id: officerUser.id,
        },
        {
          id: staffB,
          staff_number: 'KB-2',
          name: 'Vidar Vest',
          facility_id: t.world.prisonB,
          department_id: null,
          title: 'officer',
        },
      ])
      .execute();
  });
  afterAll(() => t.close());

  it('enrols up to the places, puts the rest on the waiting list and gives a freed place to the first', async () => {
    const a = await createActivity(2);
    const outcomes: string[] = [];
    for (const i of [0, 1, 2, 3]) {
      const res = await post(worker, `/api/v1/activities/${a.id}/enrolments`, {
        personId: person(i).personId,
      });
      expect(res.statusCode, res.body).toBe(201);
      outcomes.push((res.json() as { status: string }).status);
    }
    expect(outcomes).toEqual(['enrolled', 'enrolled', 'waiting', 'waiting']);
    const again = await post(worker, `/api/v1/activities/${a.id}/enrolments`, {
      personId: person(2).personId,
    });
    expect(again.statusCode).toBe(409);
    expect((again.json() as Problem).code).toBe('activity_already_enrolled');

    const detail = (await get(worker, `/api/v1/activities/${a.id}`)).json() as Activity;
    expect(detail.enrolled).toBe(2);
    expect(detail.waitingList.map((w) => [w.person.id, w.waitingPosition])).toEqual([
      [person(2).personId, 1],
      [person(3).personId, 2],
    ]);
    const first = detail.enrolments.find((e) => e.person.id === person(0).personId) as Enrolment;
    const stale = await post(worker, `/api/v1/activities/${a.id}/enrolments/${first.id}/end`, {
      version: first.version + 1,
    });
    expect(stale.statusCode).toBe(409);
    const ended = await post(worker, `/api/v1/activities/${a.id}/enrolments/${first.id}/end`, {
      version: first.version,
      reason: 'Overført til skole',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    const body = ended.json() as { promoted: { id: string }; activity: Activity };
    expect(body.promoted.id).toBe(person(2).personId);
    expect(body.activity.enrolled).toBe(2);
    expect(body.activity.waitingList.map((w) => w.person.id)).toEqual([person(3).personId]);
    expect(await auditCount('activity.promote', person(2).personId)).toBe(1);
    expect(await auditCount('activity.unenrol', person(0).personId)).toBe(1);
    expect(await auditCount('activity.enrol', person(3).personId)).toBe(1);

    // Attendance for the enrolled, refused for someone not enrolled and for a future day.
    const enrolled = body.activity.enrolments;
    const att = await post(worker, `/api/v1/activities/${a.id}/attendance`, {
      onDate: TODAY,
      entries: enrolled.map((e) => ({ enrolmentId: e.id, present: true })),
    });
    expect(att.statusCode, att.body).toBe(200);
    const waiting = body.activity.waitingList[0] as Enrolment;
    const bad = await post(worker, `/api/v1/activities/${a.id}/attendance`, {
      onDate: '2026-12-01',
      entries: [{ enrolmentId: waiting.id, present: true }],
    });
    expect(bad.statusCode).toBe(422);
    const bad2 = await post(worker, `/api/v1/activities/${a.id}/attendance`, {
      onDate: TODAY,
      entries: [{ enrolmentId: waiting.id, present: true }],
    });
    expect((bad2.json() as Problem).errors?.map((e) => e.path)).toEqual(['entries.0.enrolmentId']);
  });

  it('never enrols more than the places: 50 at once for the last place give exactly one', async () => {
    const a = await createActivity(1);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, k) =>
        post(worker, `/api/v1/activities/${a.id}/enrolments`, { personId: person(k + 4).personId }),
      ),
    );
    const statuses = results.map((r) =>
      r.statusCode === 201 ? (r.json() as { status: string }).status : r.statusCode,
    );
    expect(statuses.filter((s) => s === 'enrolled')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'waiting')).toHaveLength(49);
    const row = await t.db
      .selectFrom('activity')
      .select(['enrolled', 'places'])
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ enrolled: 1, places: 1 });
    const rows = await t.db
      .selectFrom('activity_enrolment')
      .select('status')
      .where('activity_id', '=', a.id)
      .where('status', '=', 'enrolled')
      .execute();
    expect(rows).toHaveLength(1);
    // The database itself refuses a second enrolled row, whatever path writes it.
    const extra = t.db
      .insertInto('activity_enrolment')
      .values({
        id: randomUUID(),
        activity_id: a.id,
        person_id: person(54).personId,
        status: 'enrolled',
        enrolled_on: TODAY,
        created_by_name: 'direkte',
      })
      .execute();
    await expect(extra).rejects.toThrow(/activity_places_not_exceeded/);
  });

  it('keeps activities and people of another prison out of reach', async () => {
    const a = await createActivity(3);
    const res = await post(workerB, `/api/v1/activities/${a.id}/enrolments`, {
      personId: person(1).personId,
    });
    expect(res.statusCode).toBe(403);
    const b = await createActivity(3, t.world.prisonB, workerB);
    const wrong = await post(workerB, `/api/v1/activities/${b.id}/enrolments`, {
      personId: person(1).personId,
    });
    expect(wrong.statusCode).toBe(403);
    const notPlaced = await post(leader, `/api/v1/activities/${a.id}/enrolments`, {
      personId: (
        await buildPerson(t.db, { givenName: 'Kø', familyName: 'Person', facilityId: t.world.prisonA })
      ).personId,
    });
    expect(notPlaced.statusCode).toBe(422);
    expect((notPlaced.json() as Problem).errors?.[0]?.path).toBe('personId');
    const list = (await get(workerB, '/api/v1/activities')).json() as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).toEqual([b.id]);
  });

  it('flags inmates without activity for the threshold in force', async () => {
    // Placed on 2026-10-01: 53 days by the test day. Persons 1, 2 and 4 hold places.
    const res = await get(worker, `/api/v1/activities/inactive?facilityId=${t.world.prisonA}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      items: { person: { id: string }; days: number; threshold: number }[];
      inmates: number;
    };
    const flagged = new Set(body.items.map((i) => i.person.id));
    expect(flagged.has(person(1).personId)).toBe(false);
    expect(flagged.has(person(2).personId)).toBe(false);
    const p0 = body.items.find((i) => i.person.id === person(0).personId);
    // Ended today: zero days since the last activity.
    expect(p0).toBeUndefined();
    const p3 = body.items.find((i) => i.person.id === person(3).personId);
    expect(p3).toMatchObject({ days: 53, threshold: 14 });
    expect(await auditCount('activity.inactive.list', person(3).personId)).toBeGreaterThan(0);

    const set = await post(worker, '/api/v1/activities/thresholds', {
      facilityId: t.world.prisonA,
      days: 60,
    });
    expect(set.statusCode, set.body).toBe(200);
    const national = await post(worker, '/api/v1/activities/thresholds', { facilityId: null, days: 30 });
    expect(national.statusCode).toBe(422);
    const after = (await get(worker, `/api/v1/activities/inactive?facilityId=${t.world.prisonA}`)).json() as {
      items: unknown[];
    };
    expect(after.items).toHaveLength(0);
    await post(worker, '/api/v1/activities/thresholds', { facilityId: t.world.prisonA, days: 14 });
  });

  it('assigns one contact officer at a time and shows the caseload with what is due', async () => {
    const p = person(3).personId;
    const wrong = await post(worker, `/api/v1/people/${p}/contact-officer`, { staffId: staffB });
    expect(wrong.statusCode).toBe(422);
    expect((wrong.json() as Problem).errors?.[0]?.code).toBe('contact_officer_wrong_facility');
    const first = await post(worker, `/api/v1/people/${p}/contact-officer`, {
      staffId: staffId,
      validFrom: '2026-11-01',
    });
    expect(first.statusCode, first.body).toBe(200);
    expect((first.json() as { contactOfficer: { staff: { name: string } } }).contactOfficer.staff.name).toBe(
      'Kari Kontaktbetjent',
    );
    const second = await post(worker, `/api/v1/people/${p}/contact-officer`, {
      staffId: staffId,
      validFrom: TODAY,
    });
    expect(second.statusCode).toBe(200);
    const rows = await t.db
      .selectFrom('contact_officer')
      .selectAll()
      .where('person_id', '=', p)
      .orderBy('valid_from')
      .execute();
    expect(rows.map((r) => [r.valid_from, r.valid_to])).toEqual([
      ['2026-11-01', TODAY],
      [TODAY, null],
    ]);
    await post(worker, `/api/v1/people/${person(1).personId}/contact-officer`, { staffId });
    // A key date ahead and an assessment review date for person 3.
    await t.db
      .insertInto('key_date')
      .values({ person_id: p, seq: 1, key: 'parole', rule: 'test', on_date: '2026-12-20', status: 'not_yet' })
      .execute();

    const res = await get(officer, '/api/v1/caseload');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      officer: { name: string };
      items: {
        person: { id: string };
        inactiveDays: number | null;
        due: { kind: string; date: string | null; key: string | null }[];
      }[];
    };
    expect(body.officer.name).toBe('Kari Kontaktbetjent');
    expect(body.items.map((i) => i.person.id).sort()).toEqual([p, person(1).personId].sort());
    const mine = body.items.find((i) => i.person.id === p);
    expect(mine?.due).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'key_date', key: 'parole', date: '2026-12-20' }),
        expect.objectContaining({ kind: 'inactive' }),
      ]),
    );
    expect(body.items.find((i) => i.person.id === person(1).personId)?.inactiveDays).toBe(0);
    expect(await auditCount('caseload.read', p)).toBeGreaterThan(0);
    expect(await auditCount('contact_officer.assign', p)).toBe(2);
    const outside = await get(workerB, `/api/v1/caseload?staffId=${staffId}`);
    expect(outside.statusCode).toBe(403);
  });

  it('makes release checklists within the horizon, flags open items and lists those released with open items', async () => {
    const near = person(5).personId;
    const later = person(6).personId;
    await t.db
      .insertInto('key_date')
      .values([
        { person_id: near, seq: 1, key: 'parole', rule: 'test', on_date: '2026-12-03', status: 'not_yet' },
        { person_id: near, seq: 2, key: 'term_end', rule: 'test', on_date: '2027-01-20', status: 'not_yet' },
        { person_id: later, seq: 1, key: 'term_end', rule: 'test', on_date: '2027-02-10', status: 'not_yet' },
        // Beyond the 90 days: no checklist yet.
        {
          person_id: person(7).personId,
          seq: 1,
          key: 'term_end',
          rule: 'test',
          on_date: '2027-06-01',
          status: 'not_yet',
        },
      ])
      .execute();
    // Reading makes nothing: the releases due are listed as without a checklist.
    const before = (
      await get(worker, `/api/v1/release/checklists?facilityId=${t.world.prisonA}`)
    ).json() as Checklists;
    expect(before.upcoming.some((x) => x.person.id === near)).toBe(false);
    expect(before.withoutChecklist.find((x) => x.person.id === near)).toMatchObject({
      releaseDate: '2026-12-03',
      daysToRelease: 10,
    });
    expect(before.withoutChecklist.some((x) => x.person.id === person(7).personId)).toBe(false);
    expect(await auditCount('release.checklist.create', near)).toBe(0);

    const prepared = await post(worker, '/api/v1/release/checklists', { facilityId: t.world.prisonA });
    expect(prepared.statusCode, prepared.body).toBe(200);
    // Person 3 has a parole date within the horizon too when the caseload test has run.
    expect(prepared.json().created).toBeGreaterThanOrEqual(2);
    expect(await auditCount('release.checklist.create', near)).toBe(1);
    const res = await get(worker, `/api/v1/release/checklists?facilityId=${t.world.prisonA}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Checklists;
    expect(body.withoutChecklist).toHaveLength(0);
    const c = body.upcoming.find((x) => x.person.id === near) as Checklist;
    expect(c.releaseDate).toBe('2026-12-03');
    expect(c.items.map((i) => i.area)).toEqual([
      'housing',
      'income_work',
      'health',
      'debt',
      'id_papers',
      'network',
    ]);
    expect(c.flagged).toBe(6);
    expect(c.items.every((i) => i.flag === 'open_near_release')).toBe(true);
    const l = body.upcoming.find((x) => x.person.id === later) as Checklist;
    expect(l.flagged).toBe(0);
    expect(body.upcoming.some((x) => x.person.id === person(7).personId)).toBe(false);
    // The second call makes nothing new.
    expect((await post(worker, '/api/v1/release/checklists', {})).json().created).toBe(0);

    const item = c.items[0] as Item;
    const upd = await post(worker, `/api/v1/release/checklists/${c.id}/items/${item.id}`, {
      version: item.version,
      status: 'done',
      owner: 'NAV Grünerløkka',
      dueDate: '2026-11-30',
      note: 'Kommunal bolig fra 3. desember.',
    });
    expect(upd.statusCode, upd.body).toBe(200);
    const updated = upd.json() as Checklist;
    expect(updated.openItems).toBe(5);
    expect(updated.items[0]).toMatchObject({ status: 'done', flag: null });
    const stale = await post(worker, `/api/v1/release/checklists/${c.id}/items/${item.id}`, {
      version: item.version,
      status: 'open',
    });
    expect(stale.statusCode).toBe(409);
    expect(await auditCount('release.item.update', near)).toBe(1);

    // Released five days ago with items open: listed.
    const past = person(8);
    const checklistId = randomUUID();
    await t.db
      .insertInto('release_checklist')
      .values({
        id: checklistId,
        person_id: past.personId,
        sentence_id: past.sentenceId,
        facility_id: t.world.prisonA,
        release_date: '2026-11-18',
        created_on: '2026-09-01',
      })
      .execute();
    await t.db
      .insertInto('release_checklist_item')
      .values([
        { id: randomUUID(), checklist_id: checklistId, area: 'housing', status: 'done' },
        { id: randomUUID(), checklist_id: checklistId, area: 'debt', status: 'open' },
      ])
      .execute();
    const again = (await get(worker, '/api/v1/release/checklists')).json() as Checklists;
    const released = again.releasedWithOpenItems.find((x) => x.id === checklistId) as Checklist;
    expect(released.openItems).toBe(1);
    expect(released.items.find((i) => i.area === 'debt')?.flag).toBe('released_open');
    const outside = (await get(workerB, '/api/v1/release/checklists')).json() as Checklists;
    expect(outside.upcoming).toHaveLength(0);
    expect((await get(workerB, `/api/v1/release/checklists/${c.id}`)).statusCode).toBe(403);
  });

  it('sends referrals to partners and follows their status', async () => {
    const partnerRes = await post(worker, '/api/v1/partners', {
      name: 'NAV Grünerløkka',
      kind: 'nav',
      municipality: 'Oslo',
    });
    expect(partnerRes.statusCode).toBe(201);
    const partner = partnerRes.json() as { id: string };
    const withContact = await post(worker, `/api/v1/partners/${partner.id}/contacts`, {
      name: 'Nina Veileder',
      role: 'Veileder',
      email: 'nina@example.no',
    });
    expect(withContact.statusCode).toBe(200);
    const contactId = (withContact.json() as { contacts: { id: string }[] }).contacts[0]?.id;
    const created = await post(worker, '/api/v1/referrals', {
      personId: person(5).personId,
      partnerId: partner.id,
      contactId,
      needArea: 'income_work',
      text: 'Behov for arbeidsrettet oppfølging etter løslatelse.',
    });
    expect(created.statusCode, created.body).toBe(201);
    const r = created.json() as Referral;
    expect(r).toMatchObject({ status: 'sent', goal: null });
    const noAnswer = await post(worker, `/api/v1/referrals/${r.id}/status`, {
      version: r.version,
      status: 'accepted',
    });
    expect(noAnswer.statusCode).toBe(422);
    expect((noAnswer.json() as Problem).errors?.[0]?.path).toBe('answer');
    const accepted = await post(worker, `/api/v1/referrals/${r.id}/status`, {
      version: r.version,
      status: 'accepted',
      answer: 'Tatt inn i kvalifiseringsprogrammet fra januar.',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const a = accepted.json() as Referral;
    expect(a.status).toBe('accepted');
    const back = await post(worker, `/api/v1/referrals/${r.id}/status`, {
      version: a.version,
      status: 'sent',
    });
    expect(back.statusCode).toBe(422);
    expect((back.json() as Problem).errors?.[0]?.code).toBe('referral_transition');
    const stale = await post(worker, `/api/v1/referrals/${r.id}/status`, {
      version: r.version,
      status: 'done',
    });
    expect(stale.statusCode).toBe(409);
    const list = (await get(worker, `/api/v1/referrals?personId=${person(5).personId}`)).json() as {
      items: Referral[];
    };
    expect(list.items.map((x) => x.id)).toEqual([r.id]);
    expect((await get(workerB, `/api/v1/referrals?personId=${person(5).personId}`)).statusCode).toBe(403);
    expect(((await get(workerB, '/api/v1/referrals')).json() as { items: unknown[] }).items).toHaveLength(0);
    expect(await auditCount('referral.update', person(5).personId)).toBe(1);
  });

  it('counts exactly on a small known set, without names, for the analyst', async () => {
    const b = t.world.prisonB;
    const admitted = async (givenName: string, bed: number) =>
      buildPerson(t.db, {
        givenName,
        familyName: 'Vest',
        facilityId: b,
        status: 'admitted',
        bedId: t.world.bedsB[bed] as string,
      });
    const b1 = await admitted('Aktiv', 0);
    await admitted('Passiv', 1);
    const act = await createActivity(5, b, workerB);
    const enr = await post(workerB, `/api/v1/activities/${act.id}/enrolments`, { personId: b1.personId });
    const enrolmentId = (enr.json() as { enrolmentId: string }).enrolmentId;
    for (const [onDate, present] of [
      ['2026-11-20', true],
      ['2026-11-21', false],
    ] as const)
      await post(workerB, `/api/v1/activities/${act.id}/attendance`, {
        onDate,
        entries: [{ enrolmentId, present }],
      });

    const released = async (
      givenName: string,
      birthDate: string,
      gender: 'male' | 'female',
      on: string,
      judgments: string[],
    ) => {
      const p = await buildPerson(t.db, {
        givenName,
        familyName: 'Løslatt',
        birthDate,
        facilityId: b,
        status: 'released',
      });
      await t.db.updateTable('person').set({ gender }).where('id', '=', p.personId).execute();
      // The judgment served, before the release.
      await t.db
        .updateTable('judgment')
        .set({ judgment_date: '2022-01-01' })
        .where('person_id', '=', p.personId)
        .execute();
      await t.db
        .insertInto('sentence_event')
        .values({
          sentence_id: p.sentenceId,
          status: 'released',
          on_date: on,
          reason: null,
          facility_id: b,
          user_id: null,
        })
        .execute();
      for (const [k, date] of judgments.entries())
        await t.db
          .insertInto('judgment')
          .values({
            id: randomUUID(),
            person_id: p.personId,
            case_number: `${p.caseNumber}-ny${k}`,
            court: 'Bergen tingrett',
            judgment_date: date,
            offence: 'Tyveri',
          })
          .execute();
      return p;
    };
    await released('Returnert', '1990-01-01', 'male', '2023-06-01', ['2024-01-10']);
    const p2 = await released('Borte', '2000-05-05', 'male', '2023-07-01', []);
    await released('Sent', '1970-03-03', 'female', '2024-01-15', ['2026-03-01']);
    await released('Fersk', '1985-06-15', 'male', '2025-09-01', []);
    // P2's checklist at release: 4 of 6 settled.
    const checklistId = randomUUID();
    await t.db
      .insertInto('release_checklist')
      .values({
        id: checklistId,
        person_id: p2.personId,
        sentence_id: p2.sentenceId,
        facility_id: b,
        release_date: '2023-07-01',
        created_on: '2023-04-01',
      })
      .execute();
    await t.db
      .insertInto('release_checklist_item')
      .values(
        (['housing', 'income_work', 'health', 'debt', 'id_papers', 'network'] as const).map((area, i) => ({
          id: randomUUID(),
          checklist_id: checklistId,
          area,
          status: i < 3 ? ('done' as const) : i === 3 ? ('not_needed' as const) : ('open' as const),
        })),
      )
      .execute();

    // P2's agreed plan: three goals; one reached before the release, one only after it, one dropped.
    const assessmentId = randomUUID();
    await t.db
      .insertInto('risk_assessment')
      .values({
        id: assessmentId,
        person_id: p2.personId,
        number: 1,
        occasion: 'intake',
        assessed_on: '2023-01-10',
        review_date: '2023-07-10',
        information_sources: 'Dom, samtale',
        needs: JSON.stringify({}),
        created_by_name: 'Test',
      } as never)
      .execute();
    const planId = randomUUID();
    const versionId = randomUUID();
    await t.db
      .insertInto('plan')
      .values({
        id: planId,
        person_id: p2.personId,
        sentence_id: p2.sentenceId,
        created_by_name: 'Test',
      } as never)
      .execute();
    await t.db
      .insertInto('plan_version')
      .values({
        id: versionId,
        plan_id: planId,
        number: 1,
        status: 'draft',
        assessment_id: assessmentId,
        person_commitments: 'Møte på skolen',
        service_commitments: 'Skoleplass',
        created_by_name: 'Test',
        decided_on: '2023-01-20',
        person_signature: 'P2',
        officer_signature: 'Saksbehandler',
      } as never)
      .execute();
    const goalKeys = [randomUUID(), randomUUID(), randomUUID()];
    await t.db
      .insertInto('plan_goal')
      .values(
        goalKeys.map((key, i) => ({
          id: randomUUID(),
          version_id: versionId,
          goal_key: key,
          seq: i + 1,
          need_area: 'education',
          description: `Mål ${i + 1}`,
          responsible: 'Domfelte',
        })) as never,
      )
      .execute();
    // Agreed once its goals are in (an agreed version's goals are immutable).
    await t.db.updateTable('plan_version').set({ status: 'agreed' }).where('id', '=', versionId).execute();
    await t.db
      .insertInto('plan_goal_event')
      .values([
        {
          id: randomUUID(),
          plan_id: planId,
          goal_key: goalKeys[0],
          status: 'reached',
          by_name: 'Test',
          at: new Date('2023-05-01T10:00:00Z'),
        },
        {
          id: randomUUID(),
          plan_id: planId,
          goal_key: goalKeys[1],
          status: 'reached',
          by_name: 'Test',
          at: new Date('2023-08-01T10:00:00Z'),
        },
        {
          id: randomUUID(),
          plan_id: planId,
          goal_key: goalKeys[2],
          status: 'dropped',
          reason: 'Flyttet',
          by_name: 'Test',
          at: new Date('2023-03-01T10:00:00Z'),
        },
      ] as never)
      .execute();

    expect((await get(worker, `/api/v1/followup/statistics?from=2023-01-01&to=2026-11-23`)).statusCode).toBe(
      403,
    );
    const bad = await get(analyst, `/api/v1/followup/statistics?from=2026-01-01&to=2025-01-01`);
    expect(bad.statusCode).toBe(422);
    const res = await get(
      analyst,
      `/api/v1/followup/statistics?from=2023-01-01&to=2026-11-23&facilityId=${b}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toMatch(/Vest|Løslatt|Returnert|Aktiv/);
    const s = res.json() as {
      activity: { inmates: number; active: number; share: number };
      participation: { recorded: number; present: number; share: number };
      checklists: {
        checklists: number;
        complete: number;
        items: number;
        settled: number;
        settledShare: number;
      };
      plans: { admitted: number; plannedInTime: number; agreed: number; plannedShare: number | null };
      goalsAtRelease: {
        released: number;
        withPlan: number;
        goals: number;
        reached: number;
        reachedShare: number;
      };
      recidivism: {
        total: Figures;
        byGender: (Figures & { group: string })[];
        byAgeGroup: (Figures & { group: string })[];
        byLength: (Figures & { group: string })[];
        byFacilityKind: (Figures & { group: string })[];
      };
    };
    expect(s.activity).toMatchObject({ inmates: 2, active: 1, share: 50 });
    // Both inmates admitted in the period, neither with a plan.
    expect(s.plans).toMatchObject({ admitted: 2, plannedInTime: 0, agreed: 0, plannedShare: 0 });
    expect(s.participation).toEqual({ recorded: 2, present: 1, share: 50 });
    expect(s.checklists).toMatchObject({
      checklists: 1,
      complete: 0,
      items: 6,
      settled: 4,
      settledShare: 66.7,
    });
    expect(s.recidivism.total).toEqual({ released: 4, followedUp: 3, returned: 1, rate: 33.3 });
    // Four released, one with a plan: of its three goals one was reached by the day of release.
    expect(s.goalsAtRelease).toEqual({
      released: 4,
      withPlan: 1,
      withPlanShare: 25,
      goals: 3,
      reached: 1,
      reachedShare: 33.3,
    });
    const g = (list: (Figures & { group: string })[], group: string) => list.find((x) => x.group === group);
    expect(g(s.recidivism.byGender, 'male')).toMatchObject({
      released: 3,
      followedUp: 2,
      returned: 1,
      rate: 50,
    });
    expect(g(s.recidivism.byGender, 'female')).toMatchObject({
      released: 1,
      followedUp: 1,
      returned: 0,
      rate: 0,
    });
    expect(g(s.recidivism.byAgeGroup, '25_34')).toMatchObject({ released: 1, returned: 1 });
    expect(g(s.recidivism.byAgeGroup, 'under_25')).toMatchObject({ released: 1, returned: 0 });
    expect(g(s.recidivism.byAgeGroup, '50_plus')).toMatchObject({ released: 1, followedUp: 1 });
    expect(g(s.recidivism.byAgeGroup, '35_49')).toMatchObject({ released: 1, followedUp: 0 });
    expect(g(s.recidivism.byLength, '3_12m')).toMatchObject({ released: 4 });
    expect(g(s.recidivism.byFacilityKind, 'prison_lower')).toMatchObject({ released: 4, returned: 1 });
  });
});
