import { describe, expect, it } from 'vitest';
import {
  bedUsable,
  type CohortDepartment,
  checkMove,
  type HealthStatus,
  proposeCohort,
  singleOccupancyCapacity,
} from '../../src/server/domain/placement.ts';
import data from '../cases/placement.json' with { type: 'json' };

type CaseCell = {
  number: string;
  beds: string[];
  occupants: { p: string; bed: string; infected?: boolean }[];
};
type CaseDepartment = { code: string; cells: CaseCell[] };

/** Cells and beds get readable ids: cell "101", bed "101-A". */
function departments(list: CaseDepartment[]): CohortDepartment[] {
  return list.map((d) => ({
    id: d.code,
    code: d.code,
    cells: d.cells.map((c) => ({
      id: c.number,
      number: c.number,
      beds: c.beds.map((label) => ({ id: `${c.number}-${label}`, label })),
      occupants: c.occupants.map((o) => ({
        personId: o.p,
        bedId: `${c.number}-${o.bed}`,
        infected: o.infected === true,
      })),
    })),
  }));
}

describe(`placement under infection control (${data.source})`, () => {
  const all = [...data.capacity, ...data.usable, ...data.moves, ...data.cohorts];

  it('has cases for every rule, each citing the seed', () => {
    expect(all.length).toBeGreaterThanOrEqual(20);
    for (const c of all) expect(c.cites.length).toBeGreaterThan(20);
  });

  it.each(data.capacity)('capacity: $name', (c) => {
    expect(singleOccupancyCapacity(c.cells)).toEqual(c.expected);
  });

  it.each(data.usable)('usable bed: $name', (c) => {
    expect(bedUsable(c.input)).toBe(c.expected);
  });

  it.each(data.moves)('move: $name', (c) => {
    const i = c.input as {
      to: string;
      statuses?: string[];
      noTransfersFrom?: boolean;
      noTransfersTo?: boolean;
      reason?: string;
      singleOccupancy?: boolean;
      othersInCell?: number;
      sameBed?: boolean;
    };
    const refusals = checkMove({
      fromFacilityId: 'F1',
      toFacilityId: i.to,
      fromBedId: 'bed-1',
      toBedId: i.sameBed ? 'bed-1' : 'bed-2',
      statuses: (i.statuses ?? []) as HealthStatus[],
      noTransfersFrom: i.noTransfersFrom ?? false,
      noTransfersTo: i.noTransfersTo ?? false,
      reason: i.reason ?? null,
      singleOccupancy: i.singleOccupancy ?? false,
      othersInCell: i.othersInCell ?? 0,
    });
    expect(
      refusals.map((r) => ({
        code: r.code,
        ...('path' in r ? { path: r.path } : {}),
        ...('params' in r && 'status' in r.params ? { status: r.params.status } : {}),
      })),
    ).toEqual(c.expected);
    // A refusal quotes the rule it rests on.
    for (const r of refusals) if ('params' in r) expect(c.cites).toBe(r.params.rule);
  });

  it.each(data.cohorts)('cohort: $name', (c) => {
    const result = proposeCohort({
      departments: departments(c.departments as CaseDepartment[]),
      singleOccupancy: c.singleOccupancy,
    });
    const expected = c.expected as {
      kind: string;
      department?: string;
      infected?: number;
      staying?: string[];
      moves?: { p: string; why: string; from: string; to: string }[];
    };
    expect(result.kind).toBe(expected.kind);
    if (result.kind === 'impossible') expect(result.infected).toBe(expected.infected);
    if (result.kind === 'proposal') {
      expect(result.departmentId).toBe(expected.department);
      expect(result.staying.map((s) => s.personId)).toEqual(expected.staying);
      expect(
        result.moves.map((m) => ({ p: m.personId, why: m.why, from: m.fromBedId, to: m.toBedId })),
      ).toEqual(expected.moves);
    }
  });

  it('assesses every department, and a department that cannot hold them has no move count', () => {
    const c = data.cohorts.find((x) => x.expected.kind === 'impossible');
    const result = proposeCohort({
      departments: departments((c?.departments ?? []) as CaseDepartment[]),
      singleOccupancy: true,
    });
    expect(result.assessed.map((a) => [a.code, a.moves])).toEqual([
      ['A', null],
      ['B', null],
    ]);
  });
});
