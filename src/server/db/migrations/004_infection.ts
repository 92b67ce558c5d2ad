import { type Kysely, sql } from 'kysely';

// The infection situation: the 14-day incidence per 100,000 inhabitants per municipality and date,
// the indicator the Norwegian Institute of Public Health (Folkehelseinstituttet, FHI) reports, and
// the thresholds that turn it into a level (green / yellow / red) and a trend (rising / stable /
// falling). The thresholds have validity periods and are configurable; the migration seeds the
// defaults: yellow from 20, red from 50 per 100,000 over 14 days; rising when the value is at least
// 20 % above the value 7 days before (falling when at least 20 % below). Aggregate public-health
// data: no personal data.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table infection_level (
      id uuid primary key,
      municipality text not null check (length(trim(municipality)) > 0),
      on_date date not null,
      incidence_14d double precision not null check (incidence_14d >= 0),
      source text not null check (source in ('manual', 'import', 'demo')),
      entered_by uuid references app_user(id),
      entered_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index infection_level_municipality_date on infection_level(lower(municipality), on_date)`.execute(
    db,
  );
  await sql`create index infection_level_date on infection_level(on_date)`.execute(db);

  await sql`
    create table infection_threshold (
      id uuid primary key,
      valid_from date not null,
      valid_to date,
      yellow_from double precision not null check (yellow_from > 0),
      red_from double precision not null,
      rising_percent double precision not null check (rising_percent > 0),
      compare_days integer not null check (compare_days between 1 and 28),
      source text not null,
      check (red_from > yellow_from),
      check (valid_to is null or valid_to > valid_from)
    )`.execute(db);
  await sql`
    insert into infection_threshold (id, valid_from, valid_to, yellow_from, red_from, rising_percent, compare_days, source)
    values ('6f1c3a52-9a7e-4c1b-8f2d-4e5a6b7c8d90', '2020-01-01', null, 20, 50, 20, 7,
      'Standardverdier, kan endres: 14-dagers insidens per 100 000 innbyggere (Folkehelseinstituttet). Gul fra 20, rød fra 50; stigende ved minst 20 % over verdien 7 dager før.')
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table infection_threshold`.execute(db);
  await sql`drop table infection_level`.execute(db);
}
