import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { CHECKLIST_AREAS, type ChecklistArea } from '../../domain/activities.ts';
import {
  checkRelease,
  keyDateFor,
  proposeRelease,
  type ReleaseCondition,
  type ReleaseFacts,
  type SignificanceReason,
  statutoryConditions,
} from '../../domain/release.ts';
import { computeFlags, type NeedLevel, type RiskLevel } from '../../domain/risk.ts';
import { assertPersonInScope, facilitiesInScope, type Principal } from '../../shared/access.ts';
import { audit } from '../../shared/audit.ts';
import type { Clock } from '../../shared/clock.ts';
import { errors, isUniqueViolation } from '../../shared/errors.ts';
import { createAssessmentsRepository } from '../assessments/assessments.repository.ts';
import { createLeaveRepository } from '../leave/leave.repository.ts';
import { createReleaseRepository, type DecisionRow } from './release.repository.ts';
import type { CreateBody, DecisionView } from './release.schemas.ts';

const PURPOSE = 'release';
/** A sentence in these states is not being served: no release decision is made on it. */
const NOT_SERVED = ['queued', 'summoned', 'postponed', 'released'];

type OpenItem = {
  area: ChecklistArea;
  status: 'open' | 'in_progress';
  owner: string;
  dueDate: string | null;
};

const byArea = (a: { area: string }, b: { area: string }) =>
  CHECKLIST_AREAS.indexOf(a.area as ChecklistArea) - CHECKLIST_AREAS.indexOf(b.area as ChecklistArea);

function decisionView(row: DecisionRow): DecisionView {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    form: row.form,
    releaseDate: row.release_date,
    keyDate: row.key_date,
    conditions: row.conditions as ReleaseCondition[],
    statutoryConditions: row.statutory_conditions as DecisionView['statutoryConditions'],
    gate: row.gate,
    notifyVictim: row.notify_victim,
    notifyPolice: row.notify_police,
    justification: row.justification,
    assessment: row.assessment_id
      ? { id: row.assessment_id, number: row.assessment_number, releaseRisk: row.release_risk }
      : null,
    significant: row.significant,
    significance: row.significance as SignificanceReason[],
    victims: row.victims,
    openItems: row.open_items as OpenItem[],
    decidedBy: row.decided_by_name,
    decidedAt: new Date(row.decided_at).toISOString(),
  };
}

