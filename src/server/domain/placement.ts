// Placement under infection control (seed 000): single occupancy, moves and transfers, and the
// gathering of infected inmates in one department. Pure rules: no I/O, no clock; the date and the
// state of the cells are arguments.
//
// Where is "another geographical location"? Varde knows a location only as a facility, so every
// facility is its own location: a move to another facility is a transfer, even within the same
// municipality. Moves inside a facility are allowed (cohorting needs them) but respect single
// occupancy.

import { CATALOGUE } from './measures.ts';

/** The seed's sentences these rules rest on, quoted in refusals. */
export const PLACEMENT_RULES = {
  singleOccupancy: CATALOGUE.single_occupancy.source,
  noTransfers: CATALOGUE.no_transfers.source,
  infectedNotTransferred:
    'Inmates who are infected shall not be transferred to another geographical location.',
  cohort:
    'Inmates who are infected shall to the greatest extent possible be gathered in one unit/department within the facility.',
} as const;

export type HealthStatus = 'suspected' | 'confirmed' | 'quarantine' | 'isolation';

/** Infected: a confirmed case, or in isolation. These are gathered in one department. */
export const INFECTED_STATUSES: readonly HealthStatus[] = ['confirmed', 'isolation'];
/** Under infection control: any open status. None of these is transferred to another facility. */
export const CONTROLLED_STATUSES: readonly HealthStatus[] = [
  'isolation',
  'confirmed',
  'quarantine',
  'suspected',
];

/** The strictest of a person's open statuses (isolation, confirmed, quarantine, suspected), or null. */
export function strictestStatus(statuses: readonly HealthStatus[]): HealthStatus | null {
  for (const s of CONTROLLED_STATUSES) if (statuses.includes(s)) return s;
  return null;
}

export function isInfected(statuses: readonly HealthStatus[]): boolean {
  return statuses.some((s) => INFECTED_STATUSES.includes(s));
}

// ---------------------------------------------------------------------------------------------
// Capacity

export interface CellLoad {
  beds: number;
  occupants: number;
}

export interface SingleOccupancyCapacity {
  /** Places while single occupancy is in force: a cell with one or more beds counts one. */
  places: number;
  /** Cells with at least one bed and nobody in them. */
  free: number;
  /** Cells with more than one occupant: someone must move for the rule to hold. */
  cellsOverCapacity: number;
}

export function singleOccupancyCapacity(cells: readonly CellLoad[]): SingleOccupancyCapacity {
  let places = 0;
  let free = 0;
  let over = 0;
  for (const c of cells) {
    if (c.beds > 0) places++;
    if (c.beds > 0 && c.occupants === 0) free++;
    if (c.occupants > 1) over++;
  }
  return { places, free, cellsOverCapacity: over };
}

/**
 * Whether a free bed may take one more person: always when single occupancy is not in force,
 * otherwise only when nobody else is in the cell.
 */
export function bedUsable(input: {
  bedOccupied: boolean;
  othersInCell: number;
  singleOccupancy: boolean;
}): boolean {
  if (input.bedOccupied) return false;
  return !input.singleOccupancy || input.othersInCell === 0;
}

// ---------------------------------------------------------------------------------------------
// Moves and transfers

export interface MoveInput {
  fromFacilityId: string;
  toFacilityId: string;
  fromBedId: string | null;
  toBedId: string;
  /** The person's open health statuses on the date of the move. */
  statuses: readonly HealthStatus[];
  /** Whether "no transfers" is in force at the sending and at the receiving facility. */
  noTransfersFrom: boolean;
  noTransfersTo: boolean;
  reason: string | null;
  /** Whether single occupancy is in force at the receiving facility. */
  singleOccupancy: boolean;
  /** Other people in the receiving cell on the date (not the one moving). */
  othersInCell: number;
}

export type MoveRefusal =
  | { kind: 'field'; path: 'toBedId'; code: 'move_same_bed' }
  | { kind: 'field'; path: 'reason'; code: 'transfer_reason_required'; params: { rule: string } }
  | { kind: 'conflict'; code: 'transfer_infected'; params: { status: HealthStatus; rule: string } }
  | { kind: 'conflict'; code: 'single_occupancy_cell_taken'; params: { rule: string } };

