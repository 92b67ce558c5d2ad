import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database, MeasureTable } from '../db/types.ts';
import { addDays } from '../domain/calendar.ts';

/** Demo measures (seed 001: 6–27 November, then a new assessment), counted from `today`. */
export async function seedDemoMeasures(db: Kysely<Database>, today: string): Promise<void> {
  const facility = await db
    .selectFrom('facility')
    .select(['id'])
    .where('kind', '=', 'prison_high')
    // Oslo fengsel when the demo holds it, so the demo users in Oslo see the local rule.
    .orderBy(sql`code = 'OSL'`, 'desc')
    .orderBy('code')
    .limit(1)
    .executeTakeFirst();
  const from = addDays(today, -17);
  const to = addDays(today, 4);
  const common = {
    decided_by: null,
    decided_by_name: 'Kriminalomsorgsdirektoratet',
    decided_at: `${from}T09:00:00Z`,
    valid_from: from,
    valid_to: to,
    review_date: to,
  };
  const rows: Insertable<MeasureTable>[] = [
    {
      ...common,
      id: '5e0d0000-0000-4000-8000-000000000001',
      type: 'visits',
      level: 'restricted',
      scope_kind: 'national',
      org_unit_id: null,
      facility_id: null,
      reason: 'Økt smitte i oktober/november: besøk vurderes enkeltvis (seed 001).',
    },
    {
      ...common,
      id: '5e0d0000-0000-4000-8000-000000000002',
      type: 'single_occupancy',
      level: null,
      scope_kind: 'national',
      org_unit_id: null,
      facility_id: null,
      reason: 'Bare enkeltrom: flersengsceller tas ut av bruk (seed 000).',
    },
    {
      ...common,
      id: '5e0d0000-0000-4000-8000-000000000003',
      type: 'video_visits',
      level: null,
      scope_kind: 'national',
      org_unit_id: null,
      facility_id: null,
      reason: 'Videosamtaler som erstatning for eller i tillegg til besøk (seed 001).',
    },
  ];
  if (facility)
    rows.push({
      ...common,
      id: '5e0d0000-0000-4000-8000-000000000004',
      type: 'visits',
      level: 'stopped',
      scope_kind: 'facility',
      org_unit_id: null,
      facility_id: facility.id,
      reason: 'Smitteutbrudd: besøk stanset lokalt (seed 001, tiltak ved utbrudd).',
    });
  await db.insertInto('measure').values(rows).execute();
}
