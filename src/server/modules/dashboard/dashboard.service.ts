import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { addDays, daysBetween, startOfWeek } from '../../domain/calendar.ts';
import type { Clock } from '../../shared/clock.ts';
import type { OrganisationService } from '../organisation/organisation.service.ts';
import { createDashboardRepository } from './dashboard.repository.ts';
import type { Dashboard } from './dashboard.schemas.ts';

const sum = (xs: { beds: number; occupied: number }[]) => {
  const beds = xs.reduce((n, x) => n + x.beds, 0);
  const occupied = xs.reduce((n, x) => n + x.occupied, 0);
  return { beds, occupied, free: beds - occupied };
};

/** The home page's figures: all aggregates, no names, so every role with the permission sees them. */
export function createDashboardService(
  db: Kysely<Database>,
  clock: Clock,
  organisation: OrganisationService,
) {
  const repo = createDashboardRepository(db);
  return {
    async overview(): Promise<Dashboard> {
      const today = clock.today();
      const from = startOfWeek(today);
      const to = addDays(from, 6);
      const [tree, queue, placements, week] = await Promise.all([
        organisation.tree(today),
        repo.queue(),
        repo.currentPlacements(),
        repo.eventsBetween(from, to),
      ]);
      const regions = tree.root.children.map((unit) => {
        const facilities = unit.facilities
          .filter((f) => f.kind !== 'probation_office')
          .map(({ id, name, kind, beds, occupied, free }) => ({ id, name, kind, beds, occupied, free }));
        return { id: unit.id, name: unit.name, ...sum(facilities), facilities };
      });
      return {
        asOf: today,
        total: sum(regions),
        regions,
        queue: {
          length: queue.length,
          oldestOrderDate: queue.oldest,
          oldestDaysWaiting: queue.oldest ? daysBetween(queue.oldest, today) : null,
        },
        em: { count: placements.em },
        remand: { count: placements.remand },
        week: { from, to, admissions: week.admissions, releases: week.releases },
      };
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
