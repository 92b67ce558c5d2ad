import { type Kysely, sql } from 'kysely';

// Visits (seed 001): the visiting rooms of each facility and the visits booked in them. A visit
// is a booking of a room for a time; contact tracing reads the visits an inmate shared a room
// with. Slots, visitors, closures and decisions are added by the migrations after this one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table visiting_room (
      id uuid primary key,
      facility_id uuid not null references facility(id),
      name text not null check (length(trim(name)) > 0),
      kind text not null check (kind in (
        'ordinary', 'supervised', 'glass_wall', 'child_friendly', 'video', 'official', 'media')),
      capacity integer not null check (capacity > 0),
      active boolean not null default true,
      unique (facility_id, name)
    )`.execute(db);

  await sql`
    create table visit (
      id uuid primary key,
      person_id uuid not null references person(id),
      facility_id uuid not null references facility(id),
      room_id uuid not null references visiting_room(id),
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      status text not null check (status in ('booked', 'completed', 'cancelled', 'refused', 'no_show')),
      created_by uuid references app_user(id),
      created_at timestamptz not null default now(),
      version integer not null default 1,
      check (ends_at > starts_at)
    )`.execute(db);
  await sql`create index visit_room_time on visit(room_id, starts_at)`.execute(db);
  await sql`create index visit_person_time on visit(person_id, starts_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table visit`.execute(db);
  await sql`drop table visiting_room`.execute(db);
}
