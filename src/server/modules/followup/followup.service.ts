import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import {
  AGE_GROUPS,
  type AgeGroup,
  ageGroupOf,
  CHECKLIST_AREAS,
  CHECKLIST_HORIZON_DAYS,
  type ChecklistArea,
  enrolmentOutcome,
  type ItemStatus,
  inactiveDays,
  itemFlag,
  itemSettled,
  LENGTH_BANDS,
  type LengthBand,
  lengthBand,
  RECIDIVISM_YEARS,
  type ReferralStatus,
  referralNeedsAnswer,
  referralTransitionAllowed,
  share,
  thresholdFor,
} from '../../domain/activities.ts';
import { addDays, daysBetween } from '../../domain/calendar.ts';
import type { NeedArea as PlanNeedArea } from '../../domain/risk.ts';
import {
  assertFacilityInScope,
  assertPersonInScope,
  facilitiesInScope,
  type Principal,
} from '../../shared/access.ts';
import { type AuditEntry, audit, auditMany } from '../../shared/audit.ts';
import type { Clock } from '../../shared/clock.ts';
import { AppError, errors, isUniqueViolation } from '../../shared/errors.ts';
import {
  type ActivityRow,
  type ChecklistRow,
  createFollowupRepository,
  type EnrolmentRow,
  type ItemRow,
} from './followup.repository.ts';
import type {
  ActivityDetail,
  ActivityView,
  ChecklistView,
  FollowupStatistics,
  RecidivismFigures,
  ReferralView,
} from './followup.schemas.ts';

const PURPOSE = 'followup';
/** The caseload shows key dates and reviews this many days ahead. */
const CASELOAD_HORIZON_DAYS = 60;
/** A plan counts as made in time within this many days of admission. */
const PLAN_WITHIN_DAYS = 30;

const notFound = (what: string) => new AppError(404, 'not_found', { what });
/** The earlier of two calendar dates. */
const earlier = (a: string, b: string) => (b < a ? b : a);
const fullName = (r: { given_name: string; family_name: string }) => `${r.given_name} ${r.family_name}`;

/** PostgreSQL's check_violation on a named constraint. */
function isCheckViolation(error: unknown, constraint: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: string; constraint?: string; message?: string };
  return e.code === '23514' && (e.constraint === constraint || (e.message ?? '').includes(constraint));
}

function activityView(a: ActivityRow): ActivityView {
  return {
    id: a.id,
    facility: { id: a.facility_id, name: a.facility_name },
    name: a.name,
    kind: a.kind,
    places: a.places,
    schedule: a.schedule,
    enrolled: a.enrolled,
    waiting: Number(a.waiting),
    version: a.version,
  };
}

function checklistView(c: ChecklistRow, items: ItemRow[], today: string): ChecklistView {
  const order = (area: ChecklistArea) => CHECKLIST_AREAS.indexOf(area);
  const views = items
    .sort((a, b) => order(a.area) - order(b.area))
    .map((i) => ({
      id: i.id,
      area: i.area,
      status: i.status,
      owner: i.owner,
      dueDate: i.due_date,
      note: i.note,
      updatedBy: i.updated_by_name,
      flag: itemFlag({ status: i.status, dueDate: i.due_date }, c.release_date, today),
      version: i.version,
    }));
  return {
    id: c.id,
    person: { id: c.person_id, name: fullName(c) },
    facility: { id: c.facility_id, name: c.facility_name },
    releaseDate: c.release_date,
    createdOn: c.created_on,
    sentenceId: c.sentence_id,
    decided: c.decided,
    daysToRelease: daysBetween(today, c.release_date),
    openItems: views.filter((i) => !itemSettled(i.status)).length,
    flagged: views.filter((i) => i.flag !== null).length,
    items: views,
  };
}

function emptyFigures(): RecidivismFigures {
  return { released: 0, followedUp: 0, returned: 0, rate: null };
}

