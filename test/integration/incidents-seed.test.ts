import { type Kysely, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import type { Database } from '../../src/server/db/types.ts';
import { seedDemo } from '../../src/server/seed/demo.ts';

async function seeded() {
  const handle = await openDatabase({});
  await migrateToLatest(handle.db);
  await seedDemo(handle.db, { scale: 1, seed: 2020, today: '2026-11-23' });
  return handle;
}

// The demo's security data: every facility classified, a few hundred incidents, the same each time.
describe('demo classifications and incidents', () => {
  const handles: DatabaseHandle[] = [];
  afterAll(async () => {
    for (const h of handles) await h.close();
  });

  it('classifies every facility and holds a few hundred incidents over three years, deterministically', async () => {
    const handle = await seeded();
    handles.push(handle);
    const db = handle.db;
    const unclassified = await sql<{ n: number }>`
      select count(*)::int as n from facility f
      where not exists (select 1 from security_classification sc where sc.facility_id = f.id and sc.department_id is null)`.execute(
      db,
    );
    expect(unclassified.rows[0]?.n).toBe(0);
    const levels = await db.selectFrom('security_classification').select('level').distinct().execute();
    expect(new Set(levels.map((l) => l.level))).toEqual(
      new Set(['special_high', 'high', 'lower', 'halfway_house']),
    );
    const summary = (
      await sql<{ n: number; first: string; types: number; open: number; overdue: number; serious: number }>`
        select count(*)::int as n, min(occurred_on)::text as first, count(distinct type)::int as types,
               count(*) filter (where status = 'open')::int as open,
               (select count(*)::int from incident_action where status = 'open' and deadline < '2026-11-23') as overdue,
               count(*) filter (where severity = 'serious')::int as serious
        from incident`.execute(db)
    ).rows[0];
    expect(summary?.n).toBeGreaterThan(200);
    expect(summary?.n).toBeLessThan(1000);
    expect(summary?.first && summary.first >= '2023-11-24').toBe(true);
    expect(summary?.types).toBeGreaterThanOrEqual(10);
    expect(summary?.open).toBeGreaterThan(0);
    expect(summary?.overdue).toBeGreaterThan(0);
    expect(summary?.serious).toBeGreaterThan(0);

    const again = await seeded();
    handles.push(again);
    const fingerprint = (d: Kysely<Database>) =>
      sql<{
        h: string;
      }>`select md5(string_agg(id::text || type || occurred_on || severity, ',' order by id)) as h from incident`.execute(
        d,
      );
    expect((await fingerprint(again.db)).rows[0]?.h).toBe((await fingerprint(db)).rows[0]?.h);
  }, 600_000);
});
