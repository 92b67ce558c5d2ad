import { type Kysely, sql } from 'kysely';

// Health status, staff and the staff roster (seeds 000 and 001). Only a status and its dates are
// kept, never a diagnosis. A status belongs to an inmate (person) or a staff member, and to the
// facility where it was recorded, so that reads can be scoped and counted per facility. The roster
// says who works in which department, on which date and shift: contact tracing reads it, and the
// rule "staff work in one department and never across locations" is checked against it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table staff_member (
      id uuid primary key,
      staff_number text not null unique,
      name text not null check (length(trim(name)) > 0),
      facility_id uuid not null references facility(id),
      department_id uuid references department(id),
      title text not null check (title in ('officer', 'health', 'teacher', 'leader', 'other')),
      user_id uuid references app_user(id),
      active boolean not null default true
    )`.execute(db);
  await sql`create index staff_member_facility on staff_member(facility_id)`.execute(db);

  await sql`
    create table health_status (
      id uuid primary key,
      subject_kind text not null check (subject_kind in ('inmate', 'staff')),
      person_id uuid references person(id),
      staff_id uuid references staff_member(id),
      facility_id uuid not null references facility(id),
      status text not null check (status in ('suspected', 'confirmed', 'quarantine', 'isolation')),
      from_date date not null,
      to_date date,
      -- The confirmed case a quarantine was traced from, when it was.
      traced_from_id uuid references health_status(id),
      recorded_by uuid references app_user(id),
      recorded_by_name text not null,
      recorded_at timestamptz not null default now(),
      ended_by uuid references app_user(id),
      version integer not null default 1,
      check ((subject_kind = 'inmate' and person_id is not null and staff_id is null)
          or (subject_kind = 'staff' and staff_id is not null and person_id is null)),
      check (to_date is null or to_date >= from_date)
    )`.execute(db);
  await sql`create index health_status_person on health_status(person_id, from_date) where person_id is not null`.execute(
    db,
  );
  await sql`create index health_status_staff on health_status(staff_id, from_date) where staff_id is not null`.execute(
    db,
  );
  await sql`create index health_status_facility on health_status(facility_id, from_date)`.execute(db);

  await sql`
    create table roster_entry (
      id uuid primary key,
      staff_id uuid not null references staff_member(id),
      department_id uuid not null references department(id),
      on_date date not null,
      shift text not null check (shift in ('day', 'evening', 'night')),
      -- Set when the entry broke the one-department rule and the measure in force said to flag it.
      flag text check (flag in ('other_department', 'other_location')),
      created_by uuid references app_user(id),
      created_at timestamptz not null default now(),
      unique (staff_id, on_date, shift)
    )`.execute(db);
  await sql`create index roster_entry_department on roster_entry(department_id, on_date)`.execute(db);
  await sql`create index roster_entry_staff on roster_entry(staff_id, on_date)`.execute(db);

  // Placement history is what contact tracing reads: index it by bed and by dates.
  await sql`create index placement_bed_dates on placement(bed_id, from_date) where bed_id is not null`.execute(
    db,
  );
  await sql`create index placement_person_dates on placement(person_id, from_date)`.execute(db);
  // A move between beds or facilities carries its reason (required while "no transfers" applies).
  await sql`alter table placement add column move_reason text`.execute(db);
  await sql`alter table placement add column moved_by uuid references app_user(id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table placement drop column moved_by`.execute(db);
  await sql`alter table placement drop column move_reason`.execute(db);
  await sql`drop index placement_person_dates`.execute(db);
  await sql`drop index placement_bed_dates`.execute(db);
  await sql`drop table roster_entry`.execute(db);
  await sql`drop table health_status`.execute(db);
  await sql`drop table staff_member`.execute(db);
}
