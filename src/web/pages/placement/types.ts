// Shapes of the placement API (moves and cohorting), as the server sends them.

type Ref = { id: string; name: string };

export type MoveResult = {
  personId: string;
  placementId: string;
  on: string;
  transfer: boolean;
  reason: string | null;
  to: {
    facility: Ref;
    department: Ref;
    cell: { id: string; number: string };
    bed: { id: string; label: string };
  };
};

export type HealthStatus = 'suspected' | 'confirmed' | 'quarantine' | 'isolation';

export type Spot = {
  department: { id: string; code: string; name: string };
  cell: { id: string; number: string };
  bed: { id: string; label: string };
};

export type CohortPerson = { id: string; givenName: string; familyName: string };

export type CohortProposal = {
  facility: { id: string; code: string; name: string };
  on: string;
  singleOccupancy: boolean;
  kind: 'proposal' | 'no_infected' | 'impossible';
  rule: string;
  explanation: string;
  department: { id: string; code: string; name: string } | null;
  infected: { person: CohortPerson; status: HealthStatus; at: Spot }[];
  staying: { person: CohortPerson; at: Spot }[];
  moves: { person: CohortPerson; why: 'infected' | 'make_room'; from: Spot; to: Spot }[];
  assessed: {
    department: { id: string; code: string; name: string };
    holds: number;
    freeCells: number;
    moves: number | null;
  }[];
};
