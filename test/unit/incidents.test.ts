import { describe, expect, it } from 'vitest';
import {
  type ActionStatus,
  bucketEnd,
  bucketsBetween,
  checkClosure,
  checkReport,
  INCIDENT_TYPES,
  type IncidentType,
  isOverdue,
  type ReportInput,
  type SeverityFacts,
  severityOf,
} from '../../src/server/domain/incidents.ts';
import data from '../cases/incidents.json' with { type: 'json' };

describe(`incident severity (${data.source})`, () => {
  it('cites its source in every case and has a case for every type but one', () => {
    for (const c of [...data.severity, ...data.report, ...data.closure, ...data.overdue])
      expect(c.cites.length).toBeGreaterThan(10);
    const covered = new Set(data.severity.map((c) => c.facts.type));
    expect(INCIDENT_TYPES.filter((t) => !covered.has(t))).toEqual(['fire']);
  });

  it.each(data.severity)('$name', (c) => {
    const result = severityOf(c.facts as SeverityFacts);
    expect({ severity: result.severity, reason: result.reason }).toEqual(c.expected);
    expect(result.source).toMatch(/Seed 00[04]/);
  });

  it('fire is serious', () => {
    expect(
      severityOf({ type: 'fire' as IncidentType, injury: false, weapon: false, staffVictim: false }).severity,
    ).toBe('serious');
  });
});

describe('what a report must hold', () => {
  it.each(data.report)('$name', (c) => {
    const problems = checkReport(c.input as ReportInput, { date: '2026-11-23', time: '11:00' });
    expect(problems.map((p) => ({ path: p.path, code: p.code }))).toEqual(c.expected);
  });
});

describe('closure and overdue actions', () => {
  it.each(data.closure)('$name', (c) => {
    const result = checkClosure(
      c.actions.map((status) => ({ status: status as ActionStatus })),
      c.note,
    );
    expect({ ok: result.ok, openActions: result.openActions }).toEqual(c.expected);
  });

  it.each(data.overdue)('$name', (c) => {
    expect(isOverdue(c.action as { status: ActionStatus; deadline: string }, c.today)).toBe(c.expected);
  });
});

describe('time buckets', () => {
  it('lists months across a year end and gives each its last day', () => {
    expect(bucketsBetween('2025-11-15', '2026-02-03', 'month')).toEqual([
      '2025-11-01',
      '2025-12-01',
      '2026-01-01',
      '2026-02-01',
    ]);
    expect(bucketEnd('2024-02-01', 'month')).toBe('2024-02-29');
    expect(bucketEnd('2025-12-01', 'month')).toBe('2025-12-31');
  });

  it('lists years', () => {
    expect(bucketsBetween('2017-06-01', '2026-11-23', 'year')).toHaveLength(10);
    expect(bucketEnd('2026-01-01', 'year')).toBe('2026-12-31');
  });
});
