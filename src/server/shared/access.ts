import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../db/types.ts';
import { errors } from './errors.ts';

export const ROLES = [
  'officer',
  'case_worker',
  'probation_officer',
  'unit_leader',
  'regional_manager',
  'national_manager',
  'crisis_team',
  'analyst',
  'system_admin',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'organisation.read',
  'person.search',
  'person.read',
  'person.create',
  'person.audit.read',
  'queue.read',
  'queue.summon',
  'queue.postpone',
  'placement.admit',
  'dashboard.read',
  'integration.read',
  'integration.import',
  'calculation.use',
  'execution.record',
  'eligibility.read',
  'crisis.early_release',
  'rules.manage',
  'measures.read',
  'measures.manage',
  'infection.read',
  'infection.manage',
  'health.read',
  'health.manage',
  'roster.read',
  'roster.manage',
  'crisis.dashboard',
  'outbreak.manage',
  'visits.read',
  'visits.book',
  'visits.decide',
  'visits.rooms.manage',
  'leave.read',
  'leave.apply',
  'leave.decide',
  'assessment.read',
  'assessment.manage',
  'incident.read',
  'incident.report',
  'incident.manage',
  'incident.statistics',
  'security.read',
  'security.classify',
  'plan.read',
  'plan.manage',
  'activity.read',
  'activity.manage',
  'caseload.read',
  'contact_officer.assign',
  'partner.manage',
  'release.manage',
  'release.decide',
  'followup.statistics',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const PERSONAL = ['person.search', 'person.read'] as const;

// Analysts see statistics only, never names; the system administrator runs the system, not cases.
const GRANTS: Record<Role, readonly Permission[]> = {
  officer: [
    'organisation.read',
    'dashboard.read',
    ...PERSONAL,
    'placement.admit',
    'calculation.use',
    'execution.record',
    'measures.read',
    'infection.read',
    'health.read',
    'health.manage',
    'roster.read',
    'visits.read',
    'visits.book',
    'leave.read',
    'leave.apply',
    'assessment.read',
    'incident.read',
    'incident.report',
    'security.read',
    'plan.read',
    'activity.read',
    'activity.manage',
    'caseload.read',
  ],
  case_worker: [
    'organisation.read',
    'dashboard.read',
    ...PERSONAL,
    'person.create',
    'person.audit.read',
    'queue.read',
    'queue.summon',
    'queue.postpone',
    'placement.admit',
    'integration.read',
    'calculation.use',
    'execution.record',
    'eligibility.read',
    'measures.read',
    'infection.read',
    'visits.read',
    'visits.book',
    'visits.decide',
    'leave.read',
    'leave.apply',
    'leave.decide',
    'assessment.read',
    'assessment.manage',
    'incident.read',
    'incident.report',
    'security.read',
    'plan.read',
    'plan.manage',
    'activity.read',
    'activity.manage',
    'caseload.read',
    'contact_officer.assign',
    'partner.manage',
    'release.manage',
    'release.decide',
  ],
  probation_officer: [
    'organisation.read',
    'dashboard.read',
    ...PERSONAL,
    'person.create',
    'calculation.use',
    'eligibility.read',
    'measures.read',
    'infection.read',
    'security.read',
    'plan.read',
    'plan.manage',
    'caseload.read',
    'partner.manage',
  ],
  unit_leader: [
    'organisation.read',
    'dashboard.read',
    ...PERSONAL,
    'person.create',
    'person.audit.read',
    'queue.read',
    'queue.summon',
    'queue.postpone',
    'placement.admit',
    'integration.read',
    'calculation.use',
    'execution.record',
    'eligibility.read',
    'measures.read',
    'measures.manage',
    'infection.read',
    'health.read',
    'health.manage',
    'roster.read',
    'roster.manage',
    'outbreak.manage',
    'crisis.dashboard',
    'visits.read',
    'visits.book',
    'visits.decide',
    'visits.rooms.manage',
    'leave.read',
    'leave.apply',
    'leave.decide',
    'assessment.read',
    'assessment.manage',
    'incident.read',
    'incident.report',
    'incident.manage',
    'incident.statistics',
    'security.read',
    'security.classify',
    'plan.read',
    'plan.manage',
    'activity.read',
    'activity.manage',
    'caseload.read',
    'contact_officer.assign',
    'partner.manage',
    'release.manage',
    'release.decide',
    'followup.statistics',
  ],
  regional_manager: [
    'organisation.read',
    'dashboard.read',
    ...PERSONAL,
    'person.audit.read',
    'queue.read',
    'calculation.use',
    'eligibility.read',
    'measures.read',
    'measures.manage',
    'infection.read',
    'crisis.dashboard',
    'visits.read',
    'leave.read',
    'assessment.read',
    'incident.read',
    'incident.statistics',
    'security.read',
    'security.classify',
    'plan.read',
    'activity.read',
    'caseload.read',
    'followup.statistics',
  ],
  national_manager: [
    'organisation.read',
    'dashboard.read',
    ...PERSONAL,
    'person.audit.read',
    'queue.read',
    'integration.read',
    'calculation.use',
    'eligibility.read',
    'crisis.early_release',
    'rules.manage',
    'measures.read',
    'measures.manage',
    'infection.read',
    'infection.manage',
    'crisis.dashboard',
    'outbreak.manage',
    'leave.read',
    'assessment.read',
    'incident.read',
    'incident.statistics',
    'security.read',
    'plan.read',
    'activity.read',
    'activity.manage',
    'caseload.read',
    'followup.statistics',
  ],
  crisis_team: [
    'organisation.read',
    'dashboard.read',
    ...PERSONAL,
    'calculation.use',
    'crisis.early_release',
    'measures.read',
    'measures.manage',
    'infection.read',
    'infection.manage',
    'health.read',
    'health.manage',
    'roster.read',
    'crisis.dashboard',
    'outbreak.manage',
    'incident.statistics',
    'security.read',
  ],
  analyst: [
    'organisation.read',
    'dashboard.read',
    'measures.read',
    'infection.read',
    'crisis.dashboard',
    'incident.statistics',
    'security.read',
    'followup.statistics',
  ],
  // It also runs the message inbox: reads received messages and imports one by hand.
  system_admin: [
    'organisation.read',
    'person.audit.read',
    'integration.read',
    'integration.import',
    'measures.read',
  ],
};

export function permissionsOf(roles: readonly Role[]): Permission[] {
  const set = new Set<Permission>();
  for (const role of roles) for (const p of GRANTS[role]) set.add(p);
  return PERMISSIONS.filter((p) => set.has(p));
}

export type ScopeKind = 'national' | 'units' | 'facilities';

export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: Permission[];
  scopeKind: ScopeKind;
  scopeIds: string[];
  locale: 'nb' | 'en';
}

