import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, ReleaseDecisionTable } from '../../db/types.ts';

export type DecisionRow = Selectable<ReleaseDecisionTable> & { assessment_number: number | null };

/** The key dates a release is measured against, as the engine stored them for the person. */
const RELEASE_KEYS = ['parole', 'term_end', 'crisis_early_release'] as const;

export function createReleaseRepository(db: Kysely<Database>) {
  return {
    /** The sentence with its person. */
    sentence(id: string, q: Kysely<Database> = db) {
      return q
        .selectFrom('sentence as s')
        .innerJoin('person as p', 'p.id', 's.person_id')
        .select([
          's.id',
          's.person_id',
          's.kind',
          's.status',
          'p.given_name',
          'p.family_name',
          'p.birth_date',
        ])
        .where('s.id', '=', id)
        .executeTakeFirst();
    },

    /** Locks the sentence's row: decisions on one sentence are made one at a time. */
    lockSentence(trx: Kysely<Database>, id: string) {
      return trx.selectFrom('sentence').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    },

    /** Every decision on the sentence, the newest first, with the number of the assessment behind it. */
    decisions(sentenceId: string, q: Kysely<Database> = db): Promise<DecisionRow[]> {
      return q
        .selectFrom('release_decision as d')
        .leftJoin('risk_assessment as a', 'a.id', 'd.assessment_id')
        .selectAll('d')
        .select('a.number as assessment_number')
        .where('d.sentence_id', '=', sentenceId)
        .orderBy('d.number', 'desc')
        .execute();
    },

    async keyDates(personId: string, q: Kysely<Database> = db) {
      const rows = await q
        .selectFrom('key_date')
        .select(['key', 'on_date', 'status'])
        .where('person_id', '=', personId)
        .where('key', 'in', RELEASE_KEYS)
        .execute();
      const date = (key: (typeof RELEASE_KEYS)[number]) => {
        const r = rows.find((k) => k.key === key);
        return r && r.status !== 'not_applicable' ? r.on_date : null;
      };
      return {
        parole: date('parole'),
        termEnd: date('term_end'),
        crisisEarlyRelease: date('crisis_early_release'),
      };
    },

    /** The items of the sentence's release checklist not yet settled, and the checklist's facility. */
    async checklist(sentenceId: string, q: Kysely<Database> = db) {
      const c = await q
        .selectFrom('release_checklist')
        .select(['id', 'facility_id'])
        .where('sentence_id', '=', sentenceId)
        .executeTakeFirst();
      if (!c) return null;
      const open = await q
        .selectFrom('release_checklist_item')
        .select(['area', 'status', 'owner', 'due_date'])
        .where('checklist_id', '=', c.id)
        .where('status', 'in', ['open', 'in_progress'])
        .execute();
      return { id: c.id, facilityId: c.facility_id, open };
    },

    supersede(trx: Kysely<Database>, id: string) {
      return trx
        .updateTable('release_decision')
        .set({ status: 'superseded' })
        .where('id', '=', id)
        .where('status', '=', 'current')
        .executeTakeFirst();
    },

    insert(trx: Kysely<Database>, row: Insertable<ReleaseDecisionTable>) {
      return trx.insertInto('release_decision').values(row).execute();
    },
  };
}

export type ReleaseRepository = ReturnType<typeof createReleaseRepository>;
