import { describe, expect, it } from 'vitest';
import {
  checkGoals,
  differences,
  type GoalInput,
  type PathInput,
  placementKind,
  planReviewDate,
  progressionPath,
} from '../../src/server/domain/plans.ts';
import type { NeedArea, NeedLevel } from '../../src/server/domain/risk.ts';
import data from '../cases/plans.json' with { type: 'json' };

const base = data.base as PathInput;

describe(`progression path (${data.source})`, () => {
  it('has cases that each cite their source', () => {
    expect(data.path.length).toBeGreaterThanOrEqual(10);
    for (const c of [...data.path, ...data.goals]) expect(c.cites.length).toBeGreaterThan(20);
    const cited = data.path.map((c) => c.cites).join('\n');
    for (const s of ['appropriate and at the correct time', 'SGL § 16 a', 'SGL § 20', 'SGL § 42'])
      expect(cited).toContain(s);
  });

  it.each(data.path)('$name', (c) => {
    const steps = progressionPath({ ...base, ...c.input } as PathInput);
    expect(steps.map((s) => [s.step, s.date, s.status, s.conditional, s.reasons.map((r) => r.code)])).toEqual(
      c.expected,
    );
    for (const s of steps) for (const r of s.reasons) expect(r.source.length).toBeGreaterThan(10);
  });

  it('names the key date each step takes its date from', () => {
    const [lower] = progressionPath(base);
    expect(lower?.keyDate).toBe('lower_security_review');
  });
});

describe('plan rules', () => {
  it.each(data.goals)('$name', (c) => {
    expect(checkGoals(c.goals as GoalInput[], c.needs as { area: NeedArea; level: NeedLevel }[])).toEqual(
      c.expected,
    );
  });

  it('reviews the plan three months on', () => {
    expect(planReviewDate('2026-11-23')).toBe('2027-02-23');
    expect(planReviewDate('2026-11-30')).toBe('2027-02-28');
  });

  it('reads the placement kind from the placement and its facility', () => {
    expect(placementKind(null)).toBe('none');
    expect(placementKind({ kind: 'em', facilityKind: 'probation_office' })).toBe('em');
    expect(placementKind({ kind: 'cell', facilityKind: 'prison_lower' })).toBe('lower_security');
    expect(placementKind({ kind: 'cell', facilityKind: 'halfway_house' })).toBe('halfway_house');
    expect(placementKind({ kind: 'cell', facilityKind: 'prison_high' })).toBe('high_security');
  });

  it('lists the differences between two versions by goal key', () => {
    const goal = (key: string, description: string, over: object = {}) => ({
      key,
      needArea: 'housing' as const,
      description,
      activities: '',
      responsible: 'NAV',
      ...over,
    });
    const before = {
      personCommitments: 'Møte til samtaler',
      serviceCommitments: 'Kontaktbetjent',
      goals: [goal('a', 'Bolig'), goal('b', 'Arbeid')],
    };
    const after = {
      personCommitments: 'Møte til samtaler og rustesting',
      serviceCommitments: 'Kontaktbetjent',
      goals: [goal('a', 'Bolig', { responsible: 'Kommunen' }), goal('c', 'Skole')],
    };
    expect(differences(before, after)).toEqual([
      {
        what: 'personCommitments',
        kind: 'changed',
        before: 'Møte til samtaler',
        after: 'Møte til samtaler og rustesting',
      },
      {
        what: 'goal',
        kind: 'changed',
        goalKey: 'a',
        fields: ['responsible'],
        before: 'Bolig',
        after: 'Bolig',
      },
      { what: 'goal', kind: 'added', goalKey: 'c', after: 'Skole' },
      { what: 'goal', kind: 'removed', goalKey: 'b', before: 'Arbeid' },
    ]);
    expect(differences(null, after).filter((d) => d.kind === 'added')).toHaveLength(2);
  });
});
