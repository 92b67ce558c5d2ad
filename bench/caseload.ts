// `node bench/caseload.ts [--scales 1,30] [--runs 10]`: the contact officer's caseload (GET
// /api/v1/caseload's service call) and the follow-up statistics with return within two years
// (GET /api/v1/followup/statistics) at Norway's scale and larger. The rows are generated in SQL
// (insert … select generate_series): 60 prisons a scale unit, 3,300 inmates a scale unit with a
// contact officer each (ten people an officer), three key dates, an activity place for seven in
// ten and a release checklist for one in ten; and 9,000 releases a year a scale unit over five
// years, each a person with the judgment served, one in five with a new judgment within two years.
// Each run times the caseload of one officer and the national statistics over the five years, and
// as the baseline in the same run the bare SQL each rests on: the officer's people by index, and
// the releases grouped by whether a new judgment followed. Prints a markdown table.
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { createFollowupService } from '../src/server/modules/followup/followup.service.ts';
import { type Principal, permissionsOf } from '../src/server/shared/access.ts';
import { fixedClock } from '../src/server/shared/clock.ts';

const { values } = parseArgs({
  options: { scales: { type: 'string', default: '1,30' }, runs: { type: 'string', default: '10' } },
});
const scales = values.scales.split(',').map(Number);
const runs = Number(values.runs);
const url = process.env.BENCH_DATABASE_URL;
const today = '2026-11-23';
const from = '2021-11-24';
const DAYS = 1826; // five years back from today
const FACILITIES = 60;
const INMATES = 3300;
const PER_OFFICER = 10;
const RELEASES_A_YEAR = 9000;

const principal = (roles: ['national_manager'] | ['analyst']): Principal => ({
  userId: '00000000-0000-4000-8000-0000000bec05',
  username: 'bench',
  displayName: 'Bench',
  roles,
  permissions: permissionsOf(roles),
  scopeKind: 'national',
  scopeIds: [],
  locale: 'nb',
});

async function time(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const started = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  return (performance.now() - started) / runs;
}

/** A uuid of version 4 shape from a text (the response schemas check the shape). */
const id = (text: ReturnType<typeof sql>) =>
  sql`overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`;

const rows: string[] = [];
const perCall: Record<number, { caseload: number; statistics: number }> = {};

