export type InfectionLevel = 'green' | 'yellow' | 'red' | 'unknown';
export type InfectionTrend = 'rising' | 'stable' | 'falling' | 'unknown';

export type Thresholds = {
  yellowFrom: number;
  redFrom: number;
  risingPercent: number;
  compareDays: number;
  validFrom: string | null;
  source: string;
};

export type Situation = {
  municipality: string;
  date: string | null;
  incidence14d: number | null;
  earlierDate: string | null;
  earlierIncidence14d: number | null;
  level: InfectionLevel;
  trend: InfectionTrend;
};

export type FacilitySituation = Situation & {
  facility: { id: string; code: string; name: string; kind: string };
  orgUnit: { id: string; name: string; kind: string } | null;
};

export type ThresholdPeriod = {
  validFrom: string;
  validTo: string | null;
  yellowFrom: number;
  redFrom: number;
  risingPercent: number;
  compareDays: number;
  source: string;
};
export type ThresholdsResult = { current: Thresholds; periods: ThresholdPeriod[] };

export type MunicipalitiesResult = { asOf: string; thresholds: Thresholds; items: Situation[] };
export type FacilitiesResult = { asOf: string; thresholds: Thresholds; items: FacilitySituation[] };
export type EntryResult = { municipality: string; date: string; incidence14d: number; created: boolean };
export type ImportResult = { rows: number; created: number; updated: number; municipalities: number };

export const LEVEL_COLOR: Record<InfectionLevel, 'success' | 'warning' | 'danger' | 'neutral'> = {
  green: 'success',
  yellow: 'warning',
  red: 'danger',
  unknown: 'neutral',
};

/** A number typed with a decimal comma or point, ≥ 0; null if not one. */
export function parseIncidence(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value <= 100_000 ? value : null;
}
