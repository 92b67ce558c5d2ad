import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import type { Database } from '../../src/server/db/types.ts';
import { seedDemo } from '../../src/server/seed/demo.ts';

// The demo's assessments: a share of the inmates, flags, measures and separations, the same for the same seed.
describe('demo assessment data', () => {
  const handles: DatabaseHandle[] = [];
  const dbs: Kysely<Database>[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const handle = await openDatabase({});
      await migrateToLatest(handle.db);
      await seedDemo(handle.db, { scale: 0.1, seed: 2020, today: '2026-11-23' });
      handles.push(handle);
      dbs.push(handle.db);
    }
  }, 240_000);
  afterAll(() => Promise.all(handles.map((h) => h.close())));

  const snapshot = async (db: Kysely<Database>) => ({
    assessments: await db
      .selectFrom('risk_assessment')
      .select(['id', 'person_id', 'assessed_on', 'review_date', 'interpreter_language'])
      .orderBy('id')
      .execute(),
    ratings: await db
      .selectFrom('risk_rating')
      .selectAll()
      .orderBy('assessment_id')
      .orderBy('purpose')
      .execute(),
    restrictions: await db.selectFrom('restriction').select(['id', 'kind']).orderBy('id').execute(),
    separations: await db
      .selectFrom('non_association')
      .select(['id', 'person_id', 'other_person_id', 'level'])
      .orderBy('id')
      .execute(),
  });

  it('holds current assessments with reviews due, flags, measures and separations', async () => {
    const db = dbs[0] as Kysely<Database>;
    const s = await snapshot(db);
    const inmates = await db
      .selectFrom('placement')
      .select('id')
      .where('kind', '=', 'cell')
      .where('to_date', 'is', null)
      .execute();
    expect(s.assessments.length).toBeGreaterThan(inmates.length * 0.25);
    expect(s.assessments.length).toBeLessThan(inmates.length * 0.55);
    expect(s.assessments.some((a) => a.review_date <= '2026-11-23')).toBe(true);
    expect(s.assessments.some((a) => a.review_date > '2026-11-23' && a.review_date <= '2026-12-23')).toBe(
      true,
    );
    expect(s.assessments.some((a) => a.interpreter_language !== null)).toBe(true);
    expect(s.restrictions.length).toBeGreaterThan(0);
    expect(new Set(s.separations.map((x) => x.level))).toEqual(new Set(['facility', 'department']));
    expect(s.assessments.every((a) => !a.person_id.startsWith('d3e10000-'))).toBe(true);
  });

  it('is the same for the same seed', async () => {
    expect(await snapshot(dbs[1] as Kysely<Database>)).toEqual(await snapshot(dbs[0] as Kysely<Database>));
  });
});
