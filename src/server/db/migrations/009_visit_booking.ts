import { type Kysely, sql } from 'kysely';

// Visit booking (straffegjennomføringsloven § 31, seed 001): the approved visitors of each inmate,
// weekly slot templates and concrete slots per room, closures, a simple visit restriction per
// inmate, and on each visit the assessment it rested on and the human decision. The slot row
// carries the number of places taken; a check constraint and a conditional update keep it within
// the capacity, so a slot is never overbooked, also under concurrent booking.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table visit_slot_template (
      id uuid primary key,
      room_id uuid not null references visiting_room(id),
      weekday integer not null check (weekday between 1 and 7),
      start_time text not null check (start_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
      end_time text not null check (end_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
      capacity integer not null check (capacity > 0),
      active boolean not null default true,
      check (end_time > start_time)
    )`.execute(db);
  await sql`create unique index visit_slot_template_room_time on visit_slot_template(room_id, weekday, start_time) where active`.execute(
    db,
  );

  // A concrete slot: from a template when first booked, or added by hand for one date.
  await sql`
    create table visit_slot (
      id uuid primary key,
      room_id uuid not null references visiting_room(id),
      on_date date not null,
      start_time text not null check (start_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
      end_time text not null check (end_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
      capacity integer not null check (capacity > 0),
      booked integer not null default 0,
      template_id uuid references visit_slot_template(id),
      created_by uuid references app_user(id),
      check (end_time > start_time),
      check (booked >= 0 and booked <= capacity),
      unique (room_id, on_date, start_time)
    )`.execute(db);
  await sql`create index visit_slot_date on visit_slot(on_date)`.execute(db);

  // A closed day for one room, or for every visiting room of the facility (room_id null).
  await sql`
    create table visit_closure (
      id uuid primary key,
      facility_id uuid not null references facility(id),
      room_id uuid references visiting_room(id),
      from_date date not null,
      to_date date not null,
      reason text not null check (length(trim(reason)) > 0),
      created_by uuid references app_user(id),
      created_by_name text not null,
      created_at timestamptz not null default now(),
      check (to_date >= from_date)
    )`.execute(db);
  await sql`create index visit_closure_facility on visit_closure(facility_id, from_date)`.execute(db);

  await sql`
    create table visitor (
      id uuid primary key,
      person_id uuid not null references person(id),
      name text not null check (length(trim(name)) > 0),
      relation text not null check (relation in (
        'spouse', 'partner', 'child', 'parent', 'sibling', 'other_family', 'friend', 'other')),
      birth_date date,
      minor boolean not null default false,
      home_municipality text not null check (length(trim(home_municipality)) > 0),
      public_transport boolean not null default false,
      police_check text not null check (police_check in ('not_requested', 'requested', 'clear', 'remarks')),
      police_check_date date,
      status text not null check (status in ('applied', 'approved', 'refused', 'withdrawn')),
      applied_by uuid references app_user(id),
      applied_by_name text not null,
      applied_at timestamptz not null default now(),
      decision_reason text,
      decided_by uuid references app_user(id),
      decided_by_name text,
      decided_at timestamptz,
      version integer not null default 1,
      check (status in ('applied', 'withdrawn') or decided_at is not null),
      check (status <> 'refused' or length(trim(coalesce(decision_reason, ''))) > 0)
    )`.execute(db);
  await sql`create index visitor_person on visitor(person_id)`.execute(db);

  await sql`
    create table visit_restriction (
      id uuid primary key,
      person_id uuid not null references person(id),
      kind text not null check (kind in ('none', 'supervised_only', 'glass_wall_only', 'no_visits')),
      reason text not null check (length(trim(reason)) > 0),
      valid_from date not null,
      valid_to date,
      decided_by uuid references app_user(id),
      decided_by_name text not null,
      decided_at timestamptz not null default now(),
      check (valid_to is null or valid_to >= valid_from)
    )`.execute(db);
  await sql`create index visit_restriction_person on visit_restriction(person_id, valid_from)`.execute(db);

  await sql`alter table visit add column kind text not null default 'ordinary'
    check (kind in ('ordinary', 'video', 'official', 'media'))`.execute(db);
  await sql`alter table visit add column slot_id uuid references visit_slot(id)`.execute(db);
  await sql`alter table visit add column external_visitor text`.execute(db);
  await sql`alter table visit add column factors jsonb`.execute(db);
  await sql`alter table visit add column recommendation text
    check (recommendation in ('grant', 'grant_with_conditions', 'video_instead', 'refuse'))`.execute(db);
  await sql`alter table visit add column outcome text
    check (outcome in ('grant', 'grant_with_conditions', 'video_instead', 'refuse'))`.execute(db);
  await sql`alter table visit add column conditions text[] not null default '{}'`.execute(db);
  await sql`alter table visit add column justification text`.execute(db);
  await sql`alter table visit add column legal_reference text`.execute(db);
  await sql`alter table visit add column decided_by_name text`.execute(db);
  await sql`alter table visit add column cancelled_by uuid references app_user(id)`.execute(db);
  await sql`alter table visit add column cancelled_at timestamptz`.execute(db);
  await sql`alter table visit add column cancel_reason text`.execute(db);
  await sql`create index visit_slot_id on visit(slot_id) where slot_id is not null`.execute(db);

  await sql`
    create table visit_visitor (
      visit_id uuid not null references visit(id),
      visitor_id uuid not null references visitor(id),
      primary key (visit_id, visitor_id)
    )`.execute(db);
  await sql`create index visit_visitor_visitor on visit_visitor(visitor_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table visit_visitor`.execute(db);
  for (const column of [
    'cancel_reason',
    'cancelled_at',
    'cancelled_by',
    'decided_by_name',
    'legal_reference',
    'justification',
    'conditions',
    'outcome',
    'recommendation',
    'factors',
    'external_visitor',
    'slot_id',
    'kind',
  ])
    await sql`alter table visit drop column ${sql.ref(column)}`.execute(db);
  await sql`drop table visit_restriction`.execute(db);
  await sql`drop table visitor`.execute(db);
  await sql`drop table visit_closure`.execute(db);
  await sql`drop table visit_slot`.execute(db);
  await sql`drop table visit_slot_template`.execute(db);
}
