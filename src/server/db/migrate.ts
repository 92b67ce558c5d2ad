import type { Kysely } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import * as m001 from './migrations/001_foundation.ts';
import * as m002 from './migrations/002_integration.ts';
import * as m003 from './migrations/003_execution.ts';
import * as m004 from './migrations/004_infection.ts';
import * as m005 from './migrations/005_measures.ts';
import * as m006 from './migrations/006_health.ts';
import * as m007 from './migrations/007_visits.ts';
import * as m008 from './migrations/008_crisis.ts';
import * as m009 from './migrations/009_visit_booking.ts';
import * as m010 from './migrations/010_leave.ts';
import * as m011 from './migrations/011_assessments.ts';
import * as m012 from './migrations/012_security.ts';
import * as m013 from './migrations/013_visit_review.ts';
import * as m014 from './migrations/014_plans.ts';
import * as m015 from './migrations/015_activities.ts';
import * as m016 from './migrations/016_release_decision.ts';
import * as m017 from './migrations/017_plan_links.ts';
import * as m018 from './migrations/018_leave_public_safety.ts';
import type { Database } from './types.ts';

// Migrations are listed here rather than read from the folder, so the order is explicit and
// the set is the same whether the code runs from source or from a bundle.
const migrations: Record<string, Migration> = {
  '001_foundation': m001,
  '002_integration': m002,
  '003_execution': m003,
  '004_infection': m004,
  '005_measures': m005,
  '006_health': m006,
  '007_visits': m007,
  '008_crisis': m008,
  '009_visit_booking': m009,
  '010_leave': m010,
  '011_assessments': m011,
  '012_security': m012,
  '013_visit_review': m013,
  '014_plans': m014,
  '015_activities': m015,
  '016_release_decision': m016,
  '017_plan_links': m017,
  '018_leave_public_safety': m018,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
