import type { Insertable } from 'kysely';
import type {
  BedTable,
  CellTable,
  DepartmentTable,
  FacilityMembershipTable,
  FacilityTable,
  OrgUnitTable,
} from '../db/types.ts';
import {
  COUNTY_ORG,
  DIRECTORATE,
  type FacilitySpec,
  HALFWAY_HOUSES,
  ORGANISATION_START,
  PRISONS,
  PROBATION_OFFICES,
  REGIONS,
  REORGANISATION_DATE,
  UNITS,
} from './facilities.ts';
import type { Random } from './random.ts';

// The organisation as rows: directorate, regions until the reorganisation, units after it,
// facilities with a membership row for each period, and departments, cells and beds.

export interface BedInfo {
  id: string;
  facilityId: string;
  departmentCode: string;
  cellNumber: string;
  label: string;
  /** In a women's prison or a women's department. */
  women: boolean;
  /** In a youth unit. */
  youth: boolean;
}

export interface FacilityInfo {
  id: string;
  code: string;
  name: string;
  spec: FacilitySpec;
  unitCode: string;
  regionCode: string;
  beds: BedInfo[];
}

export interface Organisation {
  orgUnits: Insertable<OrgUnitTable>[];
  facilities: Insertable<FacilityTable>[];
  memberships: Insertable<FacilityMembershipTable>[];
  departments: Insertable<DepartmentTable>[];
  cells: Insertable<CellTable>[];
  beds: Insertable<BedTable>[];
  prisons: FacilityInfo[];
  halfwayHouses: FacilityInfo[];
  offices: FacilityInfo[];
  byCode: Map<string, FacilityInfo>;
}

/** Share of cells with two beds; the rest are single cells. */
const TWO_BED_SHARE = 0.09;
const BEDS_PER_DEPARTMENT = 22;

export function buildOrganisation(rng: Random, scale: number): Organisation {
  const org: Organisation = {
    orgUnits: [],
    facilities: [],
    memberships: [],
    departments: [],
    cells: [],
    beds: [],
    prisons: [],
    halfwayHouses: [],
    offices: [],
    byCode: new Map(),
  };

  const directorateId = rng.uuid();
  org.orgUnits.push({
    id: directorateId,
    code: DIRECTORATE.code,
    name: DIRECTORATE.name,
    kind: 'directorate',
    parent_id: null,
    valid_from: ORGANISATION_START,
    valid_to: null,
  });
  const orgIds = new Map<string, string>();
  for (const region of REGIONS) {
    const id = rng.uuid();
    orgIds.set(region.code, id);
    org.orgUnits.push({
      id,
      code: region.code,
      name: region.name,
      kind: 'region',
      parent_id: directorateId,
      valid_from: ORGANISATION_START,
      valid_to: REORGANISATION_DATE,
    });
  }
  for (const unit of UNITS) {
    const id = rng.uuid();
    orgIds.set(unit.code, id);
    org.orgUnits.push({
      id,
      code: unit.code,
      name: unit.name,
      kind: 'unit',
      parent_id: directorateId,
      valid_from: REORGANISATION_DATE,
      valid_to: null,
    });
  }

  // Above scale 1 the whole set of facilities is repeated with suffixed codes and names; each
  // copy gets its share of the beds, so that the number of beds grows with the scale.
  const copies = Math.max(1, Math.ceil(scale));
  const bedFactor = scale / copies;
  for (let copy = 1; copy <= copies; copy++) {
    const add = (spec: FacilitySpec, list: FacilityInfo[]) => {
      const info = addFacility(org, orgIds, rng, spec, copy, bedFactor);
      list.push(info);
    };
    for (const spec of PRISONS) add(spec, org.prisons);
    for (const spec of HALFWAY_HOUSES) add(spec, org.halfwayHouses);
    for (const spec of PROBATION_OFFICES) add(spec, org.offices);
  }
  return org;
}

