// `node bench/tracing.ts [--scales 1,30] [--cases 40]`: contact tracing over a year of placement
// history and staff rosters at Norway's scale (about 3,300 inmates and 4,000 staff) and larger.
// The rows are generated in SQL (insert … select generate_series). Each sampled case is traced
// through the health service (scope, ranking, open statuses, audit) and, as the baseline in the
// same run, through the bare tracing statement alone. Prints a markdown table.
//
// A year of rosters at 30 times Norway's size is about 30 million rows: too many for the embedded
// PGlite, so scale 30 runs only with BENCH_DATABASE_URL (PostgreSQL) and is skipped otherwise.
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { addDays } from '../src/server/domain/calendar.ts';
import { createHealthRepository } from '../src/server/modules/health/health.repository.ts';
import { createHealthService } from '../src/server/modules/health/health.service.ts';
import { type Principal, permissionsOf } from '../src/server/shared/access.ts';
import { fixedClock } from '../src/server/shared/clock.ts';

const { values } = parseArgs({
  options: { scales: { type: 'string', default: '1,30' }, cases: { type: 'string', default: '40' } },
});
const scales = values.scales.split(',').map(Number);
const cases = Number(values.cases);
const url = process.env.BENCH_DATABASE_URL;
const today = '2026-11-23';
const yearAgo = addDays(today, -365);
const INMATES = 3300;
const STAFF = 4000;
const BEDS_PER_DEPARTMENT = 24;

const principal: Principal = {
  userId: '00000000-0000-4000-8000-0000000bec01',
  username: 'bench',
  displayName: 'Bench',
  roles: ['crisis_team'],
  permissions: permissionsOf(['crisis_team']),
  scopeKind: 'national',
  scopeIds: [],
  locale: 'nb',
};

const rows: string[] = [];
const perCase: Record<number, number> = {};

