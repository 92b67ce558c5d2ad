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

type SingleOccupancy = { inForce: boolean; places: number; cellsOverCapacity: number };
const capacityNow = (xs: { beds: number; singleOccupancy: SingleOccupancy }[]) => ({
  facilitiesInForce: xs.filter((x) => x.singleOccupancy.inForce).length,
  places: xs.reduce((n, x) => n + (x.singleOccupancy.inForce ? x.singleOccupancy.places : x.beds), 0),
  cellsOverCapacity: xs.reduce(
    (n, x) => n + (x.singleOccupancy.inForce ? x.singleOccupancy.cellsOverCapacity : 0),
    0,
  ),
});

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
          .map(({ id, name, kind, beds, occupied, free, singleOccupancy }) => ({
            id,
            name,
            kind,
            beds,
            occupied,
            free,
            singleOccupancy,
          }));
        return {
          id: unit.id,
          name: unit.name,
          ...sum(facilities),
          singleOccupancy: capacityNow(facilities),
          facilities,
        };
      });
      return {
        asOf: today,
        total: sum(regions),
        singleOccupancy: capacityNow(regions.flatMap((r) => r.facilities)),
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
