import { type Insertable, type Kysely, sql } from 'kysely';
import type {
  Database,
  IntegrationMessageTable,
  JudgmentOffenceTable,
  JudgmentReactionTable,
  ReceiptStatus,
  SentenceTable,
  VictimTable,
} from '../../db/types.ts';
import { offsetOf, type PageRequest } from '../../shared/pagination.ts';

export type NewMessage = Pick<
  IntegrationMessageTable,
  | 'id'
  | 'message_key'
  | 'message_id'
  | 'contract_name'
  | 'contract_version'
  | 'channel'
  | 'transport'
  | 'key_id'
  | 'sender_organization'
  | 'sender_name'
  | 'sender_org_number'
  | 'received_by'
  | 'payload'
  | 'payload_sha256'
  | 'case_number'
> & { sent_at: string | null; received_at: Date; status: ReceiptStatus; receipt: string };

export interface MessageOutcome {
  status: ReceiptStatus;
  receipt: string;
  errors?: string;
  warnings?: string;
  contract_version?: string | null;
  processed_at: Date;
  person_id?: string | null;
  judgment_id?: string | null;
}

/**
 * The SQL condition "this message created a sentence that one of these facilities is responsible
 * for, is summoned to, or holds the person for now".
 */
function createdSentenceIn(facilityIds: readonly string[]) {
  const ids = sql.join(facilityIds.map((id) => sql`${id}::uuid`));
  return sql<boolean>`exists (
    select 1 from judgment_reaction r join sentence s on s.id = r.sentence_id
    where r.message_id = m.id
      and (s.responsible_facility_id in (${ids}) or s.appearance_facility_id in (${ids})
        or exists (select 1 from placement pl where pl.sentence_id = s.id and pl.to_date is null
                   and pl.facility_id in (${ids})))
  )`;
}

const SUMMARY_COLUMNS = [
  'm.id',
  'm.message_id',
  'm.contract_name',
  'm.contract_version',
  'm.channel',
  'm.transport',
  'm.key_id',
  'm.sender_organization',
  'm.sender_name',
  'm.sent_at',
  'm.received_at',
  'm.processed_at',
  'm.attempts',
  'm.status',
  'm.case_number',
  'm.person_id',
  'm.judgment_id',
  'p.given_name',
  'p.family_name',
] as const;

