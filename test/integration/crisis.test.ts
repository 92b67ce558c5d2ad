import { randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/server/domain/calendar.ts';
import { CSV_COLUMNS } from '../../src/server/modules/crisis/crisis.report.ts';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.ts';
import { dialects } from '../support/db.ts';
import { buildPerson, TODAY } from '../support/world.ts';

type Figure = { value: number; previous: number; change: number };
type FacilityRow = {
  id: string;
  name: string;
  measures: { level: string; singleOccupancy: boolean; visits: string | null };
  figures: Figures;
};
type Figures = Record<
  | 'inmateCases'
  | 'staffCases'
  | 'inmateQuarantine'
  | 'staffQuarantine'
  | 'capacity'
  | 'occupied'
  | 'free'
  | 'queueAffected'
  | 'visitsCancelled'
  | 'leaveRestricted',
  Figure
>;
type Dashboard = {
  date: string;
  previousDate: string;
  scope: { kind: string; names: string[] };
  totals: Figures;
  regions: { id: string; name: string; totals: Figures; facilities: FacilityRow[] }[];
};

const YESTERDAY = addDays(TODAY, -1);

describe.each(dialects())('the crisis picture and outbreak actions on %s', (dialect) => {
  let t: TestApp;
  let national: Session;
  let regional: Session;
  let leader: Session;
  let analyst: Session;
  let crisisTeam: Session;
  let sick: Awaited<ReturnType<typeof buildPerson>>;
  let healthy: Awaited<ReturnType<typeof buildPerson>>;
  let summoned: Awaited<ReturnType<typeof buildPerson>>;

  const get = (s: Session, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { ...s.headers, 'accept-language': 'en' } });
  const post = (s: Session, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, payload, headers: { ...s.headers, 'accept-language': 'en' } });

  /** A person summoned to appear at prison A on the given date. */
  async function summon(givenName: string, familyName: string, appearanceDate: string) {
    const p = await buildPerson(t.db, { givenName, familyName, facilityId: t.world.prisonA });
    await t.db
      .updateTable('sentence')
      .set({
        status: 'summoned',
        summons_sent_on: addDays(TODAY, -20),
        appearance_date: appearanceDate,
        appearance_facility_id: t.world.prisonA,
      })
      .where('id', '=', p.sentenceId)
      .execute();
    return p;
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    national = await login(t.app, 'national_manager');
    regional = await login(t.app, 'regional_manager');
    leader = await login(t.app, 'unit_leader');
    analyst = await login(t.app, 'analyst');
    crisisTeam = await login(t.app, 'crisis_team');

    // A two-bed cell in prison A: 6 beds in 5 cells, so single occupancy leaves 5 places.
    const cellId = randomUUID();
    await t.db
      .insertInto('cell')
      .values({ id: cellId, department_id: t.world.departmentA, number: '201' })
      .execute();
    await t.db
      .insertInto('bed')
      .values([
        { id: randomUUID(), cell_id: cellId, label: 'A' },
        { id: randomUUID(), cell_id: cellId, label: 'B' },
      ])
      .execute();

    sick = await buildPerson(t.db, {
      givenName: 'Syk',
      familyName: 'Innsatt',
      facilityId: t.world.prisonA,
      status: 'admitted',
      bedId: t.world.bedsA[0],
    });
    healthy = await buildPerson(t.db, {
      givenName: 'Frisk',
      familyName: 'Innsatt',
      facilityId: t.world.prisonA,
      status: 'admitted',
      bedId: t.world.bedsA[1],
    });
    summoned = await summon('Innkalt', 'Køperson', addDays(TODAY, 10));

    // One confirmed case among inmates from today; one staff member in quarantine since the 20th.
    const staffId = randomUUID();
    await t.db
      .insertInto('staff_member')
      .values({
        id: staffId,
        staff_number: 'A-1',
        name: 'Ansatt En',
        facility_id: t.world.prisonA,
        title: 'officer',
      })
      .execute();
    await t.db
      .insertInto('health_status')
      .values([
        {
          id: randomUUID(),
          subject_kind: 'inmate',
          person_id: sick.personId,
          staff_id: null,
          facility_id: t.world.prisonA,
          status: 'confirmed',
          from_date: TODAY,
          to_date: null,
          traced_from_id: null,
          recorded_by: null,
          recorded_by_name: 'Test',
          ended_by: null,
        },
        {
          id: randomUUID(),
          subject_kind: 'staff',
          person_id: null,
          staff_id: staffId,
          facility_id: t.world.prisonA,
          status: 'quarantine',
          from_date: '2026-11-20',
          to_date: null,
          traced_from_id: null,
          recorded_by: null,
          recorded_by_name: 'Test',
          ended_by: null,
        },
      ])
      .execute();

    // A visit cancelled today in prison A.
    const roomId = randomUUID();
    await t.db
      .insertInto('visiting_room')
      .values({
        id: roomId,
        facility_id: t.world.prisonA,
        name: 'Besøksrom 1',
        kind: 'ordinary',
        capacity: 4,
      })
      .execute();
    await t.db
      .insertInto('visit')
      .values({
        id: randomUUID(),
        person_id: healthy.personId,
        facility_id: t.world.prisonA,
        room_id: roomId,
        starts_at: `${TODAY}T12:00:00Z`,
        ends_at: `${TODAY}T13:00:00Z`,
        status: 'cancelled',
        created_by: null,
      } as never)
      .execute();

    // Single occupancy in prison A from today.
    const measure = await post(national, '/api/v1/measures', {
      type: 'single_occupancy',
      scopeKind: 'facility',
      scopeId: t.world.prisonA,
      reason: 'Bare enkeltrom',
      validFrom: TODAY,
      validTo: addDays(TODAY, 14),
      reviewDate: addDays(TODAY, 7),
    });
    expect(measure.statusCode, measure.body).toBe(201);
  });
  afterAll(() => t.close());

  const facilityRow = (d: Dashboard, id: string) =>
    d.regions.flatMap((r) => r.facilities).find((f) => f.id === id);

  it('counts cases, quarantine, capacity under single occupancy and the queue, with the change since yesterday', async () => {
    const res = await get(analyst, `/api/v1/crisis/dashboard?date=${TODAY}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as Dashboard;
    expect(d).toMatchObject({ date: TODAY, previousDate: YESTERDAY, scope: { kind: 'national' } });
    const a = facilityRow(d, t.world.prisonA);
    expect(a?.name).toBe('Testby fengsel');
    expect(a?.measures).toMatchObject({ singleOccupancy: true, level: 'moderate' });
    expect(a?.figures).toMatchObject({
      inmateCases: { value: 1, previous: 0, change: 1 },
      staffCases: { value: 0, previous: 0, change: 0 },
      staffQuarantine: { value: 1, previous: 1, change: 0 },
      inmateQuarantine: { value: 0, previous: 0, change: 0 },
      beds: { value: 6, previous: 6, change: 0 },
      capacity: { value: 5, previous: 6, change: -1 },
      occupied: { value: 2, previous: 2, change: 0 },
      free: { value: 3, previous: 4, change: -1 },
      // An outbreak today (a confirmed case) makes the summoned person's start due in 10 days affected.
      queueAffected: { value: 1, previous: 0, change: 1 },
      visitsCancelled: { value: 1, previous: 0, change: 1 },
      outbreak: { value: 1, previous: 0, change: 1 },
      singleOccupancy: { value: 1, previous: 0, change: 1 },
    });
    const b = facilityRow(d, t.world.prisonB);
    expect(b?.figures.inmateCases).toEqual({ value: 0, previous: 0, change: 0 });
    expect(b?.figures.capacity.value).toBe(4);
    // Totals add the facilities up, nationally and per region.
    expect(d.totals.inmateCases).toEqual({ value: 1, previous: 0, change: 1 });
    expect(d.totals.capacity).toEqual({ value: 9, previous: 10, change: -1 });
    const oslo = d.regions.find((r) => r.facilities.some((f) => f.id === t.world.prisonA));
    expect(oslo?.name).toBe('Kriminalomsorgen Oslo');
    expect(oslo?.totals.staffQuarantine.value).toBe(1);
    expect(res.body).not.toContain('Innsatt');
  });

  it('shows a regional manager only their region and says so', async () => {
    const res = await get(regional, `/api/v1/crisis/dashboard?date=${TODAY}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as Dashboard;
    expect(d.scope).toEqual({ kind: 'units', names: ['Kriminalomsorgen Oslo'] });
    expect(d.regions.map((r) => r.name)).toEqual(['Kriminalomsorgen Oslo']);
    expect(facilityRow(d, t.world.prisonB)).toBeUndefined();
    expect(d.totals.capacity.value).toBe(5);
    const outside = await get(regional, `/api/v1/crisis/series?facilityId=${t.world.prisonB}`);
    expect(outside.statusCode).toBe(403);
  });

  it('gives 60 days of cases and quarantine, in scope and for one facility', async () => {
    const res = await get(national, `/api/v1/crisis/series?date=${TODAY}&facilityId=${t.world.prisonA}`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json() as {
      from: string;
      to: string;
      all: { points: { date: string; inmateCases: number; staffQuarantine: number }[] };
      selected: { name: string; points: { date: string; inmateCases: number; staffQuarantine: number }[] };
    };
    expect(s.from).toBe(addDays(TODAY, -59));
    expect(s.all.points).toHaveLength(60);
    expect(s.all.points.at(-1)).toMatchObject({ date: TODAY, inmateCases: 1, staffQuarantine: 1 });
    expect(s.all.points.find((p) => p.date === '2026-11-20')).toMatchObject({
      inmateCases: 0,
      staffQuarantine: 1,
    });
    expect(s.all.points.find((p) => p.date === '2026-11-19')).toMatchObject({ staffQuarantine: 0 });
    expect(s.selected.name).toBe('Testby fengsel');
    const west = await get(national, `/api/v1/crisis/series?date=${TODAY}&orgUnitId=${t.world.unitWest}`);
    expect((west.json() as typeof s).selected.points.every((p) => p.inmateCases === 0)).toBe(true);
  });

  it('writes the Ministry report as CSV with the documented columns, audited', async () => {
    const res = await get(crisisTeam, `/api/v1/crisis/report?date=${TODAY}&format=csv`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const lines = res.body.slice(1).trim().split('\r\n');
    expect(lines[0]?.split(',')).toEqual(CSV_COLUMNS);
    const national = lines.find((l) => l.startsWith('nasjonalt,'))?.split(',') ?? [];
    expect(national[CSV_COLUMNS.indexOf('smittede_innsatte')]).toBe('1');
    expect(national[CSV_COLUMNS.indexOf('smittede_innsatte_endring')]).toBe('1');
    expect(national[CSV_COLUMNS.indexOf('utarbeidet_av')]).toBe('Test crisis_team');
    expect(lines.some((l) => l.startsWith('enhet,') && l.includes('Testby fengsel'))).toBe(true);
    expect(lines.some((l) => l.startsWith('tiltak,') && l.includes('Bare enkeltrom'))).toBe(true);
    const audited = await t.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'crisis.report')
      .execute();
    expect(audited.length).toBeGreaterThan(0);
  });

  it('writes the report as a PDF with pages', async () => {
    const res = await get(analyst, `/api/v1/crisis/report?date=${TODAY}&format=pdf`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const doc = await PDFDocument.load(res.rawPayload);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(doc.getTitle()).toContain('situasjonsbilde');
  });

  it('applies the outbreak set as facility measures in one go, and nothing when one is invalid', async () => {
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('measure')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('facility_id', '=', t.world.prisonA)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const bad = await post(leader, `/api/v1/outbreak/facilities/${t.world.prisonA}/measures`, {
      reason: 'Utbrudd',
      validFrom: TODAY,
      validTo: addDays(TODAY, 14),
      reviewDate: addDays(TODAY, 30),
      include: ['single_occupancy', 'visits_extended'],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe('reviewDate');
    expect(await count()).toBe(before);

    const res = await post(leader, `/api/v1/outbreak/facilities/${t.world.prisonA}/measures`, {
      reason: 'Utbrudd av covid-19',
      validFrom: TODAY,
      validTo: addDays(TODAY, 14),
      reviewDate: addDays(TODAY, 7),
      include: ['solitary_placement', 'visits_extended', 'leave_restrictions', 'postponement_of_execution'],
      solitaryLevel: 'all',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(
      res.json().measures.map((m: { type: string; level: string | null }) => `${m.type}:${m.level}`),
    ).toEqual([
      'solitary_placement:all',
      'visits:extended',
      'leave_restrictions:null',
      'postponement_of_execution:null',
    ]);
    expect(await count()).toBe(before + 4);
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['username', 'details'])
      .where('action', '=', 'outbreak.measures')
      .executeTakeFirstOrThrow();
    expect(audit.username).toBe('unit_leader');
    const d = (await get(analyst, `/api/v1/crisis/dashboard?date=${TODAY}`)).json() as Dashboard;
    expect(facilityRow(d, t.world.prisonA)?.measures).toMatchObject({ level: 'severe', visits: 'extended' });
    expect(facilityRow(d, t.world.prisonA)?.figures.leaveRestricted.value).toBe(1);

    const outside = await post(leader, `/api/v1/outbreak/facilities/${t.world.prisonB}/measures`, {
      reason: 'Utbrudd',
      validFrom: TODAY,
      validTo: addDays(TODAY, 14),
      reviewDate: addDays(TODAY, 7),
      include: ['single_occupancy'],
    });
    expect(outside.statusCode).toBe(403);
  });

  it('postpones a batch all or nothing: a stale version names who and applies none', async () => {
    const other = await summon('Andre', 'Køperson', addDays(TODAY, 12));
    const queue = await get(leader, `/api/v1/outbreak/facilities/${t.world.prisonA}/queue`);
    expect(queue.statusCode, queue.body).toBe(200);
    const items = queue.json().items as {
      sentenceId: string;
      version: number;
      person: { familyName: string };
    }[];
    const ids = [summoned.sentenceId, other.sentenceId];
    expect(ids.every((id) => items.some((i) => i.sentenceId === id))).toBe(true);
    const versions = Object.fromEntries(items.map((i) => [i.sentenceId, i.version]));

    const stale = await post(leader, `/api/v1/outbreak/facilities/${t.world.prisonA}/postponements`, {
      items: [
        { sentenceId: summoned.sentenceId, version: versions[summoned.sentenceId] },
        { sentenceId: other.sentenceId, version: (versions[other.sentenceId] ?? 1) + 5 },
      ],
      reason: 'Smitteutbrudd i fengselet',
      weeks: 4,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().title).toContain('Andre Køperson');
    expect(stale.json().title).not.toContain('Innkalt');
    const untouched = await t.db
      .selectFrom('sentence')
      .select(['status', 'appearance_date'])
      .where('id', '=', summoned.sentenceId)
      .executeTakeFirstOrThrow();
    expect(untouched).toEqual({ status: 'summoned', appearance_date: addDays(TODAY, 10) });
    expect(await t.db.selectFrom('outbreak_letter').selectAll().execute()).toHaveLength(0);

    const tooSoon = await post(
      leader,
      `/api/v1/outbreak/facilities/${t.world.prisonA}/postponements/preview`,
      {
        items: [{ sentenceId: summoned.sentenceId, version: versions[summoned.sentenceId] }],
        reason: 'Smitteutbrudd',
        newDate: addDays(TODAY, 5),
      },
    );
    expect(tooSoon.statusCode).toBe(422);
    expect(tooSoon.json().errors[0]).toMatchObject({ path: 'newDate', code: 'summons_notice_too_short' });

    const body = {
      items: ids.map((id) => ({ sentenceId: id, version: versions[id] })),
      reason: 'Smitteutbrudd i fengselet',
      weeks: 4,
    };
    const preview = await post(
      leader,
      `/api/v1/outbreak/facilities/${t.world.prisonA}/postponements/preview`,
      body,
    );
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().items[0].newDate).toBe(addDays(TODAY, 38));
    expect(await t.db.selectFrom('outbreak_letter').selectAll().execute()).toHaveLength(0);

    const done = await post(leader, `/api/v1/outbreak/facilities/${t.world.prisonA}/postponements`, body);
    expect(done.statusCode, done.body).toBe(201);
    const out = done.json() as { batchId: string; letters: { id: string; body: string; newDate: string }[] };
    expect(out.letters).toHaveLength(2);
    const rows = await t.db
      .selectFrom('sentence')
      .select(['id', 'status', 'postponed_until', 'postponement_note', 'version'])
      .where('id', 'in', ids)
      .execute();
    expect(
      rows.every((r) => r.status === 'postponed' && r.postponement_note === 'Smitteutbrudd i fengselet'),
    ).toBe(true);
    expect(rows.find((r) => r.id === summoned.sentenceId)?.postponed_until).toBe(addDays(TODAY, 38));
    expect(rows.find((r) => r.id === other.sentenceId)?.postponed_until).toBe(addDays(TODAY, 40));

    const letter = out.letters.find((l) => l.body.includes('Innkalt Køperson'));
    expect(letter?.body).toContain(summoned.caseNumber);
    expect(letter?.body).toContain('3. desember 2026');
    expect(letter?.body).toContain('31. desember 2026');
    expect(letter?.body).toContain('straffegjennomføringsloven');
    expect(letter?.body).toContain('09:00–15:00');

    const one = await get(leader, `/api/v1/outbreak/letters/${letter?.id}`);
    expect(one.statusCode).toBe(200);
    const pdf = await get(
      leader,
      `/api/v1/outbreak/facilities/${t.world.prisonA}/letters?batchId=${out.batchId}&format=pdf`,
    );
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await PDFDocument.load(pdf.rawPayload)).getPageCount()).toBe(2);
    const reads = await t.db
      .selectFrom('audit_event')
      .select('person_id')
      .where('action', '=', 'outbreak.letter.read')
      .execute();
    expect(reads.some((r) => r.person_id === summoned.personId)).toBe(true);
  });

  it('filters the early-release list to one facility', async () => {
    const url = `/api/v1/crisis/early-release?from=${TODAY}&to=${addDays(TODAY, 365)}&withinDays=365`;
    const all = (await get(crisisTeam, url)).json() as { items: { facility: { id: string } | null }[] };
    const atA = (await get(crisisTeam, `${url}&facilityId=${t.world.prisonA}`)).json() as typeof all;
    const atB = (await get(crisisTeam, `${url}&facilityId=${t.world.prisonB}`)).json() as typeof all;
    expect(all.items.some((i) => i.facility?.id === t.world.prisonA)).toBe(true);
    expect(atA.items.length).toBe(all.items.filter((i) => i.facility?.id === t.world.prisonA).length);
    expect(atA.items.every((i) => i.facility?.id === t.world.prisonA)).toBe(true);
    expect(atB.items.some((i) => i.facility?.id === t.world.prisonA)).toBe(false);
  });

  it('records interruptions for chosen inmates and recalculates their key dates', async () => {
    const inmates = await get(crisisTeam, `/api/v1/outbreak/facilities/${t.world.prisonA}/inmates`);
    expect(inmates.statusCode, inmates.body).toBe(200);
    expect(inmates.json().items.map((i: { person: { id: string } }) => i.person.id)).toContain(
      healthy.personId,
    );

    const wrong = await post(crisisTeam, `/api/v1/outbreak/facilities/${t.world.prisonA}/interruptions`, {
      personIds: [summoned.personId],
      date: TODAY,
      reason: 'Utbrudd',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].path).toBe('personIds.0');

    const res = await post(crisisTeam, `/api/v1/outbreak/facilities/${t.world.prisonA}/interruptions`, {
      personIds: [healthy.personId],
      date: TODAY,
      reason: 'Avbrudd på grunn av utbrudd',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ recorded: 1 });
    const events = await t.db
      .selectFrom('execution_event')
      .selectAll()
      .where('person_id', '=', healthy.personId)
      .execute();
    expect(events).toMatchObject([
      { kind: 'interruption_start', on_date: TODAY, note: 'Avbrudd på grunn av utbrudd' },
    ]);
    const calc = await t.db
      .selectFrom('calculation')
      .select(['as_of', 'result'])
      .where('person_id', '=', healthy.personId)
      .executeTakeFirstOrThrow();
    expect(calc.as_of).toBe(TODAY);
    expect(JSON.stringify(calc.result)).toContain('interruption');
    const after = await get(crisisTeam, `/api/v1/outbreak/facilities/${t.world.prisonA}/inmates`);
    const row = after.json().items.find((i: { person: { id: string } }) => i.person.id === healthy.personId);
    expect(row.interrupted).toBe(true);
  });
});
