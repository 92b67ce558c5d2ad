import { type Kysely, sql } from 'kysely';

// Outbreak letters (seed 001: postponement of execution, new appearance dates for those summoned).
// When an outbreak moves the start of people's sentences in a batch, each person gets a letter
// with the old and new date, the reason and the legal basis. The letter is kept as written, so it
// can be read and printed again; the batch id ties together the letters decided in one go.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table outbreak_letter (
      id uuid primary key,
      batch_id uuid not null,
      facility_id uuid not null references facility(id),
      person_id uuid not null references person(id),
      sentence_id uuid not null references sentence(id),
      case_number text not null,
      old_date date,
      new_date date not null,
      reason text not null check (length(trim(reason)) > 0),
      body text not null,
      created_by uuid references app_user(id),
      created_by_name text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index outbreak_letter_facility on outbreak_letter(facility_id, created_at desc)`.execute(
    db,
  );
  await sql`create index outbreak_letter_batch on outbreak_letter(batch_id)`.execute(db);
  await sql`create index outbreak_letter_person on outbreak_letter(person_id)`.execute(db);
  // The crisis picture counts cancelled visits per facility and day.
  await sql`create index visit_facility_start on visit(facility_id, starts_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index visit_facility_start`.execute(db);
  await sql`drop table outbreak_letter`.execute(db);
}
