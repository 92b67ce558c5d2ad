import { type Kysely, sql } from 'kysely';

// Plans meet activities and partners (seed 003, strategic area 1: "targeted interdisciplinary
// cooperation"): an enrolment in an activity and a referral to a partner can name the goal of the
// sentence plan they serve. A goal is named by its plan and its key, which stays the same across
// the plan's versions, so the link outlives a new version. The database checks that the goal is
// one of that plan's and that the plan is the same person's.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table activity_enrolment
      add column plan_id uuid references plan(id),
      add column goal_key uuid,
      add constraint activity_enrolment_goal_whole check ((plan_id is null) = (goal_key is null))`.execute(
    db,
  );
  await sql`create index activity_enrolment_goal on activity_enrolment(plan_id, goal_key)
    where plan_id is not null`.execute(db);

  // The referral's goal was a bare id; it becomes the plan and the goal's key like the enrolment's.
  await sql`alter table referral rename column plan_goal_id to goal_key`.execute(db);
  await sql`
    alter table referral
      add column plan_id uuid references plan(id),
      add constraint referral_goal_whole check ((plan_id is null) = (goal_key is null))`.execute(db);
  await sql`create index referral_goal on referral(plan_id, goal_key) where plan_id is not null`.execute(db);

  await sql`
    create function plan_goal_link_check() returns trigger language plpgsql as $$
    begin
      if new.plan_id is null then return new; end if;
      if not exists (
        select 1 from plan p
        join plan_version v on v.plan_id = p.id
        join plan_goal g on g.version_id = v.id
        where p.id = new.plan_id and p.person_id = new.person_id and g.goal_key = new.goal_key
      ) then
        raise exception 'plan_goal_link: goal % is not in plan % of the person', new.goal_key, new.plan_id
          using errcode = '23503';
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger activity_enrolment_goal_check before insert or update of plan_id, goal_key, person_id
    on activity_enrolment for each row execute function plan_goal_link_check()`.execute(db);
  await sql`
    create trigger referral_goal_check before insert or update of plan_id, goal_key, person_id
    on referral for each row execute function plan_goal_link_check()`.execute(db);
}
