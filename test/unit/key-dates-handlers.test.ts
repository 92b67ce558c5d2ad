// Focused tests of the small pieces under the key-date engine: day arithmetic, remand credit, the
// parameter table, offence groups, the due-within lists and input errors.
import { describe, expect, it } from 'vitest';
import { findParameter, PARAMETERS, parameter, parameterRows } from '../../src/server/domain/parameters.ts';
import {
  addMonths,
  fractionOf,
  fromDay,
  monthsBefore,
  monthsEnd,
  toDay,
} from '../../src/server/domain/sentence/days.ts';
import {
  baseCreditDays,
  computeKeyDates,
  crisisList,
  dueWithin,
  findKeyDate,
  instant,
  isolationCreditDays,
  offenceGroupForSection,
  offenceGroupsForSections,
} from '../../src/server/domain/sentence/index.ts';
import type { KeyDatesInput } from '../../src/server/domain/sentence/types.ts';

const HOUR = 3_600_000;
const d = (iso: string) => toDay(iso);

describe('days: counting conventions', () => {
  it.each([
    ['2024-01-15', 1, '2024-02-14'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2023-03-01', 12, '2024-02-29'],
    ['2024-03-31', 1, '2024-04-30'],
    ['2024-03-30', 1, '2024-04-29'],
    ['2023-10-31', 4, '2024-02-29'],
  ])('%s plus %i month(s) ends on %s', (start, months, end) => {
    expect(fromDay(monthsEnd(d(start), months))).toBe(end);
  });

  it('addMonths keeps the day or clamps to the end of a shorter month', () => {
    expect(fromDay(addMonths(d('2024-01-31'), 1))).toBe('2024-02-29');
    expect(fromDay(addMonths(d('2024-03-31'), -1))).toBe('2024-02-29');
    expect(fromDay(addMonths(d('2024-02-29'), 12))).toBe('2025-02-28');
  });

  it('monthsBefore gives the first day from which at most m months remain', () => {
    expect(fromDay(monthsBefore(d('2025-12-31'), 6))).toBe('2025-07-01');
    expect(fromDay(monthsBefore(d('2024-05-01'), 6))).toBe('2023-11-02');
    expect(fromDay(monthsBefore(d('2024-01-01'), 12))).toBe('2023-01-02');
  });

  it('fractions round up and are exact for whole results', () => {
    expect(fractionOf(90, 2, 3)).toBe(60);
    expect(fractionOf(300, 2, 3)).toBe(200);
    expect(fractionOf(100, 2, 3)).toBe(67);
    expect(fractionOf(730, 1, 3)).toBe(244);
    expect(fractionOf(7_665_003, 2, 3)).toBe(5_110_002);
  });
});

describe('remand credit arithmetic (straffeloven § 83 annet ledd)', () => {
  it.each([
    [4 * HOUR, 0],
    [4 * HOUR + 60_000, 1],
    [24 * HOUR, 1],
    [28 * HOUR, 1],
    [28 * HOUR + 60_000, 2],
    [336 * HOUR, 14],
  ])('%i ms of custody give %i days', (ms, days) => {
    expect(baseCreditDays(ms, 4, 24)).toBe(days);
  });

  it.each([
    [4 * HOUR, 0],
    [4 * HOUR + 1, 1],
    [48 * HOUR, 1],
    [48 * HOUR + 60_000, 2],
    [336 * HOUR, 7],
  ])('%i ms of isolation give %i extra days', (ms, days) => {
    expect(isolationCreditDays(ms, 4, 48)).toBe(days);
  });

  it('reads offsets, and timestamps without one as UTC', () => {
    expect(instant('2024-03-31T04:00:00+02:00') - instant('2024-03-30T23:00:00+01:00')).toBe(4 * HOUR);
    expect(instant('2024-03-31T04:00:00') - instant('2024-03-30T23:00:00')).toBe(5 * HOUR);
    expect(() => instant('yesterday')).toThrow(RangeError);
  });
});

describe('parameter table', () => {
  it('still serves the queue rules', () => {
    expect(parameter('summons.minimumNoticeDays', '2026-11-23').value).toBe(21);
    expect(parameter('age.minorBelow', '2026-11-23').value).toBe(18);
  });

  it('switches the EM limit from 4 to 6 months on 1 September 2020', () => {
    expect(parameter('em.maxMonths', '2020-08-31').value).toBe(4);
    expect(parameter('em.maxMonths', '2020-09-01').value).toBe(6);
    expect(parameterRows('em.maxMonths').map((r) => r.value)).toEqual([4, 6]);
  });

  it('has the 2020 early-release rule only from 16 March to 13 April 2020', () => {
    expect(findParameter('crisis2020.earlyRelease.shortTermDays', '2020-03-15')).toBeUndefined();
    expect(findParameter('crisis2020.earlyRelease.shortTermDays', '2020-03-16')?.value).toBe(10);
    expect(findParameter('crisis2020.earlyRelease.shortTermDays', '2020-04-13')?.value).toBe(10);
    expect(findParameter('crisis2020.earlyRelease.shortTermDays', '2020-04-14')).toBeUndefined();
  });

  it('gives every row a source and a period that does not overlap another row of the same key', () => {
    for (const row of PARAMETERS) {
      expect(row.source.length, row.key).toBeGreaterThan(10);
      if (row.validTo !== null) expect(row.validFrom < row.validTo, row.key).toBe(true);
    }
    const keys = new Set(PARAMETERS.map((r) => r.key));
    for (const key of keys) {
      const rows = parameterRows(key);
      for (let i = 1; i < rows.length; i++) {
        const prev = rows[i - 1];
        const row = rows[i];
        if (prev && row) expect(prev.validTo !== null && prev.validTo <= row.validFrom, key).toBe(true);
      }
    }
  });

  it('indexes a caller’s own table separately', () => {
    const table = [{ ...parameter('em.maxMonths', '2021-01-01'), value: 9, validFrom: '2000-01-01' }];
    expect(parameter('em.maxMonths', '2021-01-01', table).value).toBe(9);
    expect(parameter('em.maxMonths', '2021-01-01').value).toBe(6);
  });
});

describe('offence groups', () => {
  it.each([
    [131, 'terror'],
    [144, 'terror'],
    [291, 'sexual'],
    [320, 'sexual'],
    [275, 'murder'],
    [282, 'domestic_violence'],
    [283, 'domestic_violence'],
    [274, 'serious_violence'],
    [271, 'other'],
    [321, 'other'],
  ])('section %i is %s', (section, group) => {
    expect(offenceGroupForSection(section)).toBe(group);
  });

  it('groups a list once', () => {
    expect(offenceGroupsForSections([282, 283, 321])).toEqual(['domestic_violence', 'other']);
  });
});

const base: KeyDatesInput = {
  asOf: '2024-04-20',
  sentences: [{ id: 's1', kind: 'prison', termDays: 300 }],
  events: [{ type: 'execution_start', date: '2024-01-01' }],
};

describe('lists of what falls due', () => {
  it('lists eligibilities due within N days, nearest first, without deadlines and quantities', () => {
    const result = computeKeyDates(base);
    // Leave and day release on 2024-04-30 (10 days), half-time parole 2024-05-29 (39), half 2024-05-29.
    const due = dueWithin(result, 10);
    expect(due.map((i) => [i.key, i.date, i.inDays])).toEqual([
      ['ordinary_leave', '2024-04-30', 10],
      ['day_release', '2024-04-30', 10],
    ]);
    expect(dueWithin(result, 9)).toEqual([]);
    expect(dueWithin(result, 40, { keys: ['parole', 'parole_half'] }).map((i) => i.key)).toEqual([
      'parole_half',
    ]);
  });

  it('can include what is already eligible and what does not apply', () => {
    const result = computeKeyDates(base);
    const all = dueWithin(result, 0, { includeEligible: true, includeNotApplicable: true });
    expect(all.find((i) => i.key === 'em_front_end')?.status).toBe('not_applicable');
    expect(all.find((i) => i.key === 'em_back_end')?.status).toBe('eligible');
    expect(all.some((i) => i.key === 'term_end')).toBe(false);
  });

  it('gives the crisis team each early release and exclusion with its reason', () => {
    const result = computeKeyDates({
      asOf: '2021-03-01',
      sentences: [{ id: 's1', kind: 'prison', termDays: 900, offenceGroups: ['murder'] }],
      events: [{ type: 'execution_start', date: '2020-06-01' }],
    });
    const list = crisisList(result, 30);
    expect(list.map((i) => [i.key, i.status, i.rule])).toEqual([
      ['crisis_early_release', 'not_applicable', 'crisis.early_release_off'],
      ['crisis_em', 'not_applicable', 'crisis.em_excluded'],
    ]);
    expect(list[1]?.explanation.en).toContain('murder');
  });

  it('finds a key date by key and sentence', () => {
    const result = computeKeyDates(base);
    expect(findKeyDate(result, 'parole')?.date).toBe('2024-07-18');
    expect(findKeyDate(result, 'parole', 'other')).toBeUndefined();
  });
});

describe('input errors and purity', () => {
  it('refuses a prison sentence without a term', () => {
    expect(() => computeKeyDates({ ...base, sentences: [{ id: 's1', kind: 'prison' }] })).toThrow(RangeError);
  });

  it('refuses a date that is not a calendar date', () => {
    expect(() => computeKeyDates({ ...base, asOf: '2023-02-29' })).toThrow(RangeError);
  });

  it('refuses a return without an escape', () => {
    expect(() =>
      computeKeyDates({ ...base, events: [...(base.events ?? []), { type: 'return', date: '2024-02-01' }] }),
    ).toThrow(RangeError);
  });

  it('gives the same result twice and leaves the input alone', () => {
    const input = structuredClone(base);
    const first = computeKeyDates(input);
    expect(computeKeyDates(input)).toEqual(first);
    expect(input).toEqual(base);
  });
});

describe('days: integer calendar', () => {
  it('agrees with the Date calendar from 1900 to 2100', () => {
    for (let day = -25_567; day <= 47_482; day += 7) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      expect(fromDay(day)).toBe(iso);
      expect(toDay(iso)).toBe(day);
    }
  });
});
