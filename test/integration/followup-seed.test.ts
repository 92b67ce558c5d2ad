import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { seedDemo } from '../../src/server/seed/demo.ts';

async function seeded() {
  const handle = await openDatabase({});
  await migrateToLatest(handle.db);
  await seedDemo(handle.db, { scale: 1, seed: 2020, today: '2026-11-23' });
  return handle;
}

const FINGERPRINT = sql<{ table: string; n: number; digest: string }>`
  select 'activity' as table, count(*)::int as n, md5(string_agg(id::text || name || places || enrolled, ',' order by id)) as digest from activity
  union all select 'enrolment', count(*)::int, md5(string_agg(id::text || person_id::text || status, ',' order by id)) from activity_enrolment
  union all select 'contact_officer', count(*)::int, md5(string_agg(person_id::text || staff_id::text, ',' order by id)) from contact_officer
  union all select 'referral', count(*)::int, md5(string_agg(id::text || status, ',' order by id)) from referral
  union all select 'checklist_item', count(*)::int, md5(string_agg(id::text || status, ',' order by id)) from release_checklist_item`;

// The demo's everyday life and way out: activities at every prison, an officer for every inmate,
// referrals and checklists, the same rows for the same seed and day.
describe('demo activities, contact officers, referrals and checklists', () => {
  const handles: DatabaseHandle[] = [];
  afterAll(async () => {
    for (const h of handles) await h.close();
  });

  it('fills every prison and every inmate, deterministically', async () => {
    const first = await seeded();
    handles.push(first);
    const db = first.db;
    const without = await sql<{ n: number }>`
      select count(*)::int as n from facility f
      where f.kind in ('prison_high', 'prison_lower') and not exists (select 1 from activity a where a.facility_id = f.id)`.execute(
      db,
    );
    expect(without.rows[0]?.n).toBe(0);
    const noOfficer = await sql<{ n: number }>`
      select count(*)::int as n from placement pl where pl.to_date is null and pl.kind = 'cell'
        and not exists (select 1 from contact_officer c where c.person_id = pl.person_id and c.valid_to is null)`.execute(
      db,
    );
    expect(noOfficer.rows[0]?.n).toBe(0);
    const over = await sql<{
      n: number;
    }>`select count(*)::int as n from activity where enrolled > places`.execute(db);
    expect(over.rows[0]?.n).toBe(0);
    const a = (await FINGERPRINT.execute(db)).rows;
    for (const row of a) expect(row.n, row.table).toBeGreaterThan(0);

    const second = await seeded();
    handles.push(second);
    expect((await FINGERPRINT.execute(second.db)).rows).toEqual(a);
  }, 600_000);
});
