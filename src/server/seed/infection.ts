import type { Insertable, Transaction } from 'kysely';
import type { Database } from '../db/types.ts';
import { addDays } from '../domain/calendar.ts';
import { Random } from './random.ts';

// A small demo infection situation: the last 28 days of 14-day incidence per 100,000 for every
// municipality with a demo facility, from a seeded PRNG, so that the infection page is not empty on
// first start. Some municipalities rise, some fall, most drift. Invented numbers, not FHI's.

const DAYS = 28;

export function buildDemoInfection(
  municipalities: readonly string[],
  today: string,
  seed: number,
): Insertable<Database['infection_level']>[] {
  const rows: Insertable<Database['infection_level']>[] = [];
  const names = [...new Set(municipalities)].sort((a, b) => a.localeCompare(b, 'nb'));
  for (const name of names) {
    const rng = new Random(seed).fork(`infection:${name}`);
    // Today's level: mostly low, some yellow, a few red.
    const end = Math.exp(1 + rng.next() * 3.6);
    // Daily change: about a third rise clearly (≥ 3 % a day is ≥ 23 % a week).
    const daily = rng.chance(0.3) ? 0.03 + rng.next() * 0.04 : -0.035 + rng.next() * 0.05;
    for (let back = DAYS - 1; back >= 0; back--) {
      const noise = 1 + rng.normal() * 0.03;
      const value = Math.max(0, end * Math.exp(-daily * back) * noise);
      rows.push({
        id: rng.uuid(),
        municipality: name,
        on_date: addDays(today, -back),
        incidence_14d: Math.round(value * 10) / 10,
        source: 'demo',
        entered_by: null,
      });
    }
  }
  return rows;
}

export async function seedDemoInfection(
  trx: Transaction<Database>,
  municipalities: readonly string[],
  today: string,
  seed: number,
): Promise<void> {
  const rows = buildDemoInfection(municipalities, today, seed);
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('infection_level')
      .values(rows.slice(i, i + 500))
      .execute();
}
