import type { FacilityKind } from '../../db/types.ts';
import { bedUsable } from '../../domain/placement.ts';
import type { Clock } from '../../shared/clock.ts';
import { errors } from '../../shared/errors.ts';
import type { PageRequest } from '../../shared/pagination.ts';
import type { OrganisationRepository } from './organisation.repository.ts';
import type { FacilityDetail, FacilitySummary, OrgNode } from './organisation.schemas.ts';

export function createOrganisationService(repo: OrganisationRepository, clock: Clock) {
  return {
    /** The organisation tree as it stood on a date: units, and the facilities that belonged to each. */
    async tree(asOf = clock.today()) {
      const [units, memberships, facilities] = await Promise.all([
        repo.orgUnits(asOf),
        repo.memberships(asOf),
        repo.facilitiesWithCapacity(asOf),
      ]);
      const nodes = new Map<string, OrgNode>();
      for (const u of units)
        nodes.set(u.id, { id: u.id, code: u.code, name: u.name, kind: u.kind, children: [], facilities: [] });
      const byId = new Map<string, FacilitySummary>(facilities.map((f) => [f.id, f]));
      for (const m of memberships) {
        const facility = byId.get(m.facility_id);
        if (facility) nodes.get(m.org_unit_id)?.facilities.push(facility);
      }
      let root: OrgNode | undefined;
      for (const u of units) {
        const node = nodes.get(u.id) as OrgNode;
        const parent = u.parent_id ? nodes.get(u.parent_id) : undefined;
        if (parent) parent.children.push(node);
        else if (u.kind === 'directorate') root = node;
      }
      if (!root) throw errors.notFound('facility');
      return { asOf, root };
    },

    async list(filter: { kind?: FacilityKind | undefined; q?: string | undefined }, page: PageRequest) {
      const { items, total } = await repo.listFacilities(filter, page, clock.today());
      return { items, total, page: page.page, pageSize: page.pageSize };
    },

    async facility(id: string, asOf = clock.today()): Promise<FacilityDetail> {
      const facility = await repo.facility(id, asOf);
      if (!facility) throw errors.notFound('facility');
      const [parents, rows] = await Promise.all([repo.facilityParents(id, asOf), repo.beds(id, asOf)]);
      const departments: FacilityDetail['departments'] = [];
      for (const r of rows) {
        let dep = departments.at(-1);
        if (dep?.id !== r.departmentId) {
          dep = { id: r.departmentId, code: r.departmentCode, name: r.departmentName, cells: [] };
          departments.push(dep);
        }
        if (!r.cellId || r.cellNumber === null) continue;
        let cell = dep.cells.at(-1);
        if (cell?.id !== r.cellId) {
          cell = { id: r.cellId, number: r.cellNumber, beds: [] };
          dep.cells.push(cell);
        }
        if (r.bedId && r.bedLabel !== null) {
          const occupied = Boolean(r.occupied);
          cell.beds.push({
            id: r.bedId,
            label: r.bedLabel,
            occupied,
            usable: bedUsable({
              bedOccupied: occupied,
              othersInCell: r.inCell ?? 0,
              singleOccupancy: facility.singleOccupancy.inForce,
            }),
          });
        }
      }
      return { ...facility, parents, departments };
    },
  };
}

export type OrganisationService = ReturnType<typeof createOrganisationService>;
