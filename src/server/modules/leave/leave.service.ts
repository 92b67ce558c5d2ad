import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { addDays, daysBetween } from '../../domain/calendar.ts';
import {
  type Assessment,
  type AssessmentFactors,
  assessLeave,
  type Condition,
  checkApplication,
  failureRate,
  isFailure,
  isMinorOn,
  justificationRequired,
  LEAVE_MEASURES,
  type LeaveKind,
  type LeaveMeasure,
  type LeavePurpose,
  leaveDays,
  legalReference,
  type Outcome,
  QUOTA_KINDS,
  RECORDED_KINDS,
  returnStatusOf,
  reviewChanges,
} from '../../domain/leave.ts';
import { parameter } from '../../domain/parameters.ts';
import type { KeyDate } from '../../domain/sentence/index.ts';
import { assertPersonInScope, facilitiesInScope, type Principal } from '../../shared/access.ts';
import { audit } from '../../shared/audit.ts';
import type { Clock } from '../../shared/clock.ts';
import { errors } from '../../shared/errors.ts';
import { leaveAssessmentGate, leaveSafety } from '../assessments/assessments.service.ts';
import { buildInputs, quotaYearStart } from '../calculations/calculations.inputs.ts';
import { createCalculationsRepository } from '../calculations/calculations.repository.ts';
import type { CalculationsService } from '../calculations/calculations.service.ts';
import { recordFailureToReturn } from '../incidents/incidents.service.ts';
import type { InfectionService } from '../infection/infection.service.ts';
import { measuresInForce } from '../measures/measures.repository.ts';
import { type AppealRow, type ApplicationRow, createLeaveRepository } from './leave.repository.ts';
import type { ApplicationView, ListItem } from './leave.schemas.ts';

const PURPOSE = 'leave';

type Situations = Map<
  string,
  { municipality: string; level: string; trend: string; incidence14d: number | null }
>;

/** The first day of the next quota year after one starting on `start`. */
function nextYear(start: string): string {
  const next = `${Number(start.slice(0, 4)) + 1}${start.slice(4)}`;
  return next.endsWith('-02-29') ? addDays(next.replace('-02-29', '-02-28'), 1) : next;
}

/**
 * Days left of the quota year the leave falls in (FOR § 3-30 annet ledd, the engine's conventions:
 * the year runs from the first ordinary leave; only ordinary leave counts). Leave already granted
 * is in leave_record, so it is counted, also when it lies ahead.
 */
