import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, IncidentTypeValue } from '../../db/types.ts';
import { daysBetween } from '../../domain/calendar.ts';
import {
  type ActionInput,
  type Bucket,
  bucketEnd,
  bucketsBetween,
  checkClosure,
  checkReport,
  INCIDENT_TYPES,
  type IncidentType,
  isOverdue,
  isSerious,
  type PartyInput,
  severityOf,
} from '../../domain/incidents.ts';
import { failureRate } from '../../domain/leave.ts';
import { assertFacilityInScope, facilitiesInScope, type Principal } from '../../shared/access.ts';
import { type AuditEntry, audit, auditMany } from '../../shared/audit.ts';
import type { Clock } from '../../shared/clock.ts';
import { errors, type FieldError } from '../../shared/errors.ts';
import {
  type ActionRow,
  createIncidentsRepository,
  type IncidentRow,
  type StatisticsFilter,
} from './incidents.repository.ts';
import type { Figures, IncidentView, ListItem, Statistics } from './incidents.schemas.ts';

const PURPOSE = 'incident';

const osloTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Now as an Oslo date and HH:MM, from the clock. */
function nowIn(clock: Clock) {
  return { date: clock.today(), time: osloTime.format(clock.now()) };
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export interface IncidentInput {
  facilityId: string;
  departmentId?: string | null | undefined;
  type: IncidentType;
  occurredOn: string;
  occurredTime: string;
  place?: string | undefined;
  description: string;
  immediateActions?: string | undefined;
  injury?: boolean | undefined;
  weapon?: boolean | undefined;
  people: (PartyInput & { note?: string | undefined })[];
  actions: ActionInput[];
  source?: 'report' | 'leave';
  leaveApplicationId?: string | null;
}

/**
 * Writes an incident with its people and actions, tells the facility's unit leaders when it is
 * serious, and audits each inmate named, all in the caller's transaction. The checks that need
 * the database (department, people, staff) are made here; the pure ones by checkReport.
 */
export async function recordIncident(
  trx: Kysely<Database>,
  principal: Principal,
  input: IncidentInput,
  now: { date: string; time: string },
): Promise<{ id: string; notified: number }> {
  const repo = createIncidentsRepository(trx);
  const problems: FieldError[] = checkReport(input, now);
  if (input.departmentId) {
    const d = await repo.department(input.departmentId, trx);
    if (!d || d.facility_id !== input.facilityId)
      problems.push({ path: 'departmentId', code: 'incident_department_wrong_facility' });
  }
  const personIds = [
    ...new Set(input.people.flatMap((p) => (p.kind === 'inmate' && p.personId ? [p.personId] : []))),
  ];
  const staffIds = [
    ...new Set(input.people.flatMap((p) => (p.kind === 'staff' && p.staffId ? [p.staffId] : []))),
  ];
  const [persons, staff] = await Promise.all([
    repo.persons(personIds, trx),
    repo.staffAt(input.facilityId, staffIds, trx),
  ]);
  const knownPersons = new Set(persons.map((p) => p.id));
  const knownStaff = new Set(staff.map((s) => s.id));
  input.people.forEach((p, i) => {
    if (p.kind === 'inmate' && p.personId && !knownPersons.has(p.personId))
      problems.push({ path: `people.${i}.personId`, code: 'incident_person_unknown' });
    if (p.kind === 'staff' && p.staffId && !knownStaff.has(p.staffId))
      problems.push({ path: `people.${i}.staffId`, code: 'incident_staff_wrong_facility' });
  });
  if (problems.length > 0) throw errors.validation(problems);

  const staffVictim = input.people.some((p) => p.kind === 'staff' && p.role === 'victim');
  const severity = severityOf({
    type: input.type,
    injury: input.injury ?? false,
    weapon: input.weapon ?? false,
    staffVictim,
  });
  const id = randomUUID();
  await repo.insert(trx, {
    id,
    facility_id: input.facilityId,
    department_id: input.departmentId ?? null,
    type: input.type as IncidentTypeValue,
    severity: severity.severity,
    occurred_on: input.occurredOn,
    occurred_time: input.occurredTime,
    place: input.place ?? '',
    description: input.description,
    immediate_actions: input.immediateActions ?? '',
    injury: input.injury ?? false,
    weapon: input.weapon ?? false,
    source: input.source ?? 'report',
    leave_application_id: input.leaveApplicationId ?? null,
    reported_by: principal.userId,
    reported_by_name: principal.displayName,
  });
  await repo.insertParties(
    trx,
    input.people.map((p) => ({
      id: randomUUID(),
      incident_id: id,
      role: p.role,
      kind: p.kind,
      person_id: p.kind === 'inmate' ? (p.personId ?? null) : null,
      staff_id: p.kind === 'staff' ? (p.staffId ?? null) : null,
      external_name: p.kind === 'external' ? (p.name?.trim() ?? null) : null,
      note: p.note ?? '',
    })),
  );
  await repo.insertActions(
    trx,
    input.actions.map((a) => ({
      id: randomUUID(),
      incident_id: id,
      description: a.description,
      owner: a.owner,
      deadline: a.deadline,
      created_by_name: principal.displayName,
    })),
  );
  let notified = 0;
  if (isSerious(severity.severity)) {
    const leaders = await repo.unitLeadersFor(trx, input.facilityId, now.date);
    await repo.insertNotifications(
      trx,
      leaders.map((userId) => ({
        id: randomUUID(),
        user_id: userId,
        kind: 'incident_serious' as const,
        incident_id: id,
        facility_id: input.facilityId,
      })),
    );
    notified = leaders.length;
  }
  const action = input.source === 'leave' ? 'incident.failure_to_return' : 'incident.report';
  const entries: AuditEntry[] = personIds.map((personId) => ({
    action,
    personId,
    purpose: PURPOSE,
    details: { incidentId: id, type: input.type, severity: severity.severity },
  }));
  if (entries.length === 0)
    entries.push({
      action,
      purpose: PURPOSE,
      details: { incidentId: id, type: input.type, severity: severity.severity },
    });
  await auditMany(trx, principal, entries);
  return { id, notified };
}

/**
 * The leave module's return path: a person who did not come back from leave is an incident of
 * type failure_to_return at the facility that granted it, in the same transaction as the return.
 */
export function recordFailureToReturn(
  trx: Kysely<Database>,
  principal: Principal,
  leave: { applicationId: string; personId: string; facilityId: string; toDate: string; toTime: string },
) {
  return recordIncident(
    trx,
    principal,
    {
      facilityId: leave.facilityId,
      type: 'failure_to_return',
      occurredOn: leave.toDate,
      occurredTime: leave.toTime,
      place: '',
      description:
        'Innsatte returnerte ikke fra permisjon til fastsatt tid. / The inmate did not return from leave.',
      people: [{ role: 'subject', kind: 'inmate', personId: leave.personId }],
      actions: [],
      source: 'leave',
      leaveApplicationId: leave.applicationId,
    },
    // Recorded after the planned return: the incident lies in the past by definition.
    { date: '9999-12-31', time: '23:59' },
  );
}

function emptyFigures(): Figures {
  return {
    byType: Object.fromEntries(INCIDENT_TYPES.map((t) => [t, 0])),
    total: 0,
    violenceAgainstStaff: 0,
    escapes: 0,
    failuresToReturn: 0,
    leavesTaken: 0,
    leaveFailures: 0,
    perThousand: null,
  };
}

/**
 * Adds the incident counts and leaves of one group into figures, and the failure rate per 1,000
 * leaves ("svikttall", the leave module's definition: late returns and no return).
 */
function fill(
  target: Figures,
  counts: readonly { type: string; n: number; violence_staff: number }[],
  leaves: { n: number; failures: number } | undefined,
): Figures {
  for (const c of counts) {
    target.byType[c.type] = (target.byType[c.type] ?? 0) + Number(c.n);
    target.total += Number(c.n);
    target.violenceAgainstStaff += Number(c.violence_staff);
    if (c.type === 'escape') target.escapes += Number(c.n);
    if (c.type === 'failure_to_return') target.failuresToReturn += Number(c.n);
  }
  target.leavesTaken += Number(leaves?.n ?? 0);
  target.leaveFailures += Number(leaves?.failures ?? 0);
  target.perThousand = failureRate(target.leavesTaken, target.leaveFailures);
  return target;
}

function groupBy<T extends { key: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.key) ?? [];
    list.push(r);
    map.set(r.key, list);
  }
  return map;
}

