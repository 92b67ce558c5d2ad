import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/types.ts';

export function createDashboardRepository(db: Kysely<Database>) {
  return {
    async queue() {
      const row = await db
        .selectFrom('sentence')
        .select([
          sql<number>`count(*)::int`.as('length'),
          sql<string | null>`min(order_date)::text`.as('oldest'),
        ])
        .where('status', 'in', ['queued', 'summoned', 'postponed'])
        .executeTakeFirstOrThrow();
      return row;
    },

    async currentPlacements() {
      const row = await db
        .selectFrom('placement as pl')
        .leftJoin('sentence as s', 's.id', 'pl.sentence_id')
        .select([
          sql<number>`count(*) filter (where pl.kind = 'em')::int`.as('em'),
          sql<number>`count(*) filter (where pl.kind = 'cell' and s.kind = 'remand')::int`.as('remand'),
        ])
        .where('pl.to_date', 'is', null)
        .executeTakeFirstOrThrow();
      return row;
    },

    async eventsBetween(from: string, to: string) {
      const row = await db
        .selectFrom('sentence_event')
        .select([
          sql<number>`count(*) filter (where status = 'admitted')::int`.as('admissions'),
          sql<number>`count(*) filter (where status = 'released')::int`.as('releases'),
        ])
        .where('on_date', '>=', from)
        .where('on_date', '<=', to)
        .executeTakeFirstOrThrow();
      return row;
    },
  };
}