export function createReleaseService(db: Kysely<Database>, clock: Clock) {
  const repo = createReleaseRepository(db);

  /**
   * The sentence and its person, after checking the scope as the checklist does: the person in the
   * caller's scope, or, once released and no longer linked to a facility, the checklist's facility.
   */
  async function scoped(principal: Principal, sentenceId: string, today: string) {
    const sentence = await repo.sentence(sentenceId);
    if (!sentence) throw errors.notFound('sentence');
    await assertPersonInScope(db, principal, sentence.person_id, today).catch(async (error) => {
      const checklist = await repo.checklist(sentenceId);
      const facilities = await facilitiesInScope(db, principal, today);
      if (!checklist || (facilities !== null && !facilities.includes(checklist.facilityId))) throw error;
    });
    return sentence;
  }

  /** What the decision rests on, read in the caller's transaction: assessment, flags, victims, open items. */
  async function factsOf(
    q: Kysely<Database>,
    sentence: { id: string; person_id: string; birth_date: string },
    today: string,
  ) {
    const assessments = createAssessmentsRepository(q);
    const [current, judgment, victims, dates, checklist] = await Promise.all([
      assessments.current(sentence.person_id, q),
      assessments.judgmentFacts(sentence.person_id),
      createLeaveRepository(q).victims(sentence.person_id, q),
      repo.keyDates(sentence.person_id, q),
      repo.checklist(sentence.id, q),
    ]);
    const ratings = current ? await assessments.ratings([current.id], q) : [];
    const releaseRisk = (ratings.find((r) => r.purpose === 'release')?.level ?? null) as RiskLevel | null;
    const needs = (current?.needs ?? []) as { area: string; level: NeedLevel }[];
    const flags = computeFlags({
      asOf: today,
      birthDate: sentence.birth_date,
      offences: judgment.offences,
      sentenceKinds: judgment.sentenceKinds,
      recorded: current
        ? {
            organisedCriteria: current.organised_criteria,
            networkCrime: current.network_crime,
            mentalIllnessRisk: current.mental_illness_risk,
            interpreterLanguage: current.interpreter_language,
            infoflyt: current.infoflyt,
          }
        : null,
    });
    const facts: ReleaseFacts = {
      assessmentId: current?.id ?? null,
      releaseRisk,
      flags: flags.map((f) => f.code),
      victims,
      substanceUse: needs.find((n) => n.area === 'substance_use')?.level ?? null,
    };
    const openItems: OpenItem[] = (checklist?.open ?? [])
      .map((i) => ({
        area: i.area as ChecklistArea,
        status: i.status as OpenItem['status'],
        owner: i.owner,
        dueDate: i.due_date,
      }))
      .sort(byArea);
    return { facts, dates, openItems, current };
  }

  async function decisionsOf(sentence: {
    id: string;
    person_id: string;
    given_name: string;
    family_name: string;
  }) {
    const rows = await repo.decisions(sentence.id);
    const current = rows.find((r) => r.status === 'current');
    return {
      sentenceId: sentence.id,
      person: { id: sentence.person_id, name: `${sentence.given_name} ${sentence.family_name}` },
      current: current ? decisionView(current) : null,
      history: rows.filter((r) => r.status !== 'current').map(decisionView),
    };
  }

  return {
    /** The current decision on the sentence and the ones it superseded. */
    async decisions(principal: Principal, sentenceId: string) {
      const today = clock.today();
      const sentence = await scoped(principal, sentenceId, today);
      const out = await decisionsOf(sentence);
      await audit(db, principal, {
        action: 'release.decision.read',
        personId: sentence.person_id,
        purpose: PURPOSE,
        details: { sentenceId },
      });
      return out;
    },

    /**
     * What a decision made today would rest on and what the assessment proposes: the key dates,
     * the assessment and its release risk, whether the decision is significant for public safety
     * and why, the conditions proposed (least restrictive first), who to notify and the checklist's
     * open items. Reads only.
     */
    async proposal(principal: Principal, sentenceId: string) {
      const today = clock.today();
      const sentence = await scoped(principal, sentenceId, today);
      const [{ facts, dates, openItems, current }, rows] = await Promise.all([
        factsOf(db, sentence, today),
        repo.decisions(sentenceId),
      ]);
      const proposed = proposeRelease(facts);
      const s = checkRelease(
        {
          form: 'term_end',
          releaseDate: today,
          conditions: [],
          notifyVictim: true,
          notifyPolice: false,
          justification: null,
        },
        dates,
        facts,
      );
      await audit(db, principal, {
        action: 'release.decision.read',
        personId: sentence.person_id,
        purpose: PURPOSE,
        details: { sentenceId, proposal: true },
      });
      return {
        sentenceId,
        person: { id: sentence.person_id, name: `${sentence.given_name} ${sentence.family_name}` },
        today,
        decidable: !NOT_SERVED.includes(sentence.status),
        currentVersion: rows.find((r) => r.status === 'current')?.number ?? null,
        keyDates: dates,
        assessment: current
          ? {
              id: current.id,
              number: current.number,
              assessedOn: current.assessed_on,
              releaseRisk: facts.releaseRisk,
            }
          : null,
        significant: s.significant,
        significance: s.reasons,
        victims: facts.victims,
        conditions: proposed.conditions,
        notifyVictim: proposed.notifyVictim,
        notifyPolice: proposed.notifyPolice,
        openItems,
      };
    },

    /**
     * A decision, or a change to the current one (a new version; the one before is kept,
     * superseded). Checked against the key dates and the assessment as they are now, in the same
     * transaction as the write; the facts are stored as they were.
     */
    async decide(principal: Principal, body: CreateBody) {
      const today = clock.today();
      const sentence = await scoped(principal, body.sentenceId, today);
      const justification = body.justification?.trim() || null;
      const conditions = [...new Set(body.conditions)];
      const id = randomUUID();
      try {
        await db.transaction().execute(async (trx) => {
          await repo.lockSentence(trx, sentence.id);
          const rows = await repo.decisions(sentence.id, trx);
          const current = rows.find((r) => r.status === 'current');
          if ((current?.number ?? null) !== body.expectedVersion) throw errors.conflict('stale_version');
          if (NOT_SERVED.includes(sentence.status)) throw errors.conflict('release_no_sentence');
          const { facts, dates, openItems } = await factsOf(trx, sentence, today);
          const check = checkRelease(
            {
              form: body.form,
              releaseDate: body.releaseDate,
              conditions,
              notifyVictim: body.notifyVictim,
              notifyPolice: body.notifyPolice,
              justification,
            },
            dates,
            facts,
          );
          if (check.problems.length > 0) throw errors.validation(check.problems);
          if (current) await repo.supersede(trx, current.id);
          await repo.insert(trx, {
            id,
            person_id: sentence.person_id,
            sentence_id: sentence.id,
            number: (rows[0]?.number ?? 0) + 1,
            status: 'current',
            form: body.form,
            release_date: body.releaseDate,
            key_date: keyDateFor(body.form, dates),
            conditions,
            statutory_conditions: statutoryConditions(body.form),
            gate: body.gate,
            notify_victim: body.notifyVictim,
            notify_police: body.notifyPolice,
            justification,
            assessment_id: facts.assessmentId,
            release_risk: facts.releaseRisk,
            significant: check.significant,
            significance: check.reasons,
            victims: facts.victims,
            open_items: JSON.stringify(openItems),
            decided_by: principal.userId,
            decided_by_name: principal.displayName,
          });
          await audit(trx, principal, {
            action: 'release.decision.create',
            personId: sentence.person_id,
            purpose: PURPOSE,
            details: {
              sentenceId: sentence.id,
              decisionId: id,
              number: (rows[0]?.number ?? 0) + 1,
              form: body.form,
              releaseDate: body.releaseDate,
              significant: check.significant,
              openItems: openItems.length,
            },
          });
        });
      } catch (error) {
        // Two decisions on one sentence at once: the database keeps one current, the other is stale.
        if (isUniqueViolation(error, 'release_decision')) throw errors.conflict('stale_version');
        throw error;
      }
      return decisionsOf(sentence);
    },
  };
}

export type ReleaseService = ReturnType<typeof createReleaseService>;
