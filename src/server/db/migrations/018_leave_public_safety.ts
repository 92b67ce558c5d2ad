import { type Kysely, sql } from 'kysely';

// A grant of leave for a person whose current assessment rates the leave risk high is a decision
// of significance for public safety (seed 004): the decision keeps that mark beside the assessment
// it rests on, so it can be shown and counted afterwards.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table leave_application add column public_safety boolean not null default false`.execute(
    db,
  );
  await sql`
    alter table leave_application add constraint leave_public_safety_assessment
      check (not public_safety or assessment_id is not null)`.execute(db);
}
