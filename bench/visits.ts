// `node bench/visits.ts [--bookings 400 --slots 4 --places 5 --assessments 200]`: visit booking
// under contention (many concurrent bookings against a few slots, through the service: checks,
// assessment, the atomic place update, the visit row and its audit) with the bare conditional
// update through the driver as the baseline; and the time of one assessment, through the service
// (facts from the database) and the pure rule alone. Prints markdown tables.
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { prepareDatabase } from '../src/server/bootstrap.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { addDays } from '../src/server/domain/calendar.ts';
import { type AssessmentInput, assessVisit } from '../src/server/domain/visits.ts';
import { createVisitsService } from '../src/server/modules/visits/visits.service.ts';
import { DEMO_PEOPLE } from '../src/server/seed/fixtures.ts';
import { type Principal, permissionsOf, type Role } from '../src/server/shared/access.ts';
import { systemClock } from '../src/server/shared/clock.ts';
import { AppError } from '../src/server/shared/errors.ts';

const { values } = parseArgs({
  options: {
    bookings: { type: 'string', default: '400' },
    slots: { type: 'string', default: '4' },
    places: { type: 'string', default: '5' },
    assessments: { type: 'string', default: '200' },
  },
});
const bookings = Number(values.bookings);
const slotCount = Number(values.slots);
const places = Number(values.places);
const assessments = Number(values.assessments);
const today = systemClock.today();
const date = addDays(today, 10);

