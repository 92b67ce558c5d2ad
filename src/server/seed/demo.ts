import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/types.ts';
import { isIsoDate } from '../domain/calendar.ts';
import { seedDemoActivities } from './activities.ts';
import { seedDemoAssessments } from './assessments.ts';
import { seedDemoHealth } from './health.ts';
import { seedDemoIncidents } from './incidents.ts';
import { seedDemoInfection } from './infection.ts';
import { seedDemoLeave } from './leave.ts';
import { seedDemoMeasures } from './measures.ts';
import { buildOrganisation, type Organisation } from './organisation.ts';
import { buildPeople, type PeopleRows } from './people.ts';
import { seedDemoPlanLinks } from './plan-links.ts';
import { seedDemoPlans } from './plans.ts';
import { Random } from './random.ts';
import { seedDemoRelease } from './release.ts';
import { seedDemoVisits } from './visits.ts';

// The demo service: Norway's correctional service at `scale` times its size, generated from a
// seed so that the same seed, scale and day always give the same rows, ids included.

export interface DemoOptions {
  scale: number;
  seed: number;
  /** YYYY-MM-DD: every date in the data is counted from this day. */
  today: string;
}

export interface DemoSummary {
  facilities: number;
  beds: number;
  people: number;
  inmates: number;
  remand: number;
  queued: number;
  em: number;
}

export interface DemoData {
  organisation: Organisation;
  people: PeopleRows;
}

/** PGlite runs in one thread: a few hundred rows a statement keeps each insert quick. */
const CHUNK = 500;

/** The demo rows, without touching a database: pure and deterministic. */
export function buildDemoData(options: DemoOptions): DemoData {
  if (!(options.scale > 0 && options.scale <= 100))
    throw new RangeError(`scale out of range: ${options.scale}`);
  if (!isIsoDate(options.today)) throw new RangeError(`not a date: ${options.today}`);
  const root = new Random(options.seed);
  const organisation = buildOrganisation(root.fork('organisation'), options.scale);
  const people = buildPeople(root.fork('people'), organisation, options.scale, options.today);
  return { organisation, people };
}

export function summarise(data: DemoData): DemoSummary {
  const { organisation: org, people } = data;
  const current = people.placements.filter((p) => p.to_date === null);
  return {
    facilities: org.facilities.length,
    beds: org.beds.length,
    people: people.persons.length,
    inmates: current.filter((p) => p.kind === 'cell').length,
    remand: people.sentences.filter((s) => s.kind === 'remand' && s.status === 'admitted').length,
    queued: people.sentences.filter(
      (s) => s.status === 'queued' || s.status === 'summoned' || s.status === 'postponed',
    ).length,
    em: current.filter((p) => p.kind === 'em').length,
  };
}

/** Fills every table but users, sessions, audit and meta, in one transaction. */
export async function seedDemo(db: Kysely<Database>, options: DemoOptions): Promise<DemoSummary> {
  const data = buildDemoData(options);
  const { organisation: org, people } = data;
  await db.transaction().execute(async (trx) => {
    await insert(trx, 'org_unit', org.orgUnits);
    await insert(trx, 'facility', org.facilities);
    await insert(trx, 'facility_membership', org.memberships);
    await insert(trx, 'department', org.departments);
    await insert(trx, 'cell', org.cells);
    await insert(trx, 'bed', org.beds);
    await insert(trx, 'person', people.persons);
    await insert(trx, 'judgment', people.judgments);
    await insert(trx, 'sentence', people.sentences);
    await insert(trx, 'sentence_event', people.events);
    await insert(trx, 'placement', people.placements);
    await remandCustody(trx);
    await seedDemoInfection(
      trx,
      org.facilities.map((f) => f.municipality),
      options.today,
      options.seed,
    );
    await seedDemoMeasures(trx, options.today);
    await seedDemoHealth(trx, org, options.today, options.seed);
    await seedDemoVisits(trx, options.today, options.seed);
    await seedDemoLeave(trx, options.today);
    await seedDemoAssessments(trx, options.today, options.seed);
    await seedDemoPlans(trx, options.today, options.seed);
    await seedDemoIncidents(trx, org, people, options.today, options.seed);
    await seedDemoActivities(trx, org, people, options.today, options.seed);
    await seedDemoRelease(trx, options.today, options.seed);
    await seedDemoPlanLinks(trx);
  });
  return summarise(data);
}

/**
 * Remand custody as the sentence engine reads it: each stay on a remand sentence is a custody
 * period from arrest (the morning of the day placed) to release (noon of the day it ended). The
 * ids derive from the placement's, so the data stays deterministic.
 */
async function remandCustody(trx: Transaction<Database>): Promise<void> {
  await sql`
    insert into remand_period (id, person_id, arrested_at, released_at)
    select md5(pl.id::text || ':remand')::uuid, pl.person_id,
           (pl.from_date + time '07:30') at time zone 'Europe/Oslo',
           case when pl.to_date is null then null else (pl.to_date + time '12:00') at time zone 'Europe/Oslo' end
    from placement pl join sentence s on s.id = pl.sentence_id
    where s.kind = 'remand'`.execute(trx);
}

async function insert<T extends keyof Database & string>(
  trx: Transaction<Database>,
  table: T,
  rows: readonly unknown[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // The rows are built as Insertable<…> of this very table; Kysely's union of tables cannot see it.
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
  }
}
