// `node bench/crisis.ts [--scales 1,30] [--runs 20]`: the national crisis picture (GET
// /api/v1/crisis/dashboard's service call) at Norway's scale (about 60 facilities and 3,300 beds) and
// larger. The rows are generated in SQL (insert … select generate_series): beds in one- and two-bed
// cells, current placements and one earlier stay per bed, a queue with appearance dates, 60 days of
// health statuses, cancelled visits and measures. Each run times the service (measures in force
// through the domain rules, scope, totals per region, change since the day before) and, as the
// baseline in the same run, the bare set-based statement alone. Prints a markdown table.
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { addDays } from '../src/server/domain/calendar.ts';
import { createCrisisRepository } from '../src/server/modules/crisis/crisis.repository.ts';
import { createCrisisService } from '../src/server/modules/crisis/crisis.service.ts';
import { type Principal, permissionsOf } from '../src/server/shared/access.ts';
import { fixedClock } from '../src/server/shared/clock.ts';

const { values } = parseArgs({
  options: { scales: { type: 'string', default: '1,30' }, runs: { type: 'string', default: '20' } },
});
const scales = values.scales.split(',').map(Number);
const runs = Number(values.runs);
const url = process.env.BENCH_DATABASE_URL;
const today = '2026-11-23';
const FACILITIES = 60;
const REGIONS = 12;
const CELLS_PER_FACILITY = 45; // with every third cell holding two beds: 60 beds a facility, 3,600 in all
const QUEUE = 1200;
const HEALTH = 400;
const VISITS = 600;

const principal: Principal = {
  userId: '00000000-0000-4000-8000-0000000bec02',
  username: 'bench',
  displayName: 'Bench',
  roles: ['crisis_team'],
  permissions: permissionsOf(['crisis_team']),
  scopeKind: 'national',
  scopeIds: [],
  locale: 'nb',
};

const rows: string[] = [];
const perCall: Record<number, number> = {};

async function time(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const started = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  return (performance.now() - started) / runs;
}