for (const scale of scales) {
  const handle = await openDatabase({ url });
  await migrateToLatest(handle.db);
  const db = handle.db;
  const existing = await db.selectFrom('facility').select('id').limit(1).execute();
  if (existing.length > 0) throw new Error('bench/caseload.ts needs an empty database');
  const facilities = FACILITIES * scale;
  const inmates = INMATES * scale;
  const officers = Math.ceil(inmates / PER_OFFICER);
  const releases = Math.round((RELEASES_A_YEAR * scale * DAYS) / 365);
  const started = Date.now();
  // The caller, so the audit events written with each read have their user.
  await db
    .insertInto('app_user')
    .values({
      id: '00000000-0000-4000-8000-0000000bec05',
      username: 'bench',
      display_name: 'Bench',
      password_hash: 'x',
      roles: ['national_manager'],
      scope_kind: 'national',
      scope_ids: [],
    })
    .execute();
  await sql`
    insert into facility (id, code, name, kind, municipality, valid_from, valid_to)
    select ${id(sql`'f' || n`)}, 'B' || n, 'Benk ' || n, 'prison_high', 'Oslo', '2000-01-01', null
    from generate_series(1, ${facilities}::int) n`.execute(db);
  await sql`
    insert into staff_member (id, staff_number, name, facility_id, department_id, title)
    select ${id(sql`'st' || n`)}, 'S' || n, 'Betjent ' || n, ${id(sql`'f' || (1 + n % ${facilities}::int)`)}, null, 'officer'
    from generate_series(1, ${officers}::int) n`.execute(db);
  // Inmates (1 … inmates) and released people (after them), each with a judgment and a sentence.
  await sql`
    insert into person (id, national_id, national_id_kind, given_name, family_name, search_name, birth_date, gender)
    select ${id(sql`'p' || n`)}, lpad(n::text, 11, '0'), 'synthetic', 'Person', 'Nr ' || n, 'person nr ' || n,
           date '1960-01-01' + (n % 15000), case when n % 17 = 0 then 'female' else 'male' end
    from generate_series(1, ${inmates + releases}::int) n`.execute(db);
  await sql`
    insert into judgment (id, person_id, case_number, court, judgment_date, offence)
    select ${id(sql`'j' || n`)}, ${id(sql`'p' || n`)}, 'J-' || n, 'Benk tingrett', date '2019-01-01', 'Tyveri'
    from generate_series(1, ${inmates + releases}::int) n`.execute(db);
  await sql`
    insert into sentence (id, judgment_id, person_id, kind, term_days, responsible_facility_id, status)
    select ${id(sql`'s' || n`)}, ${id(sql`'j' || n`)}, ${id(sql`'p' || n`)}, 'prison', 30 + (n % 1500),
           ${id(sql`'f' || (1 + n % ${facilities}::int)`)}, case when n <= ${inmates}::int then 'admitted' else 'released' end
    from generate_series(1, ${inmates + releases}::int) n`.execute(db);
  // Electronic-monitoring placements keep the bench free of beds; the caseload reads any current placement.
  await sql`
    insert into placement (id, person_id, sentence_id, kind, facility_id, bed_id, from_date, to_date)
    select ${id(sql`'pl' || n`)}, ${id(sql`'p' || n`)}, ${id(sql`'s' || n`)}, 'em',
           ${id(sql`'f' || (1 + n % ${facilities}::int)`)}, null, ${today}::date - (n % 400), null
    from generate_series(1, ${inmates}::int) n`.execute(db);
  await sql`
    insert into contact_officer (id, person_id, staff_id, valid_from, assigned_by_name)
    select ${id(sql`'co' || n`)}, ${id(sql`'p' || n`)}, ${id(sql`'st' || (1 + (n - 1) / ${PER_OFFICER}::int)`)},
           ${today}::date - (n % 400), 'Benk'
    from generate_series(1, ${inmates}::int) n`.execute(db);
  await sql`
    insert into key_date (person_id, seq, key, rule, on_date, status)
    select ${id(sql`'p' || n`)}, k, (array['ordinary_leave', 'parole', 'term_end'])[k], 'benk',
           ${today}::date + (n % 300) * k, 'not_yet'
    from generate_series(1, ${inmates}::int) n cross join generate_series(1, 3) k`.execute(db);
  await sql`
    insert into activity (id, facility_id, name, kind, places, schedule)
    select ${id(sql`'a' || n`)}, ${id(sql`'f' || n`)}, 'Verksted', 'work', ${INMATES}, ''
    from generate_series(1, ${facilities}::int) n`.execute(db);
  await sql`
    insert into activity_enrolment (id, activity_id, person_id, status, enrolled_on, created_by_name)
    select ${id(sql`'e' || n`)}, ${id(sql`'a' || (1 + n % ${facilities}::int)`)}, ${id(sql`'p' || n`)}, 'enrolled',
           ${today}::date - 30, 'Benk'
    from generate_series(1, ${inmates}::int) n where n % 10 < 7`.execute(db);
  await sql`
    insert into release_checklist (id, person_id, sentence_id, facility_id, release_date, created_on)
    select ${id(sql`'rc' || n`)}, ${id(sql`'p' || n`)}, ${id(sql`'s' || n`)}, ${id(sql`'f' || (1 + n % ${facilities}::int)`)},
           ${today}::date + (n % 90), ${today}::date
    from generate_series(1, ${inmates}::int) n where n % 10 = 0`.execute(db);
  await sql`
    insert into release_checklist_item (id, checklist_id, area, status)
    select ${id(sql`c.id::text || a`)}, c.id, a, case when length(c.id::text || a) % 2 = 0 then 'done' else 'open' end
    from release_checklist c cross join unnest(array['housing','income_work','health','debt','id_papers','network']) a`.execute(
    db,
  );
  // Releases over five years; one in five comes back with a new judgment within two years.
  await sql`
    insert into sentence_event (sentence_id, status, on_date, facility_id)
    select ${id(sql`'s' || n`)}, 'released', ${today}::date - (n % ${DAYS}::int), ${id(sql`'f' || (1 + n % ${facilities}::int)`)}
    from generate_series(${inmates + 1}::int, ${inmates + releases}::int) n`.execute(db);
  await sql`
    insert into judgment (id, person_id, case_number, court, judgment_date, offence)
    select ${id(sql`'jr' || n`)}, ${id(sql`'p' || n`)}, 'JR-' || n, 'Benk tingrett',
           ${today}::date - (n % ${DAYS}::int) + 30 + (n % 600), 'Tyveri'
    from generate_series(${inmates + 1}::int, ${inmates + releases}::int) n where n % 5 = 0`.execute(db);
  await sql`analyze`.execute(db);
  const generated = (Date.now() - started) / 1000;
  console.error(`scale ${scale}: generated in ${generated.toFixed(1)} s`);

  const service = createFollowupService(db, fixedClock(today));
  const staffId = (
    await db
      .selectFrom('staff_member')
      .select('id')
      .where('staff_number', '=', 'S1')
      .executeTakeFirstOrThrow()
  ).id;
  const manager = principal(['national_manager']);
  const analyst = principal(['analyst']);
  const caseload = await service.caseload(manager, { staffId });
  const caseloadMs = await time(() => service.caseload(manager, { staffId }));
  const bareCaseloadMs = await time(() =>
    sql`select p.id, p.given_name, p.family_name from contact_officer c join person p on p.id = c.person_id
        where c.staff_id = ${staffId}::uuid and c.valid_to is null`.execute(db),
  );
  const stats = await service.statistics(analyst, { from, to: today });
  const statisticsMs = await time(() => service.statistics(analyst, { from, to: today }));
  const bareStatisticsMs = await time(() =>
    sql`select exists (select 1 from judgment j where j.person_id = s.person_id and j.judgment_date > ev.on_date
          and j.judgment_date <= (ev.on_date + interval '2 years')::date) as returned, count(*)::int
        from sentence_event ev join sentence s on s.id = ev.sentence_id
        where ev.status = 'released' and ev.on_date between ${from} and ${today} group by 1`.execute(db),
  );
  perCall[scale] = { caseload: caseloadMs, statistics: statisticsMs };
  rows.push(
    `| ${scale} | ${handle.kind} | ${inmates.toLocaleString('en')} | ${releases.toLocaleString('en')} | ${generated.toFixed(1)} | ${caseload.items.length} | ${caseloadMs.toFixed(2)} | ${bareCaseloadMs.toFixed(2)} | ${(caseloadMs / bareCaseloadMs).toFixed(2)} | ${stats.recidivism.total.rate ?? '–'} | ${statisticsMs.toFixed(1)} | ${bareStatisticsMs.toFixed(1)} | ${(statisticsMs / bareStatisticsMs).toFixed(2)} |`,
  );
  await handle.close();
}

console.log(
  '| scale | database | inmates | releases (5 years) | generated (s) | people in the caseload | ms caseload | ms bare officer lookup | caseload ÷ bare | return within 2 years (%) | ms statistics | ms bare releases grouped | statistics ÷ bare |',
);
console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(row);
const one = perCall[1];
const thirty = perCall[30];
if (one && thirty)
  console.log(
    `\nscale 30 ÷ scale 1: caseload ${(thirty.caseload / one.caseload).toFixed(2)}, statistics ${(thirty.statistics / one.statistics).toFixed(2)}`,
  );
