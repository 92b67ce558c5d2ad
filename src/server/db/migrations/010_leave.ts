import { type Kysely, sql } from 'kysely';

// Leave, escorted leave, temporary release and day release (seed 001): applications decided one
// by one. The decision keeps the factors and the recommendation as they were (jsonb), the outcome,
// conditions, the written justification and the legal basis. An appeal per decision; the actual
// return; the notification of victims on the judgment; the review of granted leave when the
// situation changes. Granted ordinary and welfare leave is also written to leave_record, linked
// here, so the sentence engine's quota follows.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table leave_application (
      id uuid primary key,
      person_id uuid not null references person(id),
      facility_id uuid not null references facility(id),
      kind text not null check (kind in (
        'ordinary', 'short', 'welfare', 'escorted', 'temporary_release', 'day_release')),
      from_date date not null,
      from_time text not null check (from_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      to_date date not null,
      to_time text not null check (to_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      days integer not null check (days > 0),
      destination_municipality text not null check (length(trim(destination_municipality)) > 0),
      public_transport boolean not null,
      purpose text not null check (purpose in ('children', 'family', 'work', 'health', 'social')),
      description text not null,
      status text not null default 'pending' check (status in ('pending', 'granted', 'refused', 'revoked')),
      applied_by uuid references app_user(id),
      applied_by_name text not null,
      applied_at timestamptz not null default now(),
      outcome text check (outcome in ('granted', 'granted_with_conditions', 'refused')),
      recommendation text check (recommendation in ('grant', 'grant_with_conditions', 'refuse')),
      factors jsonb,
      assessment jsonb,
      conditions text[] not null default '{}',
      justification text,
      legal_reference text,
      decided_by uuid references app_user(id),
      decided_by_name text,
      decided_at timestamptz,
      victim_notification text not null default 'none' check (victim_notification in ('none', 'pending', 'done')),
      victim_notified_by_name text,
      victim_notified_at timestamptz,
      return_status text check (return_status in ('on_time', 'late', 'not_returned')),
      returned_date date,
      returned_time text check (returned_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      return_recorded_by_name text,
      reviewed_factors jsonb,
      reviewed_by_name text,
      reviewed_at timestamptz,
      review_outcome text check (review_outcome in ('confirmed', 'revoked')),
      review_justification text,
      version integer not null default 1,
      check (to_date >= from_date),
      check ((status = 'pending') = (outcome is null)),
      check (return_status is null or status = 'granted')
    )`.execute(db);
  await sql`create index leave_application_person on leave_application(person_id, from_date)`.execute(db);
  await sql`create index leave_application_facility on leave_application(facility_id, status, from_date)`.execute(
    db,
  );

  await sql`
    create table leave_appeal (
      id uuid primary key,
      application_id uuid not null unique references leave_application(id),
      received_on date not null,
      grounds text not null check (length(trim(grounds)) > 0),
      status text not null default 'received' check (status in ('received', 'upheld', 'reversed')),
      registered_by_name text not null,
      registered_at timestamptz not null default now(),
      decided_by_name text,
      decided_at timestamptz,
      version integer not null default 1
    )`.execute(db);

  await sql`alter table leave_record add column application_id uuid unique references leave_application(id)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table leave_record drop column application_id`.execute(db);
  await sql`drop table leave_appeal`.execute(db);
  await sql`drop table leave_application`.execute(db);
}
