import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { addDays } from '../../domain/calendar.ts';
import {
  checkRestriction,
  computeFlags,
  type GateProblem,
  highestLevel,
  leaveGate,
  type NeedArea,
  type NeedLevel,
  proposeRestrictions,
  RESTRICTIONS,
  type RestrictionKind,
  type RiskLevel,
  type RiskPurpose,
  rateRisk,
  reviewDate,
  separationBreached,
} from '../../domain/risk.ts';
import { assertPersonInScope, facilitiesInScope, type Principal } from '../../shared/access.ts';
import { audit, auditMany } from '../../shared/audit.ts';
import type { Clock } from '../../shared/clock.ts';
import { errors, type FieldError, isUniqueViolation } from '../../shared/errors.ts';
import {
  type AssessmentRow,
  createAssessmentsRepository,
  type NonAssociationRow,
  type RatingRow,
  type RestrictionRow,
} from './assessments.repository.ts';
import type { AssessmentView, CreateBody, RestrictionView } from './assessments.schemas.ts';

const PURPOSE = 'assessment';

const iso = (d: Date | string) => new Date(d).toISOString();

// ── Used by other modules inside their own transactions ─────────────────────────────────────

/**
 * Refuses a bed that would put the person in the same cell, department or facility (by the
 * separation's level) as someone they are to be kept apart from. Names the rule, never the
 * other person. Admission from the queue and moves call it before they insert the placement.
 */
export async function assertSeparationRespected(
  trx: Kysely<Database>,
  personId: string,
  bedId: string,
  path: string,
): Promise<void> {
  const repo = createAssessmentsRepository(trx);
  const place = await repo.placeOfBed(trx, bedId);
  if (!place) return;
  for (const s of await repo.separationsPlaced(trx, personId)) {
    if (!s.facility_id || !s.department_id || !s.cell_id) continue;
    const other = { facilityId: s.facility_id, departmentId: s.department_id, cellId: s.cell_id };
    if (separationBreached(s.level, place, other)) throw errors.field(path, `non_association_${s.level}`);
  }
}

/** Refuses a visit in the same visiting time as a visit of someone kept apart at facility level. */
export async function assertNoSeparatedVisit(
  trx: Kysely<Database>,
  personId: string,
  slot: { facilityId: string; date: string; startTime: string; endTime: string },
): Promise<void> {
  const n = await createAssessmentsRepository(trx).separatedVisits(
    trx,
    personId,
    slot.facilityId,
    slot.date,
    slot.startTime,
    slot.endTime,
  );
  if (n > 0) throw errors.field('startTime', 'visit_non_association');
}

/**
 * What the person's assessment says about granting leave: restrictions on leave in force and the
 * leave risk of the current assessment. Returns the problems (422 fields) and the assessment the
 * decision rests on, to be stored with it.
 */
export async function leaveAssessmentGate(
  trx: Kysely<Database>,
  personId: string,
  on: string,
  decision: { granted: boolean; escorted: boolean; justification: string | null },
): Promise<{ assessmentId: string | null; significant: boolean; problems: GateProblem[] }> {
  const facts = await leaveRiskFacts(trx, personId, on);
  const gate = leaveGate({ leaveRisk: facts.leaveRisk, restrictions: facts.restrictions, ...decision });
  return { assessmentId: facts.assessment?.id ?? null, ...gate };
}

/** The current assessment (id and date), its leave risk and the leave restrictions in force on a day. */
async function leaveRiskFacts(q: Kysely<Database>, personId: string, on: string) {
  const repo = createAssessmentsRepository(q);
  const [current, inForce] = await Promise.all([repo.current(personId, q), repo.inForce(personId, on, q)]);
  const ratings = current ? await repo.ratings([current.id], q) : [];
  return {
    assessment: current ? { id: current.id, assessedOn: current.assessed_on } : null,
    leaveRisk: (ratings.find((r) => r.purpose === 'leave')?.level ?? null) as RiskLevel | null,
    restrictions: inForce.filter((r) => r.purpose === 'leave').map((r) => r.kind as RestrictionKind),
  };
}

/**
 * What a grant of this leave would be, shown before deciding: the assessment it would rest on, the
 * leave risk, the restrictions in force, whether a grant is a decision of significance for public
 * safety (and so needs its justification) and the restriction that refuses it, if any.
 */
