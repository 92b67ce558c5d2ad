export type ScopeKind = 'national' | 'unit' | 'facility';
export type Measure = {
  id: string;
  version: number;
  type: string;
  level: string | null;
  scopeKind: ScopeKind;
  scope: { id: string; name: string } | null;
  reason: string;
  decidedBy: string;
  decidedAt: string;
  validFrom: string;
  validTo: string;
  reviewDate: string;
  endedOn: string | null;
  inForce: boolean;
  manageable: boolean;
};
export type Catalogue = {
  types: { type: string; levels: string[] | null; area: string | null; source: string }[];
};
export type ScopeOptions = {
  national: boolean;
  units: { id: string; name: string }[];
  facilities: { id: string; name: string }[];
};
export type Divergence = {
  type: string;
  nationalLevel: string | null;
  localLevel: string | null;
  divergence: 'stricter' | 'local_only' | 'looser_ignored';
  measureId: string;
};
export type NationalView = {
  on: string;
  facilities: {
    facility: { id: string; code: string; name: string };
    inForce: { type: string; level: string | null }[];
    divergences: Divergence[];
  }[];
};
export type Reviews = { items: (Measure & { overdue: boolean; daysLeft: number })[] };
