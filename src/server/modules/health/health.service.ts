import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { Database, HealthStatusTable } from '../../db/types.ts';
import { addDays, daysBetween } from '../../domain/calendar.ts';
import {
  CASE_STATUSES,
  type ContactKind,
  type HealthStatusKind,
  isOpenOn,
  ONE_DEPARTMENT_WINDOW_DAYS,
  periodsOverlap,
  type RosterLevel,
  rankContacts,
  rosterBreak,
  rosterDecision,
  SEPARATING_STATUSES,
  type StatusPeriod,
  tracingWindow,
  validateStatus,
} from '../../domain/health.ts';
import {
  assertFacilityInScope,
  assertPersonInScope,
  facilitiesInScope,
  type Principal,
} from '../../shared/access.ts';
import { audit, auditMany } from '../../shared/audit.ts';
import type { Clock } from '../../shared/clock.ts';
import { errors, type FieldError, isUniqueViolation } from '../../shared/errors.ts';
import { measuresInForce } from '../measures/measures.repository.ts';
import { createHealthRepository, type StatusRow, type Subject } from './health.repository.ts';
import type { StaffView, StatusView } from './health.schemas.ts';

const PURPOSE = 'infection_control';
/** The longest roster period one request may read: a little over two months. */
const ROSTER_MAX_DAYS = 62;

function present(row: StatusRow, on: string): StatusView {
  return {
    id: row.id,
    version: row.version,
    subject: {
      kind: row.subject_kind,
      id: (row.subject_kind === 'inmate' ? row.person_id : row.staff_id) as string,
      name: row.subject_name,
    },
    facility: { id: row.facility_id, name: row.facility_name },
    status: row.status,
    fromDate: row.from_date,
    toDate: row.to_date,
    tracedFromId: row.traced_from_id,
    recordedBy: row.recorded_by_name,
    recordedAt: new Date(row.recorded_at).toISOString(),
    open: isOpenOn({ status: row.status, fromDate: row.from_date, toDate: row.to_date }, on),
  };
}

const toPeriod = (r: {
  id: string;
  status: HealthStatusKind;
  from_date: string;
  to_date: string | null;
}) => ({
  id: r.id,
  status: r.status,
  fromDate: r.from_date,
  toDate: r.to_date,
});

/** One audit entry per status read: an inmate's carries the person, a staff member's the staff id. */
function readEntries(rows: readonly StatusRow[], action: 'health.list' | 'health.read') {
  return rows.map((r) => ({
    action,
    personId: r.person_id,
    purpose: PURPOSE,
    details: { statusId: r.id, ...(r.staff_id ? { staffId: r.staff_id } : {}) },
  }));
}