export async function leaveSafety(q: Kysely<Database>, personId: string, on: string, escorted: boolean) {
  const facts = await leaveRiskFacts(q, personId, on);
  const gate = leaveGate({
    leaveRisk: facts.leaveRisk,
    restrictions: facts.restrictions,
    granted: true,
    escorted,
    justification: null,
  });
  const blocked = gate.problems.find((p) => p.path === 'outcome');
  return {
    assessment: facts.assessment,
    leaveRisk: facts.leaveRisk,
    restrictions: facts.restrictions,
    significantIfGranted: gate.significant,
    blockedBy: (blocked?.params?.restriction as RestrictionKind | undefined) ?? null,
  };
}

// ── The service ──────────────────────────────────────────────────────────────────────────────

export function createAssessmentsService(db: Kysely<Database>, clock: Clock) {
  const repo = createAssessmentsRepository(db);

  function ratingView(r: RatingRow) {
    return {
      purpose: r.purpose,
      probability: r.probability,
      consequence: r.consequence,
      score: r.probability * r.consequence,
      level: r.level,
      basis: r.basis,
      proposals: proposeRestrictions(r.purpose, r.level),
    };
  }

  function view(row: AssessmentRow, ratings: RatingRow[], today: string): AssessmentView {
    return {
      id: row.id,
      personId: row.person_id,
      number: row.number,
      status: row.status,
      occasion: row.occasion,
      eventDescription: row.event_description,
      assessedOn: row.assessed_on,
      reviewDate: row.review_date,
      reviewDue: row.status === 'current' && row.review_date <= today,
      informationSources: row.information_sources,
      needs: row.needs as AssessmentView['needs'],
      resources: row.resources,
      ratings: ratings
        .filter((r) => r.assessment_id === row.id)
        .sort((a, b) => RISK_ORDER.indexOf(a.purpose) - RISK_ORDER.indexOf(b.purpose))
        .map(ratingView),
      securityLevel: row.security_level,
      securityBasis: row.security_basis,
      organisedCriteria: row.organised_criteria,
      networkCrime: row.network_crime,
      mentalIllnessRisk: row.mental_illness_risk,
      interpreterLanguage: row.interpreter_language,
      infoflyt: row.infoflyt,
      createdBy: row.created_by_name,
      createdAt: iso(row.created_at),
      supersededBy: row.superseded_by,
    };
  }

  function restrictionView(r: RestrictionRow, numbers: Map<string, number>, today: string): RestrictionView {
    return {
      id: r.id,
      version: r.version,
      personId: r.person_id,
      kind: r.kind,
      purpose: r.purpose,
      rank: RESTRICTIONS[r.kind as RestrictionKind]?.rank ?? 0,
      assessmentId: r.assessment_id,
      assessmentNumber: numbers.get(r.assessment_id) ?? null,
      justification: r.justification,
      moreRestrictive: r.more_restrictive,
      necessityJustification: r.necessity_justification,
      validFrom: r.valid_from,
      createdBy: r.created_by_name,
      createdAt: iso(r.created_at),
      inForce: r.valid_from <= today && (r.lifted_on === null || r.lifted_on > today),
      lifted:
        r.lifted_on && r.lift_justification && r.lift_assessment_id
          ? {
              on: r.lifted_on,
              justification: r.lift_justification,
              assessmentId: r.lift_assessment_id,
              by: r.lifted_by_name ?? '',
            }
          : null,
    };
  }

  async function nonAssociationViews(principal: Principal, personId: string, rows: NonAssociationRow[]) {
    const today = clock.today();
    const visible = new Map<string, boolean>();
    for (const r of rows) {
      const otherId = r.person_id === personId ? r.other_person_id : r.person_id;
      if (!visible.has(otherId))
        visible.set(
          otherId,
          await assertPersonInScope(db, principal, otherId, today).then(
            () => true,
            () => false,
          ),
        );
    }
    return rows.map((r) => {
      const mine = r.person_id === personId;
      const otherId = mine ? r.other_person_id : r.person_id;
      return {
        id: r.id,
        version: r.version,
        other: { id: otherId, name: visible.get(otherId) ? (mine ? r.other_name : r.person_name) : null },
        level: r.level,
        reason: r.reason,
        note: r.note,
        createdBy: r.created_by_name,
        createdAt: iso(r.created_at),
        endedOn: r.ended_on,
      };
    });
  }

  async function one(principal: Principal, personId: string, id: string) {
    const rows = (await repo.nonAssociations(personId)).filter((r) => r.id === id);
    const [out] = await nonAssociationViews(principal, personId, rows);
    if (!out) throw errors.notFound('non_association');
    return out;
  }

  async function scopedPerson(principal: Principal, personId: string) {
    const person = await repo.person(personId);
    if (!person) throw errors.notFound('person');
    await assertPersonInScope(db, principal, personId, clock.today());
    return person;
  }

  /** The checks that need no database: each problem on its field, all at once. */
  function validate(body: CreateBody, today: string): FieldError[] {
    const problems: FieldError[] = [];
    if (body.assessedOn > today) problems.push({ path: 'assessedOn', code: 'assessment_date_future' });
    if (body.occasion === 'event' && !body.eventDescription?.trim())
      problems.push({ path: 'eventDescription', code: 'assessment_event_required' });
    if (body.securityLevel && !body.securityBasis?.trim())
      problems.push({ path: 'securityBasis', code: 'assessment_security_basis_required' });
    const seen = new Set<string>();
    body.ratings.forEach((r, i) => {
      if (seen.has(r.purpose))
        problems.push({ path: `ratings.${i}.purpose`, code: 'assessment_rating_duplicate' });
      seen.add(r.purpose);
      if (!r.basis?.trim())
        problems.push({ path: `ratings.${i}.basis`, code: 'assessment_rating_basis_required' });
    });
    return problems;
  }

  async function detail(principal: Principal, id: string) {
    const row = await repo.one(id);
    if (!row) throw errors.notFound('assessment');
    await assertPersonInScope(db, principal, row.person_id, clock.today());
    const ratings = await repo.ratings([row.id]);
    await audit(db, principal, {
      action: 'assessment.read',
      personId: row.person_id,
      purpose: PURPOSE,
      details: { assessmentId: id },
    });
    return view(row, ratings, clock.today());
  }

  return {
    /** The person's current assessment, its history, flags, restrictions and separations. */
    async overview(principal: Principal, personId: string) {
      const today = clock.today();
      const person = await scopedPerson(principal, personId);
      const [history, facts, restrictions, separations] = await Promise.all([
        repo.history(personId),
        repo.judgmentFacts(personId),
        repo.restrictions(personId),
        repo.nonAssociations(personId),
      ]);
      const current = history.find((h) => h.status === 'current') ?? null;
      const ratings = current ? await repo.ratings([current.id]) : [];
      const flags = computeFlags({
        asOf: today,
        birthDate: person.birth_date,
        offences: facts.offences,
        sentenceKinds: facts.sentenceKinds,
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
      const numbers = new Map(history.map((h) => [h.id, h.number]));
      const out = {
        person: {
          id: person.id,
          name: `${person.given_name} ${person.family_name}`,
          birthDate: person.birth_date,
        },
        today,
        current: current ? view(current, ratings, today) : null,
        history: history.map((h) => ({
          id: h.id,
          number: h.number,
          status: h.status,
          occasion: h.occasion,
          assessedOn: h.assessed_on,
          reviewDate: h.review_date,
          createdBy: h.created_by_name,
        })),
        flags,
        restrictions: restrictions
          .map((r) => restrictionView(r, numbers, today))
          .sort((a, b) => Number(b.inForce) - Number(a.inForce)),
        nonAssociations: await nonAssociationViews(principal, personId, separations),
      };
      await audit(db, principal, { action: 'assessment.read', personId, purpose: PURPOSE });
      return out;
    },

    detail,

    /**
     * A new assessment. It supersedes the current one, which the client names (409 when another
     * was made in the meantime); the review date follows from the highest rated risk.
     */
    async create(principal: Principal, personId: string, body: CreateBody) {
      const today = clock.today();
      await scopedPerson(principal, personId);
      const problems = validate(body, today);
      if (problems.length > 0) throw errors.validation(problems);
      const id = randomUUID();
      const ratings: RatingRow[] = body.ratings.map((r) => ({
        assessment_id: id,
        purpose: r.purpose,
        probability: r.probability,
        consequence: r.consequence,
        level: rateRisk(r.probability, r.consequence).level,
        basis: r.basis?.trim() ?? '',
      }));
      const review = reviewDate(body.assessedOn, highestLevel(ratings.map((r) => r.level)));
      const needs = body.needs
        .filter((n, i, all) => all.findIndex((x) => x.area === n.area) === i)
        .map((n) => ({ area: n.area as NeedArea, level: n.level as NeedLevel, note: n.note.trim() }));
      try {
        await db.transaction().execute(async (trx) => {
          await repo.lockPerson(trx, personId);
          const current = await repo.current(personId, trx);
          if ((current?.id ?? null) !== body.supersedesId)
            throw errors.conflict('assessment_stale', { current: current?.number ?? 0 });
          if (current && !(await repo.supersede(trx, current.id, id, clock.now())))
            throw errors.conflict('assessment_stale');
          await repo.insert(
            trx,
            {
              id,
              person_id: personId,
              number: await repo.nextNumber(trx, personId),
              occasion: body.occasion,
              event_description: body.occasion === 'event' ? (body.eventDescription?.trim() ?? null) : null,
              assessed_on: body.assessedOn,
              review_date: review,
              information_sources: body.informationSources,
              needs: JSON.stringify(needs),
              resources: body.resources,
              security_level: body.securityLevel ?? null,
              security_basis: body.securityLevel ? (body.securityBasis?.trim() ?? null) : null,
              organised_criteria: [...new Set(body.organisedCriteria)].sort((a, b) => a - b),
              network_crime: body.networkCrime,
              mental_illness_risk: body.mentalIllnessRisk,
              interpreter_language: body.interpreterLanguage?.trim() || null,
              infoflyt: body.infoflyt,
              created_by: principal.userId,
              created_by_name: principal.displayName,
            },
            ratings,
          );
          await audit(trx, principal, {
            action: 'assessment.create',
            personId,
            purpose: PURPOSE,
            details: {
              assessmentId: id,
              supersedes: current?.id ?? null,
              occasion: body.occasion,
              ratings: ratings.map((r) => ({ purpose: r.purpose, level: r.level })),
              // Setting the placement security level is a decision of significance for public safety.
              securityLevel: body.securityLevel ?? null,
              significant: Boolean(body.securityLevel),
            },
          });
        });
      } catch (error) {
        // Two assessments made at once: the one-current index lets one through.
        if (isUniqueViolation(error)) throw errors.conflict('assessment_stale');
        throw error;
      }
      return detail(principal, id);
    },

    /**
     * A restrictive measure, tied to the current assessment: justified, for a rated purpose, and
     * no more restrictive than the least that meets the risk unless that is justified too.
     */
    async addRestriction(
      principal: Principal,
      personId: string,
      body: {
        kind: string;
        justification?: string | undefined;
        necessityJustification?: string | undefined;
        validFrom?: string | undefined;
      },
    ) {
      const today = clock.today();
      await scopedPerson(principal, personId);
      const kind = body.kind as RestrictionKind;
      const justification = body.justification?.trim() || null;
      const necessity = body.necessityJustification?.trim() || null;
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await repo.lockPerson(trx, personId);
        const current = await repo.current(personId, trx);
        if (!current) throw errors.conflict('assessment_missing');
        const ratings = await repo.ratings([current.id], trx);
        const purpose = RESTRICTIONS[kind].purpose as RiskPurpose;
        const level = (ratings.find((r) => r.purpose === purpose)?.level ?? null) as RiskLevel | null;
        const problems: FieldError[] = [];
        if (!justification)
          problems.push({ path: 'justification', code: 'restriction_justification_required' });
        const check = checkRestriction(kind, level, necessity);
        if (!check.ok) problems.push({ path: check.path, code: check.code });
        if (problems.length > 0) throw errors.validation(problems);
        const more = check.ok && check.moreRestrictive;
        await repo.insertRestriction(trx, {
          id,
          person_id: personId,
          assessment_id: current.id,
          kind,
          purpose,
          justification: justification ?? '',
          more_restrictive: more,
          necessity_justification: more ? necessity : null,
          valid_from: body.validFrom ?? today,
          created_by: principal.userId,
          created_by_name: principal.displayName,
        });
        await audit(trx, principal, {
          action: 'restriction.create',
          personId,
          purpose: PURPOSE,
          details: { restrictionId: id, kind, assessmentId: current.id, level, moreRestrictive: more },
        });
      });
      const [rows, history] = await Promise.all([repo.restrictions(personId), repo.history(personId)]);
      const row = rows.find((r) => r.id === id) as RestrictionRow;
      return restrictionView(row, new Map(history.map((h) => [h.id, h.number])), today);
    },

    /**
     * Lifting a restriction is a decision of significance for public safety: it needs a written
     * justification and rests on the person's current assessment, which is recorded with it.
     */
    async liftRestriction(
      principal: Principal,
      id: string,
      body: { version: number; justification?: string | undefined },
    ) {
      const today = clock.today();
      const before = await repo.restriction(id);
      if (!before) throw errors.notFound('restriction');
      await scopedPerson(principal, before.person_id);
      const justification = body.justification?.trim() || null;
      if (!justification) throw errors.field('justification', 'restriction_lift_justification_required');
      await db.transaction().execute(async (trx) => {
        const row = await repo.restriction(id, trx);
        if (!row) throw errors.notFound('restriction');
        if (row.lifted_on) throw errors.conflict('restriction_lifted');
        if (row.version !== body.version) throw errors.conflict('stale_version');
        const current = await repo.current(row.person_id, trx);
        if (!current) throw errors.conflict('assessment_missing');
        const ok = await repo.liftIfVersion(trx, id, body.version, {
          lifted_on: today,
          lift_justification: justification,
          lift_assessment_id: current.id,
          lifted_by_name: principal.displayName,
        });
        if (!ok) throw errors.conflict('stale_version');
        await audit(trx, principal, {
          action: 'restriction.lift',
          personId: row.person_id,
          purpose: PURPOSE,
          details: { restrictionId: id, kind: row.kind, assessmentId: current.id, significant: true },
        });
      });
      const [rows, history] = await Promise.all([
        repo.restrictions(before.person_id),
        repo.history(before.person_id),
      ]);
      const row = rows.find((r) => r.id === id) as RestrictionRow;
      return restrictionView(row, new Map(history.map((h) => [h.id, h.number])), today);
    },

    /** Two people to be kept apart; audited for both. */
    async addNonAssociation(
      principal: Principal,
      personId: string,
      body: {
        otherPersonId: string;
        level: 'cell' | 'department' | 'facility';
        reason: string;
        note: string;
      },
    ) {
      await scopedPerson(principal, personId);
      if (body.otherPersonId === personId) throw errors.field('otherPersonId', 'non_association_self');
      if (!(await repo.person(body.otherPersonId)))
        throw errors.field('otherPersonId', 'not_found', { what: 'person' });
      const id = randomUUID();
      try {
        await db.transaction().execute(async (trx) => {
          await repo.insertNonAssociation(trx, {
            id,
            person_id: personId,
            other_person_id: body.otherPersonId,
            level: body.level,
            reason: body.reason as NonAssociationRow['reason'],
            note: body.note,
            created_by: principal.userId,
            created_by_name: principal.displayName,
          });
          const details = { nonAssociationId: id, level: body.level, reason: body.reason };
          await auditMany(trx, principal, [
            { action: 'non_association.create', personId, purpose: PURPOSE, details },
            { action: 'non_association.create', personId: body.otherPersonId, purpose: PURPOSE, details },
          ]);
        });
      } catch (error) {
        if (isUniqueViolation(error, 'non_association_pair')) throw errors.conflict('non_association_exists');
        throw error;
      }
      return one(principal, personId, id);
    },

    async endNonAssociation(principal: Principal, id: string, body: { version: number }) {
      const row = await repo.nonAssociation(id);
      if (!row) throw errors.notFound('non_association');
      await scopedPerson(principal, row.person_id);
      if (row.ended_on) throw errors.conflict('non_association_ended');
      await db.transaction().execute(async (trx) => {
        if (!(await repo.endIfVersion(trx, id, body.version, clock.today(), principal.displayName)))
          throw errors.conflict('stale_version');
        const details = { nonAssociationId: id };
        await auditMany(trx, principal, [
          { action: 'non_association.end', personId: row.person_id, purpose: PURPOSE, details },
          { action: 'non_association.end', personId: row.other_person_id, purpose: PURPOSE, details },
        ]);
      });
      return one(principal, row.person_id, id);
    },

    /** Current assessments due for review within N days, per facility in the caller's scope. */
    async due(principal: Principal, query: { facilityId?: string | undefined; withinDays: number }) {
      const today = clock.today();
      const scope = await facilitiesInScope(db, principal, today);
      if (query.facilityId && scope !== null && !scope.includes(query.facilityId)) throw errors.forbidden();
      const until = addDays(today, query.withinDays);
      const [rows, facilities] = await Promise.all([
        repo.due(scope, until, query.facilityId),
        repo.facilities(scope),
      ]);
      await auditMany(
        db,
        principal,
        rows.map((r) => ({
          action: 'assessment.due.list' as const,
          personId: r.person_id,
          purpose: PURPOSE,
          details: { assessmentId: r.id },
        })),
      );
      return {
        today,
        until,
        facilities,
        items: rows.map((r) => ({
          assessmentId: r.id,
          number: r.number,
          person: { id: r.person_id, name: `${r.given_name} ${r.family_name}` },
          facility: r.facility_id && r.facility_name ? { id: r.facility_id, name: r.facility_name } : null,
          occasion: r.occasion,
          assessedOn: r.assessed_on,
          reviewDate: r.review_date,
          overdue: r.review_date < today,
        })),
      };
    },
  };
}

const RISK_ORDER: readonly RiskPurpose[] = ['placement', 'leave', 'transport', 'visits', 'release'];

export type AssessmentsService = ReturnType<typeof createAssessmentsService>;
