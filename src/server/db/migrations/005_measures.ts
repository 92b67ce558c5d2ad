import { type Kysely, sql } from 'kysely';

// Crisis measures (seeds 000/001): a measure from the catalogue (src/server/domain/measures.ts)
// decided for the whole country, a region/unit or one facility, for a period with a review date.
// Ending one early sets ended_on; a measure past valid_to lapses by itself.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table measure (
      id uuid primary key,
      type text not null,
      level text,
      scope_kind text not null check (scope_kind in ('national', 'unit', 'facility')),
      org_unit_id uuid references org_unit(id),
      facility_id uuid references facility(id),
      reason text not null,
      decided_by uuid references app_user(id),
      decided_by_name text not null,
      decided_at timestamptz not null default now(),
      valid_from date not null,
      valid_to date not null,
      review_date date not null,
      ended_on date,
      ended_by uuid references app_user(id),
      version integer not null default 1,
      check (valid_to >= valid_from),
      check (review_date >= valid_from and review_date <= valid_to),
      check ((scope_kind = 'national' and org_unit_id is null and facility_id is null)
          or (scope_kind = 'unit' and org_unit_id is not null and facility_id is null)
          or (scope_kind = 'facility' and facility_id is not null and org_unit_id is null))
    )`.execute(db);
  await sql`create index measure_period on measure(valid_from, valid_to)`.execute(db);
  await sql`create index measure_review on measure(review_date)`.execute(db);
}
