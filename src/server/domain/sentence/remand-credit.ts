// Remand credit (STRL § 83 annet ledd): one day for each started 24 hours that custody lasted beyond
// the first 4 hours from the arrest, and one more day for each started 2 days in full isolation
// when the isolation lasted more than 4 hours. The isolation periods of one custody period are
// added up before counting started 2-day periods.

import { type Context, grounded, value } from './context.ts';
import type { RemandCredit, RemandPeriod, RemandPeriodCredit, SentenceInput } from './types.ts';

const MS_PER_HOUR = 3_600_000;
const HAS_OFFSET = /(?:[zZ]|[+-]\d{2}:?\d{2})$/;

/** Milliseconds since the epoch; a timestamp without an offset is read as UTC. */
export function instant(timestamp: string): number {
  const ms = Date.parse(HAS_OFFSET.test(timestamp) ? timestamp : `${timestamp}Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not a timestamp: ${timestamp}`);
  return ms;
}

function endOf(period: RemandPeriod, ctx: Context): number {
  if (period.releasedAt !== null) return instant(period.releasedAt);
  // Still in custody: counted up to the start of the as-of date, and not below zero for someone
  // arrested on the as-of date itself.
  return Math.max(instant(`${ctx.asOfIso}T00:00:00Z`), instant(period.arrestedAt));
}

export function baseCreditDays(durationMs: number, graceHours: number, periodHours: number): number {
  const grace = graceHours * MS_PER_HOUR;
  return durationMs <= grace ? 0 : Math.ceil((durationMs - grace) / (periodHours * MS_PER_HOUR));
}

export function isolationCreditDays(isolatedMs: number, graceHours: number, periodHours: number): number {
  return isolatedMs <= graceHours * MS_PER_HOUR ? 0 : Math.ceil(isolatedMs / (periodHours * MS_PER_HOUR));
}

function periodCredit(period: RemandPeriod, ctx: Context): RemandPeriodCredit {
  const grace = value(ctx, 'remand.graceHours');
  const start = instant(period.arrestedAt);
  const end = endOf(period, ctx);
  if (end < start) throw new RangeError(`remand released before arrest: ${period.arrestedAt}`);
  const isolated = (period.isolation ?? []).reduce(
    (sum, p) => sum + Math.max(0, instant(p.to) - instant(p.from)),
    0,
  );
  return {
    arrestedAt: period.arrestedAt,
    releasedAt: period.releasedAt,
    baseDays: baseCreditDays(end - start, grace, value(ctx, 'remand.creditPeriodHours')),
    isolationDays: isolationCreditDays(isolated, grace, value(ctx, 'remand.isolationPeriodHours')),
  };
}

export function remandCredit(
  periods: readonly RemandPeriod[],
  sentences: readonly SentenceInput[],
  ctx: Context,
): RemandCredit {
  const credits = periods.map((p) => periodCredit(p, ctx));
  const baseDays = credits.reduce((sum, c) => sum + c.baseDays, 0);
  const isolationDays = credits.reduce((sum, c) => sum + c.isolationDays, 0);
  const fromJudgmentDays = sentences.reduce((sum, s) => sum + (s.remandCreditDays ?? 0), 0);
  const days = baseDays + isolationDays + fromJudgmentDays;
  const why = grounded(
    'remand.credit',
    `Varetektsfradrag ${days} dager: ${baseDays} for påbegynte døgn etter de første 4 timene, ${isolationDays} for isolasjon (1 per påbegynte 2 døgn) og ${fromJudgmentDays} fastsatt i dom.`,
    `Remand credit ${days} days: ${baseDays} for started 24-hour periods after the first 4 hours, ${isolationDays} for isolation (1 per started 2 days) and ${fromJudgmentDays} fixed in a judgment.`,
  );
  return { days, baseDays, isolationDays, fromJudgmentDays, periods: credits, ...why };
}