for (const scale of scales) {
  if (scale > 1 && !url) {
    console.error(
      `scale ${scale}: skipped on PGlite (a year of rosters is about ${scale} million rows); set BENCH_DATABASE_URL`,
    );
    rows.push(`| ${scale} | pglite | skipped: needs BENCH_DATABASE_URL (PostgreSQL) | | | | | | |`);
    continue;
  }
  const handle = await openDatabase({ url });
  await migrateToLatest(handle.db);
  const db = handle.db;
  const existing = await db.selectFrom('facility').select('id').limit(1).execute();
  if (existing.length > 0) throw new Error('bench/tracing.ts needs an empty database');
  const beds = INMATES * scale;
  const departments = Math.ceil(beds / BEDS_PER_DEPARTMENT);
  const facilities = Math.ceil(departments / 4);
  const staff = STAFF * scale;
  const started = Date.now();
  await sql`
    insert into facility (id, code, name, kind, municipality, valid_from, valid_to)
    select md5('f' || n)::uuid, 'B' || n, 'Benk ' || n, 'prison_high', 'Oslo', '2000-01-01', null
    from generate_series(1, ${facilities}::int) n`.execute(db);
  await sql`
    insert into department (id, facility_id, code, name)
    select md5('d' || n)::uuid, md5('f' || (1 + (n - 1) / 4))::uuid, 'D' || n, 'Avdeling ' || n
    from generate_series(1, ${departments}::int) n`.execute(db);
  // Two beds a cell; the bed's number says its department.
  await sql`
    insert into cell (id, department_id, number)
    select md5('c' || n)::uuid, md5('d' || (1 + (n - 1) * 2 / ${BEDS_PER_DEPARTMENT}::int))::uuid, n::text
    from generate_series(1, ${beds / 2}::int) n`.execute(db);
  await sql`
    insert into bed (id, cell_id, label)
    select md5('b' || n)::uuid, md5('c' || (1 + (n - 1) / 2))::uuid, case when n % 2 = 0 then 'B' else 'A' end
    from generate_series(1, ${beds}::int) n`.execute(db);
  // Six stays of about two months in each bed over the year; a person per stay.
  await sql`
    insert into person (id, national_id, national_id_kind, given_name, family_name, search_name, birth_date, gender)
    select md5('p' || n)::uuid, lpad(n::text, 11, '0'), 'synthetic', 'Innsatt', 'Nr ' || n, 'innsatt nr ' || n,
           '1980-01-01', 'male'
    from generate_series(1, ${beds * 6}::int) n`.execute(db);
  await sql`
    insert into placement (id, person_id, sentence_id, kind, facility_id, bed_id, from_date, to_date)
    select md5('pl' || b || ':' || k)::uuid, md5('p' || ((b - 1) * 6 + k))::uuid, null, 'cell',
           md5('f' || (1 + ((1 + ((1 + (b - 1) / 2) - 1) * 2 / ${BEDS_PER_DEPARTMENT}::int) - 1) / 4))::uuid,
           md5('b' || b)::uuid,
           ${yearAgo}::date + (k - 1) * 61 + (b % 7),
           case when k = 6 then null else ${yearAgo}::date + k * 61 + (b % 7) end
    from generate_series(1, ${beds}::int) b cross join generate_series(1, 6) k`.execute(db);
  await sql`
    insert into staff_member (id, staff_number, name, facility_id, department_id, title)
    select md5('s' || n)::uuid, 'S' || n, 'Ansatt ' || n,
           md5('f' || (1 + ((1 + (n - 1) % ${departments}::int) - 1) / 4))::uuid,
           md5('d' || (1 + (n - 1) % ${departments}::int))::uuid, 'officer'
    from generate_series(1, ${staff}::int) n`.execute(db);
  // Five days in seven for a year, a shift that rotates by week.
  await sql`
    insert into roster_entry (id, staff_id, department_id, on_date, shift, flag, created_by)
    select md5('r' || s.staff_number || ':' || d)::uuid, s.id, s.department_id, ${yearAgo}::date + d,
           (array['day', 'evening', 'night'])[1 + (d / 7 + length(s.staff_number)) % 3], null, null
    from staff_member s cross join generate_series(0, 365) d
    where (d + length(s.staff_number) + ascii(right(s.staff_number, 1))) % 7 < 5`.execute(db);
  await sql`analyze`.execute(db);
  const generated = (Date.now() - started) / 1000;
  const counts = await sql<{ placements: string; rosters: string }>`
    select (select count(*) from placement) as placements, (select count(*) from roster_entry) as rosters`.execute(
    db,
  );
  const count = counts.rows[0] ?? { placements: '0', rosters: '0' };
  console.error(`scale ${scale}: generated in ${generated.toFixed(1)} s`);

  // The sample: half inmates placed today, half staff; a confirmed case each, from today.
  const inmates = await sql<{ id: string; facility_id: string }>`
    select person_id as id, facility_id from placement where to_date is null
    order by md5(id::text) limit ${Math.ceil(cases / 2)}`.execute(db);
  const staffRows = await sql<{ id: string; facility_id: string }>`
    select id, facility_id from staff_member order by md5(id::text) limit ${Math.floor(cases / 2)}`.execute(
    db,
  );
  const statuses: { id: string; kind: 'inmate' | 'staff'; subject: string }[] = [];
  for (const [kind, list] of [
    ['inmate', inmates.rows],
    ['staff', staffRows.rows],
  ] as const)
    for (const s of list) {
      const id = crypto.randomUUID();
      await db
        .insertInto('health_status')
        .values({
          id,
          subject_kind: kind,
          person_id: kind === 'inmate' ? s.id : null,
          staff_id: kind === 'staff' ? s.id : null,
          facility_id: s.facility_id,
          status: 'confirmed',
          from_date: today,
          to_date: null,
          traced_from_id: null,
          recorded_by: null,
          recorded_by_name: 'Bench',
        })
        .execute();
      statuses.push({ id, kind, subject: s.id });
    }

  // The audit rows the service writes need their user.
  await db
    .insertInto('app_user')
    .values({
      id: principal.userId,
      username: principal.username,
      display_name: principal.displayName,
      password_hash: '-',
      roles: principal.roles,
      scope_kind: 'national',
      scope_ids: [],
    })
    .execute();
  const service = createHealthService(db, fixedClock(today));
  const repo = createHealthRepository(db);
  const window = { from: addDays(today, -14), to: today };
  // Warm up once each way.
  await service.contacts(principal, statuses[0]?.id as string, 14);
  await repo.contacts(
    { kind: statuses[0]?.kind ?? 'inmate', id: statuses[0]?.subject as string },
    window.from,
    window.to,
  );
  let contacts = 0;
  let t0 = performance.now();
  for (const s of statuses) contacts += (await service.contacts(principal, s.id, 14)).items.length;
  const serviceMs = (performance.now() - t0) / statuses.length;
  t0 = performance.now();
  for (const s of statuses) await repo.contacts({ kind: s.kind, id: s.subject }, window.from, window.to);
  const bareMs = (performance.now() - t0) / statuses.length;
  perCase[scale] = serviceMs;
  rows.push(
    `| ${scale} | ${handle.kind} | ${Number(count.placements).toLocaleString('en')} | ${Number(count.rosters).toLocaleString('en')} | ${generated.toFixed(1)} | ${statuses.length} | ${(contacts / statuses.length).toFixed(0)} | ${serviceMs.toFixed(1)} | ${bareMs.toFixed(1)} | ${(serviceMs / bareMs).toFixed(2)} |`,
  );
  await handle.close();
}

console.log(
  '| scale | database | placements (a year) | roster entries (a year) | generated (s) | cases traced | contacts per case | ms per case (service) | ms per case (bare SQL) | service ÷ bare |',
);
console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(row);
if (perCase[1] && perCase[30])
  console.log(`\nscale 30 ÷ scale 1 (ms per case): ${(perCase[30] / perCase[1]).toFixed(2)}`);
