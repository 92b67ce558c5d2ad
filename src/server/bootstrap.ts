import { type Kysely, sql } from 'kysely';
import { migrateToLatest } from './db/migrate.ts';
import type { Database } from './db/types.ts';
import { type DemoSummary, seedDemo } from './seed/demo.ts';
import { createDemoUsers } from './seed/users.ts';

export interface PrepareOptions {
  demoData: boolean;
  demoPassword: string;
  today: string;
  scale?: number;
  seed?: number;
}

export interface PrepareResult {
  migrations: string[];
  seeded: DemoSummary | null;
}

const SEEDED_KEY = 'demo_seeded';

/**
 * Brings a database to the current schema and, the first time only, loads the demo service.
 * A second start finds the marker and leaves the data as it is.
 */
export async function prepareDatabase(db: Kysely<Database>, options: PrepareOptions): Promise<PrepareResult> {
  const migrations = await migrateToLatest(db);
  if (!options.demoData) return { migrations, seeded: null };
  const marker = await db
    .selectFrom('app_meta')
    .select('value')
    .where('key', '=', SEEDED_KEY)
    .executeTakeFirst();
  if (marker) return { migrations, seeded: null };
  const seeded = await seedDemo(db, {
    scale: options.scale ?? 1,
    seed: options.seed ?? 2020,
    today: options.today,
  });
  await createDemoUsers(db, options.demoPassword);
  // Fresh statistics, so the planner sees the demo data's real sizes from the first request.
  await sql`analyze`.execute(db);
  await db
    .insertInto('app_meta')
    .values({ key: SEEDED_KEY, value: JSON.stringify({ at: options.today, scale: options.scale ?? 1 }) })
    .execute();
  return { migrations, seeded };
}
