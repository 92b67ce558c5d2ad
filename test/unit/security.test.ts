import { describe, expect, it } from 'vitest';
import {
  type Criteria,
  classify,
  type DepartmentLevel,
  departmentLevels,
  placementOptions,
  type UnitRecord,
} from '../../src/server/domain/security.ts';
import type { SecurityLevel } from '../../src/server/domain/security-levels.ts';
import data from '../cases/security.json' with { type: 'json' };

const base = data.base as Criteria;
const criteria = (over: Partial<Record<keyof Criteria, object>>): Criteria => ({
  static: { ...base.static, ...over.static },
  dynamic: { ...base.dynamic, ...over.dynamic },
  organisational: { ...base.organisational, ...over.organisational },
});

describe(`unit classification (${data.source})`, () => {
  it('cites the seed in every case and covers each kind of security', () => {
    for (const c of [...data.classify, ...data.inheritance, ...data.placement])
      expect(c.cites.length).toBeGreaterThan(10);
    const cited = data.classify.map((c) => c.cites).join('\n');
    for (const word of ['Statisk sikkerhet', 'Dynamisk sikkerhet', 'Organisatorisk sikkerhet'])
      expect(cited).toContain(word);
  });

  it.each(data.classify)('$name', (c) => {
    const result = classify(criteria(c.criteria));
    expect(result.level).toBe(c.expected.level);
    expect(result.scores).toEqual(c.expected.scores);
    expect(result.limitedBy).toEqual(c.expected.limitedBy);
    expect(result.source).toContain('Klassifisering');
  });

  it('never gives a higher level for weaker criteria (monotone in each criterion)', () => {
    const order = ['halfway_house', 'lower', 'high', 'special_high'];
    const strong = classify(base).level;
    for (const weaker of [
      criteria({ static: { perimeter: 'fence' } }),
      criteria({ dynamic: { activities: 'few' } }),
      criteria({ organisational: { crisisPlans: false } }),
    ])
      expect(order.indexOf(classify(weaker).level)).toBeLessThanOrEqual(order.indexOf(strong));
  });
});

describe('department levels on a date', () => {
  it.each(data.inheritance)('$name', (c) => {
    const result = departmentLevels(c.departments, c.records as UnitRecord[], c.on);
    expect(result.facility?.level ?? null).toBe(c.expected.facility);
    expect(result.departments).toEqual(c.expected.departments);
  });
});

describe('placement options for an assessed need', () => {
  it.each(data.placement)('$name', (c) => {
    expect(placementOptions(c.need as SecurityLevel, c.departments as DepartmentLevel[])).toEqual(c.expected);
  });
});