const handle = await openDatabase({ url: process.env.BENCH_DATABASE_URL, poolSize: 20 });
const seeded = Date.now();
await prepareDatabase(handle.db, { demoData: true, demoPassword: 'bench-password', today });
console.error(`seeded in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);

const db = handle.db;
const user = await db
  .selectFrom('app_user')
  .selectAll()
  .where('username', '=', 'saksbehandler')
  .executeTakeFirstOrThrow();
const principal: Principal = {
  userId: user.id,
  username: user.username,
  displayName: user.display_name,
  roles: user.roles as Role[],
  permissions: permissionsOf(user.roles as Role[]),
  scopeKind: user.scope_kind,
  scopeIds: user.scope_ids,
  locale: 'nb',
};
const personId = DEMO_PEOPLE.admitted.personId;
const visitor = await db
  .selectFrom('visitor')
  .select('id')
  .where('person_id', '=', personId)
  .where('status', '=', 'approved')
  .executeTakeFirstOrThrow();
const inmate = await db
  .selectFrom('placement')
  .select('facility_id')
  .where('person_id', '=', personId)
  .where('to_date', 'is', null)
  .executeTakeFirstOrThrow();
const room = await db
  .selectFrom('visiting_room')
  .select('id')
  .where('facility_id', '=', inmate.facility_id)
  .where('kind', '=', 'ordinary')
  .executeTakeFirstOrThrow();

/** A set of fresh evening slots in the room, `places` each. */
async function freshSlots(tag: number) {
  const ids: { id: string; start: string }[] = [];
  for (let i = 0; i < slotCount; i++) {
    const start = `${String(17 + tag).padStart(2, '0')}:${String(i * 10).padStart(2, '0')}`;
    const id = randomUUID();
    await db
      .insertInto('visit_slot')
      .values({
        id,
        room_id: room.id,
        on_date: date,
        start_time: start,
        end_time: `${String(18 + tag).padStart(2, '0')}:00`,
        capacity: places,
        template_id: null,
        created_by: null,
      })
      .execute();
    ids.push({ id, start });
  }
  return ids;
}

// Bookings through the service, all at once against slotCount × places places.
const service = createVisitsService(db, systemClock);
const slots = await freshSlots(0);
let booked = 0;
let full = 0;
let other = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: bookings }, async (_, i) => {
    const slot = slots[i % slots.length] as { start: string };
    try {
      await service.book(principal, personId, {
        kind: 'ordinary',
        visitorIds: [visitor.id],
        roomId: room.id,
        date,
        startTime: slot.start,
        outcome: 'grant',
        conditions: [],
        justification: 'Ytelsesmåling',
      });
      booked++;
    } catch (e) {
      if (e instanceof AppError && e.code === 'visit_slot_full') full++;
      else {
        other++;
        if (other === 1) console.error(e);
      }
    }
  }),
);
const serviceSeconds = (performance.now() - started) / 1000;
const taken = await db
  .selectFrom('visit_slot')
  .select(db.fn.sum<number>('booked').as('n'))
  .where(
    'id',
    'in',
    slots.map((s) => s.id),
  )
  .executeTakeFirstOrThrow();

// Baseline: the same number of bare conditional updates through the driver, on fresh slots.
const bare = await freshSlots(1);
let bareTaken = 0;
const bareStarted = performance.now();
await Promise.all(
  Array.from({ length: bookings }, async (_, i) => {
    const rows = await handle.raw(
      'update visit_slot set booked = booked + 1 where id = $1 and booked < capacity returning id',
      [(bare[i % bare.length] as { id: string }).id],
    );
    if (rows.length === 1) bareTaken++;
  }),
);
const bareSeconds = (performance.now() - bareStarted) / 1000;

// The assessment: through the service (facts read from the database), and the pure rule alone.
const request = {
  kind: 'ordinary' as const,
  visitorIds: [visitor.id],
  roomId: room.id,
  date,
  startTime: (slots[0] as { start: string }).start,
};
const assessStarted = performance.now();
for (let i = 0; i < assessments; i++) await service.assess(principal, personId, request, 'nb');
const assessMs = (performance.now() - assessStarted) / assessments;
const input: AssessmentInput = {
  kind: 'ordinary',
  roomKind: 'glass_wall',
  facilityArea: { municipality: 'Oslo', level: 'yellow', trend: 'rising' },
  visitorAreas: [{ visitor: 'V', municipality: 'Bergen', level: 'red', trend: 'stable' }],
  publicTransport: true,
  videoAvailable: true,
  staffInQuarantine: 4,
  staffTotal: 30,
  visitsLevel: 'restricted',
  childVisitor: true,
  minorInmate: false,
};
const pureCount = 200_000;
const pureStarted = performance.now();
for (let i = 0; i < pureCount; i++) assessVisit(input);
const pureMs = (performance.now() - pureStarted) / pureCount;

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.versions.node}`;
console.log(`\nVisit booking under contention (${handle.kind}, ${machine})\n`);
console.log(
  '| path | concurrent bookings | slots × places | booked | refused full | other errors | seconds | bookings/s | booked ≤ places |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|');
console.log(
  `| Varde service (checks, assessment, place, visit, audit) | ${bookings} | ${slotCount} × ${places} | ${booked} | ${full} | ${other} | ${serviceSeconds.toFixed(2)} | ${Math.round(bookings / serviceSeconds)} | ${Number(taken.n) <= slotCount * places ? 'yes' : 'NO'} |`,
);
console.log(
  `| bare conditional update (baseline) | ${bookings} | ${slotCount} × ${places} | ${bareTaken} | ${bookings - bareTaken} | 0 | ${bareSeconds.toFixed(2)} | ${Math.round(bookings / bareSeconds)} | ${bareTaken <= slotCount * places ? 'yes' : 'NO'} |`,
);
console.log(`\nService ÷ bare update (time): ${(serviceSeconds / bareSeconds).toFixed(1)}\n`);
console.log('| assessment | runs | ms per assessment |');
console.log('|---|---:|---:|');
console.log(
  `| through the service (facts from the database, audited) | ${assessments} | ${assessMs.toFixed(2)} |`,
);
console.log(`| pure rule alone (baseline) | ${pureCount.toLocaleString('en')} | ${pureMs.toFixed(4)} |`);
await handle.close();