export function createFollowupService(db: Kysely<Database>, clock: Clock) {
  const repo = createFollowupRepository(db);

  async function scope(principal: Principal) {
    return facilitiesInScope(db, principal, clock.today());
  }

  async function activityDetail(id: string, q: Kysely<Database> = db): Promise<ActivityDetail> {
    const a = await repo.activity(id, q);
    if (!a) throw notFound('activity');
    const rows = await repo.enrolments(id, q);
    const view = (e: EnrolmentRow, position: number | null) => ({
      id: e.id,
      person: { id: e.person_id, name: fullName(e) },
      status: e.status,
      enrolledOn: e.enrolled_on,
      waitingPosition: position,
      lastAttended: e.attended_last,
      goal: e.goal_key && e.goal_area ? { key: e.goal_key, needArea: e.goal_area as PlanNeedArea } : null,
      version: e.version,
    });
    return {
      ...activityView(a),
      enrolments: rows.filter((e) => e.status === 'enrolled').map((e) => view(e, null)),
      waitingList: rows.filter((e) => e.status === 'waiting').map((e, i) => view(e, i + 1)),
    };
  }

  async function thresholds() {
    const rows = await repo.thresholds();
    const national = rows.find((r) => r.facility_id === null)?.days ?? null;
    const byFacility = new Map(
      rows.flatMap((r) => (r.facility_id ? [[r.facility_id, r.days] as const] : [])),
    );
    return {
      national,
      of: (facilityId: string) => thresholdFor(byFacility.get(facilityId) ?? null, national),
      rows,
    };
  }

  /** Ends an enrolment and gives the freed place to the first on the waiting list, in the caller's transaction. */
  async function endAndPromote(
    trx: Kysely<Database>,
    principal: Principal,
    activityId: string,
    enrolment: { id: string; person_id: string; status: string },
    reason: string,
    today: string,
  ) {
    await repo.endEnrolment(trx, enrolment.id, today, reason);
    const entries: AuditEntry[] = [
      {
        action: 'activity.unenrol',
        personId: enrolment.person_id,
        purpose: PURPOSE,
        details: { activityId },
      },
    ];
    let promoted: { id: string; name: string } | null = null;
    if (enrolment.status === 'enrolled') {
      const next = await repo.firstWaiting(activityId, trx);
      if (next) {
        await repo.promote(trx, next.id, today);
        const p = await repo.person(next.person_id, trx);
        promoted = { id: next.person_id, name: p ? fullName(p) : '' };
        entries.push({
          action: 'activity.promote',
          personId: next.person_id,
          purpose: PURPOSE,
          details: { activityId, enrolmentId: next.id },
        });
      }
    }
    await auditMany(trx, principal, entries);
    return promoted;
  }

  return {
    async facilities(principal: Principal) {
      const items = await repo.facilities(await scope(principal), clock.today());
      return { items };
    },

    // ── Activities ───────────────────────────────────────────────────────────────────────
    async activities(principal: Principal, query: { facilityId?: string | undefined }) {
      const facilities = await scope(principal);
      if (query.facilityId) assertFacilityInScope(facilities, query.facilityId);
      const rows = await repo.activities(facilities, query.facilityId);
      return { items: rows.map(activityView) };
    },

    async createActivity(
      principal: Principal,
      body: {
        facilityId: string;
        name: string;
        kind: ActivityView['kind'];
        places: number;
        schedule: string;
      },
    ) {
      assertFacilityInScope(await scope(principal), body.facilityId);
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await repo.insertActivity(trx, {
          id,
          facility_id: body.facilityId,
          name: body.name,
          kind: body.kind,
          places: body.places,
          schedule: body.schedule,
        });
        await audit(trx, principal, {
          action: 'activity.create',
          purpose: PURPOSE,
          details: { activityId: id, facilityId: body.facilityId },
        });
      });
      return activityDetail(id);
    },

    async activity(principal: Principal, id: string) {
      const a = await repo.activity(id);
      if (!a) throw notFound('activity');
      assertFacilityInScope(await scope(principal), a.facility_id);
      return db.transaction().execute(async (trx) => {
        const detail = await activityDetail(id, trx);
        await auditMany(
          trx,
          principal,
          [...detail.enrolments, ...detail.waitingList].map((e) => ({
            action: 'activity.read' as const,
            personId: e.person.id,
            purpose: PURPOSE,
            details: { activityId: id },
          })),
        );
        return detail;
      });
    },

    /**
     * Enrols a person: a free place is taken, otherwise the waiting list. The activity row is
     * locked first, so concurrent enrolments see the count one after the other; the check on the
     * count is the database's own guard behind it.
     */
    async enrol(
      principal: Principal,
      activityId: string,
      body: { personId: string; goalKey?: string | null | undefined },
    ) {
      const today = clock.today();
      const facilities = await scope(principal);
      try {
        const result = await db.transaction().execute(async (trx) => {
          const a = await repo.activity(activityId, trx, true);
          if (!a) throw notFound('activity');
          assertFacilityInScope(facilities, a.facility_id);
          await assertPersonInScope(trx, principal, body.personId, today);
          const placement = await repo.currentPlacement(body.personId, trx);
          if (!placement || placement.facility_id !== a.facility_id)
            throw errors.field('personId', 'activity_person_not_placed');
          const goal = body.goalKey ? await repo.currentPlanGoal(body.personId, body.goalKey, trx) : null;
          if (body.goalKey && !goal) throw errors.field('goalKey', 'plan_goal_not_in_plan');
          if (await repo.openEnrolment(activityId, body.personId, trx))
            throw errors.conflict('activity_already_enrolled');
          const status = enrolmentOutcome(a.places, a.enrolled);
          const enrolmentId = randomUUID();
          await repo.insertEnrolment(trx, {
            id: enrolmentId,
            activity_id: activityId,
            person_id: body.personId,
            status,
            enrolled_on: status === 'enrolled' ? today : null,
            created_by_name: principal.displayName,
            plan_id: goal?.plan_id ?? null,
            goal_key: goal ? (body.goalKey ?? null) : null,
          });
          await audit(trx, principal, {
            action: 'activity.enrol',
            personId: body.personId,
            purpose: PURPOSE,
            details: { activityId, status, ...(goal && { planId: goal.plan_id, goalKey: body.goalKey }) },
          });
          return { enrolmentId, status };
        });
        return { ...result, activity: await activityDetail(activityId) };
      } catch (error) {
        if (isUniqueViolation(error, 'activity_enrolment_one_open'))
          throw errors.conflict('activity_already_enrolled');
        if (isCheckViolation(error, 'activity_places_not_exceeded')) throw errors.conflict('stale_version');
        throw error;
      }
    },

    async endEnrolment(
      principal: Principal,
      activityId: string,
      enrolmentId: string,
      body: { version: number; reason: string },
    ) {
      const today = clock.today();
      const facilities = await scope(principal);
      const promoted = await db.transaction().execute(async (trx) => {
        const a = await repo.activity(activityId, trx, true);
        if (!a) throw notFound('activity');
        assertFacilityInScope(facilities, a.facility_id);
        const e = await repo.enrolment(enrolmentId, trx);
        if (!e || e.activity_id !== activityId) throw notFound('enrolment');
        if (e.status === 'ended') throw errors.conflict('activity_enrolment_ended');
        if (e.version !== body.version) throw errors.conflict('stale_version');
        return endAndPromote(trx, principal, activityId, e, body.reason, today);
      });
      return { promoted, activity: await activityDetail(activityId) };
    },

    async recordAttendance(
      principal: Principal,
      activityId: string,
      body: { onDate: string; entries: { enrolmentId: string; present: boolean }[] },
    ) {
      const today = clock.today();
      if (body.onDate > today) throw errors.field('onDate', 'activity_attendance_future');
      const a = await repo.activity(activityId);
      if (!a) throw notFound('activity');
      assertFacilityInScope(await scope(principal), a.facility_id);
      await db.transaction().execute(async (trx) => {
        const enrolled = await repo.enrolments(activityId, trx);
        const byId = new Map(enrolled.filter((e) => e.status === 'enrolled').map((e) => [e.id, e]));
        const problems = body.entries.flatMap((entry, i) =>
          byId.has(entry.enrolmentId)
            ? []
            : [{ path: `entries.${i}.enrolmentId`, code: 'activity_attendance_not_enrolled' as const }],
        );
        if (problems.length > 0) throw errors.validation(problems);
        await repo.recordAttendance(
          trx,
          body.entries.map((entry) => ({
            enrolment_id: entry.enrolmentId,
            on_date: body.onDate,
            present: entry.present,
            recorded_by_name: principal.displayName,
          })),
        );
        await auditMany(
          trx,
          principal,
          body.entries.map((entry) => ({
            action: 'activity.attendance' as const,
            personId: byId.get(entry.enrolmentId)?.person_id ?? null,
            purpose: PURPOSE,
            details: { activityId, onDate: body.onDate, present: entry.present },
          })),
        );
      });
      return { recorded: body.entries.length };
    },

    /** Inmates with no activity for the threshold's days or more ("an active everyday life that prevents isolation"). */
    async inactive(principal: Principal, query: { facilityId?: string | undefined }) {
      const today = clock.today();
      const facilities = await scope(principal);
      if (query.facilityId) assertFacilityInScope(facilities, query.facilityId);
      const [rows, t] = await Promise.all([repo.activityHistory(facilities, query.facilityId), thresholds()]);
      const items = rows.flatMap((r) => {
        const days = inactiveDays(
          { placedFrom: r.placed_from, enrolledNow: r.enrolled_now, lastActivityEnd: r.last_end },
          today,
        );
        const threshold = t.of(r.facility_id);
        return days >= threshold
          ? [
              {
                person: { id: r.person_id, name: fullName(r) },
                facility: { id: r.facility_id, name: r.facility_name },
                days,
                threshold,
              },
            ]
          : [];
      });
      items.sort((a, b) => b.days - a.days);
      await db.transaction().execute((trx) =>
        auditMany(
          trx,
          principal,
          items.map((i) => ({
            action: 'activity.inactive.list' as const,
            personId: i.person.id,
            purpose: PURPOSE,
          })),
        ),
      );
      return { items, inmates: rows.length };
    },

    async thresholds(principal: Principal) {
      const facilities = await scope(principal);
      const t = await thresholds();
      return {
        national: thresholdFor(null, t.national),
        nationalSet: t.national !== null,
        facilities: t.rows.flatMap((r) =>
          r.facility_id && (facilities === null || facilities.includes(r.facility_id))
            ? [{ facilityId: r.facility_id, days: r.days }]
            : [],
        ),
      };
    },

    async setThreshold(principal: Principal, body: { facilityId: string | null; days: number }) {
      const facilities = await scope(principal);
      if (body.facilityId === null) {
        if (facilities !== null) throw errors.field('facilityId', 'threshold_national_scope');
      } else assertFacilityInScope(facilities, body.facilityId);
      await db.transaction().execute(async (trx) => {
        await repo.setThreshold(trx, {
          id: randomUUID(),
          facility_id: body.facilityId,
          days: body.days,
          set_by_name: principal.displayName,
        });
        await audit(trx, principal, {
          action: 'activity.threshold',
          purpose: PURPOSE,
          details: { facilityId: body.facilityId, days: body.days },
        });
      });
      return this.thresholds(principal);
    },

    // ── Contact officers and the caseload ────────────────────────────────────────────────
    async officers(principal: Principal, facilityId: string) {
      assertFacilityInScope(await scope(principal), facilityId);
      return { items: await repo.officers(facilityId) };
    },

    async personFollowup(principal: Principal, personId: string) {
      const today = clock.today();
      const p = await repo.person(personId);
      if (!p) throw errors.notFound('person');
      await assertPersonInScope(db, principal, personId, today);
      return db.transaction().execute(async (trx) => {
        const current = await repo.currentOfficer(personId, trx);
        await audit(trx, principal, { action: 'contact_officer.read', personId, purpose: PURPOSE });
        return {
          person: { id: p.id, name: fullName(p) },
          contactOfficer: current
            ? {
                id: current.id,
                staff: { id: current.staff_id, name: current.name },
                validFrom: current.valid_from,
                assignedBy: current.assigned_by_name,
              }
            : null,
        };
      });
    },

    /** One contact officer at a time: the current assignment ends the day the new one starts. */
    async assignOfficer(
      principal: Principal,
      personId: string,
      body: { staffId: string; validFrom?: string | undefined },
    ) {
      const today = clock.today();
      const validFrom = body.validFrom ?? today;
      const p = await repo.person(personId);
      if (!p) throw errors.notFound('person');
      await assertPersonInScope(db, principal, personId, today);
      try {
        await db.transaction().execute(async (trx) => {
          const placement = await repo.currentPlacement(personId, trx);
          if (!placement) throw errors.field('staffId', 'contact_officer_not_placed');
          const staff = await repo.staff(body.staffId, trx);
          if (!staff?.active) throw errors.notFound('staff');
          if (staff.facility_id !== placement.facility_id)
            throw errors.field('staffId', 'contact_officer_wrong_facility');
          const current = await repo.currentOfficer(personId, trx);
          if (current) {
            if (validFrom < current.valid_from) throw errors.field('validFrom', 'contact_officer_date');
            await repo.closeOfficer(trx, current.id, validFrom);
          }
          await repo.insertOfficer(trx, {
            id: randomUUID(),
            person_id: personId,
            staff_id: body.staffId,
            valid_from: validFrom,
            assigned_by_name: principal.displayName,
          });
          await audit(trx, principal, {
            action: 'contact_officer.assign',
            personId,
            purpose: PURPOSE,
            details: { staffId: body.staffId, validFrom },
          });
        });
      } catch (error) {
        if (isUniqueViolation(error, 'contact_officer_one_current')) throw errors.conflict('stale_version');
        throw error;
      }
      return this.personFollowup(principal, personId);
    },

    /**
     * The contact officer's people and what is due for each: the assessment's review, the next key
     * date within the horizon, days without activity past the threshold, checklist items open.
     */
    async caseload(principal: Principal, query: { staffId?: string | undefined }) {
      const today = clock.today();
      const facilities = await scope(principal);
      let officer: { id: string; name: string; facility_id: string } | undefined;
      if (query.staffId) {
        const s = await repo.staff(query.staffId);
        if (!s) throw errors.notFound('staff');
        officer = s;
      } else officer = await repo.staffOfUser(principal.userId);
      if (!officer) return { officer: null, horizonDays: CASELOAD_HORIZON_DAYS, items: [] };
      assertFacilityInScope(facilities, officer.facility_id);
      const horizon = addDays(today, CASELOAD_HORIZON_DAYS);
      const [rows, t] = await Promise.all([repo.caseload(officer.id, today, horizon), thresholds()]);
      const items = rows.map((r) => {
        const due: FollowupCaseloadDue[] = [];
        if (r.review_date !== null && r.review_date <= horizon)
          due.push({
            kind: 'assessment_review',
            date: r.review_date,
            key: null,
            count: null,
            overdue: r.review_date < today,
          });
        if (r.plan_review_date !== null && r.plan_review_date <= horizon)
          due.push({
            kind: 'plan_review',
            date: r.plan_review_date,
            key: null,
            count: null,
            overdue: r.plan_review_date < today,
          });
        if (r.next_key !== null)
          due.push({ kind: 'key_date', date: r.next_key_date, key: r.next_key, count: null, overdue: false });
        let days: number | null = null;
        if (r.placed_from !== null) {
          days = inactiveDays(
            { placedFrom: r.placed_from, enrolledNow: r.enrolled_now, lastActivityEnd: r.last_end },
            today,
          );
          if (days >= t.of(officer.facility_id))
            due.push({ kind: 'inactive', date: null, key: null, count: days, overdue: true });
        }
        if (r.checklist_id !== null && r.open_items > 0)
          due.push({
            kind: 'checklist',
            date: r.release_date,
            key: null,
            count: r.open_items,
            overdue: r.release_date !== null && r.release_date <= today,
          });
        return {
          person: { id: r.person_id, name: fullName(r) },
          facility: r.facility_name,
          since: r.officer_since,
          inactiveDays: days,
          due,
        };
      });
      await db.transaction().execute((trx) =>
        auditMany(
          trx,
          principal,
          items.map((i) => ({
            action: 'caseload.read' as const,
            personId: i.person.id,
            purpose: PURPOSE,
            details: { staffId: officer.id },
          })),
        ),
      );
      return { officer: { id: officer.id, name: officer.name }, horizonDays: CASELOAD_HORIZON_DAYS, items };
    },

    // ── Partners and referrals ───────────────────────────────────────────────────────────
    async partners() {
      const [partners, contacts] = await Promise.all([repo.partners(), repo.partnerContacts()]);
      return {
        items: partners.map((p) => ({
          id: p.id,
          name: p.name,
          kind: p.kind,
          municipality: p.municipality,
          contacts: contacts
            .filter((c) => c.partner_id === p.id)
            .map((c) => ({ id: c.id, name: c.name, role: c.role, phone: c.phone, email: c.email })),
        })),
      };
    },

    async createPartner(
      principal: Principal,
      body: { name: string; kind: Database['partner']['kind']; municipality: string },
    ) {
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await repo.insertPartner(trx, { id, ...body });
        await audit(trx, principal, {
          action: 'partner.create',
          purpose: PURPOSE,
          details: { partnerId: id },
        });
      });
      return { id, ...body, contacts: [] };
    },

    async addContact(
      principal: Principal,
      partnerId: string,
      body: { name: string; role: string; phone: string; email: string },
    ) {
      if (!(await repo.partner(partnerId))) throw notFound('partner');
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await repo.insertContact(trx, { id, partner_id: partnerId, ...body });
        await audit(trx, principal, {
          action: 'partner.contact.create',
          purpose: PURPOSE,
          details: { partnerId, contactId: id },
        });
      });
      const all = await this.partners();
      const found = all.items.find((p) => p.id === partnerId);
      if (!found) throw notFound('partner');
      return found;
    },

    async referrals(
      principal: Principal,
      query: { personId?: string | undefined; status?: ReferralStatus | undefined },
    ): Promise<{ items: ReferralView[] }> {
      const today = clock.today();
      if (query.personId) await assertPersonInScope(db, principal, query.personId, today);
      const rows = await repo.referrals({ facilities: await scope(principal), ...query });
      const items: ReferralView[] = rows.map((r) => ({
        id: r.id,
        person: { id: r.person_id, name: fullName(r) },
        partner: { id: r.partner_id, name: r.partner_name, kind: r.partner_kind },
        contact: r.contact_name,
        needArea: r.need_area,
        text: r.text,
        goal:
          r.plan_id && r.goal_key && r.goal_area
            ? {
                planId: r.plan_id,
                key: r.goal_key,
                needArea: r.goal_area as PlanNeedArea,
                description: r.goal_description ?? '',
              }
            : null,
        status: r.status,
        answer: r.answer,
        sentOn: r.sent_on,
        answeredOn: r.answered_on,
        createdBy: r.created_by_name,
        version: r.version,
      }));
      await db.transaction().execute((trx) =>
        auditMany(
          trx,
          principal,
          [...new Set(items.map((i) => i.person.id))].map((personId) => ({
            action: 'referral.list' as const,
            personId,
            purpose: PURPOSE,
          })),
        ),
      );
      return { items };
    },

    async createReferral(
      principal: Principal,
      body: {
        personId: string;
        partnerId: string;
        contactId?: string | null | undefined;
        needArea: ReferralView['needArea'];
        text: string;
        goalKey?: string | null | undefined;
      },
    ) {
      const today = clock.today();
      const p = await repo.person(body.personId);
      if (!p) throw errors.notFound('person');
      await assertPersonInScope(db, principal, body.personId, today);
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        if (!(await repo.partner(body.partnerId, trx))) throw notFound('partner');
        if (body.contactId) {
          const c = await repo.contact(body.contactId, trx);
          if (!c || c.partner_id !== body.partnerId)
            throw errors.field('contactId', 'referral_contact_partner');
        }
        const goal = body.goalKey ? await repo.currentPlanGoal(body.personId, body.goalKey, trx) : null;
        if (body.goalKey && !goal) throw errors.field('goalKey', 'plan_goal_not_in_plan');
        await repo.insertReferral(trx, {
          id,
          person_id: body.personId,
          partner_id: body.partnerId,
          contact_id: body.contactId ?? null,
          need_area: body.needArea,
          text: body.text,
          plan_id: goal?.plan_id ?? null,
          goal_key: goal ? (body.goalKey ?? null) : null,
          sent_on: today,
          created_by_name: principal.displayName,
        });
        await audit(trx, principal, {
          action: 'referral.create',
          personId: body.personId,
          purpose: PURPOSE,
          details: { referralId: id, partnerId: body.partnerId, needArea: body.needArea },
        });
      });
      const list = await this.referrals(principal, { personId: body.personId });
      const found = list.items.find((r) => r.id === id);
      if (!found) throw notFound('referral');
      return found;
    },

    async updateReferral(
      principal: Principal,
      id: string,
      body: { version: number; status: ReferralStatus; answer?: string | undefined },
    ) {
      const today = clock.today();
      const personId = await db.transaction().execute(async (trx) => {
        const r = await repo.referral(id, trx);
        if (!r) throw notFound('referral');
        await assertPersonInScope(trx, principal, r.person_id, today);
        if (r.version !== body.version) throw errors.conflict('stale_version');
        if (!referralTransitionAllowed(r.status, body.status))
          throw errors.field('status', 'referral_transition', { from: r.status, to: body.status });
        const answer = body.answer?.trim() ? body.answer.trim() : null;
        if (referralNeedsAnswer(body.status) && answer === null)
          throw errors.field('answer', 'referral_answer_required');
        await repo.updateReferral(trx, id, body.version, {
          status: body.status,
          answer: answer ?? r.answer,
          answered_on: answer !== null ? today : r.answered_on,
        });
        await audit(trx, principal, {
          action: 'referral.update',
          personId: r.person_id,
          purpose: PURPOSE,
          details: { referralId: id, from: r.status, to: body.status },
        });
        return r.person_id;
      });
      const list = await this.referrals(principal, { personId });
      const found = list.items.find((r) => r.id === id);
      if (!found) throw notFound('referral');
      return found;
    },

    // ── Release checklists ───────────────────────────────────────────────────────────────
    /**
     * The checklists ahead, with their flags; the releases within the horizon that have no
     * checklist yet; and those released in the last half year with items still open. Reading
     * makes nothing: checklists are made by prepareChecklists.
     */
    async checklists(principal: Principal, query: { facilityId?: string | undefined }) {
      const today = clock.today();
      const facilities = await scope(principal);
      if (query.facilityId) assertFacilityInScope(facilities, query.facilityId);
      const horizon = addDays(today, CHECKLIST_HORIZON_DAYS);
      const [upcoming, past, missing] = await Promise.all([
        repo.checklists({ facilities, facilityId: query.facilityId, from: addDays(today, 1), to: horizon }),
        repo.checklists({ facilities, facilityId: query.facilityId, from: addDays(today, -183), to: today }),
        repo.releasesWithoutChecklist(facilities, query.facilityId, today, horizon),
      ]);
      const items = await repo.items([...upcoming, ...past].map((c) => c.id));
      const byChecklist = new Map<string, ItemRow[]>();
      for (const i of items) byChecklist.set(i.checklist_id, [...(byChecklist.get(i.checklist_id) ?? []), i]);
      const up = upcoming.map((c) => checklistView(c, byChecklist.get(c.id) ?? [], today));
      const released = past
        .map((c) => checklistView(c, byChecklist.get(c.id) ?? [], today))
        .filter((c) => c.openItems > 0);
      const without = missing.map((m) => ({
        person: { id: m.person_id, name: fullName(m) },
        facility: { id: m.facility_id, name: m.facility_name },
        releaseDate: m.release_date,
        daysToRelease: daysBetween(today, m.release_date),
      }));
      await db.transaction().execute((trx) =>
        auditMany(
          trx,
          principal,
          [...up, ...released, ...without].map((c) => ({
            action: 'release.checklist.list' as const,
            personId: c.person.id,
            purpose: PURPOSE,
          })),
        ),
      );
      return {
        horizonDays: CHECKLIST_HORIZON_DAYS,
        upcoming: up,
        withoutChecklist: without,
        releasedWithOpenItems: released,
      };
    },

    /**
     * Makes the checklist, with its six open items, for every inmate in scope (or in the facility)
     * whose release falls within the horizon and has none; one transaction, audited per person.
     */
    async prepareChecklists(principal: Principal, body: { facilityId?: string | undefined }) {
      const today = clock.today();
      const facilities = await scope(principal);
      if (body.facilityId) assertFacilityInScope(facilities, body.facilityId);
      const horizon = addDays(today, CHECKLIST_HORIZON_DAYS);
      const created = await db.transaction().execute(async (trx) => {
        const rows = await repo.ensureChecklists(trx, facilities, body.facilityId, today, horizon);
        await auditMany(
          trx,
          principal,
          rows.map((r) => ({
            action: 'release.checklist.create' as const,
            personId: r.person_id,
            purpose: PURPOSE,
            details: { checklistId: r.id },
          })),
        );
        return rows.length;
      });
      return { horizonDays: CHECKLIST_HORIZON_DAYS, created };
    },

    async checklist(principal: Principal, id: string) {
      const today = clock.today();
      const c = await repo.checklist(id);
      if (!c) throw notFound('release_checklist');
      await assertPersonInScope(db, principal, c.person_id, today).catch(async (error) => {
        // A person released is no longer linked to the facility: the checklist's facility decides then.
        const facilities = await scope(principal);
        if (facilities !== null && !facilities.includes(c.facility_id)) throw error;
      });
      const items = await repo.items([id]);
      await audit(db, principal, {
        action: 'release.checklist.read',
        personId: c.person_id,
        purpose: PURPOSE,
        details: { checklistId: id },
      });
      return checklistView(c, items, today);
    },

    async updateItem(
      principal: Principal,
      checklistId: string,
      itemId: string,
      body: {
        version: number;
        status: ItemStatus;
        owner: string;
        dueDate?: string | null | undefined;
        note: string;
      },
    ) {
      const c = await repo.checklist(checklistId);
      if (!c) throw notFound('release_checklist');
      assertFacilityInScope(await scope(principal), c.facility_id);
      await db.transaction().execute(async (trx) => {
        const item = await repo.item(itemId, trx);
        if (!item || item.checklist_id !== checklistId) throw notFound('checklist_item');
        if (item.version !== body.version) throw errors.conflict('stale_version');
        await repo.updateItem(trx, itemId, body.version, {
          status: body.status,
          owner: body.owner,
          due_date: body.dueDate ?? null,
          note: body.note,
          updated_by_name: principal.displayName,
        });
        await audit(trx, principal, {
          action: 'release.item.update',
          personId: c.person_id,
          purpose: PURPOSE,
          details: { checklistId, area: item.area, status: body.status },
        });
      });
      return this.checklist(principal, checklistId);
    },

    // ── Statistics (no names) ────────────────────────────────────────────────────────────
    async statistics(
      principal: Principal,
      query: { from: string; to: string; facilityId?: string | undefined },
    ): Promise<FollowupStatistics> {
      if (query.to < query.from) throw errors.field('to', 'statistics_period');
      const today = clock.today();
      let facilities = await scope(principal);
      if (query.facilityId) {
        assertFacilityInScope(facilities, query.facilityId);
        facilities = [query.facilityId];
      }
      const on = earlier(query.to, today);
      const [act, part, lists, rec, plans, goals] = await Promise.all([
        repo.activityShare(facilities, on),
        repo.participation(facilities, query.from, query.to),
        repo.checklistCompleteness(facilities, query.from, earlier(query.to, today)),
        repo.recidivism(facilities, query.from, query.to, today),
        repo.plans(facilities, query.from, query.to, PLAN_WITHIN_DAYS),
        repo.goalsAtRelease(facilities, query.from, earlier(query.to, today)),
      ]);
      const total = emptyFigures();
      const byAge = new Map<AgeGroup, RecidivismFigures>(AGE_GROUPS.map((g) => [g, emptyFigures()]));
      const byGender = new Map<'female' | 'male' | 'unknown', RecidivismFigures>(
        (['female', 'male', 'unknown'] as const).map((g) => [g, emptyFigures()]),
      );
      const byLength = new Map<LengthBand, RecidivismFigures>(LENGTH_BANDS.map((g) => [g, emptyFigures()]));
      const byKind = new Map<string, RecidivismFigures>(
        (['prison_high', 'prison_lower', 'halfway_house', 'probation_office'] as const).map((g) => [
          g,
          emptyFigures(),
        ]),
      );
      const add = (f: RecidivismFigures | undefined, outcome: string, n: number) => {
        if (!f) return;
        f.released += n;
        if (outcome !== 'not_followed_up') f.followedUp += n;
        if (outcome === 'returned') f.returned += n;
      };
      for (const r of rec) {
        const n = Number(r.n);
        const age = ageGroupOf(r.age);
        add(total, r.outcome, n);
        add(byAge.get(age), r.outcome, n);
        add(byGender.get(r.gender === 'female' || r.gender === 'male' ? r.gender : 'unknown'), r.outcome, n);
        add(byLength.get(lengthBand(r.term_days)), r.outcome, n);
        add(byKind.get(r.facility_kind), r.outcome, n);
      }
      const rate = (f: RecidivismFigures) => ({ ...f, rate: share(f.returned, f.followedUp) });
      await audit(db, principal, {
        action: 'followup.statistics',
        purpose: PURPOSE,
        details: { from: query.from, to: query.to, facilityId: query.facilityId ?? null },
      });
      return {
        from: query.from,
        to: query.to,
        activity: { on, inmates: act.inmates, active: act.active, share: share(act.active, act.inmates) },
        participation: { ...part, share: share(part.present, part.recorded) },
        checklists: {
          ...lists,
          completeShare: share(lists.complete, lists.checklists),
          settledShare: share(lists.settled, lists.items),
        },
        recidivism: {
          years: RECIDIVISM_YEARS,
          total: rate(total),
          byAgeGroup: [...byAge].map(([group, f]) => ({ group, ...rate(f) })),
          byGender: [...byGender].map(([group, f]) => ({ group, ...rate(f) })),
          byLength: [...byLength].map(([group, f]) => ({ group, ...rate(f) })),
          byFacilityKind: [...byKind].map(([group, f]) => ({
            group: group as 'prison_high' | 'prison_lower' | 'halfway_house' | 'probation_office',
            ...rate(f),
          })),
        },
        plans: {
          withinDays: PLAN_WITHIN_DAYS,
          admitted: plans.admitted,
          plannedInTime: plans.planned,
          plannedShare: share(plans.planned, plans.admitted),
          agreed: plans.agreed,
          agreedShare: share(plans.agreed, plans.admitted),
        },
        goalsAtRelease: {
          released: goals.released,
          withPlan: goals.planned,
          withPlanShare: share(goals.planned, goals.released),
          goals: goals.goals,
          reached: goals.reached,
          reachedShare: share(goals.reached, goals.goals),
        },
      };
    },
  };
}

type FollowupCaseloadDue = {
  kind: 'assessment_review' | 'plan_review' | 'key_date' | 'inactive' | 'checklist';
  date: string | null;
  key: string | null;
  count: number | null;
  overdue: boolean;
};

export type FollowupService = ReturnType<typeof createFollowupService>;
