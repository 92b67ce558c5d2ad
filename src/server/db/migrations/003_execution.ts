import { type Kysely, sql } from 'kysely';

// What the sentence engine reads besides the sentences (remand custody with isolation, events of
// execution, leave taken) and what it writes (each person's calculation and key dates, kept so
// that eligibility lists are plain indexed queries). Crisis rules switched on for a period are
// parameter overrides, with who switched them and why.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table remand_period (
      id uuid primary key,
      person_id uuid not null references person(id),
      arrested_at timestamptz not null,
      released_at timestamptz,
      check (released_at is null or released_at > arrested_at)
    )`.execute(db);
  await sql`create index remand_period_person on remand_period(person_id)`.execute(db);

  await sql`
    create table isolation_period (
      id uuid primary key,
      remand_period_id uuid not null references remand_period(id),
      from_date date not null,
      to_date date not null,
      check (to_date >= from_date)
    )`.execute(db);
  await sql`create index isolation_period_remand on isolation_period(remand_period_id)`.execute(db);

  await sql`
    create table execution_event (
      id uuid primary key,
      person_id uuid not null references person(id),
      sentence_id uuid references sentence(id),
      kind text not null check (kind in (
        'execution_start', 'escape', 'return', 'interruption_start', 'interruption_end',
        'remand_other_case_start', 'remand_other_case_end')),
      on_date date not null,
      note text,
      user_id uuid references app_user(id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index execution_event_person on execution_event(person_id, on_date)`.execute(db);

  await sql`
    create table leave_record (
      id uuid primary key,
      person_id uuid not null references person(id),
      kind text not null check (kind in ('ordinary', 'welfare')),
      from_date date not null,
      to_date date not null,
      days integer not null check (days > 0),
      check (to_date >= from_date)
    )`.execute(db);
  await sql`create index leave_record_person on leave_record(person_id, from_date)`.execute(db);

  await sql`
    create table calculation (
      person_id uuid primary key references person(id),
      computed_at timestamptz not null default now(),
      as_of date not null,
      result jsonb,
      error text
    )`.execute(db);

  await sql`
    create table key_date (
      person_id uuid not null references person(id),
      seq integer not null,
      key text not null,
      rule text not null,
      on_date date,
      status text not null check (status in ('eligible', 'not_yet', 'not_applicable')),
      primary key (person_id, seq)
    )`.execute(db);
  await sql`create index key_date_key_date on key_date(key, on_date)`.execute(db);

  // Offence groups (terror, sexual, murder, domestic violence…) decide what execution forms are open.
  await sql`alter table judgment add column offence_groups text[] not null default '{}'`.execute(db);

  await sql`
    create table parameter_override (
      id uuid primary key,
      key text not null,
      value numeric not null,
      denominator integer check (denominator > 0),
      valid_from date not null,
      valid_to date,
      source text not null,
      reason text not null,
      set_by uuid references app_user(id),
      set_at timestamptz not null default now(),
      check (valid_to is null or valid_to > valid_from)
    )`.execute(db);
}