export function createIntegrationRepository(db: Kysely<Database>) {
  return {
    /** Claims a message key: the new row's id, or undefined when the key is taken. */
    async claim(row: NewMessage): Promise<string | undefined> {
      const inserted = await db
        .insertInto('integration_message')
        .values(row)
        .onConflict((oc) => oc.column('message_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted?.id;
    },

    byKey(key: string) {
      return db
        .selectFrom('integration_message')
        .selectAll()
        .where('message_key', '=', key)
        .executeTakeFirst();
    },

    /** Counts one more arrival of a message already received. */
    countArrival(id: string) {
      return db
        .updateTable('integration_message')
        .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('id', '=', id)
        .execute();
    },

    /**
     * Takes over a message to process it again: one that failed on our side, or one left "under
     * receipt" by a process that stopped before `staleBefore`. Undefined when another has it.
     */
    async reclaim(id: string, receipt: string, staleBefore: Date, now: Date): Promise<string | undefined> {
      const row = await db
        .updateTable('integration_message')
        .set((eb) => ({
          status: 'UNDER_MOTTAK',
          receipt,
          received_at: now,
          attempts: eb('attempts', '+', 1),
        }))
        .where('id', '=', id)
        .where((eb) =>
          eb.or([
            eb('status', '=', 'FEILET_MOTTAKER'),
            eb.and([eb('status', '=', 'UNDER_MOTTAK'), eb('received_at', '<', staleBefore)]),
          ]),
        )
        .returning('id')
        .executeTakeFirst();
      return row?.id;
    },

    finish(id: string, outcome: MessageOutcome) {
      return db.updateTable('integration_message').set(outcome).where('id', '=', id).execute();
    },

    /** The judgment with this case number, if Varde has one. */
    judgmentByCase(caseNumber: string) {
      return db
        .selectFrom('judgment')
        .select('id')
        .where(sql<boolean>`upper(case_number) = upper(${caseNumber})`)
        .executeTakeFirst();
    },

    /** Facilities open on a date with their number of beds, for choosing the responsible one. */
    openFacilities(asOf: string) {
      return db
        .selectFrom('facility as f')
        .select([
          'f.id',
          'f.code',
          'f.name',
          'f.kind',
          'f.municipality',
          sql<number>`(select count(*)::int from bed b join cell c on c.id = b.cell_id
                       join department d on d.id = c.department_id where d.facility_id = f.id)`.as('beds'),
        ])
        .where('f.valid_from', '<=', asOf)
        .where((eb) => eb.or([eb('f.valid_to', 'is', null), eb('f.valid_to', '>', asOf)]))
        .execute();
    },

    /** Finds the person by identity number, or creates them; safe against a concurrent creation. */
    async findOrCreatePerson(row: {
      id: string;
      national_id: string;
      national_id_kind: 'fnr' | 'dnr' | 'synthetic';
      given_name: string;
      family_name: string;
      search_name: string;
      birth_date: string;
      gender: 'female' | 'male';
    }) {
      const created = await db
        .insertInto('person')
        .values(row)
        .onConflict((oc) => oc.column('national_id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (created)
        return { id: created.id, created: true, givenName: row.given_name, familyName: row.family_name };
      const existing = await db
        .selectFrom('person')
        .select(['id', 'given_name', 'family_name'])
        .where('national_id', '=', row.national_id)
        .executeTakeFirstOrThrow();
      return {
        id: existing.id,
        created: false,
        givenName: existing.given_name,
        familyName: existing.family_name,
      };
    },

    insertJudgment(row: Insertable<Database['judgment']>) {
      return db.insertInto('judgment').values(row).execute();
    },

    async insertOffences(rows: Insertable<JudgmentOffenceTable>[]) {
      if (rows.length > 0) await db.insertInto('judgment_offence').values(rows).execute();
    },

    async insertVictims(rows: Insertable<VictimTable>[]) {
      if (rows.length > 0) await db.insertInto('victim').values(rows).execute();
    },

    async insertReactions(rows: Insertable<JudgmentReactionTable>[]) {
      if (rows.length > 0) await db.insertInto('judgment_reaction').values(rows).execute();
    },

    /** Queued sentences and their first event. */
    async insertQueuedSentences(
      rows: Omit<SentenceTable, 'version'>[],
      event: { on_date: string; user_id: string },
    ) {
      if (rows.length === 0) return;
      await db.insertInto('sentence').values(rows).execute();
      await db
        .insertInto('sentence_event')
        .values(
          rows.map((s) => ({
            sentence_id: s.id,
            status: 'queued' as const,
            on_date: event.on_date,
            reason: null,
            facility_id: s.responsible_facility_id,
            user_id: event.user_id,
          })),
        )
        .execute();
    },

    /** One page of messages, newest first, limited to a scope (null: national; []: nothing). */
    async list(scope: string[] | null, filter: { status?: ReceiptStatus | undefined }, page: PageRequest) {
      if (scope !== null && scope.length === 0) return [];
      let query = db
        .selectFrom('integration_message as m')
        .leftJoin('person as p', 'p.id', 'm.person_id')
        .select([
          ...SUMMARY_COLUMNS,
          sql<number>`(select count(*)::int from judgment_reaction r where r.message_id = m.id and r.sentence_id is not null)`.as(
            'sentence_count',
          ),
          sql<number>`count(*) over ()::int`.as('total'),
        ]);
      if (filter.status) query = query.where('m.status', '=', filter.status);
      if (scope !== null) query = query.where(createdSentenceIn(scope));
      return query
        .orderBy('m.received_at', 'desc')
        .orderBy('m.id', 'desc')
        .limit(page.pageSize)
        .offset(offsetOf(page))
        .execute();
    },

    one(id: string) {
      return db
        .selectFrom('integration_message as m')
        .leftJoin('person as p', 'p.id', 'm.person_id')
        .select([
          ...SUMMARY_COLUMNS,
          'm.receipt',
          'm.errors',
          'm.warnings',
          'm.payload',
          sql<number>`(select count(*)::int from judgment_reaction r where r.message_id = m.id and r.sentence_id is not null)`.as(
            'sentence_count',
          ),
        ])
        .where('m.id', '=', id)
        .executeTakeFirst();
    },

    /** Whether the message is visible to a scope (null: national). */
    async inScope(id: string, scope: string[] | null): Promise<boolean> {
      if (scope === null) return true;
      if (scope.length === 0) return false;
      const row = await db
        .selectFrom('integration_message as m')
        .select('m.id')
        .where('m.id', '=', id)
        .where(createdSentenceIn(scope))
        .executeTakeFirst();
      return row !== undefined;
    },

    reactions(messageId: string) {
      return db
        .selectFrom('judgment_reaction as r')
        .leftJoin('sentence as s', 's.id', 'r.sentence_id')
        .leftJoin('facility as f', 'f.id', 's.responsible_facility_id')
        .select([
          'r.kind',
          'r.executed',
          'r.term_days',
          'r.conditional_days',
          'r.probation_days',
          'r.deduction_days',
          'r.substitute_days',
          'r.hours',
          'r.amount_nok',
          'r.electronic_control',
          'r.electronic_control_days',
          'r.indefinite',
          'r.legal_basis',
          'r.description',
          's.id as sentenceId',
          's.kind as sentenceKind',
          's.status as sentenceStatus',
          's.term_days as sentenceTermDays',
          's.hours as sentenceHours',
          's.substitute_days as sentenceSubstituteDays',
          'f.id as facilityId',
          'f.name as facilityName',
        ])
        .where('r.message_id', '=', messageId)
        .orderBy('r.position')
        .execute();
    },

    async counts(messageId: string) {
      const row = await db
        .selectFrom('judgment_offence as o')
        .select([
          sql<number>`count(*)::int`.as('offences'),
          sql<number>`(select count(*)::int from victim v where v.offence_id in (select id from judgment_offence where message_id = ${messageId}))`.as(
            'victims',
          ),
        ])
        .where('o.message_id', '=', messageId)
        .executeTakeFirst();
      return { offences: row?.offences ?? 0, victims: row?.victims ?? 0 };
    },
  };
}

export type IntegrationRepository = ReturnType<typeof createIntegrationRepository>;
