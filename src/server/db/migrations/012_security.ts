import { type Kysely, sql } from 'kysely';

// Security (seed 004): the classification of every facility and department by its static, dynamic
// and organisational security, with validity from a date; incidents and deviations with the
// people involved, immediate and follow-up actions and their closure; and the on-screen
// notifications that tell a unit leader of a serious incident at once.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A classification is never changed: a new one from a later date takes over. The one in force
  // on a date is the latest valid_from on or before it, for the facility and for each department.
  await sql`
    create table security_classification (
      id uuid primary key,
      facility_id uuid not null references facility(id),
      department_id uuid references department(id),
      valid_from date not null,
      static_criteria jsonb not null,
      dynamic_criteria jsonb not null,
      organisational_criteria jsonb not null,
      static_score integer not null check (static_score between 0 and 3),
      dynamic_score integer not null check (dynamic_score between 0 and 3),
      organisational_score integer not null check (organisational_score between 0 and 3),
      level text not null check (level in ('halfway_house', 'lower', 'high', 'special_high')),
      justification text not null check (length(trim(justification)) > 0),
      classified_by uuid references app_user(id),
      classified_by_name text not null,
      classified_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create unique index security_classification_one_per_day
      on security_classification (facility_id, coalesce(department_id, '00000000-0000-0000-0000-000000000000'::uuid), valid_from)`.execute(
    db,
  );

  await sql`
    create table incident (
      id uuid primary key,
      facility_id uuid not null references facility(id),
      department_id uuid references department(id),
      type text not null check (type in (
        'violence', 'threat_staff', 'manipulation_staff', 'escape', 'failure_to_return', 'contraband',
        'self_harm', 'hostage', 'fire', 'infection_outbreak', 'staff_shortage', 'data_breach', 'other')),
      severity text not null check (severity in ('low', 'moderate', 'serious')),
      occurred_on date not null,
      occurred_time text not null check (occurred_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      place text not null default '',
      description text not null check (length(trim(description)) > 0),
      immediate_actions text not null default '',
      injury boolean not null default false,
      weapon boolean not null default false,
      status text not null default 'open' check (status in ('open', 'closed')),
      closure_note text,
      closed_by_name text,
      closed_at timestamptz,
      source text not null default 'report' check (source in ('report', 'leave')),
      leave_application_id uuid unique references leave_application(id),
      reported_by uuid references app_user(id),
      reported_by_name text not null,
      reported_at timestamptz not null default now(),
      version integer not null default 1,
      check ((status = 'closed') = (closed_at is not null))
    )`.execute(db);
  await sql`create index incident_facility_date on incident (facility_id, occurred_on)`.execute(db);
  await sql`create index incident_date_type on incident (occurred_on, type)`.execute(db);

  await sql`
    create table incident_party (
      id uuid primary key,
      incident_id uuid not null references incident(id),
      role text not null check (role in ('subject', 'assailant', 'victim', 'witness', 'staff')),
      kind text not null check (kind in ('inmate', 'staff', 'external')),
      person_id uuid references person(id),
      staff_id uuid references staff_member(id),
      external_name text,
      note text not null default '',
      check (
        (kind = 'inmate' and person_id is not null and staff_id is null and external_name is null) or
        (kind = 'staff' and staff_id is not null and person_id is null and external_name is null) or
        (kind = 'external' and external_name is not null and length(trim(external_name)) > 0
          and person_id is null and staff_id is null))
    )`.execute(db);
  await sql`create index incident_party_incident on incident_party (incident_id)`.execute(db);
  await sql`create index incident_party_person on incident_party (person_id) where person_id is not null`.execute(
    db,
  );
  // Violence against staff is counted from the victims who are staff.
  await sql`create index incident_party_staff_victim on incident_party (incident_id) where kind = 'staff' and role = 'victim'`.execute(
    db,
  );

  await sql`
    create table incident_action (
      id uuid primary key,
      incident_id uuid not null references incident(id),
      description text not null check (length(trim(description)) > 0),
      owner text not null check (length(trim(owner)) > 0),
      deadline date not null,
      status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
      note text,
      completed_by_name text,
      completed_at timestamptz,
      created_by_name text not null,
      created_at timestamptz not null default now(),
      version integer not null default 1,
      check ((status = 'open') = (completed_at is null))
    )`.execute(db);
  await sql`create index incident_action_incident on incident_action (incident_id)`.execute(db);

  // One row per recipient, so each unit leader marks their own as read.
  await sql`
    create table notification (
      id uuid primary key,
      user_id uuid not null references app_user(id),
      kind text not null check (kind in ('incident_serious')),
      incident_id uuid references incident(id),
      facility_id uuid references facility(id),
      created_at timestamptz not null default now(),
      read_at timestamptz,
      unique (user_id, incident_id)
    )`.execute(db);
  await sql`create index notification_unread on notification (user_id, created_at) where read_at is null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table notification`.execute(db);
  await sql`drop table incident_action`.execute(db);
  await sql`drop table incident_party`.execute(db);
  await sql`drop table incident`.execute(db);
  await sql`drop table security_classification`.execute(db);
}
