import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { Database, PlanGoalTable } from '../../db/types.ts';
import { addDays } from '../../domain/calendar.ts';
import { daysSinceIntake, referralAreaFor, reviewState } from '../../domain/plan-links.ts';
import {
  checkGoals,
  differences,
  type GoalStatus,
  placementKind,
  planReviewDate,
  progressionPath,
  type VersionContent,
} from '../../domain/plans.ts';
import type { NeedArea, NeedLevel, RestrictionKind, RiskLevel } from '../../domain/risk.ts';
import { assertPersonInScope, facilitiesInScope, type Principal } from '../../shared/access.ts';
import { audit, auditMany } from '../../shared/audit.ts';
import type { Clock } from '../../shared/clock.ts';
import { errors, type FieldError, isUniqueViolation } from '../../shared/errors.ts';
import { createPlansRepository, type GoalRow, type VersionRow } from './plans.repository.ts';
import type {
  AgreementBody,
  ContentBody,
  DraftBody,
  Overview,
  PlanVersionView,
  ReviewsDue,
} from './plans.schemas.ts';

const PURPOSE = 'plan';
const iso = (d: Date | string) => new Date(d).toISOString();
type Need = { area: NeedArea; level: NeedLevel; note: string };

export function createPlansService(db: Kysely<Database>, clock: Clock) {
  const repo = createPlansRepository(db);

  async function scopedPerson(principal: Principal, personId: string) {
    const person = await repo.person(personId);
    if (!person) throw errors.notFound('person');
    await assertPersonInScope(db, principal, personId, clock.today());
    return person;
  }

  function versionView(v: VersionRow, goals: GoalRow[], status: Map<string, GoalStatus>): PlanVersionView {
    return {
      id: v.id,
      number: v.number,
      status: v.status,
      version: v.version,
      assessmentId: v.assessment_id,
      personCommitments: v.person_commitments,
      serviceCommitments: v.service_commitments,
      goals: goals
        .filter((g) => g.version_id === v.id)
        .map((g) => ({
          key: g.goal_key,
          needArea: g.need_area as NeedArea,
          needJustification: g.need_justification,
          description: g.description,
          activities: g.activities,
          responsible: g.responsible,
          startDate: g.start_date,
          dueDate: g.due_date,
          status: status.get(g.goal_key) ?? 'open',
        })),
      createdBy: v.created_by_name,
      createdAt: iso(v.created_at),
      decidedOn: v.decided_on,
      personSignature: v.person_signature,
      officerSignature: v.officer_signature,
      refusalReason: v.refusal_reason,
    };
  }

  function content(v: PlanVersionView): VersionContent {
    return {
      personCommitments: v.personCommitments,
      serviceCommitments: v.serviceCommitments,
      goals: v.goals.map((g) => ({ ...g, needJustification: g.needJustification ?? null })),
    };
  }

  /** Everything about the person's plan, with the progression path as of today. No audit here. */
  async function build(personId: string): Promise<Overview> {
    const today = clock.today();
    const person = await repo.person(personId);
    if (!person) throw errors.notFound('person');
    const [sentence, assessment, restrictions, placement, keyDates] = await Promise.all([
      repo.currentSentence(personId),
      repo.currentAssessment(personId),
      repo.restrictionsInForce(personId, today),
      repo.placementNow(personId),
      repo.keyDates(personId),
    ]);
    const ratings = assessment ? await repo.ratings(assessment.id) : [];
    const plan = await repo.planOf(personId, sentence?.id ?? null);
    const versions = plan ? await repo.versions(plan.id) : [];
    const [goals, events, reviews, enrolments, referrals, facility] = await Promise.all([
      plan ? repo.goals(versions.map((v) => v.id)) : [],
      plan ? repo.goalEvents(plan.id) : [],
      plan ? repo.reviews(plan.id) : [],
      plan ? repo.goalEnrolments(plan.id) : [],
      plan ? repo.goalReferrals(plan.id) : [],
      repo.facilityNow(personId),
    ]);
    const status = new Map<string, GoalStatus>();
    for (const e of events) status.set(e.goal_key, e.status);
    const views = versions.map((v) => versionView(v, goals, status));
    const agreed = views.find((v) => v.status === 'agreed') ?? null;
    const draft = views.find((v) => v.status === 'draft') ?? null;
    const descriptions = new Map(goals.map((g) => [g.goal_key, g.description]));
    const numbers = new Map(versions.map((v) => [v.id, v.number]));
    const kind = placementKind(
      placement ? { kind: placement.kind, facilityKind: placement.facility_kind } : null,
    );
    const risk = (purpose: string) =>
      (ratings.find((r) => r.purpose === purpose)?.level ?? undefined) as RiskLevel | undefined;
    const planGoals = (agreed ?? draft)?.goals ?? [];
    const path = progressionPath({
      today,
      placement: kind,
      keyDates: keyDates.map((k) => ({ key: k.key, date: k.on_date, status: k.status })),
      restrictions: restrictions.map((r) => r.kind as RestrictionKind),
      risks: {
        ...(risk('placement') && { placement: risk('placement') }),
        ...(risk('leave') && { leave: risk('leave') }),
        ...(risk('release') && { release: risk('release') }),
      },
      goals: planGoals.map((g) => ({ area: g.needArea, status: g.status })),
    });
    // Oldest first to compare each version with the one before it; shown newest first.
    const ascending = [...views].reverse();
    const history = ascending
      .map((v, i) => {
        const { goals: _goals, ...rest } = v;
        const before = ascending[i - 1];
        return { ...rest, differences: differences(before ? content(before) : null, content(v)) };
      })
      .reverse();
    return {
      person: { id: person.id, name: `${person.given_name} ${person.family_name}` },
      today,
      sentenceId: sentence?.id ?? null,
      assessment: assessment
        ? {
            id: assessment.id,
            number: assessment.number,
            assessedOn: assessment.assessed_on,
            needs: assessment.needs as Need[],
          }
        : null,
      plan: plan
        ? {
            id: plan.id,
            createdBy: plan.created_by_name,
            createdAt: iso(plan.created_at),
            nextReviewDate: plan.next_review_date,
            reviewDue: plan.next_review_date !== null && plan.next_review_date <= today,
          }
        : null,
      agreed,
      draft,
      history,
      goalEvents: events.map((e) => ({
        goalKey: e.goal_key,
        description: descriptions.get(e.goal_key) ?? '',
        status: e.status,
        reason: e.reason,
        by: e.by_name,
        at: iso(e.at),
      })),
      reviews: reviews.map((r) => ({
        id: r.id,
        occasion: r.occasion,
        reviewedOn: r.reviewed_on,
        note: r.note,
        nextReviewDate: r.next_review_date,
        versionNumber: numbers.get(r.version_id) ?? null,
        by: r.by_name,
      })),
      placement: kind,
      facility: facility ? { id: facility.id, name: facility.name } : null,
      links: [...new Map(goals.map((g) => [g.goal_key, g.need_area as NeedArea])).entries()].map(
        ([goalKey, area]) => ({
          goalKey,
          referralArea: referralAreaFor(area),
          activities: enrolments
            .filter((e) => e.goal_key === goalKey)
            .map((e) => ({
              enrolmentId: e.id,
              activity: { id: e.activity_id, name: e.activity_name },
              status: e.status,
              enrolledOn: e.enrolled_on,
              waitingPosition: e.position,
            })),
          referrals: referrals
            .filter((r) => r.goal_key === goalKey)
            .map((r) => ({
              id: r.id,
              partner: { id: r.partner_id, name: r.partner_name },
              needArea: r.need_area,
              status: r.status,
              answer: r.answer,
              sentOn: r.sent_on,
              answeredOn: r.answered_on,
            })),
        }),
      ),
      path,
    };
  }

  /** The goals as rows of a version, checked against the assessment's needs. */
  function goalRows(versionId: string, body: ContentBody, needs: readonly Need[]) {
    const problems: FieldError[] = checkGoals(body.goals, needs).map((p) => ({ path: p.path, code: p.code }));
    if (problems.length > 0) throw errors.validation(problems);
    const seen = new Set<string>();
    return body.goals.map((g, i): Insertable<PlanGoalTable> => {
      let key = g.key ?? randomUUID();
      if (seen.has(key)) key = randomUUID();
      seen.add(key);
      return {
        id: randomUUID(),
        version_id: versionId,
        goal_key: key,
        seq: i,
        need_area: g.needArea,
        need_justification: g.needJustification?.trim() || null,
        description: g.description,
        activities: g.activities,
        responsible: g.responsible,
        start_date: g.startDate ?? null,
        due_date: g.dueDate ?? null,
      };
    });
  }

  async function requireAssessment(trx: Kysely<Database>, personId: string) {
    const assessment = await repo.currentAssessment(personId, trx);
    if (!assessment) throw errors.conflict('assessment_missing');
    return { id: assessment.id, needs: assessment.needs as Need[] };
  }

  async function planInScope(principal: Principal, planId: string) {
    const plan = await repo.plan(planId);
    if (!plan) throw errors.notFound('plan');
    await scopedPerson(principal, plan.person_id);
    return plan;
  }

  return {
    /**
     * What a unit leader checks per facility: the plans of its inmates due for review within the
     * days asked (or overdue), and the inmates assessed but without a plan, with the days since
     * intake. Every person listed is audited.
     */
    async reviewsDue(
      principal: Principal,
      query: { facilityId?: string | undefined; withinDays: number },
    ): Promise<ReviewsDue> {
      const today = clock.today();
      const until = addDays(today, query.withinDays);
      const scope = await facilitiesInScope(db, principal, today);
      if (query.facilityId && scope !== null && !scope.includes(query.facilityId)) throw errors.forbidden();
      const facilities = await repo.facilities(scope);
      const facility = query.facilityId ? await repo.facility(query.facilityId) : undefined;
      if (query.facilityId && !facility) throw errors.notFound('facility');
      const rows = facility ? await repo.inmatesWithPlans(facility.id) : [];
      const name = (r: { given_name: string; family_name: string }) => `${r.given_name} ${r.family_name}`;
      const plans = rows.flatMap((r) => {
        if (!r.plan_id || !r.next_review_date) return [];
        const state = reviewState(r.next_review_date, today, query.withinDays);
        if (state !== 'overdue' && state !== 'due') return [];
        return [
          {
            planId: r.plan_id,
            person: { id: r.person_id, name: name(r) },
            agreedVersion: r.agreed_number,
            nextReviewDate: r.next_review_date,
            overdue: state === 'overdue',
          },
        ];
      });
      plans.sort(
        (a, b) => a.nextReviewDate.localeCompare(b.nextReviewDate) || a.planId.localeCompare(b.planId),
      );
      const withoutPlan = rows.flatMap((r) =>
        r.plan_id || !r.assessment_id || !r.assessed_on
          ? []
          : [
              {
                person: { id: r.person_id, name: name(r) },
                assessmentId: r.assessment_id,
                assessedOn: r.assessed_on,
                intakeDate: r.intake_date,
                daysSinceIntake: daysSinceIntake(r.intake_date, today),
              },
            ],
      );
      withoutPlan.sort(
        (a, b) => b.daysSinceIntake - a.daysSinceIntake || a.person.id.localeCompare(b.person.id),
      );
      await auditMany(db, principal, [
        ...plans.map((p) => ({
          action: 'plan.due.list' as const,
          personId: p.person.id,
          purpose: PURPOSE,
          details: { planId: p.planId, facilityId: facility?.id },
        })),
        ...withoutPlan.map((p) => ({
          action: 'plan.due.list' as const,
          personId: p.person.id,
          purpose: PURPOSE,
          details: { planId: null, facilityId: facility?.id },
        })),
      ]);
      return { today, until, facilities, facility: facility ?? null, plans, withoutPlan };
    },

    async overview(principal: Principal, personId: string) {
      await scopedPerson(principal, personId);
      const out = await build(personId);
      await audit(db, principal, {
        action: 'plan.read',
        personId,
        purpose: PURPOSE,
        details: { planId: out.plan?.id ?? null },
      });
      return out;
    },

    /** A plan for the sentence being executed, its first version a draft built on the current assessment. */
    async create(principal: Principal, personId: string, body: ContentBody) {
      await scopedPerson(principal, personId);
      const planId = randomUUID();
      const versionId = randomUUID();
      try {
        await db.transaction().execute(async (trx) => {
          await repo.lockPerson(trx, personId);
          const assessment = await requireAssessment(trx, personId);
          const sentence = await repo.currentSentence(personId, trx);
          if (!sentence) throw errors.conflict('plan_no_sentence');
          const goals = goalRows(versionId, body, assessment.needs);
          await repo.insertPlan(trx, {
            id: planId,
            person_id: personId,
            sentence_id: sentence.id,
            created_by: principal.userId,
            created_by_name: principal.displayName,
          });
          await repo.insertVersion(trx, {
            id: versionId,
            plan_id: planId,
            number: 1,
            status: 'draft',
            assessment_id: assessment.id,
            person_commitments: body.personCommitments,
            service_commitments: body.serviceCommitments,
            created_by: principal.userId,
            created_by_name: principal.displayName,
          });
          await repo.replaceGoals(trx, versionId, goals);
          await audit(trx, principal, {
            action: 'plan.create',
            personId,
            purpose: PURPOSE,
            details: { planId, versionId, sentenceId: sentence.id, assessmentId: assessment.id },
          });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw errors.conflict('plan_exists');
        throw error;
      }
      return build(personId);
    },

    /** Changes a draft (409 when it was changed meanwhile or is no longer a draft). */
    async updateDraft(principal: Principal, versionId: string, body: DraftBody) {
      const before = await repo.version(versionId);
      if (!before) throw errors.notFound('plan_version');
      const plan = await planInScope(principal, before.plan_id);
      await db.transaction().execute(async (trx) => {
        await repo.lockPlan(trx, plan.id);
        const row = await repo.version(versionId, trx);
        if (!row) throw errors.notFound('plan_version');
        if (row.status !== 'draft') throw errors.conflict('plan_version_not_draft');
        if (row.version !== body.version) throw errors.conflict('stale_version');
        const assessment = await requireAssessment(trx, plan.person_id);
        const goals = goalRows(versionId, body, assessment.needs);
        const ok = await repo.updateDraft(trx, versionId, body.version, {
          person_commitments: body.personCommitments,
          service_commitments: body.serviceCommitments,
          assessment_id: assessment.id,
        });
        if (!ok) throw errors.conflict('stale_version');
        await repo.replaceGoals(trx, versionId, goals);
        await audit(trx, principal, {
          action: 'plan.update',
          personId: plan.person_id,
          purpose: PURPOSE,
          details: { planId: plan.id, versionId, goals: goals.length },
        });
      });
      return build(plan.person_id);
    },

    /**
     * A new draft, a copy of the latest version the client names (409 when there is a newer one
     * or a draft already). Agreed versions are never changed: a change is a new version.
     */
    async newVersion(principal: Principal, planId: string, body: { basedOn: string }) {
      const plan = await planInScope(principal, planId);
      const id = randomUUID();
      try {
        await db.transaction().execute(async (trx) => {
          await repo.lockPlan(trx, planId);
          const versions = await repo.versions(planId, trx);
          const latest = versions[0];
          if (!latest || latest.id !== body.basedOn) throw errors.conflict('plan_stale');
          if (latest.status === 'draft') throw errors.conflict('plan_draft_exists');
          const assessment = await requireAssessment(trx, plan.person_id);
          const goals = await repo.goals([latest.id], trx);
          await repo.insertVersion(trx, {
            id,
            plan_id: planId,
            number: latest.number + 1,
            status: 'draft',
            assessment_id: assessment.id,
            person_commitments: latest.person_commitments,
            service_commitments: latest.service_commitments,
            created_by: principal.userId,
            created_by_name: principal.displayName,
          });
          await repo.replaceGoals(
            trx,
            id,
            goals.map((g) => ({ ...g, id: randomUUID(), version_id: id })),
          );
          await audit(trx, principal, {
            action: 'plan.version.create',
            personId: plan.person_id,
            purpose: PURPOSE,
            details: { planId, versionId: id, basedOn: latest.id, number: latest.number + 1 },
          });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw errors.conflict('plan_draft_exists');
        throw error;
      }
      return build(plan.person_id);
    },

    /**
     * The agreement: the person accepts (both sign, the earlier agreed version is superseded) or
     * refuses with a reason. Either way the version is fixed from then on.
     */
    async decide(principal: Principal, versionId: string, body: AgreementBody) {
      const today = clock.today();
      const before = await repo.version(versionId);
      if (!before) throw errors.notFound('plan_version');
      const plan = await planInScope(principal, before.plan_id);
      const problems: FieldError[] = [];
      if (body.decidedOn > today) problems.push({ path: 'decidedOn', code: 'plan_date_future' });
      const personSignature = body.personSignature?.trim() || null;
      const officerSignature = body.officerSignature?.trim() || null;
      const refusal = body.refusalReason?.trim() || null;
      if (body.accepted) {
        if (!personSignature) problems.push({ path: 'personSignature', code: 'plan_signature_required' });
        if (!officerSignature) problems.push({ path: 'officerSignature', code: 'plan_signature_required' });
      } else if (!refusal) problems.push({ path: 'refusalReason', code: 'plan_refusal_reason_required' });
      await db.transaction().execute(async (trx) => {
        await repo.lockPlan(trx, plan.id);
        const row = await repo.version(versionId, trx);
        if (!row) throw errors.notFound('plan_version');
        if (row.status !== 'draft') throw errors.conflict('plan_version_not_draft');
        if (row.version !== body.version) throw errors.conflict('stale_version');
        if (body.accepted) {
          const goals = await repo.goals([versionId], trx);
          if (goals.length === 0) problems.push({ path: 'goals', code: 'plan_goals_required' });
          if (!row.person_commitments.trim() || !row.service_commitments.trim())
            problems.push({ path: 'commitments', code: 'plan_commitments_required' });
        }
        if (problems.length > 0) throw errors.validation(problems);
        if (body.accepted) await repo.supersedeAgreed(trx, plan.id);
        const ok = await repo.decide(
          trx,
          versionId,
          body.version,
          {
            status: body.accepted ? 'agreed' : 'refused',
            decided_on: body.decidedOn,
            person_signature: body.accepted ? personSignature : null,
            officer_signature: body.accepted ? officerSignature : null,
            refusal_reason: body.accepted ? null : refusal,
          },
          clock.now(),
        );
        if (!ok) throw errors.conflict('stale_version');
        if (body.accepted) await repo.setNextReview(trx, plan.id, planReviewDate(body.decidedOn));
        await audit(trx, principal, {
          action: 'plan.agreement',
          personId: plan.person_id,
          purpose: PURPOSE,
          details: { planId: plan.id, versionId, number: row.number, accepted: body.accepted },
        });
      });
      return build(plan.person_id);
    },

    /** The follow-up of a goal of the agreed plan: reached, changed or dropped (with a reason), or open again. */
    async goalStatus(
      principal: Principal,
      planId: string,
      key: string,
      body: { status: GoalStatus; reason?: string | undefined },
    ) {
      const plan = await planInScope(principal, planId);
      const reason = body.reason?.trim() || null;
      if ((body.status === 'changed' || body.status === 'dropped') && !reason)
        throw errors.field('reason', 'plan_goal_reason_required');
      await db.transaction().execute(async (trx) => {
        await repo.lockPlan(trx, planId);
        const agreed = (await repo.versions(planId, trx)).find((v) => v.status === 'agreed');
        if (!agreed) throw errors.conflict('plan_not_agreed');
        const goals = await repo.goals([agreed.id], trx);
        if (!goals.some((g) => g.goal_key === key)) throw errors.field('key', 'plan_goal_unknown');
        await repo.insertGoalEvent(trx, {
          id: randomUUID(),
          plan_id: planId,
          goal_key: key,
          status: body.status,
          reason,
          by_user: principal.userId,
          by_name: principal.displayName,
        });
        await audit(trx, principal, {
          action: 'plan.goal.status',
          personId: plan.person_id,
          purpose: PURPOSE,
          details: { planId, goalKey: key, status: body.status },
        });
      });
      return build(plan.person_id);
    },

    /** A review of the agreed plan, scheduled or after an event; the next one three months on. */
    async review(
      principal: Principal,
      planId: string,
      body: { occasion: 'scheduled' | 'event'; reviewedOn: string; note: string },
    ) {
      const plan = await planInScope(principal, planId);
      if (body.reviewedOn > clock.today()) throw errors.field('reviewedOn', 'plan_date_future');
      const next = planReviewDate(body.reviewedOn);
      await db.transaction().execute(async (trx) => {
        await repo.lockPlan(trx, planId);
        const agreed = (await repo.versions(planId, trx)).find((v) => v.status === 'agreed');
        if (!agreed) throw errors.conflict('plan_not_agreed');
        await repo.insertReview(trx, {
          id: randomUUID(),
          plan_id: planId,
          version_id: agreed.id,
          occasion: body.occasion,
          reviewed_on: body.reviewedOn,
          note: body.note,
          next_review_date: next,
          by_user: principal.userId,
          by_name: principal.displayName,
        });
        await repo.setNextReview(trx, planId, next);
        await audit(trx, principal, {
          action: 'plan.review',
          personId: plan.person_id,
          purpose: PURPOSE,
          details: { planId, occasion: body.occasion, nextReviewDate: next },
        });
      });
      return build(plan.person_id);
    },
  };
}

export type PlansService = ReturnType<typeof createPlansService>;
