import { type Kysely, sql } from 'kysely';

// Messages from the justice sector (ESAS): every message received and the receipt it got, and
// what an execution order (fullbyrdelsesordre) brings besides the person, the judgment and the
// queued sentences: the judgment's reactions as the order states them, its offences, and the
// victims (kept for notification of leave and release).
export async function up(db: Kysely<unknown>): Promise<void> {
  // The system user machine messages act as (audit, sentence events); inactive, so it can never
  // sign in. Its id is ESAS_INBOX_USER_ID in modules/integration/system-principal.ts.
  await sql`
    insert into app_user (id, username, display_name, password_hash, roles, scope_kind, scope_ids, active)
    values ('00000000-0000-4000-8000-00000000e5a5', 'esas-inbox', 'ESAS-innboks', '!system-user-never-signs-in',
            '{}', 'national', '{}', false)`.execute(db);

  await sql`
    create table integration_message (
      id uuid primary key,
      -- What makes two arrivals "the same message": the message id (meldingsId, lower case) when it
      -- could be read from a trusted message, else the SHA-256 of the bytes received.
      message_key text not null unique,
      message_id text,
      contract_name text not null,
      contract_version text,
      channel text not null check (channel in ('inbox','manual','folder')),
      transport text not null check (transport in ('jws','json')),
      key_id text,
      sender_organization text,
      sender_name text,
      sender_org_number text,
      sent_at timestamptz,
      received_at timestamptz not null default now(),
      processed_at timestamptz,
      received_by uuid not null references app_user(id),
      attempts integer not null default 1 check (attempts > 0),
      status text not null check (status in (
        'UNDER_MOTTAK','MOTTATT','FEILET_AVSENDER_TEKNISK','FEILET_AVSENDER_MANGLER','FEILET_MOTTAKER')),
      receipt jsonb not null,
      errors jsonb not null default '[]',
      warnings jsonb not null default '[]',
      payload text not null,
      payload_sha256 text not null,
      case_number text,
      person_id uuid references person(id),
      judgment_id uuid references judgment(id),
      check (status <> 'MOTTATT' or (person_id is not null and judgment_id is not null))
    )`.execute(db);
  await sql`create index integration_message_received on integration_message(received_at desc, id desc)`.execute(
    db,
  );
  await sql`create index integration_message_status on integration_message(status, received_at desc)`.execute(
    db,
  );
  await sql`create index integration_message_person on integration_message(person_id)`.execute(db);
  await sql`create index integration_message_judgment on integration_message(judgment_id)`.execute(db);

  await sql`
    create table judgment_offence (
      id uuid primary key,
      judgment_id uuid not null references judgment(id),
      message_id uuid not null references integration_message(id),
      position integer not null,
      basis_case_id text,
      legal_reference text not null,
      statute_id text,
      description text,
      max_penalty_months integer,
      police_case_number text not null,
      statistics_group_code text not null,
      statistics_group_name text,
      crime_type_code text,
      crime_type_name text,
      details jsonb not null,
      unique (judgment_id, position)
    )`.execute(db);

  // One row per reaction the order states. A reaction the service executes has its queued sentence.
  await sql`
    create table judgment_reaction (
      id uuid primary key,
      judgment_id uuid not null references judgment(id),
      message_id uuid not null references integration_message(id),
      position integer not null,
      kind text not null check (kind in (
        'prison','fine','community','youth','loss_of_rights','contact_ban','driving_ban',
        'transport_ban','confiscation','other')),
      executed boolean not null,
      sentence_id uuid references sentence(id),
      term_days integer,
      conditional_days integer,
      probation_days integer,
      deduction_days integer,
      substitute_days integer,
      hours integer,
      amount_nok bigint,
      electronic_control boolean not null default false,
      electronic_control_days integer,
      indefinite boolean not null default false,
      legal_basis text,
      description text,
      details jsonb not null,
      unique (judgment_id, position),
      check (not executed or sentence_id is not null)
    )`.execute(db);
  await sql`create index judgment_reaction_sentence on judgment_reaction(sentence_id) where sentence_id is not null`.execute(
    db,
  );
  await sql`create index judgment_reaction_message on judgment_reaction(message_id)`.execute(db);

  await sql`
    create table victim (
      id uuid primary key,
      judgment_id uuid not null references judgment(id),
      offence_id uuid not null references judgment_offence(id),
      message_ref text not null,
      given_name text not null,
      family_name text not null,
      birth_date date,
      gender text check (gender in ('female','male')),
      national_id text,
      address_protection text check (address_protection in ('KLIENT_ADRESSE','FORTROLIG','STRENGT_FORTROLIG')),
      address jsonb,
      guardians jsonb not null default '[]'
    )`.execute(db);
  await sql`create index victim_judgment on victim(judgment_id)`.execute(db);
}
