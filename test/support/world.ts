import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, SentenceKind, SentenceStatus } from '../../src/server/db/types.ts';
import { makeNationalId } from '../../src/server/domain/identity-number.ts';
import { normaliseName } from '../../src/server/domain/names.ts';
import { hashPassword } from '../../src/server/modules/auth/password.ts';
import { ROLES, type Role } from '../../src/server/shared/access.ts';

export const TODAY = '2026-11-23';
export const PASSWORD = 'test-password-1';

let individual = 100;
/** A valid synthetic identity number for a birth date, unique within the test run. */
export function nationalIdFor(birthDate: string): string {
  for (;;) {
    const id = makeNationalId(birthDate, individual++, 'synthetic');
    if (id) return id;
  }
}

export interface World {
  directorate: string;
  regionEast: string;
  regionWest: string;
  unitOslo: string;
  unitWest: string;
  prisonA: string;
  prisonB: string;
  probation: string;
  /** Beds in prison A, in order; prison B has bedsB. */
  bedsA: string[];
  bedsB: string[];
  departmentA: string;
}

/** A small organisation: two regions until 2022, two units after, two prisons and a probation office. */
export async function buildWorld(db: Kysely<Database>, bedsPerPrison = 4): Promise<World> {
  const id = () => randomUUID();
  const w = {
    directorate: id(),
    regionEast: id(),
    regionWest: id(),
    unitOslo: id(),
    unitWest: id(),
    prisonA: id(),
    prisonB: id(),
    probation: id(),
    departmentA: id(),
  };
  await db
    .insertInto('org_unit')
    .values([
      {
        id: w.directorate,
        code: 'KDI',
        name: 'Kriminalomsorgsdirektoratet',
        kind: 'directorate',
        parent_id: null,
        valid_from: '2000-01-01',
        valid_to: null,
      },
      {
        id: w.regionEast,
        code: 'R-OST',
        name: 'Region øst',
        kind: 'region',
        parent_id: w.directorate,
        valid_from: '2000-01-01',
        valid_to: '2022-01-01',
      },
      {
        id: w.regionWest,
        code: 'R-VEST',
        name: 'Region vest',
        kind: 'region',
        parent_id: w.directorate,
        valid_from: '2000-01-01',
        valid_to: '2022-01-01',
      },
      {
        id: w.unitOslo,
        code: 'U-OSLO',
        name: 'Kriminalomsorgen Oslo',
        kind: 'unit',
        parent_id: w.directorate,
        valid_from: '2022-01-01',
        valid_to: null,
      },
      {
        id: w.unitWest,
        code: 'U-VEST',
        name: 'Kriminalomsorgen Vest',
        kind: 'unit',
        parent_id: w.directorate,
        valid_from: '2022-01-01',
        valid_to: null,
      },
    ])
    .execute();
  await db
    .insertInto('facility')
    .values([
      {
        id: w.prisonA,
        code: 'TA',
        name: 'Testby fengsel',
        kind: 'prison_high',
        municipality: 'Oslo',
        valid_from: '2000-01-01',
        valid_to: null,
      },
      {
        id: w.prisonB,
        code: 'TB',
        name: 'Vestby fengsel',
        kind: 'prison_lower',
        municipality: 'Bergen',
        valid_from: '2000-01-01',
        valid_to: null,
      },
      {
        id: w.probation,
        code: 'TF',
        name: 'Testby friomsorgskontor',
        kind: 'probation_office',
        municipality: 'Oslo',
        valid_from: '2000-01-01',
        valid_to: null,
      },
    ])
    .execute();
  await db
    .insertInto('facility_membership')
    .values([
      { facility_id: w.prisonA, org_unit_id: w.regionEast, valid_from: '2000-01-01', valid_to: '2022-01-01' },
      { facility_id: w.prisonA, org_unit_id: w.unitOslo, valid_from: '2022-01-01', valid_to: null },
      { facility_id: w.prisonB, org_unit_id: w.regionWest, valid_from: '2000-01-01', valid_to: '2022-01-01' },
      { facility_id: w.prisonB, org_unit_id: w.unitWest, valid_from: '2022-01-01', valid_to: null },
      {
        facility_id: w.probation,
        org_unit_id: w.regionEast,
        valid_from: '2000-01-01',
        valid_to: '2022-01-01',
      },
      { facility_id: w.probation, org_unit_id: w.unitOslo, valid_from: '2022-01-01', valid_to: null },
    ])
    .execute();
  const beds = async (facilityId: string, departmentId: string) => {
    await db
      .insertInto('department')
      .values({ id: departmentId, facility_id: facilityId, code: 'A', name: 'Avdeling A' })
      .execute();
    const out: string[] = [];
    for (let i = 0; i < bedsPerPrison; i++) {
      const cellId = id();
      const bedId = id();
      await db
        .insertInto('cell')
        .values({ id: cellId, department_id: departmentId, number: String(101 + i) })
        .execute();
      await db.insertInto('bed').values({ id: bedId, cell_id: cellId, label: 'A' }).execute();
      out.push(bedId);
    }
    return out;
  };
  const bedsA = await beds(w.prisonA, w.departmentA);
  const bedsB = await beds(w.prisonB, id());
  return { ...w, bedsA, bedsB };
}

