import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database, HealthStatusTable, StaffMemberTable } from '../db/types.ts';
import { addDays } from '../domain/calendar.ts';
import { FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from './names.ts';
import type { Organisation } from './organisation.ts';
import { Random } from './random.ts';

// Demo staff, rosters and health statuses (seed 000). Staff are about one per two beds, each with
// a home department; they are rostered for the last 28 days and the next 7, mostly at home, with a
// few deliberate shifts in another department. One prison (Oslo fengsel when present) has a
// confirmed inmate case, quarantined contacts and the measure "staff work in one department".

const STAFF_PER_BED = 0.5;
const TITLES: readonly [StaffMemberTable['title'], number][] = [
  ['officer', 0.82],
  ['health', 0.05],
  ['teacher', 0.05],
  ['leader', 0.05],
  ['other', 0.03],
];
/** Ids of the demo statuses and measure: fixed, so tests and demonstrations can find them. */
export const DEMO_HEALTH = {
  caseId: '4ea17000-0000-4000-8000-000000000001',
  measureId: '5e0d0000-0000-4000-8000-000000000101',
} as const;

export async function seedDemoHealth(
  db: Kysely<Database>,
  org: Organisation,
  today: string,
  seed: number,
): Promise<{ staff: number }> {
  const rng = new Random(seed).fork('health');
  const bedsPerDepartment = new Map<string, number>();
  const departmentOfCell = new Map(org.cells.map((c) => [c.id, c.department_id]));
  for (const b of org.beds) {
    const d = departmentOfCell.get(b.cell_id);
    if (d) bedsPerDepartment.set(d, (bedsPerDepartment.get(d) ?? 0) + 1);
  }
  const codeOf = new Map(org.facilities.map((f) => [f.id, f.code]));
  const serial = new Map<string, number>();
  const staff: Insertable<StaffMemberTable>[] = [];
  for (const d of org.departments) {
    const count = Math.max(2, Math.round((bedsPerDepartment.get(d.id) ?? 0) * STAFF_PER_BED));
    for (let i = 0; i < count; i++) {
      const code = codeOf.get(d.facility_id) ?? 'X';
      const n = (serial.get(code) ?? 0) + 1;
      serial.set(code, n);
      const given = rng.pick(rng.chance(0.45) ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES);
      staff.push({
        id: rng.uuid(),
        staff_number: `${code}-${String(n).padStart(4, '0')}`,
        name: `${given} ${rng.pick(FAMILY_NAMES)}`,
        facility_id: d.facility_id,
        department_id: d.id,
        title: rng.weighted(TITLES, ([, w]) => w)[0],
      });
    }
  }
  for (let i = 0; i < staff.length; i += 500)
    await db
      .insertInto('staff_member')
      .values(staff.slice(i, i + 500))
      .execute();

  // Five days in seven, one shift a day that rotates by week; the ids derive from staff and day.
  const from = addDays(today, -28);
  const to = addDays(today, 7);
  await sql`
    insert into roster_entry (id, staff_id, department_id, on_date, shift, flag, created_by)
    select md5(s.id::text || ':' || g.day::date::text)::uuid, s.id, s.department_id, g.day::date,
           (array['day', 'evening', 'night'])[1 + (h.v + (g.day::date - ${from}::date) / 7) % 3],
           null, null
    from staff_member s
    cross join lateral (select ('x' || substr(md5(s.id::text), 1, 7))::bit(28)::int as v) h
    cross join generate_series(${from}::date, ${to}::date, interval '1 day') as g(day)
    where s.department_id is not null
      and (('x' || substr(md5(s.id::text || g.day::date::text), 1, 7))::bit(28)::int % 7) < 5`.execute(db);

  await outbreak(db, today);
  return { staff: staff.length };
}

/** The demo outbreak in one prison: a confirmed case, traced quarantines and the staff measure. */
async function outbreak(db: Kysely<Database>, today: string): Promise<void> {
  const facility = await db
    .selectFrom('facility')
    .select(['id'])
    .where('kind', '=', 'prison_high')
    .orderBy(sql`code = 'OSL'`, 'desc')
    .orderBy('code')
    .limit(1)
    .executeTakeFirst();
  if (!facility) return;
  const from = addDays(today, -17);
  await db
    .insertInto('measure')
    .values({
      id: DEMO_HEALTH.measureId,
      type: 'staff_one_department',
      level: 'flag',
      scope_kind: 'facility',
      org_unit_id: null,
      facility_id: facility.id,
      reason: 'Smitteutbrudd: ansatte holdes i én avdeling, brudd merkes i vaktlisten (seed 000).',
      decided_by: null,
      decided_by_name: 'Kriminalomsorgsdirektoratet',
      decided_at: `${from}T09:00:00Z`,
      valid_from: from,
      valid_to: addDays(today, 4),
      review_date: addDays(today, 4),
    })
    .execute();

  // A few shifts in another department of the same prison while the measure is in force: flagged.
  await sql`
    insert into roster_entry (id, staff_id, department_id, on_date, shift, flag, created_by)
    select md5(s.id::text || ':break')::uuid, s.id, other.id, ${addDays(today, -3)}::date, 'day',
           'other_department', null
    from (select s.* from staff_member s where s.facility_id = ${facility.id}::uuid
            and not exists (select 1 from roster_entry r
                            where r.staff_id = s.id and r.on_date = ${addDays(today, -3)}::date)
          order by s.staff_number limit 3) s
    cross join lateral (select d.id from department d
                        where d.facility_id = s.facility_id and d.id <> s.department_id
                        order by d.code limit 1) other
    on conflict (staff_id, on_date, shift) do nothing`.execute(db);

  // The case: an inmate placed there today, not one of the fixture people (tests confirm those).
  const inmate = await db
    .selectFrom('placement as pl')
    .innerJoin('bed as b', 'b.id', 'pl.bed_id')
    .innerJoin('cell as c', 'c.id', 'b.cell_id')
    .select(['pl.person_id', 'c.department_id'])
    .where('pl.facility_id', '=', facility.id)
    .where('pl.to_date', 'is', null)
    .where('pl.kind', '=', 'cell')
    .where(sql<boolean>`pl.person_id::text not like 'd3e10000-%'`)
    .orderBy('pl.person_id')
    .limit(1)
    .executeTakeFirst();
  if (!inmate) return;
  const caseFrom = addDays(today, -2);
  const common = { recorded_by: null, recorded_by_name: 'Helsetjenesten (demo)', traced_from_id: null };
  await db
    .insertInto('health_status')
    .values([
      {
        ...common,
        id: DEMO_HEALTH.caseId,
        subject_kind: 'inmate',
        person_id: inmate.person_id,
        staff_id: null,
        facility_id: facility.id,
        status: 'confirmed',
        from_date: caseFrom,
        to_date: null,
      },
      {
        ...common,
        id: '4ea17000-0000-4000-8000-000000000002',
        subject_kind: 'inmate',
        person_id: inmate.person_id,
        staff_id: null,
        facility_id: facility.id,
        status: 'isolation',
        from_date: caseFrom,
        to_date: addDays(caseFrom, 10),
      },
    ])
    .execute();
  // Two inmates of the same department and one officer who worked there: quarantined from the case.
  const neighbours = await db
    .selectFrom('placement as pl')
    .innerJoin('bed as b', 'b.id', 'pl.bed_id')
    .innerJoin('cell as c', 'c.id', 'b.cell_id')
    .select('pl.person_id')
    .where('c.department_id', '=', inmate.department_id)
    .where('pl.to_date', 'is', null)
    .where('pl.person_id', '<>', inmate.person_id)
    .where(sql<boolean>`pl.person_id::text not like 'd3e10000-%'`)
    .orderBy('pl.person_id')
    .limit(2)
    .execute();
  const officer = await db
    .selectFrom('staff_member')
    .select('id')
    .where('department_id', '=', inmate.department_id)
    .orderBy('staff_number')
    .limit(1)
    .executeTakeFirst();
  const quarantine = {
    ...common,
    traced_from_id: DEMO_HEALTH.caseId,
    facility_id: facility.id,
    status: 'quarantine' as const,
    from_date: caseFrom,
    to_date: addDays(caseFrom, 10),
  };
  const rows: Insertable<HealthStatusTable>[] = neighbours.map((n, i) => ({
    ...quarantine,
    id: `4ea17000-0000-4000-8000-00000000001${i}`,
    subject_kind: 'inmate',
    person_id: n.person_id,
    staff_id: null,
  }));
  if (officer)
    rows.push({
      ...quarantine,
      id: '4ea17000-0000-4000-8000-000000000020',
      subject_kind: 'staff',
      person_id: null,
      staff_id: officer.id,
    });
  if (rows.length > 0) await db.insertInto('health_status').values(rows).execute();
}
