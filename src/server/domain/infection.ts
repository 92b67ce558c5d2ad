import { addDays } from './calendar.ts';

// The infection situation as rules: the level of a municipality from its 14-day incidence per
// 100,000 inhabitants (the indicator the Norwegian Institute of Public Health, FHI, reports), and
// the trend from a series of such values. Pure: the thresholds and the date are arguments.
//
// The thresholds are configurable data with validity periods (table infection_threshold); the
// defaults are yellow from 20 and red from 50 per 100,000 over 14 days, and a rise of at least
// 20 % over the value 7 days before counts as rising (a fall of at least 20 % as falling). The
// seed's rule "leave to or from areas with a rising infection rate should not be granted" reads
// the trend.

export type InfectionLevel = 'green' | 'yellow' | 'red' | 'unknown';
export type InfectionTrend = 'rising' | 'stable' | 'falling' | 'unknown';

export interface InfectionThresholds {
  /** The level is yellow from this incidence (inclusive). */
  yellowFrom: number;
  /** The level is red from this incidence (inclusive). */
  redFrom: number;
  /** A rise of at least this many per cent over the earlier value counts as rising; a fall as falling. */
  risingPercent: number;
  /** How many days back the earlier value is taken. */
  compareDays: number;
}

export const DEFAULT_THRESHOLDS: InfectionThresholds = {
  yellowFrom: 20,
  redFrom: 50,
  risingPercent: 20,
  compareDays: 7,
};

/** A value older than this (days before the date asked about) no longer describes the situation. */
export const STALE_AFTER_DAYS = 14;
/** The earlier value may be up to this many days older than exactly compareDays back (reporting gaps). */
export const EARLIER_TOLERANCE_DAYS = 3;

export function levelFor(incidence: number | null, t: InfectionThresholds): InfectionLevel {
  if (incidence === null || !Number.isFinite(incidence) || incidence < 0) return 'unknown';
  if (incidence >= t.redFrom) return 'red';
  if (incidence >= t.yellowFrom) return 'yellow';
  return 'green';
}

export function trendOf(
  current: number | null,
  earlier: number | null,
  t: InfectionThresholds,
): InfectionTrend {
  if (current === null || earlier === null) return 'unknown';
  if (earlier === 0) return current > 0 ? 'rising' : 'stable';
  // Compared in whole hundredths of a per cent, so that exactly 20 % is not lost to floating point.
  const change = Math.round(((current - earlier) / earlier) * 10_000);
  const limit = Math.round(t.risingPercent * 100);
  if (change >= limit) return 'rising';
  if (change <= -limit) return 'falling';
  return 'stable';
}

export interface SeriesPoint {
  date: string;
  incidence: number;
}

export interface Situation {
  /** The latest value on or before the date asked about, if not stale. */
  current: SeriesPoint | null;
  /** The value compareDays before the current one (or a little earlier), if any. */
  earlier: SeriesPoint | null;
  level: InfectionLevel;
  trend: InfectionTrend;
}

/** The level and trend of one municipality as of a date, from its series (any order). */
export function situationOf(series: readonly SeriesPoint[], asOf: string, t: InfectionThresholds): Situation {
  const sorted = series.filter((p) => p.date <= asOf).sort((a, b) => (a.date < b.date ? 1 : -1));
  const latest = sorted[0];
  const current = latest && latest.date > addDays(asOf, -STALE_AFTER_DAYS) ? latest : null;
  let earlier: SeriesPoint | null = null;
  if (current) {
    const target = addDays(current.date, -t.compareDays);
    const oldest = addDays(target, -EARLIER_TOLERANCE_DAYS);
    earlier = sorted.find((p) => p.date <= target && p.date >= oldest) ?? null;
  }
  return {
    current,
    earlier,
    level: levelFor(current?.incidence ?? null, t),
    trend: trendOf(current?.incidence ?? null, earlier?.incidence ?? null, t),
  };
}

export const LEVEL_RANK: Record<InfectionLevel, number> = { red: 0, yellow: 1, green: 2, unknown: 3 };
export const TREND_RANK: Record<InfectionTrend, number> = { rising: 0, stable: 1, unknown: 2, falling: 3 };

/** Most severe first: level, then a rising trend, then the higher incidence. */
export function bySeverity(
  a: { level: InfectionLevel; trend: InfectionTrend; incidence: number | null },
  b: { level: InfectionLevel; trend: InfectionTrend; incidence: number | null },
): number {
  return (
    LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
    TREND_RANK[a.trend] - TREND_RANK[b.trend] ||
    (b.incidence ?? -1) - (a.incidence ?? -1)
  );
}

/** The thresholds valid on a date from rows with validity periods [validFrom, validTo); the defaults if none. */
export function thresholdsOn(
  rows: readonly (InfectionThresholds & { validFrom: string; validTo: string | null })[],
  date: string,
): InfectionThresholds {
  const row = rows.find((r) => r.validFrom <= date && (r.validTo === null || r.validTo > date));
  if (!row) return DEFAULT_THRESHOLDS;
  const { yellowFrom, redFrom, risingPercent, compareDays } = row;
  return { yellowFrom, redFrom, risingPercent, compareDays };
}

export type ThresholdProblem =
  | 'threshold_yellow_positive'
  | 'threshold_red_above_yellow'
  | 'threshold_percent_range'
  | 'threshold_days_range';

/**
 * Checks a new set of thresholds; the codes are message codes, by field. Yellow must be above 0
 * (a level of 0 would make every municipality yellow), red above yellow, the rise between 1 and
 * 500 per cent and the comparison 1 to 28 days back (what the table's constraints allow).
 */
export function validateThresholds(
  t: InfectionThresholds,
): { path: keyof InfectionThresholds; code: ThresholdProblem }[] {
  const out: { path: keyof InfectionThresholds; code: ThresholdProblem }[] = [];
  if (!(t.yellowFrom > 0)) out.push({ path: 'yellowFrom', code: 'threshold_yellow_positive' });
  if (!(t.redFrom > t.yellowFrom)) out.push({ path: 'redFrom', code: 'threshold_red_above_yellow' });
  if (!(t.risingPercent >= 1 && t.risingPercent <= 500))
    out.push({ path: 'risingPercent', code: 'threshold_percent_range' });
  if (!(Number.isInteger(t.compareDays) && t.compareDays >= 1 && t.compareDays <= 28))
    out.push({ path: 'compareDays', code: 'threshold_days_range' });
  return out;
}

/** An incidence as written by people: decimal comma or point, no thousands separators. Null if not a number ≥ 0. */
export function parseIncidence(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) && value <= 100_000 ? value : null;
}
