import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import type { Database } from '../../src/server/db/types.ts';
import { seedDemo } from '../../src/server/seed/demo.ts';

// The demo's plans: a share of the inmates with an assessment, agreed, refused or draft, some goals
// followed up; the same for the same seed.
describe('demo plan data', () => {
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
    plans: await db
      .selectFrom('plan')
      .select(['id', 'person_id', 'next_review_date'])
      .orderBy('id')
      .execute(),
    versions: await db
      .selectFrom('plan_version')
      .select(['id', 'plan_id', 'number', 'status', 'decided_on'])
      .orderBy('id')
      .execute(),
    goals: await db.selectFrom('plan_goal').select(['id', 'goal_key', 'need_area']).orderBy('id').execute(),
    events: await db
      .selectFrom('plan_goal_event')
      .select(['id', 'goal_key', 'status'])
      .orderBy('id')
      .execute(),
    enrolmentLinks: await db
      .selectFrom('activity_enrolment')
      .select(['id', 'plan_id', 'goal_key'])
      .where('plan_id', 'is not', null)
      .orderBy('id')
      .execute(),
    referralLinks: await db
      .selectFrom('referral')
      .select(['id', 'plan_id', 'goal_key'])
      .where('plan_id', 'is not', null)
      .orderBy('id')
      .execute(),
  });

  it('holds plans for a share of the assessed inmates, agreed, refused and draft, with goals followed up', async () => {
    const db = dbs[0] as Kysely<Database>;
    const s = await snapshot(db);
    const assessed = await db
      .selectFrom('risk_assessment')
      .select('id')
      .where('status', '=', 'current')
      .execute();
    expect(s.plans.length).toBeGreaterThan(assessed.length * 0.3);
    expect(s.plans.length).toBeLessThan(assessed.length * 0.7);
    const statuses = new Set(s.versions.map((v) => v.status));
    expect(statuses).toEqual(new Set(['agreed', 'refused', 'draft']));
    expect(s.goals.length).toBeGreaterThan(s.plans.length);
    expect(new Set(s.events.map((e) => e.status))).toEqual(new Set(['reached', 'dropped']));
    // Each goal in a plan serves a need the assessment names.
    const { rows: unjustified } = await sql`
      select g.id from plan_goal g
      join plan_version v on v.id = g.version_id
      join risk_assessment ra on ra.id = v.assessment_id
      where g.need_justification is null
        and not exists (select 1 from jsonb_array_elements(ra.needs) n
                        where n.value->>'area' = g.need_area and n.value->>'level' <> 'none')`.execute(db);
    expect(unjustified).toEqual([]);
  });

  it("links some enrolments and referrals to a goal of the person's plan that meets their need", async () => {
    const s = await snapshot(dbs[0] as Kysely<Database>);
    expect(s.enrolmentLinks.length).toBeGreaterThan(0);
    expect(s.referralLinks.length).toBeGreaterThan(0);
    const { rows: wrong } = await sql`
      select e.id from activity_enrolment e
      join activity a on a.id = e.activity_id
      join plan p on p.id = e.plan_id
      where p.person_id <> e.person_id
         or not exists (select 1 from plan_version v join plan_goal g on g.version_id = v.id
                        where v.plan_id = p.id and g.goal_key = e.goal_key
                          and g.need_area = case a.kind when 'work' then 'work' when 'school' then 'education'
                            when 'programme' then 'substance_use' when 'ngo' then 'network' end)`.execute(
      dbs[0] as Kysely<Database>,
    );
    expect(wrong).toEqual([]);
  });

  it('is the same for the same seed', async () => {
    expect(await snapshot(dbs[1] as Kysely<Database>)).toEqual(await snapshot(dbs[0] as Kysely<Database>));
  });
});