export function isTransfer(input: { fromFacilityId: string; toFacilityId: string }): boolean {
  return input.fromFacilityId !== input.toFacilityId;
}

/** Every reason the move is refused, in the order a person should read them; empty when allowed. */
export function checkMove(input: MoveInput): MoveRefusal[] {
  const out: MoveRefusal[] = [];
  if (input.fromBedId === input.toBedId) out.push({ kind: 'field', path: 'toBedId', code: 'move_same_bed' });
  if (isTransfer(input)) {
    const status = strictestStatus(input.statuses);
    if (status)
      out.push({
        kind: 'conflict',
        code: 'transfer_infected',
        params: { status, rule: PLACEMENT_RULES.infectedNotTransferred },
      });
    const reasonGiven = (input.reason ?? '').trim().length > 0;
    if ((input.noTransfersFrom || input.noTransfersTo) && !reasonGiven)
      out.push({
        kind: 'field',
        path: 'reason',
        code: 'transfer_reason_required',
        params: { rule: PLACEMENT_RULES.noTransfers },
      });
  }
  if (input.singleOccupancy && input.othersInCell > 0)
    out.push({
      kind: 'conflict',
      code: 'single_occupancy_cell_taken',
      params: { rule: PLACEMENT_RULES.singleOccupancy },
    });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Cohorting

export interface CohortOccupant {
  personId: string;
  bedId: string;
  infected: boolean;
}

export interface CohortCell {
  id: string;
  number: string;
  /** The cell's beds, by label. */
  beds: readonly { id: string; label: string }[];
  occupants: readonly CohortOccupant[];
}

export interface CohortDepartment {
  id: string;
  code: string;
  cells: readonly CohortCell[];
}

export interface CohortMove {
  personId: string;
  /** infected: gathered into the department; make_room: moved out of a cell the infected need. */
  why: 'infected' | 'make_room';
  fromCellId: string;
  fromBedId: string;
  toCellId: string;
  toBedId: string;
}

export interface DepartmentAssessment {
  departmentId: string;
  code: string;
  /** How many infected the department could hold one per cell (staying, empty and cleared cells). */
  holds: number;
  /** Moves needed, or null when the department cannot hold them all. */
  moves: number | null;
  freeCells: number;
}

export type CohortProposal =
  | { kind: 'no_infected'; assessed: DepartmentAssessment[] }
  | { kind: 'impossible'; infected: number; assessed: DepartmentAssessment[] }
  | {
      kind: 'proposal';
      infected: number;
      departmentId: string;
      /** Infected who stay where they are: alone in their cell in the chosen department. */
      staying: { personId: string; cellId: string; bedId: string }[];
      moves: CohortMove[];
      assessed: DepartmentAssessment[];
    };

const byNumber = (a: { number: string }, b: { number: string }) =>
  a.number.localeCompare(b.number, 'nb', { numeric: true });
const firstBed = (cell: CohortCell) => [...cell.beds].sort((a, b) => a.label.localeCompare(b.label, 'nb'))[0];

interface Located extends CohortOccupant {
  cellId: string;
  departmentId: string;
}

function plan(
  department: CohortDepartment,
  all: readonly CohortDepartment[],
  infected: readonly Located[],
  singleOccupancy: boolean,
) {
  const cells = [...department.cells].filter((c) => c.beds.length > 0).sort(byNumber);
  const staying: Located[] = [];
  for (const cell of cells) {
    const only = cell.occupants[0];
    if (cell.occupants.length === 1 && only?.infected)
      staying.push({ ...only, cellId: cell.id, departmentId: department.id });
  }
  const stayIds = new Set(staying.map((s) => s.personId));
  const movers = infected.filter((p) => !stayIds.has(p.personId));
  const empty = cells.filter((c) => c.occupants.length === 0);
  // Cells of non-infected inmates that could be cleared, the emptiest first.
  const clearable = cells
    .filter((c) => c.occupants.length > 0 && c.occupants.every((o) => !o.infected))
    .sort((a, b) => a.occupants.length - b.occupants.length || byNumber(a, b));
  const holds = staying.length + empty.length + clearable.length;
  const need = Math.max(0, movers.length - empty.length);
  const assessment = { departmentId: department.id, code: department.code, holds, freeCells: empty.length };
  if (need > clearable.length) return { assessment: { ...assessment, moves: null }, plan: null };

  const cleared = clearable.slice(0, need);
  const evicted = cleared.flatMap((c) =>
    [...c.occupants]
      .sort((a, b) => a.bedId.localeCompare(b.bedId))
      .map((o) => ({ ...o, cellId: c.id, departmentId: department.id })),
  );
  // Where the evicted go: other departments, never a cell with an infected person; one per empty
  // cell under single occupancy, else any free bed.
  const destinations: { cellId: string; bedId: string }[] = [];
  for (const other of [...all].sort((a, b) => a.code.localeCompare(b.code, 'nb'))) {
    if (other.id === department.id) continue;
    for (const cell of [...other.cells].sort(byNumber)) {
      if (cell.occupants.some((o) => o.infected)) continue;
      if (singleOccupancy) {
        const bed = firstBed(cell);
        if (cell.occupants.length === 0 && bed) destinations.push({ cellId: cell.id, bedId: bed.id });
      } else {
        const taken = new Set(cell.occupants.map((o) => o.bedId));
        for (const bed of [...cell.beds].sort((a, b) => a.label.localeCompare(b.label, 'nb')))
          if (!taken.has(bed.id)) destinations.push({ cellId: cell.id, bedId: bed.id });
      }
    }
  }
  if (evicted.length > destinations.length) return { assessment: { ...assessment, moves: null }, plan: null };

  const targets = [...empty, ...cleared];
  const moves: CohortMove[] = [];
  movers.forEach((p, i) => {
    const cell = targets[i] as CohortCell;
    moves.push({
      personId: p.personId,
      why: 'infected',
      fromCellId: p.cellId,
      fromBedId: p.bedId,
      toCellId: cell.id,
      toBedId: (firstBed(cell) as { id: string }).id,
    });
  });
  evicted.forEach((p, i) => {
    const to = destinations[i] as { cellId: string; bedId: string };
    moves.push({
      personId: p.personId,
      why: 'make_room',
      fromCellId: p.cellId,
      fromBedId: p.bedId,
      toCellId: to.cellId,
      toBedId: to.bedId,
    });
  });
  return {
    assessment: { ...assessment, moves: moves.length },
    plan: { staying, moves },
  };
}

/**
 * The department to gather the infected in (seed 000): the one that needs the fewest moves and has
 * cells enough to hold them one per cell; ties go to the most free cells, then the code. Infected
 * inmates alone in their cell in that department stay. The others move to its empty cells, then to
 * cells cleared of non-infected inmates (the emptiest first), who move to free places in other
 * departments of the facility.
 */
export function proposeCohort(input: {
  departments: readonly CohortDepartment[];
  singleOccupancy: boolean;
}): CohortProposal {
  const departments = [...input.departments].sort((a, b) => a.code.localeCompare(b.code, 'nb'));
  const infected: Located[] = [];
  for (const d of departments)
    for (const cell of [...d.cells].sort(byNumber))
      for (const o of cell.occupants)
        if (o.infected) infected.push({ ...o, cellId: cell.id, departmentId: d.id });
  const plans = departments.map((d) => ({ d, ...plan(d, departments, infected, input.singleOccupancy) }));
  const assessed = plans.map((p) => p.assessment);
  if (infected.length === 0) return { kind: 'no_infected', assessed };
  const viable = plans
    .filter((p) => p.plan !== null)
    .sort(
      (a, b) =>
        (a.assessment.moves ?? 0) - (b.assessment.moves ?? 0) ||
        b.assessment.freeCells - a.assessment.freeCells ||
        a.d.code.localeCompare(b.d.code, 'nb'),
    );
  const best = viable[0];
  if (!best?.plan) return { kind: 'impossible', infected: infected.length, assessed };
  return {
    kind: 'proposal',
    infected: infected.length,
    departmentId: best.d.id,
    staying: best.plan.staying.map((s) => ({ personId: s.personId, cellId: s.cellId, bedId: s.bedId })),
    moves: best.plan.moves,
    assessed,
  };
}