function addFacility(
  org: Organisation,
  orgIds: Map<string, string>,
  rng: Random,
  spec: FacilitySpec,
  copy: number,
  bedFactor: number,
): FacilityInfo {
  const code = copy === 1 ? spec.code : `${spec.code}-${copy}`;
  const name = copy === 1 ? spec.name : `${spec.name} ${copy}`;
  const { region, unit } = COUNTY_ORG[spec.county];
  const id = rng.uuid();
  org.facilities.push({
    id,
    code,
    name,
    kind: spec.kind,
    municipality: spec.municipality,
    valid_from: ORGANISATION_START,
    valid_to: null,
  });
  org.memberships.push(
    {
      facility_id: id,
      org_unit_id: orgIds.get(region) as string,
      valid_from: ORGANISATION_START,
      valid_to: REORGANISATION_DATE,
    },
    {
      facility_id: id,
      org_unit_id: orgIds.get(unit) as string,
      valid_from: REORGANISATION_DATE,
      valid_to: null,
    },
  );
  const info: FacilityInfo = { id, code, name, spec, unitCode: unit, regionCode: region, beds: [] };
  org.byCode.set(code, info);
  if (spec.kind !== 'probation_office') addBeds(org, rng, info, bedFactor);
  return info;
}

interface DepartmentPlan {
  code: string;
  name: string;
  beds: number;
  women: boolean;
  youth: boolean;
}

function planDepartments(spec: FacilitySpec, total: number, bedFactor: number): DepartmentPlan[] {
  const plans: DepartmentPlan[] = [];
  const womenBeds = spec.womenDepartment ? Math.max(3, Math.round(total * 0.08)) : 0;
  const youthBeds = spec.youthUnit ? Math.max(2, Math.round(4 * bedFactor)) : 0;
  const regular = Math.max(2, total - womenBeds - youthBeds);
  const count = Math.max(1, Math.round(regular / BEDS_PER_DEPARTMENT));
  for (let i = 0; i < count; i++) {
    const code = String.fromCharCode(65 + i);
    const beds = Math.floor(regular / count) + (i < regular % count ? 1 : 0);
    plans.push({ code, name: `Avdeling ${code}`, beds, women: spec.women === true, youth: false });
  }
  if (womenBeds > 0)
    plans.push({ code: 'KV', name: 'Kvinneavdelingen', beds: womenBeds, women: true, youth: false });
  if (youthBeds > 0)
    plans.push({ code: 'UNG', name: 'Ungdomsenheten', beds: youthBeds, women: false, youth: true });
  return plans;
}

function addBeds(org: Organisation, rng: Random, facility: FacilityInfo, bedFactor: number): void {
  const spec = facility.spec;
  const total = Math.max(4, Math.round(spec.capacity * bedFactor));
  const plans = planDepartments(spec, total, bedFactor);
  plans.forEach((plan, index) => {
    const departmentId = rng.uuid();
    org.departments.push({ id: departmentId, facility_id: facility.id, code: plan.code, name: plan.name });
    let left = plan.beds;
    let cellIndex = 0;
    while (left > 0) {
      cellIndex++;
      const number = String((index + 1) * 100 + cellIndex);
      const cellId = rng.uuid();
      org.cells.push({ id: cellId, department_id: departmentId, number });
      // The first cells of the first department stay single: the fixtures live there.
      const canPair =
        spec.kind !== 'halfway_house' &&
        !plan.women &&
        !plan.youth &&
        left >= 2 &&
        !(index === 0 && cellIndex <= 2);
      const labels = canPair && rng.chance(TWO_BED_SHARE) ? ['A', 'B'] : ['A'];
      for (const label of labels) {
        const bedId = rng.uuid();
        org.beds.push({ id: bedId, cell_id: cellId, label });
        facility.beds.push({
          id: bedId,
          facilityId: facility.id,
          departmentCode: plan.code,
          cellNumber: number,
          label,
          women: plan.women,
          youth: plan.youth,
        });
      }
      left -= labels.length;
    }
  });
}