export function createIncidentsService(db: Kysely<Database>, clock: Clock) {
  const repo = createIncidentsRepository(db);

  function actionView(a: ActionRow, today: string) {
    return {
      id: a.id,
      version: a.version,
      description: a.description,
      owner: a.owner,
      deadline: a.deadline,
      status: a.status,
      overdue: isOverdue(a, today),
      note: a.note,
      completedBy: a.completed_by_name,
      completedAt: iso(a.completed_at),
      createdBy: a.created_by_name,
    };
  }

  async function view(row: IncidentRow, today: string): Promise<IncidentView> {
    const [parties, actions, notified] = await Promise.all([
      repo.parties(row.id),
      repo.actions(row.id),
      repo.notifiedCount(row.id),
    ]);
    const severity = severityOf({
      type: row.type,
      injury: row.injury,
      weapon: row.weapon,
      staffVictim: parties.some((p) => p.kind === 'staff' && p.role === 'victim'),
    });
    const actionViews = actions.map((a) => actionView(a, today));
    return {
      id: row.id,
      version: row.version,
      type: row.type,
      severity: row.severity,
      severityReason: { reason: severity.reason, source: severity.source },
      facility: { id: row.facility_id, name: row.facility_name },
      department: row.department_id ? { id: row.department_id, name: row.department_name ?? '' } : null,
      occurredOn: row.occurred_on,
      occurredTime: row.occurred_time,
      status: row.status,
      source: row.source,
      people: parties.length,
      openActions: actionViews.filter((a) => a.status === 'open').length,
      overdueActions: actionViews.filter((a) => a.overdue).length,
      place: row.place,
      description: row.description,
      immediateActions: row.immediate_actions,
      injury: row.injury,
      weapon: row.weapon,
      closureNote: row.closure_note,
      closedBy: row.closed_by_name,
      closedAt: iso(row.closed_at),
      leaveApplicationId: row.leave_application_id,
      reportedBy: row.reported_by_name,
      reportedAt: new Date(row.reported_at).toISOString(),
      peopleInvolved: parties.map((p) => ({
        id: p.id,
        role: p.role,
        kind: p.kind,
        personId: p.person_id,
        staffId: p.staff_id,
        name: p.name,
        note: p.note,
      })),
      actions: actionViews,
      notified,
    };
  }

  /** The incident, after checking that its facility is in the caller's scope. */
  async function scoped(principal: Principal, id: string): Promise<IncidentRow> {
    const row = await repo.one(id);
    if (!row) throw errors.notFound('incident');
    assertFacilityInScope(await facilitiesInScope(db, principal, clock.today()), row.facility_id);
    return row;
  }

  /** Locks the incident and checks its version and that it is open. */
  async function lockedOpen(trx: Kysely<Database>, id: string, version: number) {
    const row = await repo.lock(trx, id);
    if (!row) throw errors.notFound('incident');
    if (row.version !== version) throw errors.conflict('stale_version');
    if (row.status === 'closed') throw errors.conflict('incident_closed');
    return row;
  }

  /** One read of the incident: audited for each inmate it names. */
  async function detail(principal: Principal, id: string) {
    const today = clock.today();
    const row = await scoped(principal, id);
    const out = await view(row, today);
    const inmates = [...new Set(out.peopleInvolved.flatMap((p) => (p.personId ? [p.personId] : [])))];
    await auditMany(
      db,
      principal,
      inmates.length > 0
        ? inmates.map((personId) => ({
            action: 'incident.read',
            personId,
            purpose: PURPOSE,
            details: { incidentId: id },
          }))
        : [{ action: 'incident.read', purpose: PURPOSE, details: { incidentId: id } }],
    );
    return out;
  }

  async function statistics(
    principal: Principal,
    query: {
      from: string;
      to: string;
      bucket: Bucket;
      orgUnitId?: string | undefined;
      facilityId?: string | undefined;
    },
  ): Promise<Statistics> {
    if (query.to < query.from || daysBetween(query.from, query.to) > 12 * 366)
      throw errors.field('to', 'incident_period_invalid');
    if (query.orgUnitId && query.facilityId) throw errors.field('facilityId', 'incident_scope_choice');
    const facilities = await facilitiesInScope(db, principal, clock.today());
    if (query.facilityId) assertFacilityInScope(facilities, query.facilityId);
    const filter: StatisticsFilter = { ...query, facilities };
    let selection: Statistics['selection'] = {
      kind: facilities === null ? 'national' : 'scope',
      id: null,
      name: facilities === null ? 'Norge' : '',
    };
    if (query.facilityId) {
      const f = await repo.facility(query.facilityId);
      if (!f) throw errors.notFound('facility');
      selection = { kind: 'facility', id: f.id, name: f.name };
    } else if (query.orgUnitId) {
      const u = await repo.orgUnit(query.orgUnitId);
      if (!u) throw errors.field('orgUnitId', 'measure_scope_missing');
      selection = { kind: 'org_unit', id: u.id, name: u.name };
    }
    const breakdownKind: 'org_unit' | 'facility' = selection.kind === 'national' ? 'org_unit' : 'facility';
    const [bucketCounts, bucketLeaves, groupCounts, groupLeaves] = await Promise.all([
      repo.incidentCounts(filter, 'bucket'),
      repo.leavesTaken(filter, 'bucket'),
      repo.incidentCounts(filter, breakdownKind),
      repo.leavesTaken(filter, breakdownKind),
    ]);
    const countsByBucket = groupBy(bucketCounts);
    const leavesByBucket = new Map(bucketLeaves.map((l) => [l.key, l]));
    const series = bucketsBetween(query.from, query.to, query.bucket).map((period) => ({
      period,
      from: [period, query.from].sort()[1] as string,
      to: [bucketEnd(period, query.bucket), query.to].sort()[0] as string,
      ...fill(emptyFigures(), countsByBucket.get(period) ?? [], leavesByBucket.get(period)),
    }));
    const countsByGroup = groupBy(groupCounts.filter((c) => c.key !== null));
    const leavesByGroup = new Map(groupLeaves.filter((l) => l.key !== null).map((l) => [l.key, l]));
    const keys = [...new Set([...countsByGroup.keys(), ...leavesByGroup.keys()])];
    const names = new Map((await repo.names(breakdownKind, keys)).map((n) => [n.id, n.name]));
    const breakdown = keys
      .map((key) => ({
        id: key,
        name: names.get(key) ?? key,
        ...fill(emptyFigures(), countsByGroup.get(key) ?? [], leavesByGroup.get(key)),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
    const total = fill(
      emptyFigures(),
      bucketCounts,
      bucketLeaves.reduce(
        (sum, l) => ({ n: sum.n + Number(l.n), failures: sum.failures + Number(l.failures) }),
        {
          n: 0,
          failures: 0,
        },
      ),
    );
    return {
      from: query.from,
      to: query.to,
      bucket: query.bucket,
      selection,
      types: [...INCIDENT_TYPES],
      series,
      breakdown: { kind: breakdownKind, items: breakdown },
      total,
    };
  }

  return {
    detail,
    statistics,

    /** Incidents at the facilities in the caller's scope, newest first; no names in the list. */
    async list(
      principal: Principal,
      query: {
        facilityId?: string | undefined;
        status?: 'open' | 'closed' | undefined;
        type?: string | undefined;
        severity?: string | undefined;
        from?: string | undefined;
        to?: string | undefined;
        page: number;
        pageSize: number;
      },
    ) {
      const today = clock.today();
      const facilities = await facilitiesInScope(db, principal, today);
      if (query.facilityId) assertFacilityInScope(facilities, query.facilityId);
      const { rows, total } = await repo.list({ ...query, facilities, today });
      const items: ListItem[] = rows.map((r) => ({
        id: r.id,
        version: r.version,
        type: r.type,
        severity: r.severity,
        facility: { id: r.facility_id, name: r.facility_name },
        department: r.department_id ? { id: r.department_id, name: r.department_name ?? '' } : null,
        occurredOn: r.occurred_on,
        occurredTime: r.occurred_time,
        status: r.status,
        source: r.source,
        people: Number(r.people),
        openActions: Number(r.open_actions),
        overdueActions: Number(r.overdue_actions),
      }));
      await audit(db, principal, {
        action: 'incident.list',
        purpose: PURPOSE,
        details: { ...query, count: items.length },
      });
      return { items, page: query.page, pageSize: query.pageSize, total };
    },

    /** A new report: checked, written with its people and actions, the unit leaders told if serious. */
    async report(principal: Principal, body: IncidentInput) {
      const now = nowIn(clock);
      assertFacilityInScope(await facilitiesInScope(db, principal, now.date), body.facilityId);
      if (!(await repo.facility(body.facilityId)))
        throw errors.field('facilityId', 'not_found', { what: 'facility' });
      const { id } = await db
        .transaction()
        .execute((trx) => recordIncident(trx, principal, { ...body, source: 'report' }, now));
      return detail(principal, id);
    },

    /** Another person involved, named after the report. */
    async addPerson(
      principal: Principal,
      id: string,
      body: PartyInput & { version: number; note?: string | undefined },
    ) {
      const row = await scoped(principal, id);
      const problems = checkReport(
        {
          type: 'other',
          occurredOn: row.occurred_on,
          occurredTime: row.occurred_time,
          people: [body],
          actions: [],
        },
        { date: '9999-12-31', time: '23:59' },
      ).map((p) => ({ ...p, path: p.path.replace(/^people\.0\.?/, '') || 'role' }));
      if (problems.length > 0) throw errors.validation(problems);
      await db.transaction().execute(async (trx) => {
        await lockedOpen(trx, id, body.version);
        const existing = await repo.parties(id, trx);
        const same = existing.some(
          (p) =>
            p.role === body.role &&
            p.kind === body.kind &&
            ((body.kind === 'inmate' && p.person_id === body.personId) ||
              (body.kind === 'staff' && p.staff_id === body.staffId) ||
              (body.kind === 'external' &&
                p.external_name?.toLowerCase() === body.name?.trim().toLowerCase())),
        );
        if (same) throw errors.field('role', 'incident_party_duplicate');
        if (
          body.kind === 'inmate' &&
          body.personId &&
          (await repo.persons([body.personId], trx)).length === 0
        )
          throw errors.field('personId', 'incident_person_unknown');
        if (
          body.kind === 'staff' &&
          body.staffId &&
          (await repo.staffAt(row.facility_id, [body.staffId], trx)).length === 0
        )
          throw errors.field('staffId', 'incident_staff_wrong_facility');
        await repo.insertParties(trx, [
          {
            id: randomUUID(),
            incident_id: id,
            role: body.role,
            kind: body.kind,
            person_id: body.kind === 'inmate' ? (body.personId ?? null) : null,
            staff_id: body.kind === 'staff' ? (body.staffId ?? null) : null,
            external_name: body.kind === 'external' ? (body.name?.trim() ?? null) : null,
            note: body.note ?? '',
          },
        ]);
        // Violence against a member of staff is serious: the severity follows the people.
        const staffVictim =
          (body.kind === 'staff' && body.role === 'victim') ||
          existing.some((p) => p.kind === 'staff' && p.role === 'victim');
        const severity = severityOf({
          type: row.type,
          injury: row.injury,
          weapon: row.weapon,
          staffVictim,
        }).severity;
        if (!(await repo.bump(trx, id, body.version, { severity }))) throw errors.conflict('stale_version');
        await audit(trx, principal, {
          action: 'incident.party.add',
          personId: body.kind === 'inmate' ? (body.personId ?? null) : null,
          purpose: PURPOSE,
          details: { incidentId: id, role: body.role, kind: body.kind },
        });
      });
      return detail(principal, id);
    },

    /** A follow-up action with an owner and a deadline. */
    async addAction(principal: Principal, id: string, body: ActionInput & { version: number }) {
      const row = await scoped(principal, id);
      if (body.deadline < row.occurred_on)
        throw errors.field('deadline', 'incident_action_deadline', { date: row.occurred_on });
      await db.transaction().execute(async (trx) => {
        await lockedOpen(trx, id, body.version);
        await repo.insertActions(trx, [
          {
            id: randomUUID(),
            incident_id: id,
            description: body.description,
            owner: body.owner,
            deadline: body.deadline,
            created_by_name: principal.displayName,
          },
        ]);
        await repo.bump(trx, id, body.version);
        await audit(trx, principal, {
          action: 'incident.action.add',
          purpose: PURPOSE,
          details: { incidentId: id, deadline: body.deadline },
        });
      });
      return detail(principal, id);
    },

    /** An action done or cancelled (its own version: 409 when someone else was first). */
    async updateAction(
      principal: Principal,
      id: string,
      actionId: string,
      body: { version: number; status: 'done' | 'cancelled'; note?: string | undefined },
    ) {
      await scoped(principal, id);
      await db.transaction().execute(async (trx) => {
        const incident = await repo.lock(trx, id);
        if (!incident) throw errors.notFound('incident');
        if (incident.status === 'closed') throw errors.conflict('incident_closed');
        const action = await repo.action(trx, id, actionId);
        if (!action) throw errors.notFound('incident_action');
        if (action.version !== body.version) throw errors.conflict('stale_version');
        if (action.status !== 'open')
          throw errors.conflict('incident_action_not_open', { status: action.status });
        const ok = await repo.updateActionIfVersion(trx, actionId, body.version, {
          status: body.status,
          note: body.note?.trim() || null,
          completed_by_name: principal.displayName,
          completed_at: clock.now(),
        });
        if (!ok) throw errors.conflict('stale_version');
        await repo.bump(trx, id, incident.version);
        await audit(trx, principal, {
          action: 'incident.action.update',
          purpose: PURPOSE,
          details: { incidentId: id, actionId, status: body.status },
        });
      });
      return detail(principal, id);
    },

    /** Closes the incident: every action done, or with a note (open actions are then cancelled). */
    async close(principal: Principal, id: string, body: { version: number; note?: string | undefined }) {
      await scoped(principal, id);
      await db.transaction().execute(async (trx) => {
        await lockedOpen(trx, id, body.version);
        const actions = await repo.actions(id, trx);
        const check = checkClosure(actions, body.note);
        if (!check.ok) throw errors.field('note', check.code, { open: check.openActions });
        const note = body.note?.trim() || null;
        if (check.openActions > 0) await repo.cancelOpenActions(trx, id, principal.displayName, note ?? '');
        const ok = await repo.bump(trx, id, body.version, {
          status: 'closed',
          closure_note: note,
          closed_by_name: principal.displayName,
          closed_at: clock.now(),
        });
        if (!ok) throw errors.conflict('stale_version');
        await audit(trx, principal, {
          action: 'incident.close',
          purpose: PURPOSE,
          details: { incidentId: id, cancelledActions: check.openActions },
        });
      });
      return detail(principal, id);
    },

    /** Facilities in the caller's scope with their departments: the report form's choices. */
    async facilities(principal: Principal) {
      const today = clock.today();
      return { items: await repo.facilities(await facilitiesInScope(db, principal, today), today) };
    },

    /** The staff register of a facility in scope (names and numbers only). */
    async staff(principal: Principal, facilityId: string) {
      assertFacilityInScope(await facilitiesInScope(db, principal, clock.today()), facilityId);
      const rows = await repo.staff(facilityId);
      return {
        items: rows.map((s) => ({ id: s.id, name: s.name, staffNumber: s.staff_number, title: s.title })),
      };
    },

    /** The caller's notifications: unread first in count, newest first in the list. */
    async notifications(principal: Principal) {
      const rows = await repo.notifications(principal.userId);
      return {
        unread: rows.filter((r) => r.read_at === null).length,
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          incident:
            r.incident_id && r.type && r.severity && r.occurred_on && r.occurred_time
              ? {
                  id: r.incident_id,
                  type: r.type,
                  severity: r.severity,
                  occurredOn: r.occurred_on,
                  occurredTime: r.occurred_time,
                }
              : null,
          facility: r.facility_id ? { id: r.facility_id, name: r.facility_name ?? '' } : null,
          createdAt: new Date(r.created_at).toISOString(),
          read: r.read_at !== null,
        })),
      };
    },

    async markRead(principal: Principal, id: string) {
      if (!(await repo.markRead(principal.userId, id))) throw errors.notFound('notification');
    },
  };
}

export type IncidentsService = ReturnType<typeof createIncidentsService>;