export function quotaLeftFor(
  records: readonly { from_date: string; days: number }[],
  fromDate: string,
  quotaDays: number,
): number {
  const first = records[0]?.from_date && records[0].from_date < fromDate ? records[0].from_date : fromDate;
  const start = quotaYearStart(first, fromDate);
  const end = nextYear(start);
  const used = records
    .filter((r) => r.from_date >= start && r.from_date < end)
    .reduce((n, r) => n + r.days, 0);
  return Math.max(0, quotaDays - used);
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const nameOf = (row: { given_name: string; family_name: string }) => `${row.given_name} ${row.family_name}`;

export function createLeaveService(
  db: Kysely<Database>,
  clock: Clock,
  deps: { calculations: CalculationsService; infection: InfectionService },
) {
  const repo = createLeaveRepository(db);

  async function situations(asOf: string): Promise<Situations> {
    const { items } = await deps.infection.municipalities(asOf);
    return new Map(items.map((i) => [i.municipality.toLowerCase(), i]));
  }

  function areaOf(name: string, map: Situations): AssessmentFactors['prison'] {
    const s = map.get(name.trim().toLowerCase());
    return {
      municipality: s?.municipality ?? name.trim(),
      level: (s?.level ?? 'unknown') as AssessmentFactors['prison']['level'],
      trend: (s?.trend ?? 'unknown') as AssessmentFactors['prison']['trend'],
      incidence14d: s?.incidence14d ?? null,
    };
  }

  /** The sentence engine's key dates for the person today, or null without a sentence. */
  async function keyDates(q: Kysely<Database>, personId: string, today: string): Promise<KeyDate[] | null> {
    const input = buildInputs(await createCalculationsRepository(q).inputs([personId]), today).get(personId);
    if (!input) return null;
    return (await deps.calculations.whatIf(input)).keyDates;
  }

  function firstDateFor(kind: LeaveKind, dates: KeyDate[] | null) {
    const key = kind === 'ordinary' ? 'ordinary_leave' : kind === 'day_release' ? 'day_release' : null;
    if (!key || !dates) return null;
    const k = dates.find((d) => d.key === key);
    if (!k) return null;
    return { date: k.date, rule: k.legalRef, status: k.eligibility.status };
  }

  const quotaDaysOn = (date: string) => parameter('leave.quotaDays', date).value;

  /** Today's facts for an application (or an application to be), as the assessment takes them. */
  async function factorsFor(
    q: Kysely<Database>,
    app: {
      id: string | null;
      personId: string;
      birthDate: string;
      facilityId: string;
      facilityMunicipality: string;
      kind: LeaveKind;
      purpose: LeavePurpose;
      fromDate: string;
      days: number;
      publicTransport: boolean;
      destination: string;
    },
    today: string,
    map: Situations,
  ): Promise<AssessmentFactors> {
    const measureDate = app.fromDate > today ? app.fromDate : today;
    const [inForce, staffing, dates, records] = await Promise.all([
      measuresInForce(q, app.facilityId, measureDate),
      repo.staffing(app.facilityId, measureDate, q),
      keyDates(q, app.personId, today),
      QUOTA_KINDS.includes(app.kind) ? repo.ordinaryLeave(app.personId, app.id, q) : Promise.resolve(null),
    ]);
    const first = firstDateFor(app.kind, dates);
    return {
      asOf: today,
      kind: app.kind,
      purpose: app.purpose,
      fromDate: app.fromDate,
      days: app.days,
      publicTransport: app.publicTransport,
      prison: areaOf(app.facilityMunicipality, map),
      destination: areaOf(app.destination, map),
      staffing,
      measures: inForce
        .map((e) => e.type)
        .filter((t): t is LeaveMeasure => (LEAVE_MEASURES as readonly string[]).includes(t)),
      minor: isMinorOn(app.birthDate, app.fromDate),
      eligibility: {
        firstDate: first?.date ?? null,
        firstDateRule: first?.date ? first.rule : null,
        quotaLeft: records ? quotaLeftFor(records, app.fromDate, quotaDaysOn(app.fromDate)) : null,
      },
    };
  }

  function rowFacts(row: ApplicationRow) {
    return {
      id: row.id,
      personId: row.person_id,
      birthDate: row.birth_date,
      facilityId: row.facility_id,
      facilityMunicipality: row.facility_municipality,
      kind: row.kind,
      purpose: row.purpose,
      fromDate: row.from_date,
      days: row.days,
      publicTransport: row.public_transport,
      destination: row.destination_municipality,
    };
  }

  function item(row: ApplicationRow, appeal: AppealRow | undefined): ListItem {
    return {
      id: row.id,
      version: row.version,
      person: { id: row.person_id, name: nameOf(row) },
      facility: { id: row.facility_id, name: row.facility_name },
      kind: row.kind,
      fromDate: row.from_date,
      fromTime: row.from_time,
      toDate: row.to_date,
      toTime: row.to_time,
      days: row.days,
      destinationMunicipality: row.destination_municipality,
      publicTransport: row.public_transport,
      purpose: row.purpose,
      status: row.status,
      outcome: row.outcome,
      victimNotification: row.victim_notification,
      returnStatus: row.return_status,
      appealStatus: appeal?.status ?? null,
    };
  }

  async function items(rows: ApplicationRow[]): Promise<ListItem[]> {
    const appeals = new Map((await repo.appeals(rows.map((r) => r.id))).map((a) => [a.application_id, a]));
    return rows.map((r) => item(r, appeals.get(r.id)));
  }

  async function view(row: ApplicationRow, today: string): Promise<ApplicationView> {
    const [appeal, victims] = await Promise.all([repo.appeal(row.id), repo.victims(row.person_id)]);
    const open = row.status === 'pending' || (row.status === 'granted' && row.return_status === null);
    let current: ApplicationView['current'] = null;
    if (open) {
      const factors = await factorsFor(db, rowFacts(row), today, await situations(today));
      current = { factors, assessment: assessLeave(factors) };
    }
    const safety =
      row.status === 'pending'
        ? await leaveSafety(db, row.person_id, row.from_date, row.kind === 'escorted')
        : null;
    return {
      ...item(row, appeal),
      facility: { id: row.facility_id, name: row.facility_name, municipality: row.facility_municipality },
      description: row.description,
      appliedBy: row.applied_by_name,
      appliedAt: new Date(row.applied_at).toISOString(),
      current,
      decision:
        row.outcome && row.recommendation && row.decided_at
          ? {
              outcome: row.outcome,
              recommendation: row.recommendation,
              conditions: row.conditions as Condition[],
              justification: row.justification,
              legalReference: row.legal_reference ?? legalReference(row.kind),
              decidedBy: row.decided_by_name ?? '',
              decidedAt: new Date(row.decided_at).toISOString(),
              factors: row.factors as AssessmentFactors,
              assessment: row.assessment as Assessment,
              publicSafety: row.public_safety,
              assessmentId: row.assessment_id,
            }
          : null,
      safety,
      victims,
      victimNotifiedBy: row.victim_notified_by_name,
      victimNotifiedAt: iso(row.victim_notified_at),
      return: row.return_status
        ? {
            status: row.return_status,
            date: row.returned_date,
            time: row.returned_time,
            recordedBy: row.return_recorded_by_name ?? '',
          }
        : null,
      review:
        row.review_outcome && row.reviewed_at
          ? {
              outcome: row.review_outcome,
              justification: row.review_justification,
              by: row.reviewed_by_name ?? '',
              at: new Date(row.reviewed_at).toISOString(),
              factors: (row.reviewed_factors ?? null) as AssessmentFactors | null,
            }
          : null,
      appeal: appeal
        ? {
            id: appeal.id,
            version: appeal.version,
            receivedOn: appeal.received_on,
            grounds: appeal.grounds,
            status: appeal.status,
            registeredBy: appeal.registered_by_name,
            registeredAt: new Date(appeal.registered_at).toISOString(),
            decidedBy: appeal.decided_by_name,
            decidedAt: iso(appeal.decided_at),
          }
        : null,
    };
  }

  /** The application, after checking that its person is in the caller's scope. */
  async function scoped(principal: Principal, id: string, today: string): Promise<ApplicationRow> {
    const row = await repo.one(id);
    if (!row) throw errors.notFound('leave_application');
    await assertPersonInScope(db, principal, row.person_id, today);
    return row;
  }

  /** Locks the application in the transaction and checks its version (409 when someone was first). */
  async function locked(trx: Kysely<Database>, id: string, version: number) {
    const row = await repo.lock(trx, id);
    if (!row) throw errors.notFound('leave_application');
    if (row.version !== version) throw errors.conflict('stale_version');
    return row;
  }

  async function detail(principal: Principal, id: string) {
    const today = clock.today();
    const row = await scoped(principal, id, today);
    const out = await view(row, today);
    await audit(db, principal, {
      action: 'leave.read',
      personId: row.person_id,
      purpose: PURPOSE,
      details: { applicationId: id },
    });
    return out;
  }

  return {
    /** Applications in the caller's scope, by facility and status. */
    async list(
      principal: Principal,
      query: { facilityId?: string | undefined; status?: string | undefined },
    ) {
      const today = clock.today();
      const facilities = await facilitiesInScope(db, principal, today);
      const rows = await repo.list({ facilities, ...query });
      await audit(db, principal, {
        action: 'leave.list',
        purpose: PURPOSE,
        details: { ...query, count: rows.length },
      });
      return { items: await items(rows) };
    },

    detail,

    /** A new application from or for the inmate: refused with field messages when the rules say no. */
    async apply(
      principal: Principal,
      body: {
        personId: string;
        kind: LeaveKind;
        fromDate: string;
        fromTime: string;
        toDate: string;
        toTime: string;
        destinationMunicipality: string;
        publicTransport: boolean;
        purpose: LeavePurpose;
        description: string;
      },
    ) {
      const today = clock.today();
      await assertPersonInScope(db, principal, body.personId, today);
      const person = await repo.person(body.personId);
      if (!person) throw errors.notFound('person');
      const id = randomUUID();
      // The engine reads outside the transaction (its rule table is read through the pool).
      const dates = await keyDates(db, body.personId, today);
      await db.transaction().execute(async (trx) => {
        await repo.lockPerson(trx, body.personId);
        const [cell, others, records] = await Promise.all([
          repo.currentCell(body.personId, trx),
          repo.active(body.personId, trx),
          repo.ordinaryLeave(body.personId, null, trx),
        ]);
        const quotaDays = quotaDaysOn(body.fromDate);
        const problems = checkApplication(body, {
          today,
          inPrison: cell !== undefined,
          firstDate: firstDateFor(body.kind, dates),
          quotaLeft: QUOTA_KINDS.includes(body.kind) ? quotaLeftFor(records, body.fromDate, quotaDays) : null,
          quotaDays,
          others: others.map((o) => ({
            id: o.id,
            fromDate: o.from_date,
            fromTime: o.from_time,
            toDate: o.to_date,
            toTime: o.to_time,
          })),
        });
        if (problems.length > 0 || !cell) throw errors.validation(problems);
        const days = leaveDays(body.fromDate, body.fromTime, body.toDate, body.toTime) ?? 1;
        await repo.insert(trx, {
          id,
          person_id: body.personId,
          facility_id: cell.facility_id,
          kind: body.kind,
          from_date: body.fromDate,
          from_time: body.fromTime,
          to_date: body.toDate,
          to_time: body.toTime,
          days,
          destination_municipality: body.destinationMunicipality.trim(),
          public_transport: body.publicTransport,
          purpose: body.purpose,
          description: body.description,
          applied_by: principal.userId,
          applied_by_name: principal.displayName,
        });
        await audit(trx, principal, {
          action: 'leave.apply',
          personId: body.personId,
          purpose: PURPOSE,
          details: { applicationId: id, kind: body.kind, fromDate: body.fromDate, toDate: body.toDate },
        });
      });
      return detail(principal, id);
    },

    /**
     * A human decides. The factors and the recommendation are taken afresh and stored as they were;
     * a justification is required when refusing or going against the recommendation. Granted
     * ordinary and welfare leave goes to leave_record and the person's key dates are recalculated.
     */
    async decide(
      principal: Principal,
      id: string,
      body: {
        version: number;
        outcome: Outcome;
        conditions: Condition[];
        justification?: string | undefined;
      },
    ) {
      const today = clock.today();
      const before = await scoped(principal, id, today);
      // The facts as they are now; the transaction below stores them with the decision.
      const factors = await factorsFor(db, rowFacts(before), today, await situations(today));
      await db.transaction().execute(async (trx) => {
        const row = await locked(trx, id, body.version);
        if (row.status !== 'pending') throw errors.conflict('leave_not_pending', { status: row.status });
        const assessment = assessLeave(factors);
        const justification = body.justification?.trim() || null;
        const problems = [];
        if (justificationRequired(assessment.recommendation, body.outcome) && !justification)
          problems.push({
            path: 'justification',
            code: 'leave_justification_required' as const,
            params: { recommendation: assessment.recommendation },
          });
        const conditions = body.outcome === 'granted_with_conditions' ? [...new Set(body.conditions)] : [];
        if (body.outcome === 'granted_with_conditions' && conditions.length === 0)
          problems.push({ path: 'conditions', code: 'leave_conditions_required' as const });
        // The person's risk assessment: leave restrictions in force, and a high leave risk makes a
        // grant a decision of significance for public safety that needs its justification.
        const gate = await leaveAssessmentGate(trx, row.person_id, row.from_date, {
          granted: body.outcome !== 'refused',
          escorted: row.kind === 'escorted',
          justification,
        });
        for (const g of gate.problems) if (!problems.some((p) => p.path === g.path)) problems.push(g);
        if (problems.length > 0) throw errors.validation(problems);
        const granted = body.outcome !== 'refused';
        const victims = granted ? await repo.victims(row.person_id, trx) : 0;
        const ok = await repo.updateIfVersion(trx, id, body.version, {
          status: granted ? 'granted' : 'refused',
          outcome: body.outcome,
          recommendation: assessment.recommendation,
          factors: JSON.stringify(factors),
          assessment: JSON.stringify(assessment),
          conditions,
          justification,
          legal_reference: legalReference(row.kind),
          decided_by: principal.userId,
          decided_by_name: principal.displayName,
          decided_at: clock.now(),
          victim_notification: victims > 0 ? 'pending' : 'none',
          assessment_id: gate.assessmentId,
          public_safety: gate.significant,
        });
        if (!ok) throw errors.conflict('stale_version');
        if (granted && RECORDED_KINDS.includes(row.kind)) {
          await repo.insertRecord(trx, {
            id: randomUUID(),
            person_id: row.person_id,
            kind: row.kind as 'ordinary' | 'welfare',
            from_date: row.from_date,
            to_date: row.to_date,
            days: row.days,
            application_id: id,
          });
          await deps.calculations.recalculate(trx, [row.person_id], today);
        }
        await audit(trx, principal, {
          action: 'leave.decide',
          personId: row.person_id,
          purpose: PURPOSE,
          details: {
            applicationId: id,
            outcome: body.outcome,
            recommendation: assessment.recommendation,
            conditions,
            victimsToNotify: victims,
          },
        });
      });
      return detail(principal, id);
    },

    /** An appeal against the decision: received on a date, with the grounds. */
    async appeal(principal: Principal, id: string, body: { receivedOn: string; grounds: string }) {
      const today = clock.today();
      const row = await scoped(principal, id, today);
      if (row.status === 'pending' || !row.decided_at) throw errors.conflict('leave_not_decided');
      const decidedOn = new Date(row.decided_at).toISOString().slice(0, 10);
      if (body.receivedOn < decidedOn || body.receivedOn > today)
        throw errors.field('receivedOn', 'leave_appeal_before_decision', { date: decidedOn });
      await db.transaction().execute(async (trx) => {
        await repo.lock(trx, id);
        if (await repo.appeal(id, trx)) throw errors.conflict('leave_appeal_exists');
        await repo.insertAppeal(trx, {
          id: randomUUID(),
          application_id: id,
          received_on: body.receivedOn,
          grounds: body.grounds,
          registered_by_name: principal.displayName,
        });
        await audit(trx, principal, {
          action: 'leave.appeal',
          personId: row.person_id,
          purpose: PURPOSE,
          details: { applicationId: id, receivedOn: body.receivedOn },
        });
      });
      return detail(principal, id);
    },

    /** The appeal's outcome: the decision upheld or reversed. */
    async appealOutcome(
      principal: Principal,
      id: string,
      body: { version: number; status: 'upheld' | 'reversed' },
    ) {
      const today = clock.today();
      const row = await scoped(principal, id, today);
      await db.transaction().execute(async (trx) => {
        const appeal = await repo.appeal(id, trx);
        if (!appeal) throw errors.conflict('leave_appeal_missing');
        if (appeal.status !== 'received')
          throw errors.conflict('leave_appeal_decided', { status: appeal.status });
        const ok = await repo.updateAppealIfVersion(trx, appeal.id, body.version, {
          status: body.status,
          decided_by_name: principal.displayName,
          decided_at: clock.now(),
        });
        if (!ok) throw errors.conflict('stale_version');
        await audit(trx, principal, {
          action: 'leave.appeal.decide',
          personId: row.person_id,
          purpose: PURPOSE,
          details: { applicationId: id, status: body.status },
        });
      });
      return detail(principal, id);
    },

    /** The actual return: on time or late (from the time given), or not returned. */
    async recordReturn(
      principal: Principal,
      id: string,
      body: {
        version: number;
        returned: boolean;
        returnedDate?: string | undefined;
        returnedTime?: string | undefined;
      },
    ) {
      const today = clock.today();
      const row = await scoped(principal, id, today);
      if (body.returned && (!body.returnedDate || !body.returnedTime))
        throw errors.field(body.returnedDate ? 'returnedTime' : 'returnedDate', 'leave_return_time_required');
      await db.transaction().execute(async (trx) => {
        const locked_ = await locked(trx, id, body.version);
        if (locked_.status !== 'granted')
          throw errors.conflict('leave_not_granted', { status: locked_.status });
        if (locked_.return_status) throw errors.conflict('leave_return_already');
        if (locked_.from_date > today)
          throw errors.field('returnedDate', 'leave_return_before_start', { date: locked_.from_date });
        const actual = body.returned
          ? { date: body.returnedDate ?? '', time: body.returnedTime ?? '' }
          : null;
        if (
          actual &&
          (actual.date > today ||
            leaveDays(locked_.from_date, locked_.from_time, actual.date, actual.time) === null)
        )
          throw errors.field('returnedDate', 'leave_return_in_future');
        const status = returnStatusOf({ date: locked_.to_date, time: locked_.to_time }, actual);
        await repo.updateIfVersion(trx, id, body.version, {
          return_status: status,
          returned_date: actual?.date ?? null,
          returned_time: actual?.time ?? null,
          return_recorded_by_name: principal.displayName,
        });
        // Not back: an incident of type failure_to_return, in this same transaction.
        if (status === 'not_returned')
          await recordFailureToReturn(trx, principal, {
            applicationId: id,
            personId: locked_.person_id,
            facilityId: locked_.facility_id,
            toDate: locked_.to_date,
            toTime: locked_.to_time,
          });
        await audit(trx, principal, {
          action: 'leave.return',
          personId: row.person_id,
          purpose: PURPOSE,
          details: { applicationId: id, status, failure: isFailure(status) },
        });
      });
      return detail(principal, id);
    },

    /** The notification of the victims on the judgment is done. */
    async victimNotified(principal: Principal, id: string, body: { version: number }) {
      const today = clock.today();
      const row = await scoped(principal, id, today);
      await db.transaction().execute(async (trx) => {
        const locked_ = await locked(trx, id, body.version);
        if (locked_.victim_notification !== 'pending') throw errors.conflict('leave_no_victim_notice');
        await repo.updateIfVersion(trx, id, body.version, {
          victim_notification: 'done',
          victim_notified_by_name: principal.displayName,
          victim_notified_at: clock.now(),
        });
        await audit(trx, principal, {
          action: 'leave.victim_notified',
          personId: row.person_id,
          purpose: PURPOSE,
          details: { applicationId: id },
        });
      });
      return detail(principal, id);
    },

    /**
     * Granted leave not yet begun whose assessment would now come out differently: today's facts
     * against those stored with the decision (or the last confirmation), with what changed.
     */
    async reviewList(principal: Principal, query: { facilityId?: string | undefined }) {
      const today = clock.today();
      const facilities = await facilitiesInScope(db, principal, today);
      const rows = await repo.upcomingGranted(facilities, today, query.facilityId);
      const map = await situations(today);
      const appeals = new Map((await repo.appeals(rows.map((r) => r.id))).map((a) => [a.application_id, a]));
      const out = [];
      for (const row of rows) {
        const then = (row.reviewed_factors ?? row.factors) as AssessmentFactors | null;
        if (!then) continue;
        const now = await factorsFor(db, rowFacts(row), today, map);
        const r = reviewChanges(then, now);
        if (!r.changed) continue;
        out.push({
          ...item(row, appeals.get(row.id)),
          recommendationThen: r.then.recommendation,
          recommendationNow: r.now.recommendation,
          changes: r.changes,
          reasonsNow: r.now.reasons,
        });
      }
      await audit(db, principal, {
        action: 'leave.review.list',
        purpose: PURPOSE,
        details: { ...query, count: out.length },
      });
      return { today, items: out };
    },

    /** A reviewer confirms a granted leave on today's facts, or revokes it (with a justification). */
    async review(
      principal: Principal,
      id: string,
      body: { version: number; action: 'confirm' | 'revoke'; justification?: string | undefined },
    ) {
      const today = clock.today();
      const before = await scoped(principal, id, today);
      const justification = body.justification?.trim() || null;
      if (body.action === 'revoke' && !justification)
        throw errors.field('justification', 'leave_justification_required', { recommendation: 'refuse' });
      const factors = await factorsFor(db, rowFacts(before), today, await situations(today));
      await db.transaction().execute(async (trx) => {
        const row = await locked(trx, id, body.version);
        if (row.status !== 'granted') throw errors.conflict('leave_not_granted', { status: row.status });
        if (row.return_status || row.from_date < today) throw errors.conflict('leave_already_started');
        await repo.updateIfVersion(trx, id, body.version, {
          ...(body.action === 'revoke' && { status: 'revoked' as const }),
          reviewed_factors: JSON.stringify(factors),
          reviewed_by_name: principal.displayName,
          reviewed_at: clock.now(),
          review_outcome: body.action === 'revoke' ? 'revoked' : 'confirmed',
          review_justification: justification,
        });
        if (body.action === 'revoke' && RECORDED_KINDS.includes(row.kind)) {
          await repo.deleteRecord(trx, id);
          await deps.calculations.recalculate(trx, [row.person_id], today);
        }
        await audit(trx, principal, {
          action: 'leave.review',
          personId: row.person_id,
          purpose: PURPOSE,
          details: { applicationId: id, action: body.action },
        });
      });
      return detail(principal, id);
    },

    /** Leaves taken, failures and failures per 1,000 leaves per facility for leave begun in [from, to]. */
    async statistics(
      principal: Principal,
      query: { from: string; to: string; facilityId?: string | undefined },
    ) {
      if (query.to < query.from || daysBetween(query.from, query.to) > 5 * 366)
        throw errors.field('to', 'leave_period_invalid');
      const facilities = await facilitiesInScope(db, principal, clock.today());
      const rows = await repo.statistics(facilities, query.from, query.to, query.facilityId);
      const items = rows.map((r) => {
        const taken = Number(r.taken);
        const late = Number(r.late);
        const notReturned = Number(r.notReturned);
        return {
          facility: { id: r.id, code: r.code, name: r.name },
          taken,
          late,
          notReturned,
          failures: late + notReturned,
          perThousand: failureRate(taken, late + notReturned),
        };
      });
      const taken = items.reduce((n, i) => n + i.taken, 0);
      const failures = items.reduce((n, i) => n + i.failures, 0);
      return {
        from: query.from,
        to: query.to,
        items,
        total: { taken, failures, perThousand: failureRate(taken, failures) },
      };
    },

    /** A person's applications and what the engine says about leave for them. */
    async forPerson(principal: Principal, personId: string) {
      const today = clock.today();
      await assertPersonInScope(db, principal, personId, today);
      const person = await repo.person(personId);
      if (!person) throw errors.notFound('person');
      const [cell, dates, records, rows] = await Promise.all([
        repo.currentCell(personId),
        keyDates(db, personId, today),
        repo.ordinaryLeave(personId, null),
        repo.list({ facilities: null, personId }),
      ]);
      const ordinary = firstDateFor('ordinary', dates);
      const dayRelease = firstDateFor('day_release', dates);
      const quotaDays = quotaDaysOn(today);
      await audit(db, principal, { action: 'leave.read', personId, purpose: PURPOSE });
      return {
        personId,
        inPrison: cell !== undefined,
        facility: cell ? { id: cell.facility_id, name: cell.name } : null,
        ordinaryLeaveFrom: ordinary?.date ?? null,
        ordinaryLeaveRule: ordinary?.rule ?? null,
        dayReleaseFrom: dayRelease?.date ?? null,
        quotaDays,
        quotaLeft: quotaLeftFor(records, today, quotaDays),
        items: await items(rows),
      };
    },

    /** The pure assessment through the service's data path, for the benchmark. */
    factorsFor: async (id: string) => {
      const today = clock.today();
      const row = await repo.one(id);
      if (!row) throw errors.notFound('leave_application');
      return factorsFor(db, rowFacts(row), today, await situations(today));
    },
  };
}

export type LeaveService = ReturnType<typeof createLeaveService>;
