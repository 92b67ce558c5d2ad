import { type Kysely, sql } from 'kysely';

// The release decision (løslatelsesvedtak) per sentence: the form of release and its date, the
// conditions set, the arrangement at the gate, who is notified, the justification, and what it
// rests on as it was (the assessment and its release risk, the reasons it is significant for
// public safety, the checklist items still open). Versioned: a change is a new row with the next
// number, the one before marked superseded; one current decision per sentence, and a decision of
// significance for public safety never without its justification and assessment.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table release_decision (
      id uuid primary key,
      person_id uuid not null references person(id),
      sentence_id uuid not null references sentence(id),
      number integer not null check (number > 0),
      status text not null check (status in ('current', 'superseded')),
      form text not null check (form in ('parole', 'term_end', 'early_release_crisis')),
      release_date date not null,
      key_date date,
      conditions text[] not null default '{}',
      statutory_conditions text[] not null default '{}',
      gate text not null check (gate in ('alone', 'network', 'escorted', 'police')),
      notify_victim boolean not null,
      notify_police boolean not null,
      justification text,
      assessment_id uuid references risk_assessment(id),
      release_risk text check (release_risk in ('low', 'moderate', 'high')),
      significant boolean not null,
      significance text[] not null default '{}',
      victims integer not null default 0,
      open_items jsonb not null default '[]',
      decided_by uuid references app_user(id),
      decided_by_name text not null,
      decided_at timestamptz not null default now(),
      unique (sentence_id, number),
      check (not significant or (assessment_id is not null and length(trim(coalesce(justification, ''))) > 0)),
      check (form <> 'term_end' or cardinality(conditions) = 0)
    )`.execute(db);
  await sql`create unique index release_decision_one_current on release_decision(sentence_id)
    where status = 'current'`.execute(db);
  await sql`create index release_decision_person on release_decision(person_id)`.execute(db);
}
