import { describe, expect, it } from 'vitest';
import {
  type AssessmentInput,
  assessVisit,
  isMinorOn,
  isoWeekday,
  mayAddVisitor,
  needsJustification,
  type Relation,
  roomAllowedBy,
} from '../../src/server/domain/visits.ts';
import data from '../cases/visits.json' with { type: 'json' };

describe(`visit assessment (${data.source})`, () => {
  it('has cases that each cite the seed or the law', () => {
    expect(data.assessments.length).toBeGreaterThanOrEqual(12);
    for (const c of [...data.assessments, ...data.visitors]) expect(c.cites.length).toBeGreaterThan(5);
  });

  it.each(data.assessments)('$name', (c) => {
    const input = { ...data.base, ...c.input } as AssessmentInput;
    const result = assessVisit(input);
    expect({ outcome: result.outcome, conditions: result.conditions, score: result.score }).toEqual(
      c.expected,
    );
    // Every factor and reason carries the seed's sentence it rests on.
    expect(result.factors).toHaveLength(8);
    for (const f of result.factors) expect(f.source.length).toBeGreaterThan(10);
    for (const r of result.reasons) expect(r.source.length).toBeGreaterThan(10);
  });

  it('names the children’s needs among the reasons when they weighed', () => {
    const result = assessVisit({
      ...data.base,
      childVisitor: true,
      publicTransport: true,
    } as AssessmentInput);
    expect(result.reasons.map((r) => r.code)).toContain('children_weigh');
  });
});

describe('approved visitors: four places, close family as one', () => {
  it.each(data.visitors)('$name', (c) => {
    const existing = c.existing.map((relation) => ({
      relation: relation as Relation,
      status: 'approved' as const,
    }));
    expect(mayAddVisitor(existing, c.add as Relation)).toEqual(c.expected);
  });

  it('does not count refused or withdrawn applications', () => {
    const existing = [
      { relation: 'friend' as const, status: 'refused' as const },
      { relation: 'friend' as const, status: 'withdrawn' as const },
      { relation: 'friend' as const, status: 'applied' as const },
    ];
    expect(mayAddVisitor(existing, 'friend')).toEqual({ allowed: true, used: 1, after: 2 });
  });
});

describe('small visit rules', () => {
  it('tells a minor from the date of birth, else from the flag', () => {
    expect(isMinorOn('2010-11-24', false, '2028-11-23')).toBe(true);
    expect(isMinorOn('2010-11-23', false, '2028-11-23')).toBe(false);
    expect(isMinorOn(null, true, '2028-11-23')).toBe(true);
  });

  it('requires a justification when the decision goes against the recommendation or refuses', () => {
    expect(needsJustification('grant', 'grant')).toBe(false);
    expect(needsJustification('video_instead', 'grant_with_conditions')).toBe(true);
    expect(needsJustification('refuse', 'refuse')).toBe(true);
  });

  it('lets a restriction decide the room: glass wall only, supervised only, no visits; official always', () => {
    expect(roomAllowedBy('glass_wall_only', 'ordinary', 'ordinary')).toBe(false);
    expect(roomAllowedBy('glass_wall_only', 'glass_wall', 'ordinary')).toBe(true);
    expect(roomAllowedBy('supervised_only', 'supervised', 'ordinary')).toBe(true);
    expect(roomAllowedBy('supervised_only', 'child_friendly', 'ordinary')).toBe(false);
    expect(roomAllowedBy('no_visits', 'video', 'ordinary')).toBe(false);
    expect(roomAllowedBy('no_visits', 'official', 'official')).toBe(true);
  });

  it('numbers weekdays from Monday', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
  });
});
