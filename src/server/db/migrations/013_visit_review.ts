import { type Kysely, sql } from 'kysely';

// The review of booked visits when a measure or the infection situation changes (seed 001): each
// review keeps the factors it was made on, the recommendation then and now, what changed, the
// action taken and its justification. Cancelling needs a justification, which the visitor is shown.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table visit_review (
      id uuid primary key,
      visit_id uuid not null references visit(id),
      person_id uuid not null references person(id),
      action text not null check (action in ('keep', 'conditions', 'video', 'cancel')),
      outcome text not null check (outcome in ('grant', 'grant_with_conditions', 'video_instead', 'refuse')),
      conditions text[] not null default '{}',
      justification text,
      recommendation_then text check (recommendation_then in ('grant', 'grant_with_conditions', 'video_instead', 'refuse')),
      recommendation_now text not null check (recommendation_now in ('grant', 'grant_with_conditions', 'video_instead', 'refuse')),
      block_now text,
      factors_now jsonb not null,
      changes jsonb not null,
      from_room_id uuid not null references visiting_room(id),
      from_starts_at timestamptz not null,
      from_ends_at timestamptz not null,
      reviewed_by uuid references app_user(id),
      reviewed_by_name text not null,
      reviewed_at timestamptz not null default now(),
      check (action <> 'cancel' or length(trim(coalesce(justification, ''))) > 0)
    )`.execute(db);
  await sql`create index visit_review_visit on visit_review(visit_id, reviewed_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table visit_review`.execute(db);
}
