import { type Kysely, sql } from 'kysely';

// The individual plan for the execution of a sentence (seed 003, strategic area 1): one plan per
// sentence, made with the convicted person on the basis of the current assessment of needs. The
// plan is kept in versions: a draft can be edited; once agreed (or refused) by the person a
// version never changes again, and a change makes a new draft. Goals keep a stable key across
// versions; what became of a goal in the follow-up (reached, changed, dropped) is recorded as
// events with who and when, and reviews of the plan are recorded with the next review date.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table plan (
      id uuid primary key,
      person_id uuid not null references person(id),
      sentence_id uuid not null references sentence(id),
      created_by uuid references app_user(id),
      created_by_name text not null,
      created_at timestamptz not null default now(),
      next_review_date date,
      unique (sentence_id)
    )`.execute(db);
  await sql`create index plan_person on plan(person_id)`.execute(db);

  await sql`
    create table plan_version (
      id uuid primary key,
      plan_id uuid not null references plan(id),
      number integer not null check (number > 0),
      status text not null check (status in ('draft', 'agreed', 'refused', 'superseded')),
      assessment_id uuid not null references risk_assessment(id),
      person_commitments text not null default '',
      service_commitments text not null default '',
      created_by uuid references app_user(id),
      created_by_name text not null,
      created_at timestamptz not null default now(),
      decided_on date,
      person_signature text,
      officer_signature text,
      refusal_reason text,
      decided_at timestamptz,
      version integer not null default 1,
      unique (plan_id, number),
      check (status <> 'refused' or length(trim(coalesce(refusal_reason, ''))) > 0),
      check (status not in ('agreed', 'superseded') or (decided_on is not null
        and length(trim(coalesce(person_signature, ''))) > 0
        and length(trim(coalesce(officer_signature, ''))) > 0
        and length(trim(person_commitments)) > 0 and length(trim(service_commitments)) > 0))
    )`.execute(db);
  // One draft at a time, and one agreed version in force.
  await sql`create unique index plan_version_one_draft on plan_version(plan_id) where status = 'draft'`.execute(
    db,
  );
  await sql`create unique index plan_version_one_agreed on plan_version(plan_id) where status = 'agreed'`.execute(
    db,
  );

  await sql`
    create table plan_goal (
      id uuid primary key,
      version_id uuid not null references plan_version(id),
      goal_key uuid not null,
      seq integer not null,
      need_area text not null check (need_area in ('housing', 'education', 'work', 'finances', 'health',
        'substance_use', 'network', 'family_children')),
      need_justification text,
      description text not null check (length(trim(description)) > 0),
      activities text not null default '',
      responsible text not null check (length(trim(responsible)) > 0),
      start_date date,
      due_date date,
      unique (version_id, goal_key),
      check (start_date is null or due_date is null or due_date >= start_date)
    )`.execute(db);

  // A version that has been agreed or refused never changes: only agreed → superseded is allowed,
  // and its goals can be neither added, changed nor removed.
  await sql`
    create function plan_version_immutable() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        if old.status <> 'draft' then raise exception 'plan version % is immutable', old.id; end if;
        return old;
      end if;
      if old.status <> 'draft' and not (old.status = 'agreed' and new.status = 'superseded'
          and new.person_commitments = old.person_commitments
          and new.service_commitments = old.service_commitments
          and new.decided_on = old.decided_on and new.version = old.version) then
        raise exception 'plan version % is immutable', old.id;
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger plan_version_no_change before update or delete on plan_version
    for each row execute function plan_version_immutable()`.execute(db);
  await sql`
    create function plan_goal_immutable() returns trigger language plpgsql as $$
    declare s text;
    begin
      select status into s from plan_version
        where id = case when tg_op = 'DELETE' then old.version_id else new.version_id end;
      if s <> 'draft' then raise exception 'the goals of an agreed plan version are immutable'; end if;
      if tg_op = 'DELETE' then return old; end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger plan_goal_no_change before insert or update or delete on plan_goal
    for each row execute function plan_goal_immutable()`.execute(db);

  await sql`
    create table plan_goal_event (
      id uuid primary key,
      plan_id uuid not null references plan(id),
      goal_key uuid not null,
      status text not null check (status in ('reached', 'changed', 'dropped', 'open')),
      reason text,
      by_user uuid references app_user(id),
      by_name text not null,
      at timestamptz not null default now(),
      check (status not in ('changed', 'dropped') or length(trim(coalesce(reason, ''))) > 0)
    )`.execute(db);
  await sql`create index plan_goal_event_plan on plan_goal_event(plan_id, at)`.execute(db);

  await sql`
    create table plan_review (
      id uuid primary key,
      plan_id uuid not null references plan(id),
      version_id uuid not null references plan_version(id),
      occasion text not null check (occasion in ('scheduled', 'event')),
      reviewed_on date not null,
      note text not null check (length(trim(note)) > 0),
      next_review_date date not null check (next_review_date > reviewed_on),
      by_user uuid references app_user(id),
      by_name text not null,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index plan_review_plan on plan_review(plan_id, reviewed_on)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table plan_review`.execute(db);
  await sql`drop table plan_goal_event`.execute(db);
  await sql`drop trigger plan_goal_no_change on plan_goal`.execute(db);
  await sql`drop function plan_goal_immutable`.execute(db);
  await sql`drop table plan_goal`.execute(db);
  await sql`drop trigger plan_version_no_change on plan_version`.execute(db);
  await sql`drop function plan_version_immutable`.execute(db);
  await sql`drop table plan_version`.execute(db);
  await sql`drop table plan`.execute(db);
}
