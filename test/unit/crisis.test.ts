import { describe, expect, it } from 'vitest';
import {
  capacity,
  change,
  direction,
  freePlaces,
  letterText,
  longDate,
  movedDate,
  OUTBREAK_ITEMS,
  outbreakMeasures,
  queueIsAffected,
  sumChanges,
  summariseMeasures,
} from '../../src/server/domain/crisis.ts';
import { CATALOGUE, type MeasureType, validateMeasure } from '../../src/server/domain/measures.ts';
import data from '../cases/crisis.json' with { type: 'json' };

describe('capacity under single occupancy (cases from the seed)', () => {
  it.each(data.capacity)('$name', (c) => {
    expect(capacity(c.beds, c.cells, c.singleOccupancy)).toBe(c.expected);
  });

  it('free places may go below zero when the facility is over capacity', () => {
    expect(freePlaces(5, 6)).toBe(-1);
    expect(freePlaces(5, 2)).toBe(3);
  });
});

describe('the summary measure level (cases from the seed)', () => {
  it.each(data.levels)('$name', (c) => {
    const inForce = c.inForce.map((m) => ({ type: m.type as MeasureType, level: m.level }));
    expect(summariseMeasures(inForce).level).toBe(c.expected);
  });

  it('names the visits and solitary levels, single occupancy and leave restrictions', () => {
    expect(
      summariseMeasures([
        { type: 'visits', level: 'extended' },
        { type: 'solitary_placement', level: 'some' },
        { type: 'escorted_leave_restrictions', level: null },
      ]),
    ).toEqual({
      visits: 'extended',
      solitary: 'some',
      singleOccupancy: false,
      leaveRestricted: true,
      level: 'high',
    });
  });
});

describe('whether the queue is affected (cases from the seed)', () => {
  it.each(data.queueAffected)('$name', (c) => {
    expect(
      queueIsAffected(
        c.cases,
        c.inForce.map((m) => ({ type: m.type as MeasureType })),
      ),
    ).toBe(c.expected);
  });
});

describe('change since the day before', () => {
  it('gives the difference and its direction', () => {
    expect(change(5, 3)).toEqual({ value: 5, previous: 3, change: 2 });
    expect(direction(change(5, 3))).toBe('up');
    expect(direction(change(2, 3))).toBe('down');
    expect(direction(change(3, 3))).toBe('same');
  });

  it('adds facilities up into a total, the change being the change of the sums', () => {
    expect(sumChanges([change(1, 0), change(2, 4), change(0, 0)])).toEqual({
      value: 3,
      previous: 4,
      change: -1,
    });
    expect(sumChanges([])).toEqual({ value: 0, previous: 0, change: 0 });
  });
});

describe("seed 001's outbreak list as measures", () => {
  it('turns every item into a measure that passes the measures rules', () => {
    for (const m of outbreakMeasures(OUTBREAK_ITEMS, 'all')) {
      expect(CATALOGUE[m.type]).toBeDefined();
      expect(
        validateMeasure({
          type: m.type,
          level: m.level,
          validFrom: '2026-11-06',
          validTo: '2026-11-27',
          reviewDate: '2026-11-27',
        }),
      ).toEqual([]);
    }
  });

  it('uses the extended visits level and the chosen solitary level, only for the items chosen', () => {
    expect(outbreakMeasures(['visits_extended', 'solitary_placement'], 'some')).toEqual([
      { item: 'solitary_placement', type: 'solitary_placement', level: 'some' },
      { item: 'visits_extended', type: 'visits', level: 'extended' },
    ]);
  });
});

describe('the new date of a batch', () => {
  it('takes the date given', () => {
    expect(movedDate('2026-12-03', '2026-11-23', { newDate: '2027-01-04' })).toBe('2027-01-04');
  });
  it('moves the old date by weeks, or today when the old date has passed or is missing', () => {
    expect(movedDate('2026-12-03', '2026-11-23', { weeks: 4 })).toBe('2026-12-31');
    expect(movedDate(null, '2026-11-23', { weeks: 3 })).toBe('2026-12-14');
    expect(movedDate('2026-11-01', '2026-11-23', { weeks: 1 })).toBe('2026-11-30');
  });
});

describe('the letter about a postponed start', () => {
  const input = {
    today: '2026-11-23',
    givenName: 'Kari',
    familyName: 'Nordmann',
    caseNumber: '26-100001MED-OTIR/01',
    facility: { name: 'Testby fengsel', municipality: 'Oslo' },
    oldDate: '2026-12-03',
    newDate: '2026-12-31',
    reason: 'Smitteutbrudd i fengselet',
    decidedBy: 'Leder Testby',
  };

  it('names the person, case, old and new date, the reason, the legal basis, the facility and the hotline hours', () => {
    const text = letterText(input);
    expect(text).toContain('Til: Kari Nordmann');
    expect(text).toContain('Saksnummer: 26-100001MED-OTIR/01');
    expect(text).toContain('3. desember 2026');
    expect(text).toContain('Ny dato for oppmøte er 31. desember 2026');
    expect(text).toContain('Begrunnelse: Smitteutbrudd i fengselet');
    expect(text).toContain('straffegjennomføringsloven');
    expect(text).toContain('kontakte Testby fengsel i Oslo');
    expect(text).toContain('hverdager kl. 09:00–15:00');
    expect(text).toContain('(+47) 404 388 88');
    expect(text.split('\n').at(-2)).toBe('Leder Testby');
  });

  it('says the person is in the queue when there was no date', () => {
    expect(letterText({ ...input, oldDate: null })).toContain(
      'Du står i kø for straffegjennomføring ved Testby fengsel.',
    );
  });

  it('writes dates the Norwegian way', () => {
    expect(longDate('2027-01-04')).toBe('4. januar 2027');
  });
});
