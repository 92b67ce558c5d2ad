import { describe, expect, it } from 'vitest';
import {
  divergences,
  expired,
  inForceFor,
  type Measure,
  type MeasureType,
  publicRules,
  reviewsDue,
  validateMeasure,
} from '../../src/server/domain/measures.ts';
import data from '../cases/measures.json' with { type: 'json' };

type CaseMeasure = {
  id: string;
  type: string;
  level?: string;
  scope: string;
  from: string;
  to: string;
  review: string;
  ended?: string;
};

function toMeasure(m: CaseMeasure): Measure {
  const [kind, id] = m.scope.split(':') as [Measure['scopeKind'], string | undefined];
  return {
    id: m.id,
    type: m.type as MeasureType,
    level: m.level ?? null,
    scopeKind: kind,
    scopeId: id ?? null,
    validFrom: m.from,
    validTo: m.to,
    reviewDate: m.review,
    endedOn: m.ended ?? null,
  };
}

describe(`crisis measures (${data.source})`, () => {
  it('has at least 12 cases, each citing the seeds', () => {
    expect(data.cases.length).toBeGreaterThanOrEqual(12);
    for (const c of data.cases) expect(c.cites.length).toBeGreaterThan(5);
  });

  it.each(data.cases)('$name', (c) => {
    const measures = ((c as { measures?: CaseMeasure[] }).measures ?? []).map(toMeasure);
    const facility = (c as { facility?: { id: string; units: string[] } }).facility ?? {
      id: 'F1',
      units: [],
    };
    const context = { facilityId: facility.id, orgUnitIds: facility.units };
    const date = (c as { date?: string }).date ?? '2026-11-23';
    if (c.kind === 'inForce')
      expect(
        inForceFor(measures, context, date).map((e) => ({
          type: e.type,
          level: e.measure.level,
          measure: e.measure.id,
        })),
      ).toEqual(c.expected);
    else if (c.kind === 'divergence') expect(divergences(measures, context, date)).toEqual(c.expected);
    else if (c.kind === 'reviews')
      expect(reviewsDue(measures, date, (c as { days: number }).days).map((m) => m.id)).toEqual(c.expected);
    else if (c.kind === 'expired') expect(expired(measures, date).map((m) => m.id)).toEqual(c.expected);
    else if (c.kind === 'validate') {
      const input = (c as unknown as { input: Parameters<typeof validateMeasure>[0] }).input;
      expect(validateMeasure(input)).toEqual(c.expected);
    } else throw new Error(`unknown kind ${c.kind}`);
  });
});

describe('the rules relatives read', () => {
  const national = {
    id: 'n',
    scopeKind: 'national',
    scopeId: null,
    validFrom: '2026-11-06',
    validTo: '2026-11-27',
    reviewDate: '2026-11-27',
    endedOn: null,
  } as const;
  it('says visits are stopped, leave is restricted and video calls are offered', () => {
    const measures: Measure[] = [
      { ...national, id: 'a', type: 'visits', level: 'stopped' },
      { ...national, id: 'b', type: 'leave_restrictions', level: null },
      { ...national, id: 'c', type: 'video_visits', level: null },
    ];
    const rules = publicRules(inForceFor(measures, { facilityId: 'F', orgUnitIds: [] }, '2026-11-10'), 'en');
    expect(rules.visits).toMatch(/stopped/);
    expect(rules.leave[0]).toMatch(/case by case/);
    expect(rules.video).toMatch(/video calls/);
    expect(rules.hotline).toContain('(+47) 404 388 88');
    expect(rules.hotline).toMatch(/09:00–15:00/);
  });
  it('falls back to the normal rules in bokmål when nothing is in force', () => {
    const rules = publicRules([], 'nb');
    expect(rules.visits).toMatch(/vanlige reglene/);
    expect(rules.leave).toEqual(['Permisjoner følger de vanlige reglene.']);
  });
});