/** What a route demands: nobody (public), any signed-in user, or a permission. */
export type AccessRule = { public: true } | { authenticated: true } | { permission: Permission };

export function can(principal: Principal, permission: Permission): boolean {
  return principal.permissions.includes(permission);
}

export function demand(principal: Principal | undefined, permission: Permission): Principal {
  if (!principal) throw errors.unauthenticated();
  if (!can(principal, permission)) throw errors.forbidden();
  return principal;
}

/**
 * The facilities a principal may see people in, as of a date, or null for national scope.
 * A unit or region scope covers the facilities that belong to it on that date.
 */
export async function facilitiesInScope(
  db: Kysely<Database>,
  principal: Principal,
  asOf: string,
): Promise<string[] | null> {
  if (principal.scopeKind === 'national') return null;
  if (principal.scopeKind === 'facilities') return principal.scopeIds;
  if (principal.scopeIds.length === 0) return [];
  const rows = await db
    .selectFrom('facility_membership')
    .select('facility_id')
    .where('org_unit_id', 'in', principal.scopeIds)
    .where('valid_from', '<=', asOf)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', asOf)]))
    .execute();
  return rows.map((r) => r.facility_id);
}

/**
 * The SQL condition "this person is linked to one of these facilities": a current placement
 * there, or a sentence not yet finished that the facility is responsible for or summoned to.
 */
export function personLinkedTo(personIdColumn: string, facilityIds: readonly string[]) {
  const ids = sql.join(facilityIds.map((id) => sql`${id}::uuid`));
  return sql<boolean>`(
    exists (select 1 from person pr where pr.id = ${sql.ref(personIdColumn)} and pr.registered_facility_id in (${ids}))
    or exists (select 1 from placement pl where pl.person_id = ${sql.ref(personIdColumn)}
            and pl.to_date is null and pl.facility_id in (${ids}))
    or exists (select 1 from sentence se where se.person_id = ${sql.ref(personIdColumn)}
            and se.status <> 'released'
            and (se.responsible_facility_id in (${ids}) or se.appearance_facility_id in (${ids})))
  )`;
}

/** Throws 403 unless the person is within the principal's scope. */
export async function assertPersonInScope(
  db: Kysely<Database>,
  principal: Principal,
  personId: string,
  asOf: string,
): Promise<void> {
  const facilities = await facilitiesInScope(db, principal, asOf);
  if (facilities === null) return;
  if (facilities.length === 0) throw errors.outOfScope();
  const row = await db
    .selectFrom('person')
    .select(personLinkedTo('person.id', facilities).as('linked'))
    .where('person.id', '=', personId)
    .executeTakeFirst();
  if (!row?.linked) throw errors.outOfScope();
}

export function assertFacilityInScope(facilities: string[] | null, facilityId: string): void {
  if (facilities !== null && !facilities.includes(facilityId)) throw errors.forbidden();
}
