import { type Kysely, sql } from 'kysely';

// The foundation schema: organisation with validity periods, people and their sentences,
// placements in beds, users, sessions and the append-only audit log.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);

  await sql`
    create table org_unit (
      id uuid primary key,
      code text not null unique,
      name text not null,
      kind text not null check (kind in ('directorate','region','unit')),
      parent_id uuid references org_unit(id),
      valid_from date not null,
      valid_to date,
      check (valid_to is null or valid_to > valid_from)
    )`.execute(db);

  await sql`
    create table facility (
      id uuid primary key,
      code text not null unique,
      name text not null,
      kind text not null check (kind in ('prison_high','prison_lower','halfway_house','probation_office')),
      municipality text not null,
      valid_from date not null,
      valid_to date
    )`.execute(db);

  // Which region or unit a facility belongs to, over time: the reorganisation is rows, not code.
  await sql`
    create table facility_membership (
      facility_id uuid not null references facility(id),
      org_unit_id uuid not null references org_unit(id),
      valid_from date not null,
      valid_to date,
      primary key (facility_id, valid_from),
      check (valid_to is null or valid_to > valid_from)
    )`.execute(db);
  await sql`create index facility_membership_org on facility_membership(org_unit_id)`.execute(db);

  await sql`
    create table department (
      id uuid primary key,
      facility_id uuid not null references facility(id),
      code text not null,
      name text not null,
      unique (facility_id, code)
    )`.execute(db);

  await sql`
    create table cell (
      id uuid primary key,
      department_id uuid not null references department(id),
      number text not null,
      unique (department_id, number)
    )`.execute(db);

  await sql`
    create table bed (
      id uuid primary key,
      cell_id uuid not null references cell(id),
      label text not null,
      unique (cell_id, label)
    )`.execute(db);

  await sql`
    create table person (
      id uuid primary key,
      national_id text not null unique,
      national_id_kind text not null check (national_id_kind in ('fnr','dnr','synthetic')),
      given_name text not null,
      family_name text not null,
      search_name text not null,
      birth_date date not null,
      gender text check (gender in ('female','male')),
      -- The facility that registered a person by hand, so the person is in its scope before any sentence.
      registered_facility_id uuid references facility(id),
      version integer not null default 1,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index person_search_name_trgm on person using gin (search_name gin_trgm_ops)`.execute(db);

  await sql`
    create table judgment (
      id uuid primary key,
      person_id uuid not null references person(id),
      case_number text not null unique,
      court text not null,
      judgment_date date not null,
      offence text not null
    )`.execute(db);
  await sql`create index judgment_person on judgment(person_id)`.execute(db);

  await sql`
    create table sentence (
      id uuid primary key,
      judgment_id uuid not null references judgment(id),
      person_id uuid not null references person(id),
      kind text not null check (kind in ('prison','community','fine_substitute','preventive_detention','youth','remand')),
      term_days integer check (term_days > 0),
      minimum_term_days integer check (minimum_term_days > 0),
      frame_days integer check (frame_days > 0),
      hours integer check (hours between 30 and 420),
      substitute_days integer check (substitute_days > 0),
      order_date date,
      responsible_facility_id uuid not null references facility(id),
      status text not null check (status in ('queued','summoned','postponed','admitted','transferred','interrupted','released')),
      summons_sent_on date,
      appearance_date date,
      appearance_facility_id uuid references facility(id),
      postponed_until date,
      postponement_reason text check (postponement_reason in ('pardon','illness','pregnancy','infant','other')),
      postponement_note text,
      version integer not null default 1
    )`.execute(db);
  await sql`create index sentence_person on sentence(person_id)`.execute(db);
  await sql`create index sentence_queue on sentence(status, order_date) where status in ('queued','summoned','postponed')`.execute(
    db,
  );

  await sql`
    create table app_user (
      id uuid primary key,
      username text not null unique,
      display_name text not null,
      password_hash text not null,
      roles text[] not null,
      scope_kind text not null check (scope_kind in ('national','units','facilities')),
      scope_ids uuid[] not null default '{}',
      locale text not null default 'nb' check (locale in ('nb','en')),
      active boolean not null default true,
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table sentence_event (
      id bigint generated always as identity primary key,
      sentence_id uuid not null references sentence(id),
      status text not null,
      on_date date not null,
      reason text,
      facility_id uuid references facility(id),
      user_id uuid references app_user(id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index sentence_event_sentence on sentence_event(sentence_id, id)`.execute(db);
  await sql`create index sentence_event_date on sentence_event(on_date, status)`.execute(db);

  // A placement is a stay in a bed (kind cell) or under electronic monitoring from a probation office.
  await sql`
    create table placement (
      id uuid primary key,
      person_id uuid not null references person(id),
      sentence_id uuid references sentence(id),
      kind text not null check (kind in ('cell','em')),
      facility_id uuid not null references facility(id),
      bed_id uuid references bed(id),
      from_date date not null,
      to_date date,
      check (kind = 'em' or bed_id is not null)
    )`.execute(db);
  // One bed, one occupant: guarded by the database, so concurrent admissions cannot both win.
  await sql`create unique index placement_one_occupant_per_bed on placement(bed_id) where to_date is null`.execute(
    db,
  );
  // One person is in one place at a time.
  await sql`create unique index placement_one_current_per_person on placement(person_id) where to_date is null`.execute(
    db,
  );
  await sql`create index placement_facility_current on placement(facility_id) where to_date is null`.execute(
    db,
  );

  await sql`
    create table session (
      token_hash text primary key,
      user_id uuid not null references app_user(id),
      csrf_token text not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`.execute(db);

  await sql`
    create table audit_event (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      user_id uuid references app_user(id),
      username text not null,
      role text not null,
      action text not null,
      person_id uuid references person(id),
      purpose text not null,
      details jsonb
    )`.execute(db);
  await sql`create index audit_event_person on audit_event(person_id, id desc)`.execute(db);
  // Append-only: the database itself refuses to change or remove an audit event.
  await sql`
    create function audit_event_immutable() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_event is append-only';
    end $$`.execute(db);
  await sql`
    create trigger audit_event_no_change before update or delete on audit_event
    for each row execute function audit_event_immutable()`.execute(db);

  await sql`
    create table app_meta (
      key text primary key,
      value text not null
    )`.execute(db);
}