export function createHealthService(db: Kysely<Database>, clock: Clock) {
  const repo = createHealthRepository(db);

  async function scopeOf(principal: Principal) {
    return facilitiesInScope(db, principal, clock.today());
  }

  async function facilityInScope(principal: Principal, facilityId: string) {
    const facility = await repo.facility(facilityId);
    if (!facility) throw errors.notFound('facility');
    assertFacilityInScope(await scopeOf(principal), facilityId);
    return facility;
  }

  /** The level of "staff work in one department" in force at the facility on the date, or null. */
  async function oneDepartmentLevel(
    trx: Kysely<Database>,
    facilityId: string,
    on: string,
  ): Promise<RosterLevel | null> {
    const found = (await measuresInForce(trx, facilityId, on)).find((e) => e.type === 'staff_one_department');
    return (found?.measure.level as RosterLevel | undefined) ?? null;
  }

  /**
   * Where a status of the subject is recorded: an inmate's at the facility where they are placed
   * on the from date (or today), a staff member's at their own facility. Null when not placed.
   */
  async function facilityOf(trx: Kysely<Database>, subject: Subject, on: string): Promise<string | null> {
    const r = createHealthRepository(trx);
    if (subject.kind === 'staff') return (await r.staffMember(subject.id))?.facility_id ?? null;
    return (await r.placedAt(subject.id, on)) ?? (await r.placedNow(subject.id));
  }

  async function insertStatus(
    trx: Kysely<Database>,
    principal: Principal,
    subject: Subject,
    facilityId: string,
    input: { status: HealthStatusKind; fromDate: string; toDate: string | null; tracedFromId: string | null },
  ): Promise<string> {
    const id = randomUUID();
    const row: Insertable<HealthStatusTable> = {
      id,
      subject_kind: subject.kind,
      person_id: subject.kind === 'inmate' ? subject.id : null,
      staff_id: subject.kind === 'staff' ? subject.id : null,
      facility_id: facilityId,
      status: input.status,
      from_date: input.fromDate,
      to_date: input.toDate,
      traced_from_id: input.tracedFromId,
      recorded_by: principal.userId,
      recorded_by_name: principal.displayName,
    };
    await createHealthRepository(trx).insertStatuses([row]);
    return id;
  }

  async function readStatus(id: string) {
    const row = await repo.status(id);
    if (!row) throw errors.notFound('health_status');
    return row;
  }

  return {
    /** The prisons and halfway houses the caller may see, for pickers. No personal data. */
    async facilities(principal: Principal) {
      const items = await repo.facilities(clock.today(), await scopeOf(principal));
      return { items };
    },

    // -------------------------------------------------------------- staff

    async staff(principal: Principal, facilityId: string) {
      const facility = await facilityInScope(principal, facilityId);
      const [departments, rows] = await Promise.all([repo.departments(facilityId), repo.staff(facilityId)]);
      await audit(db, principal, {
        action: 'staff.list',
        purpose: PURPOSE,
        details: { facilityId, count: rows.length },
      });
      return {
        facility,
        departments,
        items: rows.map(
          (s): StaffView => ({
            id: s.id,
            staffNumber: s.staff_number,
            name: s.name,
            facilityId: s.facility_id,
            department:
              s.department_id && s.department_name ? { id: s.department_id, name: s.department_name } : null,
            title: s.title,
            active: s.active,
          }),
        ),
      };
    },

    async createStaff(
      principal: Principal,
      input: {
        name: string;
        staffNumber: string;
        facilityId: string;
        departmentId?: string | null | undefined;
        title: StaffView['title'];
      },
    ) {
      await facilityInScope(principal, input.facilityId);
      const departmentId = input.departmentId ?? null;
      if (departmentId) {
        const department = await repo.department(departmentId);
        if (!department || department.facility_id !== input.facilityId)
          throw errors.field('departmentId', 'department_not_in_facility');
      }
      const id = randomUUID();
      try {
        await db.transaction().execute(async (trx) => {
          await createHealthRepository(trx).insertStaff({
            id,
            name: input.name,
            staff_number: input.staffNumber,
            facility_id: input.facilityId,
            department_id: departmentId,
            title: input.title,
          });
          await audit(trx, principal, {
            action: 'staff.create',
            purpose: PURPOSE,
            details: { staffId: id, facilityId: input.facilityId },
          });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw errors.field('staffNumber', 'staff_number_taken');
        throw error;
      }
      const list = await repo.staff(input.facilityId);
      const s = list.find((x) => x.id === id);
      if (!s) throw errors.notFound('staff');
      return {
        id: s.id,
        staffNumber: s.staff_number,
        name: s.name,
        facilityId: s.facility_id,
        department:
          s.department_id && s.department_name ? { id: s.department_id, name: s.department_name } : null,
        title: s.title,
        active: s.active,
      } satisfies StaffView;
    },

    // -------------------------------------------------------------- statuses

    /** Statuses open at a facility on a date, inmates and staff; each hit is an audited read. */
    async list(principal: Principal, facilityId: string, on?: string) {
      const date = on ?? clock.today();
      const facility = await facilityInScope(principal, facilityId);
      const rows = await repo.statusesOpenAt(facilityId, date);
      await auditMany(db, principal, readEntries(rows, 'health.list'));
      return {
        facility: { id: facility.id, name: facility.name },
        on: date,
        items: rows.map((r) => present(r, date)),
      };
    },

    /** A person's statuses, for the person page. */
    async ofPerson(principal: Principal, personId: string) {
      const today = clock.today();
      if (!(await repo.personName(personId))) throw errors.notFound('person');
      await assertPersonInScope(db, principal, personId, today);
      const rows = await repo.statusesOfPerson(personId);
      await auditMany(db, principal, [
        { action: 'health.read', personId, purpose: PURPOSE, details: { count: rows.length } },
      ]);
      return { today, items: rows.map((r) => present(r, today)) };
    },

    async record(
      principal: Principal,
      input: {
        subjectKind: 'inmate' | 'staff';
        personId?: string | undefined;
        staffId?: string | undefined;
        status: HealthStatusKind;
        fromDate: string;
        toDate?: string | null | undefined;
        tracedFromId?: string | null | undefined;
      },
    ) {
      const subjectId = input.subjectKind === 'inmate' ? input.personId : input.staffId;
      if (!subjectId)
        throw errors.field(input.subjectKind === 'inmate' ? 'personId' : 'staffId', 'field_required');
      const subject: Subject = { kind: input.subjectKind, id: subjectId };
      const scope = await scopeOf(principal);
      const id = await db.transaction().execute(async (trx) => {
        const r = createHealthRepository(trx);
        if (!(await r.lockSubject(subject)))
          throw errors.notFound(subject.kind === 'inmate' ? 'person' : 'staff');
        const facilityId = await facilityOf(trx, subject, input.fromDate);
        if (!facilityId) throw errors.field('personId', 'health_not_placed');
        assertFacilityInScope(scope, facilityId);
        let tracedFrom: StatusPeriod | null = null;
        if (input.tracedFromId) {
          const source = await r.lockStatus(input.tracedFromId);
          if (!source) throw errors.field('tracedFromId', 'health_traced_from_invalid');
          assertFacilityInScope(scope, source.facility_id);
          tracedFrom = toPeriod(source);
        }
        const period = { status: input.status, fromDate: input.fromDate, toDate: input.toDate ?? null };
        const existing = (await r.statusesOf(subject)).map(toPeriod);
        const problems = validateStatus(period, existing, tracedFrom);
        if (problems.length > 0)
          throw errors.validation(
            problems.map(
              (p): FieldError => ({
                ...p,
                params: p.code === 'health_before_case' && tracedFrom ? { date: tracedFrom.fromDate } : {},
              }),
            ),
          );
        const newId = await insertStatus(trx, principal, subject, facilityId, {
          ...period,
          tracedFromId: input.tracedFromId ?? null,
        });
        await audit(trx, principal, {
          action: 'health.record',
          personId: subject.kind === 'inmate' ? subject.id : null,
          purpose: PURPOSE,
          details: {
            statusId: newId,
            status: input.status,
            ...(subject.kind === 'staff' ? { staffId: subject.id } : {}),
          },
        });
        return newId;
      });
      return present(await readStatus(id), clock.today());
    },

    /** Ends a status on a date (today unless given): it is open through that day. */
    async end(principal: Principal, id: string, input: { version: number; toDate?: string | undefined }) {
      const today = clock.today();
      const toDate = input.toDate ?? today;
      const scope = await scopeOf(principal);
      await db.transaction().execute(async (trx) => {
        const r = createHealthRepository(trx);
        const row = await r.lockStatus(id);
        if (!row) throw errors.notFound('health_status');
        assertFacilityInScope(scope, row.facility_id);
        if (row.version !== input.version) throw errors.conflict('stale_version');
        if (row.to_date !== null && row.to_date < today) throw errors.conflict('health_status_ended');
        if (toDate < row.from_date) throw errors.field('toDate', 'health_to_before_from');
        if (!(await r.endIfVersion(id, input.version, toDate, principal.userId)))
          throw errors.conflict('stale_version');
        await audit(trx, principal, {
          action: 'health.end',
          personId: row.person_id,
          purpose: PURPOSE,
          details: { statusId: id, toDate, ...(row.staff_id ? { staffId: row.staff_id } : {}) },
        });
      });
      return present(await readStatus(id), today);
    },

    // -------------------------------------------------------------- tracing

    /**
     * Everyone who shared a cell, department, shift or visiting room with the case in the N days
     * before its from date, ranked by exposure. Only contacts made in the reader's facilities are
     * listed; the others are counted.
     */
    async contacts(principal: Principal, id: string, days: number) {
      const today = clock.today();
      const row = await readStatus(id);
      const scope = await scopeOf(principal);
      assertFacilityInScope(scope, row.facility_id);
      const subject: Subject = {
        kind: row.subject_kind,
        id: (row.subject_kind === 'inmate' ? row.person_id : row.staff_id) as string,
      };
      const window = tracingWindow(row.from_date, days);
      const found = await repo.contacts(subject, window.from, window.to);
      const bySubject = new Map<
        string,
        {
          key: string;
          subject: Subject & { name: string };
          name: string;
          evidence: { kind: ContactKind; days: number; lastDate: string }[];
          days: number;
          lastDate: string;
          facilities: string[];
        }
      >();
      for (const c of found) {
        const key = `${c.subject_kind}:${c.subject_id}`;
        const entry = bySubject.get(key) ?? {
          key,
          subject: { kind: c.subject_kind, id: c.subject_id, name: c.name },
          name: c.name,
          evidence: [],
          days: c.total_days,
          lastDate: c.total_last,
          facilities: c.facilities,
        };
        entry.evidence.push({ kind: c.kind, days: c.days, lastDate: c.last_date });
        bySubject.set(key, entry);
      }
      const all = [...bySubject.values()];
      const visible =
        scope === null ? all : all.filter((c) => c.facilities.some((f) => (scope as string[]).includes(f)));
      const ranked = rankContacts(visible);
      const open = await repo.openStatusesOf(
        ranked.map((c) => c.subject),
        today,
      );
      const openOf = (s: Subject) =>
        [
          ...new Set(
            open
              .filter((o) => (s.kind === 'inmate' ? o.person_id === s.id : o.staff_id === s.id))
              .map((o) => o.status),
          ),
        ].sort();
      await auditMany(db, principal, [
        {
          action: 'health.trace',
          personId: row.person_id,
          purpose: PURPOSE,
          details: {
            statusId: id,
            days,
            contacts: ranked.length,
            ...(row.staff_id ? { staffId: row.staff_id } : {}),
          },
        },
        ...ranked.map((c) => ({
          action: 'health.trace' as const,
          personId: c.subject.kind === 'inmate' ? c.subject.id : null,
          purpose: PURPOSE,
          details: {
            statusId: id,
            contact: true,
            ...(c.subject.kind === 'staff' ? { staffId: c.subject.id } : {}),
          },
        })),
      ]);
      return {
        case: present(row, today),
        window: { ...window, days },
        items: ranked.map((c) => ({
          subject: c.subject,
          exposure: c.exposure,
          kinds: [...c.evidence]
            .sort((a, b) => c.kinds.indexOf(a.kind) - c.kinds.indexOf(b.kind))
            .map((e) => ({ kind: e.kind, days: e.days, lastDate: e.lastDate })),
          days: c.days,
          lastDate: c.lastDate,
          openStatuses: openOf(c.subject),
        })),
        outOfScope: all.length - visible.length,
      };
    },

    /**
     * Quarantine for each of the traced people in one transaction, traced from the case. People
     * already kept apart (a quarantine or isolation overlapping the period) and inmates no longer
     * placed are skipped and reported; any other problem leaves nothing written.
     */
    async quarantine(
      principal: Principal,
      caseId: string,
      input: { fromDate: string; toDate: string; people: { kind: 'inmate' | 'staff'; id: string }[] },
    ) {
      const today = clock.today();
      const scope = await scopeOf(principal);
      if (input.toDate < input.fromDate) throw errors.field('toDate', 'health_to_before_from');
      const unique = [...new Map(input.people.map((p) => [`${p.kind}:${p.id}`, p])).values()];
      const result = await db.transaction().execute(async (trx) => {
        const r = createHealthRepository(trx);
        const source = await r.lockStatus(caseId);
        if (!source) throw errors.notFound('health_status');
        assertFacilityInScope(scope, source.facility_id);
        if (!CASE_STATUSES.includes(source.status))
          throw errors.field('caseId', 'health_traced_from_invalid');
        if (input.fromDate < source.from_date)
          throw errors.field('fromDate', 'health_before_case', { date: source.from_date });
        const period = { status: 'quarantine' as const, fromDate: input.fromDate, toDate: input.toDate };
        const recorded: string[] = [];
        const skipped: { subject: Subject; reason: 'already_separated' | 'not_placed' }[] = [];
        for (const [index, person] of unique.entries()) {
          if (!(await r.lockSubject(person))) throw errors.field(`people.${index}.id`, 'field_uuid');
          const facilityId = await facilityOf(trx, person, input.fromDate);
          if (!facilityId) {
            skipped.push({ subject: person, reason: 'not_placed' });
            continue;
          }
          assertFacilityInScope(scope, facilityId);
          const existing = (await r.statusesOf(person)).map(toPeriod);
          if (existing.some((e) => SEPARATING_STATUSES.includes(e.status) && periodsOverlap(e, period))) {
            skipped.push({ subject: person, reason: 'already_separated' });
            continue;
          }
          const id = await insertStatus(trx, principal, person, facilityId, {
            ...period,
            tracedFromId: caseId,
          });
          recorded.push(id);
        }
        await auditMany(
          trx,
          principal,
          recorded.length === 0
            ? [
                {
                  action: 'health.quarantine',
                  personId: source.person_id,
                  purpose: PURPOSE,
                  details: { caseId, recorded: 0 },
                },
              ]
            : await Promise.all(
                recorded.map(async (statusId) => {
                  const s = await r.status(statusId);
                  return {
                    action: 'health.quarantine' as const,
                    personId: s?.person_id ?? null,
                    purpose: PURPOSE,
                    details: { caseId, statusId, ...(s?.staff_id ? { staffId: s.staff_id } : {}) },
                  };
                }),
              ),
        );
        return { recorded, skipped };
      });
      const recordedRows = await Promise.all(result.recorded.map((statusId) => readStatus(statusId)));
      const names = new Map<string, string>();
      for (const s of result.skipped) {
        const name =
          s.subject.kind === 'inmate'
            ? (await repo.personName(s.subject.id))?.name
            : (await repo.staffMember(s.subject.id))?.name;
        names.set(`${s.subject.kind}:${s.subject.id}`, name ?? '');
      }
      return {
        recorded: recordedRows.map((row) => present(row, today)),
        skipped: result.skipped.map((s) => ({
          subject: { ...s.subject, name: names.get(`${s.subject.kind}:${s.subject.id}`) ?? '' },
          reason: s.reason,
        })),
      };
    },

    // -------------------------------------------------------------- roster

    async roster(principal: Principal, facilityId: string, from: string, to: string) {
      if (to < from || daysBetween(from, to) > ROSTER_MAX_DAYS)
        throw errors.field('to', 'roster_range_too_long', { max: ROSTER_MAX_DAYS });
      const facility = await facilityInScope(principal, facilityId);
      const [rows, departments, staff, level] = await Promise.all([
        repo.roster(facilityId, from, to),
        repo.departments(facilityId),
        repo.staff(facilityId),
        oneDepartmentLevel(db, facilityId, clock.today()),
      ]);
      await audit(db, principal, {
        action: 'roster.list',
        purpose: PURPOSE,
        details: { facilityId, from, to, count: rows.length },
      });
      return {
        facility,
        from,
        to,
        oneDepartmentLevel: level,
        departments,
        staff: staff
          .filter((s) => s.active)
          .map((s) => ({ id: s.id, name: s.name, staffNumber: s.staff_number })),
        items: rows.map((e) => ({
          id: e.id,
          staff: { id: e.staff_id, name: e.staff_name, staffNumber: e.staff_number },
          department: { id: e.department_id, name: e.department_name },
          onDate: e.on_date,
          shift: e.shift,
          flag: e.flag,
        })),
      };
    },

    /**
     * Adds a shift. Where the measure "staff work in one department" is in force at the department's
     * facility on that date, a shift in another department within the window is flagged or refused
     * by the measure's level, and one at another facility is always refused.
     */
    async addRoster(
      principal: Principal,
      input: { staffId: string; departmentId: string; onDate: string; shift: 'day' | 'evening' | 'night' },
    ) {
      const scope = await scopeOf(principal);
      const id = randomUUID();
      try {
        await db.transaction().execute(async (trx) => {
          const r = createHealthRepository(trx);
          const department = await r.department(input.departmentId);
          if (!department) throw errors.field('departmentId', 'department_not_in_facility');
          assertFacilityInScope(scope, department.facility_id);
          if (!(await r.lockSubject({ kind: 'staff', id: input.staffId })))
            throw errors.field('staffId', 'field_uuid');
          const staff = await r.staffMember(input.staffId);
          const level = await oneDepartmentLevel(trx, department.facility_id, input.onDate);
          let flag: 'other_department' | 'other_location' | null = null;
          if (level !== null) {
            const others = await r.shiftsOf(
              input.staffId,
              addDays(input.onDate, -ONE_DEPARTMENT_WINDOW_DAYS),
              addDays(input.onDate, ONE_DEPARTMENT_WINDOW_DAYS),
            );
            const found = rosterBreak(
              { departmentId: department.id, facilityId: department.facility_id, onDate: input.onDate },
              others.map((o) => ({
                departmentId: o.department_id,
                facilityId: o.facility_id,
                onDate: o.on_date,
              })),
            );
            const decision = rosterDecision(found, level);
            if (decision.action === 'refuse')
              throw errors.field(
                'departmentId',
                decision.reason === 'other_location' ? 'roster_other_location' : 'roster_other_department',
                { name: staff?.name ?? '', days: ONE_DEPARTMENT_WINDOW_DAYS },
              );
            flag = decision.flag;
          }
          await r.insertRoster({
            id,
            staff_id: input.staffId,
            department_id: input.departmentId,
            on_date: input.onDate,
            shift: input.shift,
            flag,
            created_by: principal.userId,
          });
          await audit(trx, principal, {
            action: 'roster.add',
            purpose: PURPOSE,
            details: { entryId: id, staffId: input.staffId, departmentId: input.departmentId, flag },
          });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw errors.conflict('roster_taken');
        throw error;
      }
      const entry = await repo.rosterEntry(id);
      if (!entry) throw errors.notFound('roster_entry');
      const [listed] = (await repo.roster(entry.facility_id, entry.on_date, entry.on_date)).filter(
        (e) => e.id === id,
      );
      if (!listed) throw errors.notFound('roster_entry');
      return {
        id: listed.id,
        staff: { id: listed.staff_id, name: listed.staff_name, staffNumber: listed.staff_number },
        department: { id: listed.department_id, name: listed.department_name },
        onDate: listed.on_date,
        shift: listed.shift,
        flag: listed.flag,
      };
    },

    async removeRoster(principal: Principal, id: string) {
      const scope = await scopeOf(principal);
      await db.transaction().execute(async (trx) => {
        const r = createHealthRepository(trx);
        const entry = await r.rosterEntry(id);
        if (!entry) throw errors.notFound('roster_entry');
        assertFacilityInScope(scope, entry.facility_id);
        if (!(await r.deleteRoster(id))) throw errors.notFound('roster_entry');
        await audit(trx, principal, {
          action: 'roster.remove',
          purpose: PURPOSE,
          details: { entryId: id, staffId: entry.staff_id, onDate: entry.on_date, shift: entry.shift },
        });
      });
    },
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
