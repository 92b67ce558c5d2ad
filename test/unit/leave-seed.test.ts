import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PGliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import type { Database } from '../../src/server/db/types.ts';
import { seedDemo } from '../../src/server/seed/demo.ts';

// The demo's leave: applications in every state, leave taken with a failure, an appeal.
describe('demo leave data', () => {
  let db: Kysely<Database>;
  beforeAll(async () => {
    const pglite = new PGlite({ extensions: { pg_trgm } });
    db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    await migrateToLatest(db);
    await seedDemo(db, { scale: 0.1, seed: 2020, today: '2026-11-23' });
  }, 120_000);
  afterAll(() => db.destroy());

  it('holds pending, granted and refused applications, returns with failures, and an appeal', async () => {
    const rows = await db.selectFrom('leave_application').select(['id', 'status', 'return_status']).execute();
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['pending', 'granted', 'refused']));
    expect(rows.filter((r) => r.return_status === 'late' || r.return_status === 'not_returned')).toHaveLength(
      2,
    );
    expect(rows.every((r) => r.id.startsWith('5ea1e000-'))).toBe(true);
    expect(await db.selectFrom('leave_appeal').select('id').execute()).toHaveLength(1);
    const records = await db.selectFrom('leave_record').select('application_id').execute();
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.application_id !== null)).toBe(true);
  });
});