export interface PersonSpec {
  givenName: string;
  familyName: string;
  birthDate?: string;
  facilityId: string;
  status?: SentenceStatus;
  kind?: SentenceKind;
  orderDate?: string;
  caseNumber?: string;
  bedId?: string;
}

let caseSeq = 1;
/** A person with one judgment and one sentence; admitted people get a placement in `bedId`. */
export async function buildPerson(db: Kysely<Database>, spec: PersonSpec) {
  const personId = randomUUID();
  const judgmentId = randomUUID();
  const sentenceId = randomUUID();
  const birthDate = spec.birthDate ?? '1985-06-15';
  const nationalId = nationalIdFor(birthDate);
  const status = spec.status ?? 'queued';
  const caseNumber = spec.caseNumber ?? `26-${String(100000 + caseSeq++).padStart(6, '0')}MED-OTIR/01`;
  await db
    .insertInto('person')
    .values({
      id: personId,
      national_id: nationalId,
      national_id_kind: 'synthetic',
      given_name: spec.givenName,
      family_name: spec.familyName,
      search_name: normaliseName(`${spec.givenName} ${spec.familyName}`),
      birth_date: birthDate,
      gender: 'male',
    })
    .execute();
  await db
    .insertInto('judgment')
    .values({
      id: judgmentId,
      person_id: personId,
      case_number: caseNumber,
      court: 'Oslo tingrett',
      judgment_date: '2026-05-01',
      offence: 'Tyveri',
    })
    .execute();
  await db
    .insertInto('sentence')
    .values({
      id: sentenceId,
      judgment_id: judgmentId,
      person_id: personId,
      kind: spec.kind ?? 'prison',
      term_days: 120,
      minimum_term_days: null,
      frame_days: null,
      hours: null,
      substitute_days: null,
      order_date: spec.orderDate ?? '2026-09-01',
      responsible_facility_id: spec.facilityId,
      status,
      summons_sent_on: null,
      appearance_date: null,
      appearance_facility_id: null,
      postponed_until: null,
      postponement_reason: null,
      postponement_note: null,
    })
    .execute();
  await db
    .insertInto('sentence_event')
    .values({
      sentence_id: sentenceId,
      status: 'queued',
      on_date: spec.orderDate ?? '2026-09-01',
      reason: null,
      facility_id: spec.facilityId,
      user_id: null,
    })
    .execute();
  if (status === 'admitted' && spec.bedId) {
    await db
      .insertInto('placement')
      .values({
        id: randomUUID(),
        person_id: personId,
        sentence_id: sentenceId,
        kind: 'cell',
        facility_id: spec.facilityId,
        bed_id: spec.bedId,
        from_date: '2026-10-01',
        to_date: null,
      })
      .execute();
    await db
      .insertInto('sentence_event')
      .values({
        sentence_id: sentenceId,
        status: 'admitted',
        on_date: '2026-10-01',
        reason: null,
        facility_id: spec.facilityId,
        user_id: null,
      })
      .execute();
  }
  return { personId, sentenceId, nationalId, caseNumber };
}

/**
 * One user per role. Scoped roles see prison A (by facility) or unit Oslo (by unit); national
 * roles see everything.
 */
export async function buildUsers(db: Kysely<Database>, world: World) {
  const hash = await hashPassword(PASSWORD);
  const scopeOf = (role: Role): { kind: 'national' | 'units' | 'facilities'; ids: string[] } => {
    if (role === 'unit_leader' || role === 'regional_manager')
      return { kind: 'units', ids: [world.unitOslo] };
    if (role === 'officer' || role === 'case_worker') return { kind: 'facilities', ids: [world.prisonA] };
    if (role === 'probation_officer') return { kind: 'facilities', ids: [world.probation] };
    return { kind: 'national', ids: [] };
  };
  for (const role of ROLES) {
    const scope = scopeOf(role);
    await db
      .insertInto('app_user')
      .values({
        id: randomUUID(),
        username: role,
        display_name: `Test ${role}`,
        password_hash: hash,
        roles: [role],
        scope_kind: scope.kind,
        scope_ids: scope.ids,
      })
      .execute();
  }
  // A case worker who serves prison B only: for out-of-scope tests.
  await db
    .insertInto('app_user')
    .values({
      id: randomUUID(),
      username: 'case_worker_b',
      display_name: 'Test case worker B',
      password_hash: hash,
      roles: ['case_worker'],
      scope_kind: 'facilities',
      scope_ids: [world.prisonB],
    })
    .execute();
}
