import { describe, expect, it } from 'vitest';
import {
  alreadySeparated,
  type HealthStatusKind,
  openOn,
  type RosterLevel,
  rankContacts,
  rosterBreak,
  rosterDecision,
  type StatusPeriod,
  type TracedContact,
  tracingWindow,
  validateStatus,
} from '../../src/server/domain/health.ts';
import data from '../cases/health.json' with { type: 'json' };

type CaseStatus = { id?: string; status: string; from: string; to: string | null };
type CaseShift = { department: string; facility: string; date: string };

const period = (s: CaseStatus): StatusPeriod => ({
  ...(s.id ? { id: s.id } : {}),
  status: s.status as HealthStatusKind,
  fromDate: s.from,
  toDate: s.to,
});
const shift = (s: CaseShift) => ({ departmentId: s.department, facilityId: s.facility, onDate: s.date });

describe(`health status and tracing rules (${data.source})`, () => {
  it('has cases of every kind, each citing the seed', () => {
    expect(new Set(data.cases.map((c) => c.kind))).toEqual(new Set(['open', 'validate', 'roster', 'rank']));
    for (const c of data.cases) expect(c.cites.length).toBeGreaterThan(5);
  });

  it.each(data.cases)('$name', (raw) => {
    const c = raw as Record<string, unknown> & { kind: string };
    if (c.kind === 'open') {
      const statuses = (c.statuses as CaseStatus[]).map(period);
      expect(openOn(statuses, c.date as string).map((s) => s.id)).toEqual(c.expected);
    } else if (c.kind === 'validate') {
      const traced = c.tracedFrom ? period(c.tracedFrom as CaseStatus) : null;
      const problems = validateStatus(
        period(c.input as CaseStatus),
        (c.existing as CaseStatus[]).map(period),
        traced,
      );
      expect(problems).toEqual(c.expected);
    } else if (c.kind === 'roster') {
      const found = rosterBreak(shift(c.shift as CaseShift), (c.others as CaseShift[]).map(shift));
      expect(found).toBe(c.expectedBreak);
      expect(rosterDecision(found, c.level as RosterLevel | null)).toEqual(c.expected);
    } else if (c.kind === 'rank') {
      const ranked = rankContacts(c.contacts as TracedContact[]);
      expect(ranked.map((r) => `${r.key}:${r.exposure}`)).toEqual(c.expected);
    } else throw new Error(`unknown case kind ${c.kind}`);
  });
});

describe('health helpers', () => {
  it('looks back N days from the case, the day itself included', () => {
    expect(tracingWindow('2026-11-20', 14)).toEqual({ from: '2026-11-06', to: '2026-11-20' });
  });

  it('knows when a subject is already kept apart: quarantine or isolation, not a suspicion', () => {
    const suspected = { status: 'suspected' as const, fromDate: '2026-11-01', toDate: null };
    const isolation = { status: 'isolation' as const, fromDate: '2026-11-10', toDate: '2026-11-20' };
    expect(alreadySeparated([suspected], '2026-11-15')).toBeNull();
    expect(alreadySeparated([suspected, isolation], '2026-11-15')).toBe(isolation);
    expect(alreadySeparated([isolation], '2026-11-21')).toBeNull();
  });
});
