import { describe, expect, it } from 'vitest';
import {
  bySeverity,
  DEFAULT_THRESHOLDS,
  levelFor,
  parseIncidence,
  situationOf,
  thresholdsOn,
} from '../../src/server/domain/infection.ts';
import data from '../cases/infection-levels.json' with { type: 'json' };

describe(`infection level from the 14-day incidence (${data.source})`, () => {
  it('the case file uses the seeded defaults', () => {
    expect(data.thresholds).toEqual(DEFAULT_THRESHOLDS);
  });

  it.each(data.levels)('$name', ({ incidence, expected }) => {
    expect(levelFor(incidence, data.thresholds)).toBe(expected);
  });
});

describe('level and trend of a series as of a date', () => {
  it.each(data.trends)('$name', ({ series, asOf, expected }) => {
    const s = situationOf(series, asOf, data.thresholds);
    expect({
      level: s.level,
      trend: s.trend,
      current: s.current?.date ?? null,
      earlier: s.earlier?.date ?? null,
    }).toEqual(expected);
  });
});

describe('incidence as typed or imported', () => {
  it.each(data.incidenceText)('$name', ({ text, expected }) => {
    expect(parseIncidence(text)).toBe(expected);
  });
});

describe('thresholds with validity periods and severity order', () => {
  it('picks the row valid on the date, else the defaults', () => {
    const rows = [
      {
        validFrom: '2020-01-01',
        validTo: '2026-11-01',
        yellowFrom: 25,
        redFrom: 100,
        risingPercent: 10,
        compareDays: 7,
      },
      {
        validFrom: '2026-11-01',
        validTo: null,
        yellowFrom: 20,
        redFrom: 60,
        risingPercent: 20,
        compareDays: 7,
      },
    ];
    expect(thresholdsOn(rows, '2026-10-31').redFrom).toBe(100);
    expect(thresholdsOn(rows, '2026-11-01').redFrom).toBe(60);
    expect(thresholdsOn(rows, '2019-12-31')).toEqual(DEFAULT_THRESHOLDS);
  });

  it('sorts red before yellow, rising before stable, higher incidence first', () => {
    const items = [
      { level: 'green', trend: 'stable', incidence: 5 },
      { level: 'red', trend: 'stable', incidence: 90 },
      { level: 'unknown', trend: 'unknown', incidence: null },
      { level: 'red', trend: 'rising', incidence: 60 },
      { level: 'yellow', trend: 'falling', incidence: 30 },
    ] as const;
    expect([...items].sort(bySeverity).map((i) => `${i.level}/${i.trend}`)).toEqual([
      'red/rising',
      'red/stable',
      'yellow/falling',
      'green/stable',
      'unknown/unknown',
    ]);
  });
});
