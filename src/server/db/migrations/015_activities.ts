import { type Kysely, sql } from 'kysely';

// Everyday life and the way out (seed 003, strategic area 1): activities offered per facility with
// places, enrolment and a waiting list (the database keeps the count of enrolled and refuses more
// than the places); attendance; the inactivity threshold per facility or nationally; the contact
// officer from the staff register; partners with contact persons and referrals to them; and the
// release checklist per sentence with one item per area.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table activity (
      id uuid primary key,
      facility_id uuid not null references facility(id),
      name text not null check (length(trim(name)) > 0),
      kind text not null check (kind in ('work', 'school', 'programme', 'leisure', 'ngo')),
      places integer not null check (places > 0),
      schedule text not null default '',
      enrolled integer not null default 0,
      active boolean not null default true,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      -- Never more enrolled than places: the count is kept by the trigger below.
      constraint activity_places_not_exceeded check (enrolled >= 0 and enrolled <= places)
    )`.execute(db);
  await sql`create index activity_facility on activity(facility_id) where active`.execute(db);

  await sql`
    create table activity_enrolment (
      id uuid primary key,
      activity_id uuid not null references activity(id),
      person_id uuid not null references person(id),
      status text not null check (status in ('enrolled', 'waiting', 'ended')),
      queue_seq bigint generated always as identity,
      requested_at timestamptz not null default now(),
      enrolled_on date,
      ended_on date,
      end_reason text,
      created_by_name text not null,
      version integer not null default 1,
      check (status <> 'enrolled' or enrolled_on is not null),
      check (status <> 'ended' or ended_on is not null)
    )`.execute(db);
  // One enrolment or place on the waiting list per person and activity.
  await sql`create unique index activity_enrolment_one_open on activity_enrolment(activity_id, person_id)
    where status <> 'ended'`.execute(db);
  await sql`create index activity_enrolment_waiting on activity_enrolment(activity_id, queue_seq)
    where status = 'waiting'`.execute(db);
  await sql`create index activity_enrolment_person on activity_enrolment(person_id, status)`.execute(db);

  // The enrolled count follows the rows, so the check on activity guards every path.
  await sql`
    create function activity_enrolled_count() returns trigger language plpgsql as $$
    declare
      delta integer := 0;
    begin
      if tg_op = 'INSERT' then
        if new.status = 'enrolled' then delta := 1; end if;
      else
        if old.status = 'enrolled' and new.status <> 'enrolled' then delta := -1; end if;
        if old.status <> 'enrolled' and new.status = 'enrolled' then delta := 1; end if;
      end if;
      if delta <> 0 then
        update activity set enrolled = enrolled + delta where id = new.activity_id;
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger activity_enrolment_count after insert or update of status on activity_enrolment
    for each row execute function activity_enrolled_count()`.execute(db);

  await sql`
    create table activity_attendance (
      enrolment_id uuid not null references activity_enrolment(id),
      on_date date not null,
      present boolean not null,
      recorded_by_name text not null,
      primary key (enrolment_id, on_date)
    )`.execute(db);

  await sql`
    create table inactivity_setting (
      id uuid primary key,
      facility_id uuid references facility(id),
      days integer not null check (days between 1 and 365),
      set_by_name text not null,
      set_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index inactivity_setting_one on inactivity_setting
    (coalesce(facility_id, '00000000-0000-0000-0000-000000000000'::uuid))`.execute(db);

  await sql`
    create table contact_officer (
      id uuid primary key,
      person_id uuid not null references person(id),
      staff_id uuid not null references staff_member(id),
      valid_from date not null,
      valid_to date,
      assigned_by_name text not null,
      check (valid_to is null or valid_to >= valid_from)
    )`.execute(db);
  // One contact officer at a time per person.
  await sql`create unique index contact_officer_one_current on contact_officer(person_id) where valid_to is null`.execute(
    db,
  );
  await sql`create index contact_officer_staff on contact_officer(staff_id) where valid_to is null`.execute(
    db,
  );

  await sql`
    create table partner (
      id uuid primary key,
      name text not null check (length(trim(name)) > 0),
      kind text not null check (kind in ('nav', 'health', 'municipality', 'school', 'ngo', 'user_organisation')),
      municipality text not null default '',
      version integer not null default 1,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table partner_contact (
      id uuid primary key,
      partner_id uuid not null references partner(id),
      name text not null check (length(trim(name)) > 0),
      role text not null default '',
      phone text not null default '',
      email text not null default ''
    )`.execute(db);
  await sql`create index partner_contact_partner on partner_contact(partner_id)`.execute(db);

  await sql`
    create table referral (
      id uuid primary key,
      person_id uuid not null references person(id),
      partner_id uuid not null references partner(id),
      contact_id uuid references partner_contact(id),
      need_area text not null check (need_area in
        ('housing', 'income_work', 'health', 'debt', 'id_papers', 'network', 'education', 'substance_use')),
      text text not null check (length(trim(text)) > 0),
      -- A goal of the sentence plan it serves, when there is one.
      plan_goal_id uuid,
      status text not null default 'sent' check (status in ('sent', 'received', 'accepted', 'declined', 'done')),
      answer text,
      sent_on date not null,
      answered_on date,
      created_by_name text not null,
      created_at timestamptz not null default now(),
      version integer not null default 1
    )`.execute(db);
  await sql`create index referral_person on referral(person_id)`.execute(db);
  await sql`create index referral_partner on referral(partner_id, status)`.execute(db);

  await sql`
    create table release_checklist (
      id uuid primary key,
      person_id uuid not null references person(id),
      sentence_id uuid not null references sentence(id),
      facility_id uuid not null references facility(id),
      release_date date not null,
      created_on date not null,
      -- One checklist per sentence served.
      unique (sentence_id)
    )`.execute(db);
  await sql`create index release_checklist_person on release_checklist(person_id)`.execute(db);
  await sql`create index release_checklist_date on release_checklist(release_date)`.execute(db);

  await sql`
    create table release_checklist_item (
      id uuid primary key,
      checklist_id uuid not null references release_checklist(id),
      area text not null check (area in ('housing', 'income_work', 'health', 'debt', 'id_papers', 'network')),
      status text not null default 'open' check (status in ('open', 'in_progress', 'done', 'not_needed')),
      owner text not null default '',
      due_date date,
      note text not null default '',
      updated_by_name text,
      updated_at timestamptz,
      version integer not null default 1,
      unique (checklist_id, area)
    )`.execute(db);
}
