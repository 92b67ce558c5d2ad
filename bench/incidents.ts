// `node bench/incidents.ts [--scales 1,30] [--runs 10]`: the incident statistics (GET
// /api/v1/incidents/statistics's service call) at Norway's scale and larger, over ten years of
// incidents. The rows are generated in SQL (insert … select generate_series): 60 facilities a scale
// unit in 12 units, 5,000 incidents a year a scale unit spread over the types, a staff victim on
// every fourth violence incident, and 8,000 leaves taken a year a scale unit. Each run times the
// service nationally by month over ten years, by year over ten years, and for one unit (membership
// as of each incident's day), and as the baseline in the same run the bare grouped counts of the
// incidents by month and type and of the leaves by month. Prints a markdown table.
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { INCIDENT_TYPES } from '../src/server/domain/incidents.ts';
import { createIncidentsService } from '../src/server/modules/incidents/incidents.service.ts';
import { type Principal, permissionsOf } from '../src/server/shared/access.ts';
import { fixedClock } from '../src/server/shared/clock.ts';

const { values } = parseArgs({
  options: { scales: { type: 'string', default: '1,30' }, runs: { type: 'string', default: '10' } },
});
const scales = values.scales.split(',').map(Number);
const runs = Number(values.runs);
const url = process.env.BENCH_DATABASE_URL;
const today = '2026-11-23';
const from = '2016-12-01';
const DAYS = 3645; // ten years back from today
const FACILITIES = 60;
const UNITS = 12;
const INCIDENTS_A_YEAR = 5000;
const LEAVES_A_YEAR = 8000;

const principal: Principal = {
  userId: '00000000-0000-4000-8000-0000000bec03',
  username: 'bench',
  displayName: 'Bench',
  roles: ['analyst'],
  permissions: permissionsOf(['analyst']),
  scopeKind: 'national',
  scopeIds: [],
  locale: 'nb',
};

async function time(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const started = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  return (performance.now() - started) / runs;
}

const rows: string[] = [];
const perCall: Record<number, number> = {};
const types = sql.join(INCIDENT_TYPES.map((t) => sql.lit(t)));

