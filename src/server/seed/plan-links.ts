import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/types.ts';

// Demo enrolments and referrals linked to the goals of the plans they serve: an activity serves
// the goal of the plan whose need its kind meets (work → work, school → education, a programme →
// substance use, an NGO's activity → network), a referral the goal of its area (income and work →
// work, debts → finances). Done in SQL from the rows already made, so it is as deterministic as
// they are; the plan's latest agreed or draft version names the goal, the first of its area.

const ACTIVITY_AREA = sql`case a.kind when 'work' then 'work' when 'school' then 'education'
  when 'programme' then 'substance_use' when 'ngo' then 'network' end`;
const REFERRAL_AREA = sql`case r.need_area when 'income_work' then 'work' when 'debt' then 'finances'
  when 'id_papers' then null else r.need_area end`;

/** The goal of the person's plan for a need area: (plan id, goal key), or none. */
const goalFor = (person: ReturnType<typeof sql>, area: ReturnType<typeof sql>) => sql`
  select p.id as plan_id, g.goal_key
  from plan p
  join sentence se on se.id = p.sentence_id and se.status <> 'released'
  join plan_version v on v.plan_id = p.id and v.status in ('agreed', 'draft')
  join plan_goal g on g.version_id = v.id
  where p.person_id = ${person} and g.need_area = ${area}
  order by v.number desc, g.seq
  limit 1`;

export async function seedDemoPlanLinks(db: Kysely<Database>): Promise<void> {
  await sql`
    update activity_enrolment e
    set (plan_id, goal_key) = (${goalFor(sql`e.person_id`, ACTIVITY_AREA)})
    from activity a
    where a.id = e.activity_id and e.status <> 'ended' and a.kind <> 'leisure'`.execute(db);
  await sql`
    update referral r
    set (plan_id, goal_key) = (${goalFor(sql`r.person_id`, REFERRAL_AREA)})
    where r.need_area <> 'id_papers'`.execute(db);
}
