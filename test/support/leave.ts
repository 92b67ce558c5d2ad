import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/server/db/types.ts';

/** A pending welfare leave application for a person in a facility, written straight to the table. */
export async function insertLeaveApplication(
  db: Kysely<Database>,
  personId: string,
  facilityId: string,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('leave_application')
    .values({
      id,
      person_id: personId,
      facility_id: facilityId,
      kind: 'welfare',
      from_date: '2026-12-04',
      from_time: '10:00',
      to_date: '2026-12-05',
      to_time: '18:00',
      days: 2,
      destination_municipality: 'Drammen',
      public_transport: false,
      purpose: 'family',
      description: 'Tilgangstest',
      applied_by_name: 'Test',
    })
    .execute();
  return id;
}
