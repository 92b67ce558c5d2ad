import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PGliteDialect, type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import type { Database } from '../../src/server/db/types.ts';
import { addDays, ageOn, daysBetween } from '../../src/server/domain/calendar.ts';
import { parseNationalId } from '../../src/server/domain/identity-number.ts';
import { buildDemoData, type DemoSummary, seedDemo } from '../../src/server/seed/demo.ts';
import { DEMO_FACILITIES, DEMO_PEOPLE } from '../../src/server/seed/fixtures.ts';

const TODAY = '2026-11-23';
const OPTIONS = { scale: 1, seed: 2020, today: TODAY };

const within = (value: number, low: number, high: number) => {
  expect(value).toBeGreaterThanOrEqual(low);
  expect(value).toBeLessThanOrEqual(high);
};

describe('demo data generator (pure)', () => {
  it('gives the same rows, ids included, for the same seed, scale and day', () => {
    const a = buildDemoData(OPTIONS);
    const b = buildDemoData(OPTIONS);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('gives other people for another seed, and the same fixtures', () => {
    const a = buildDemoData(OPTIONS).people.persons;
    const b = buildDemoData({ ...OPTIONS, seed: 2021 }).people.persons;
    expect(b.slice(20, 40).map((p) => p.id)).not.toEqual(a.slice(20, 40).map((p) => p.id));
    for (const fixture of Object.values(DEMO_PEOPLE)) {
      expect(b.find((p) => p.id === fixture.personId)?.given_name).toBe(fixture.givenName);
    }
  });

  it('scales people and beds with the scale', () => {
    const small = buildDemoData({ ...OPTIONS, scale: 0.1 });
    const double = buildDemoData({ ...OPTIONS, scale: 2 });
    const one = buildDemoData(OPTIONS);
    within(small.people.persons.length / one.people.persons.length, 0.08, 0.15);
    within(double.organisation.beds.length / one.organisation.beds.length, 1.9, 2.1);
    expect(new Set(double.organisation.facilities.map((f) => f.code)).size).toBe(
      double.organisation.facilities.length,
    );
  });
});

describe('demo data in PGlite at scale 1', () => {
  let db: Kysely<Database>;
  let summary: DemoSummary;
  let seconds = 0;

  beforeAll(async () => {
    const pglite = new PGlite({ extensions: { pg_trgm } });
    db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    await migrateToLatest(db);
    const started = performance.now();
    summary = await seedDemo(db, OPTIONS);
    seconds = (performance.now() - started) / 1000;
  }, 120_000);

  afterAll(async () => {
    await db?.destroy();
  });

  it('seeds well within the time budget', () => {
    expect(seconds).toBeLessThan(30);
  });

  it('holds what the summary says, near Norway’s figures', async () => {
    const count = async (query: RawBuilder<{ n: number }>) =>
      Number((await query.execute(db)).rows[0]?.n ?? -1);
    expect(await count(sql`select count(*)::int as n from facility`)).toBe(summary.facilities);
    expect(await count(sql`select count(*)::int as n from bed`)).toBe(summary.beds);
    expect(await count(sql`select count(*)::int as n from person`)).toBe(summary.people);
    expect(
      await count(sql`select count(*)::int as n from placement where to_date is null and kind = 'cell'`),
    ).toBe(summary.inmates);
    expect(
      await count(sql`select count(*)::int as n from placement where to_date is null and kind = 'em'`),
    ).toBe(summary.em);

    const kinds = await db
      .selectFrom('facility')
      .select(['kind', db.fn.countAll<number>().as('n')])
      .groupBy('kind')
      .execute();
    const byKind = Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)]));
    within((byKind.prison_high ?? 0) + (byKind.prison_lower ?? 0), 55, 65);
    within((byKind.prison_high ?? 0) / ((byKind.prison_high ?? 0) + (byKind.prison_lower ?? 0)), 0.55, 0.75);
    within(byKind.halfway_house ?? 0, 4, 8);
    expect(byKind.probation_office).toBe(34);

    within(summary.beds, 3700, 4400);
    within(summary.inmates, 2790, 3410);
    within(summary.remand, 540, 660);
    within(summary.queued, 900, 1100);
    within(summary.em, 360, 440);
  });

  it('gives everyone a valid, unique synthetic identity number that matches birth date and gender', async () => {
    const people = await db
      .selectFrom('person')
      .select(['national_id', 'national_id_kind', sql<string>`birth_date::text`.as('birth'), 'gender'])
      .execute();
    expect(new Set(people.map((p) => p.national_id)).size).toBe(people.length);
    for (const p of people) {
      const parsed = parseNationalId(p.national_id);
      expect(parsed.valid, p.national_id).toBe(true);
      if (!parsed.valid) continue;
      expect(parsed.kind).toBe('synthetic');
      expect(p.national_id_kind).toBe('synthetic');
      expect(parsed.birthDate).toBe(p.birth);
      expect(parsed.gender).toBe(p.gender);
    }
    const ages = people.map((p) => ageOn(p.birth, TODAY));
    within(Math.min(...ages), 15, 18);
    expect(Math.max(...ages)).toBeLessThanOrEqual(75);
    within(ages.filter((a) => a < 23).length / ages.length, 0.06, 0.15);
    within(people.filter((p) => p.gender === 'female').length / people.length, 0.04, 0.09);
  });

  it('never puts two people in one bed, now or earlier', async () => {
    const doubled = await sql<{ n: number }>`
      select count(*)::int as n from (
        select bed_id from placement where to_date is null and bed_id is not null
        group by bed_id having count(*) > 1) x`.execute(db);
    expect(doubled.rows[0]?.n).toBe(0);
    const overlapping = await sql<{ n: number }>`
      select count(*)::int as n from placement a join placement b
        on a.bed_id = b.bed_id and a.id < b.id
       and daterange(a.from_date, a.to_date) && daterange(b.from_date, b.to_date)`.execute(db);
    expect(overlapping.rows[0]?.n).toBe(0);
    const wrongFacility = await sql<{ n: number }>`
      select count(*)::int as n from placement p
        join bed b on b.id = p.bed_id join cell c on c.id = b.cell_id join department d on d.id = c.department_id
       where d.facility_id <> p.facility_id`.execute(db);
    expect(wrongFacility.rows[0]?.n).toBe(0);
  });

  it('leaves free beds in every prison, at 80–95 % occupancy', async () => {
    const rows = await sql<{ code: string; beds: number; occupied: number }>`
      select f.code, count(b.id)::int as beds, count(p.id)::int as occupied
        from facility f
        join department d on d.facility_id = f.id join cell c on c.department_id = d.id join bed b on b.cell_id = c.id
        left join placement p on p.bed_id = b.id and p.to_date is null
       group by f.code`.execute(db);
    for (const r of rows.rows) {
      expect(r.occupied, r.code).toBeLessThan(r.beds);
      within(r.occupied / r.beds, 0.8, 0.95);
    }
  });

  it('ends every status history with the current status, in date order', async () => {
    const mismatches = await sql<{ n: number }>`
      select count(*)::int as n from sentence s
        left join lateral (select status from sentence_event e where e.sentence_id = s.id order by id desc limit 1) last on true
       where last.status is distinct from s.status`.execute(db);
    expect(mismatches.rows[0]?.n).toBe(0);
    const outOfOrder = await sql<{ n: number }>`
      select count(*)::int as n from sentence_event a join sentence_event b
        on a.sentence_id = b.sentence_id and a.id < b.id and a.on_date > b.on_date`.execute(db);
    expect(outOfOrder.rows[0]?.n).toBe(0);
    const future = await sql<{ n: number }>`
      select count(*)::int as n from sentence_event where on_date > ${TODAY}::date`.execute(db);
    expect(future.rows[0]?.n).toBe(0);
  });

  it('gives each admitted person in prison or on EM exactly one current placement', async () => {
    const rows = await sql<{ n: number }>`
      select count(*)::int as n from sentence s
        left join (select sentence_id, count(*) as c from placement where to_date is null group by sentence_id) p
          on p.sentence_id = s.id
       where s.status = 'admitted' and s.kind <> 'community' and coalesce(p.c, 0) <> 1`.execute(db);
    expect(rows.rows[0]?.n).toBe(0);
  });

  it('keeps the queue lawful: summonses give 21 days, order dates span about 18 months', async () => {
    const queue = await db
      .selectFrom('sentence')
      .select([
        'status',
        sql<string>`order_date::text`.as('order_date'),
        sql<string | null>`summons_sent_on::text`.as('summons'),
        sql<string | null>`appearance_date::text`.as('appearance'),
        sql<string | null>`postponed_until::text`.as('until'),
        'postponement_reason',
      ])
      .where('status', 'in', ['queued', 'summoned', 'postponed'])
      .execute();
    const orders = queue.map((q) => q.order_date).sort();
    within(daysBetween(orders[0] ?? TODAY, TODAY), 365, 560);
    for (const q of queue) {
      if (q.status === 'summoned') {
        expect(q.summons && q.appearance && q.appearance >= addDays(q.summons, 21)).toBe(true);
        expect((q.appearance ?? '') > TODAY).toBe(true);
      }
      if (q.status === 'postponed') {
        expect(q.postponement_reason).not.toBeNull();
        expect((q.until ?? '') > TODAY).toBe(true);
      }
    }
    expect(queue.filter((q) => q.status === 'summoned').length).toBeGreaterThan(100);
    expect(queue.filter((q) => q.status === 'postponed').length).toBeGreaterThan(10);
  });

  it('has releases and admissions in the current week', async () => {
    const week = await sql<{ status: string; n: number }>`
      select status, count(*)::int as n from sentence_event
       where on_date between date_trunc('week', ${TODAY}::date)::date and ${TODAY}::date
       group by status`.execute(db);
    const n = Object.fromEntries(week.rows.map((r) => [r.status, r.n]));
    expect(n.admitted ?? 0).toBeGreaterThanOrEqual(4);
    expect(n.released ?? 0).toBeGreaterThanOrEqual(4);
  });

  it('holds the five regions until 2022 and the twelve units after, for every facility', async () => {
    const structure = async (asOf: string) =>
      sql<{ facilities: number; rows: number; kinds: string[]; parents: number }>`
        select count(distinct m.facility_id)::int as facilities, count(*)::int as rows,
               array_agg(distinct o.kind) as kinds, count(distinct o.id)::int as parents
          from facility_membership m join org_unit o on o.id = m.org_unit_id
         where m.valid_from <= ${asOf}::date and (m.valid_to is null or m.valid_to > ${asOf}::date)
           and o.valid_from <= ${asOf}::date and (o.valid_to is null or o.valid_to > ${asOf}::date)`.execute(
        db,
      );
    const before = (await structure('2021-06-01')).rows[0];
    const after = (await structure(TODAY)).rows[0];
    const all = summary.facilities;
    expect(before).toMatchObject({ facilities: all, rows: all, kinds: ['region'], parents: 5 });
    expect(after).toMatchObject({ facilities: all, rows: all, kinds: ['unit'], parents: 12 });
    const directorate = await db
      .selectFrom('org_unit')
      .selectAll()
      .where('kind', '=', 'directorate')
      .execute();
    expect(directorate.map((d) => d.code)).toEqual(['KDI']);
  });

  it('has the fixed demo people where the fixtures say', async () => {
    const state = async (personId: string) =>
      db
        .selectFrom('person as p')
        .innerJoin('sentence as s', 's.person_id', 'p.id')
        .leftJoin('placement as pl', (j) =>
          j.onRef('pl.sentence_id', '=', 's.id').on('pl.to_date', 'is', null),
        )
        .leftJoin('facility as f', 'f.id', 'pl.facility_id')
        .leftJoin('bed as b', 'b.id', 'pl.bed_id')
        .leftJoin('cell as c', 'c.id', 'b.cell_id')
        .select([
          'p.given_name',
          'p.family_name',
          'p.search_name',
          sql<string>`p.birth_date::text`.as('birth'),
          's.id as sentence_id',
          's.kind',
          's.status',
          's.summons_sent_on',
          'pl.kind as placement_kind',
          'f.code as facility',
          'c.number as cell',
          'b.label as bed',
        ])
        .where('p.id', '=', personId)
        .orderBy('s.order_date', 'desc')
        .execute();

    const ola = await state(DEMO_PEOPLE.queuedAdult.personId);
    expect(ola[0]).toMatchObject({
      given_name: 'Ola',
      family_name: 'Nordmann',
      status: 'queued',
      summons_sent_on: null,
    });
    expect(ageOn(ola[0]?.birth ?? '', TODAY)).toBeGreaterThanOrEqual(23);

    const kari = await state(DEMO_PEOPLE.queuedYoung.personId);
    expect(kari[0]).toMatchObject({
      family_name: 'Sørensen-Dahl',
      status: 'queued',
      search_name: 'kari sorensen dahl',
    });
    expect(ageOn(kari[0]?.birth ?? '', TODAY)).toBeLessThan(23);

    const asmund = await state(DEMO_PEOPLE.admitted.personId);
    expect(asmund.find((s) => s.sentence_id === DEMO_PEOPLE.admitted.sentenceId)).toMatchObject({
      given_name: 'Åsmund',
      family_name: 'Ødegård',
      search_name: 'asmund odegard',
      status: 'admitted',
      placement_kind: 'cell',
      facility: DEMO_FACILITIES.osloPrison,
      cell: '101',
      bed: 'A',
    });

    const remand = await state(DEMO_PEOPLE.remand.personId);
    expect(remand.find((s) => s.sentence_id === DEMO_PEOPLE.remand.sentenceId)).toMatchObject({
      kind: 'remand',
      status: 'admitted',
      facility: DEMO_FACILITIES.osloPrison,
      cell: '102',
    });

    const em = await state(DEMO_PEOPLE.em.personId);
    expect(em.find((s) => s.sentence_id === DEMO_PEOPLE.em.sentenceId)).toMatchObject({
      status: 'admitted',
      placement_kind: 'em',
      facility: DEMO_FACILITIES.osloProbation,
    });

    const summoned = await state(DEMO_PEOPLE.summoned.personId);
    expect(summoned.find((s) => s.sentence_id === DEMO_PEOPLE.summoned.sentenceId)?.status).toBe('summoned');
    const postponed = await state(DEMO_PEOPLE.postponed.personId);
    expect(postponed.find((s) => s.sentence_id === DEMO_PEOPLE.postponed.sentenceId)?.status).toBe(
      'postponed',
    );
    const community = await state(DEMO_PEOPLE.community.personId);
    expect(community.find((s) => s.sentence_id === DEMO_PEOPLE.community.sentenceId)?.kind).toBe('community');
    const released = await state(DEMO_PEOPLE.released.personId);
    expect(released.find((s) => s.sentence_id === DEMO_PEOPLE.released.sentenceId)?.status).toBe('released');
  });

  it('stores exactly the rows the pure generator builds', async () => {
    const data = buildDemoData(OPTIONS);
    const ids = (await db.selectFrom('person').select(['id', 'national_id']).orderBy('id').execute()).map(
      (p) => `${p.id} ${p.national_id}`,
    );
    const built = data.people.persons.map((p) => `${p.id} ${p.national_id}`).sort();
    expect(ids).toEqual(built);
    const cases = await db.selectFrom('judgment').select('case_number').execute();
    expect(new Set(cases.map((c) => c.case_number)).size).toBe(data.people.judgments.length);
    for (const c of cases.slice(0, 200)) expect(c.case_number).toMatch(/^\d{2}-\d{6}MED-[A-Z]{4}\/\d{2}$/);
  });
});