for (const scale of scales) {
  const handle = await openDatabase({ url });
  await migrateToLatest(handle.db);
  const db = handle.db;
  const existing = await db.selectFrom('facility').select('id').limit(1).execute();
  if (existing.length > 0) throw new Error('bench/crisis.ts needs an empty database');
  const facilities = FACILITIES * scale;
  const cells = facilities * CELLS_PER_FACILITY;
  const started = Date.now();
  await sql`
    insert into org_unit (id, code, name, kind, parent_id, valid_from, valid_to)
    select md5('o' || n)::uuid, 'U' || n, 'Enhet ' || n, 'unit', null, '2000-01-01', null
    from generate_series(1, ${REGIONS}::int) n`.execute(db);
  await sql`
    insert into facility (id, code, name, kind, municipality, valid_from, valid_to)
    select md5('f' || n)::uuid, 'B' || n, 'Benk ' || n, 'prison_high', 'Oslo', '2000-01-01', null
    from generate_series(1, ${facilities}::int) n`.execute(db);
  await sql`
    insert into facility_membership (facility_id, org_unit_id, valid_from, valid_to)
    select md5('f' || n)::uuid, md5('o' || (1 + n % ${REGIONS}::int))::uuid, '2000-01-01', null
    from generate_series(1, ${facilities}::int) n`.execute(db);
  await sql`
    insert into department (id, facility_id, code, name)
    select md5('d' || n)::uuid, md5('f' || n)::uuid, 'A', 'Avdeling A'
    from generate_series(1, ${facilities}::int) n`.execute(db);
  await sql`
    insert into cell (id, department_id, number)
    select md5('c' || n)::uuid, md5('d' || (1 + (n - 1) / ${CELLS_PER_FACILITY}::int))::uuid, n::text
    from generate_series(1, ${cells}::int) n`.execute(db);
  await sql`
    insert into bed (id, cell_id, label)
    select md5('b' || n || ':' || k)::uuid, md5('c' || n)::uuid, case k when 1 then 'A' else 'B' end
    from generate_series(1, ${cells}::int) n cross join generate_series(1, 2) k
    where k = 1 or n % 3 = 0`.execute(db);
  const beds = Number((await sql<{ n: string }>`select count(*) as n from bed`.execute(db)).rows[0]?.n ?? 0);
  // Two people a bed (an earlier stay and the current one, nine beds in ten occupied), and the queue.
  await sql`
    insert into person (id, national_id, national_id_kind, given_name, family_name, search_name, birth_date, gender)
    select md5('p' || n)::uuid, lpad(n::text, 11, '0'), 'synthetic', 'Person', 'Nr ' || n, 'person nr ' || n,
           '1980-01-01', 'male'
    from generate_series(1, ${beds * 2 + QUEUE * scale}::int) n`.execute(db);
  await sql`
    insert into placement (id, person_id, sentence_id, kind, facility_id, bed_id, from_date, to_date)
    select md5('pl' || b.id || ':' || k)::uuid, md5('p' || (2 * dense_rank() over (order by b.id) - 2 + k))::uuid, null,
           'cell', d.facility_id, b.id,
           case k when 1 then ${addDays(today, -200)}::date else ${addDays(today, -60)}::date + (ascii(b.label) % 50) end,
           case k when 1 then ${addDays(today, -61)}::date else null end
    from bed b join cell c on c.id = b.cell_id join department d on d.id = c.department_id
    cross join generate_series(1, 2) k
    where k = 1 or abs(hashtext(b.id::text)) % 10 <> 0`.execute(db);
  const queueFrom = beds * 2;
  await sql`
    insert into judgment (id, person_id, case_number, court, judgment_date, offence)
    select md5('j' || n)::uuid, md5('p' || (${queueFrom}::int + n))::uuid, '26-' || lpad(n::text, 6, '0') || 'MED-BENK',
           'Oslo tingrett', '2026-05-01', 'Tyveri'
    from generate_series(1, ${QUEUE * scale}::int) n`.execute(db);
  await sql`
    insert into sentence (id, judgment_id, person_id, kind, term_days, order_date, responsible_facility_id, status,
                          summons_sent_on, appearance_date, appearance_facility_id)
    select md5('s' || n)::uuid, md5('j' || n)::uuid, md5('p' || (${queueFrom}::int + n))::uuid, 'prison', 90,
           '2026-09-01', md5('f' || (1 + n % ${facilities}::int))::uuid,
           case when n % 3 = 0 then 'queued' else 'summoned' end,
           case when n % 3 = 0 then null else ${addDays(today, -21)}::date end,
           case when n % 3 = 0 then null else ${today}::date + (n % 60) end,
           case when n % 3 = 0 then null else md5('f' || (1 + n % ${facilities}::int))::uuid end
    from generate_series(1, ${QUEUE * scale}::int) n`.execute(db);
  // Health statuses over the 60 days: inmates by their current placement, staff per facility.
  await sql`
    insert into staff_member (id, staff_number, name, facility_id, department_id, title)
    select md5('st' || n)::uuid, 'S' || n, 'Ansatt ' || n, md5('f' || (1 + n % ${facilities}::int))::uuid, null, 'officer'
    from generate_series(1, ${HEALTH * scale}::int) n`.execute(db);
  await sql`
    insert into health_status (id, subject_kind, person_id, staff_id, facility_id, status, from_date, to_date, recorded_by_name)
    select md5('h' || pl.id)::uuid, 'inmate', pl.person_id, null, pl.facility_id,
           (array['suspected', 'confirmed', 'quarantine', 'isolation'])[1 + abs(hashtext(pl.id::text)) % 4],
           ${today}::date - abs(hashtext(pl.id::text)) % 60,
           case when abs(hashtext(pl.id::text)) % 2 = 0 then null else ${today}::date - abs(hashtext(pl.id::text)) % 60 + 10 end,
           'Bench'
    from placement pl where pl.to_date is null order by pl.id limit ${HEALTH * scale}`.execute(db);
  await sql`
    insert into health_status (id, subject_kind, person_id, staff_id, facility_id, status, from_date, to_date, recorded_by_name)
    select md5('hs' || s.id)::uuid, 'staff', null, s.id, s.facility_id,
           (array['confirmed', 'quarantine'])[1 + abs(hashtext(s.id::text)) % 2],
           ${today}::date - abs(hashtext(s.id::text)) % 60, null, 'Bench'
    from staff_member s`.execute(db);
  await sql`
    insert into visiting_room (id, facility_id, name, kind, capacity)
    select md5('r' || n)::uuid, md5('f' || n)::uuid, 'Besøksrom', 'ordinary', 4
    from generate_series(1, ${facilities}::int) n`.execute(db);
  const current = Number(
    (await sql<{ n: string }>`select count(*) as n from placement where to_date is null`.execute(db)).rows[0]
      ?.n ?? 1,
  );
  await sql`
    insert into visit (id, person_id, facility_id, room_id, starts_at, ends_at, status)
    with cur as (
      select pl.person_id, pl.facility_id, f.code, row_number() over (order by pl.id) as rn
      from placement pl join facility f on f.id = pl.facility_id where pl.to_date is null
    )
    select md5('v' || n)::uuid, cur.person_id, cur.facility_id, md5('r' || substr(cur.code, 2))::uuid,
           (${today}::date - n % 3 + time '12:00') at time zone 'Europe/Oslo',
           (${today}::date - n % 3 + time '13:00') at time zone 'Europe/Oslo',
           case when n % 2 = 0 then 'cancelled' else 'completed' end
    from generate_series(1, ${VISITS * scale}::int) n
    join cur on cur.rn = 1 + (n::bigint * 7919) % ${current}::bigint`.execute(db);
  await sql`
    insert into measure (id, type, level, scope_kind, org_unit_id, facility_id, reason, decided_by_name, valid_from, valid_to, review_date)
    select md5('m' || n)::uuid, (array['single_occupancy', 'visits', 'leave_restrictions'])[1 + n % 3],
           case when n % 3 = 1 then 'stopped' else null end, 'facility', null, md5('f' || n)::uuid, 'Benk', 'Benk',
           ${addDays(today, -10)}::date, ${addDays(today, 10)}::date, ${today}::date
    from generate_series(1, ${facilities}::int, 4) n`.execute(db);
  await sql`
    insert into measure (id, type, level, scope_kind, org_unit_id, facility_id, reason, decided_by_name, valid_from, valid_to, review_date)
    values (md5('national')::uuid, 'visits', 'restricted', 'national', null, null, 'Benk', 'Benk',
            ${addDays(today, -10)}::date, ${addDays(today, 10)}::date, ${today}::date)`.execute(db);
  await sql`analyze`.execute(db);
  const generated = (Date.now() - started) / 1000;
  const counts = (
    await sql<{ placements: string; statuses: string; queue: string }>`
      select (select count(*) from placement) as placements, (select count(*) from health_status) as statuses,
             (select count(*) from sentence) as queue`.execute(db)
  ).rows[0] ?? { placements: '0', statuses: '0', queue: '0' };
  console.error(`scale ${scale}: generated in ${generated.toFixed(1)} s`);

  const service = createCrisisService(db, fixedClock(today), {
    measures: { createIn: async () => '' },
    calculations: { recalculate: async () => ({ persons: 0, failed: 0 }) },
  });
  const repo = createCrisisRepository(db);
  const picture = await service.dashboard(principal, today);
  const serviceMs = await time(() => service.dashboard(principal, today));
  const bareMs = await time(() => repo.figures([today, addDays(today, -1)], null));
  const seriesMs = await time(() => service.series(principal, { date: today }));
  perCall[scale] = serviceMs;
  rows.push(
    `| ${scale} | ${handle.kind} | ${facilities} | ${beds.toLocaleString('en')} | ${Number(counts.placements).toLocaleString('en')} | ${Number(counts.statuses).toLocaleString('en')} | ${Number(counts.queue).toLocaleString('en')} | ${generated.toFixed(1)} | ${picture.totals.inmateCases.value} | ${serviceMs.toFixed(1)} | ${bareMs.toFixed(1)} | ${(serviceMs / bareMs).toFixed(2)} | ${seriesMs.toFixed(1)} |`,
  );
  await handle.close();
}

console.log(
  '| scale | database | facilities | beds | placements | health statuses | sentences in queue | generated (s) | inmate cases today | ms per picture (service) | ms (bare SQL) | service ÷ bare | ms per 60-day series |',
);
console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(row);
if (perCall[1] && perCall[30])
  console.log(`\nscale 30 ÷ scale 1 (ms per picture): ${(perCall[30] / perCall[1]).toFixed(2)}`);