for (const scale of scales) {
  const handle = await openDatabase({ url });
  await migrateToLatest(handle.db);
  const db = handle.db;
  const existing = await db.selectFrom('facility').select('id').limit(1).execute();
  if (existing.length > 0) throw new Error('bench/incidents.ts needs an empty database');
  const facilities = FACILITIES * scale;
  const incidents = Math.round((INCIDENTS_A_YEAR * scale * DAYS) / 365);
  const leaves = Math.round((LEAVES_A_YEAR * scale * DAYS) / 365);
  const started = Date.now();
  await sql`
    insert into org_unit (id, code, name, kind, parent_id, valid_from, valid_to)
    select md5('o' || n)::uuid, 'U' || n, 'Enhet ' || n, 'unit', null, '2000-01-01', null
    from generate_series(1, ${UNITS}::int) n`.execute(db);
  await sql`
    insert into facility (id, code, name, kind, municipality, valid_from, valid_to)
    select md5('f' || n)::uuid, 'B' || n, 'Benk ' || n, 'prison_high', 'Oslo', '2000-01-01', null
    from generate_series(1, ${facilities}::int) n`.execute(db);
  await sql`
    insert into facility_membership (facility_id, org_unit_id, valid_from, valid_to)
    select md5('f' || n)::uuid, md5('o' || (1 + n % ${UNITS}::int))::uuid, '2000-01-01', null
    from generate_series(1, ${facilities}::int) n`.execute(db);
  await sql`
    insert into staff_member (id, staff_number, name, facility_id, department_id, title)
    select md5('st' || n)::uuid, 'S' || n, 'Ansatt ' || n, md5('f' || n)::uuid, null, 'officer'
    from generate_series(1, ${facilities}::int) n`.execute(db);
  await sql`
    insert into person (id, national_id, national_id_kind, given_name, family_name, search_name, birth_date, gender)
    select md5('p' || n)::uuid, lpad(n::text, 11, '0'), 'synthetic', 'Person', 'Nr ' || n, 'person nr ' || n,
           '1980-01-01', 'male'
    from generate_series(1, ${facilities}::int) n`.execute(db);
  // Types by a fixed spread: contraband and violence most often, hostage situations rarely.
  await sql`
    insert into incident (id, facility_id, type, severity, occurred_on, occurred_time, description, reported_by_name)
    select md5('i' || n)::uuid, md5('f' || (1 + n % ${facilities}::int))::uuid,
           (array[${types}])[1 + (abs(hashtext(n::text)) % 100) / 8],
           'moderate', ${today}::date - (n % ${DAYS}::int), '12:00', 'Benk', 'Benk'
    from generate_series(1, ${incidents}::int) n`.execute(db);
  await sql`
    insert into incident_party (id, incident_id, role, kind, staff_id)
    select md5('ip' || i.id)::uuid, i.id, 'victim', 'staff', md5('st' || (1 + abs(hashtext(i.id::text)) % ${facilities}::int))::uuid
    from incident i where i.type = 'violence' and abs(hashtext(i.id::text)) % 4 = 0`.execute(db);
  await sql`
    insert into leave_application (id, person_id, facility_id, kind, from_date, from_time, to_date, to_time, days,
                                   destination_municipality, public_transport, purpose, description, status, outcome,
                                   recommendation, applied_by_name, return_status)
    select md5('l' || n)::uuid, md5('p' || (1 + n % ${facilities}::int))::uuid, md5('f' || (1 + n % ${facilities}::int))::uuid,
           'ordinary', ${today}::date - (n % ${DAYS}::int), '10:00', ${today}::date - (n % ${DAYS}::int), '18:00', 1,
           'Oslo', false, 'family', 'Benk', 'granted', 'granted', 'grant', 'Benk',
           case when n % 250 = 0 then 'not_returned' when n % 40 = 0 then 'late' else 'on_time' end
    from generate_series(1, ${leaves}::int) n`.execute(db);
  await sql`analyze`.execute(db);
  const generated = (Date.now() - started) / 1000;
  console.error(`scale ${scale}: generated in ${generated.toFixed(1)} s`);

  const service = createIncidentsService(db, fixedClock(today));
  const unit = (await db.selectFrom('org_unit').select('id').orderBy('code').executeTakeFirstOrThrow()).id;
  const monthly = await service.statistics(principal, { from, to: today, bucket: 'month' });
  const monthMs = await time(() => service.statistics(principal, { from, to: today, bucket: 'month' }));
  const yearMs = await time(() => service.statistics(principal, { from, to: today, bucket: 'year' }));
  const unitMs = await time(() =>
    service.statistics(principal, { from, to: today, bucket: 'month', orgUnitId: unit }),
  );
  // Baseline: the two grouped counts any such report needs (incidents by month and type, leaves and
  // their failures by month), through the bare driver.
  const bareMs = await time(async () => {
    await sql`select date_trunc('month', occurred_on::timestamp)::date as period, type, count(*)::int as n
        from incident where occurred_on between ${from} and ${today} group by 1, 2`.execute(db);
    await sql`select date_trunc('month', from_date::timestamp)::date as period, count(*)::int as n,
          (count(*) filter (where return_status in ('late', 'not_returned')))::int as failures
        from leave_application where return_status is not null and from_date between ${from} and ${today}
        group by 1`.execute(db);
  });
  perCall[scale] = monthMs;
  rows.push(
    `| ${scale} | ${handle.kind} | ${facilities} | ${incidents.toLocaleString('en')} | ${leaves.toLocaleString('en')} | ${generated.toFixed(1)} | ${monthly.total.perThousand ?? '–'} | ${monthMs.toFixed(1)} | ${yearMs.toFixed(1)} | ${unitMs.toFixed(1)} | ${bareMs.toFixed(1)} | ${(monthMs / bareMs).toFixed(2)} |`,
  );
  await handle.close();
}

console.log(
  '| scale | database | facilities | incidents (10 years) | leaves taken | generated (s) | failures per 1,000 leaves | ms national by month | ms national by year | ms one unit by month | ms bare grouped counts | service ÷ bare |',
);
console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(row);
if (perCall[1] && perCall[30])
  console.log(`\nscale 30 ÷ scale 1 (ms national by month): ${(perCall[30] / perCall[1]).toFixed(2)}`);
