import { type Kysely, sql } from 'kysely';

// The individual assessment of needs, resources and risk (seed 004): versioned per person, one
// current at a time (a new one supersedes the previous, the history stays); the risks rated per
// purpose on the matrix with their basis; restrictive measures tied to the assessment that
// justifies them, lifted only with a written justification and the assessment it rests on; and
// non-associations between two people at cell, department or facility level.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table risk_assessment (
      id uuid primary key,
      person_id uuid not null references person(id),
      number integer not null check (number > 0),
      status text not null default 'current' check (status in ('current', 'superseded')),
      occasion text not null check (occasion in ('intake', 'scheduled', 'event')),
      event_description text,
      assessed_on date not null,
      review_date date not null,
      information_sources text not null check (length(trim(information_sources)) > 0),
      needs jsonb not null,
      resources text not null default '',
      security_level text check (security_level in ('halfway_house', 'lower', 'high', 'special_high')),
      security_basis text,
      organised_criteria integer[] not null default '{}',
      network_crime boolean not null default false,
      mental_illness_risk boolean not null default false,
      interpreter_language text,
      infoflyt boolean not null default false,
      created_by uuid references app_user(id),
      created_by_name text not null,
      created_at timestamptz not null default now(),
      superseded_by uuid references risk_assessment(id) deferrable initially deferred,
      superseded_at timestamptz,
      unique (person_id, number),
      check (review_date > assessed_on),
      check (occasion <> 'event' or length(trim(coalesce(event_description, ''))) > 0),
      -- Setting the placement security level is a decision of significance for public safety.
      check (security_level is null or length(trim(coalesce(security_basis, ''))) > 0),
      check ((status = 'superseded') = (superseded_by is not null))
    )`.execute(db);
  // One current assessment per person: the database refuses a second.
  await sql`create unique index risk_assessment_one_current on risk_assessment(person_id) where status = 'current'`.execute(
    db,
  );
  await sql`create index risk_assessment_review on risk_assessment(review_date) where status = 'current'`.execute(
    db,
  );

  await sql`
    create table risk_rating (
      assessment_id uuid not null references risk_assessment(id),
      purpose text not null check (purpose in ('placement', 'leave', 'transport', 'visits', 'release')),
      probability integer not null check (probability between 1 and 5),
      consequence integer not null check (consequence between 1 and 5),
      level text not null check (level in ('low', 'moderate', 'high')),
      basis text not null check (length(trim(basis)) > 0),
      primary key (assessment_id, purpose)
    )`.execute(db);

  await sql`
    create table restriction (
      id uuid primary key,
      person_id uuid not null references person(id),
      assessment_id uuid not null references risk_assessment(id),
      kind text not null,
      purpose text not null check (purpose in ('placement', 'leave', 'transport', 'visits', 'release')),
      justification text not null check (length(trim(justification)) > 0),
      more_restrictive boolean not null default false,
      necessity_justification text,
      valid_from date not null,
      created_by uuid references app_user(id),
      created_by_name text not null,
      created_at timestamptz not null default now(),
      lifted_on date,
      lift_justification text,
      lift_assessment_id uuid references risk_assessment(id),
      lifted_by_name text,
      version integer not null default 1,
      check (not more_restrictive or length(trim(coalesce(necessity_justification, ''))) > 0),
      check (lifted_on is null or (length(trim(coalesce(lift_justification, ''))) > 0
                                   and lift_assessment_id is not null))
    )`.execute(db);
  await sql`create index restriction_person on restriction(person_id) where lifted_on is null`.execute(db);

  await sql`
    create table non_association (
      id uuid primary key,
      person_id uuid not null references person(id),
      other_person_id uuid not null references person(id),
      level text not null check (level in ('cell', 'department', 'facility')),
      reason text not null check (reason in ('co_defendant', 'victim_perpetrator', 'gang_conflict', 'other')),
      note text not null check (length(trim(note)) > 0),
      created_by uuid references app_user(id),
      created_by_name text not null,
      created_at timestamptz not null default now(),
      ended_on date,
      ended_by_name text,
      version integer not null default 1,
      check (person_id <> other_person_id)
    )`.execute(db);
  // One active separation per pair, whichever way round it was recorded.
  await sql`create unique index non_association_pair on non_association(
      least(person_id, other_person_id), greatest(person_id, other_person_id)) where ended_on is null`.execute(
    db,
  );
  await sql`create index non_association_other on non_association(other_person_id) where ended_on is null`.execute(
    db,
  );

  // A leave decision records the assessment it rested on.
  await sql`alter table leave_application add column assessment_id uuid references risk_assessment(id)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table leave_application drop column assessment_id`.execute(db);
  await sql`drop table non_association`.execute(db);
  await sql`drop table restriction`.execute(db);
  await sql`drop table risk_rating`.execute(db);
  await sql`drop table risk_assessment`.execute(db);
}
