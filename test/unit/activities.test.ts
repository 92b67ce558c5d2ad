import { describe, expect, it } from 'vitest';
import {
  ageGroup,
  enrolmentOutcome,
  followUpEnd,
  type ItemStatus,
  inactiveDays,
  isInactive,
  itemFlag,
  lengthBand,
  type ReferralStatus,
  recidivism,
  referralTransitionAllowed,
  share,
  thresholdFor,
} from '../../src/server/domain/activities.ts';
import data from '../cases/activities.json' with { type: 'json' };

describe(`activities and release (${data.source})`, () => {
  it('cites its source in every case', () => {
    for (const c of [
      ...data.enrolment,
      ...data.inactivity,
      ...data.referral,
      ...data.checklist,
      ...data.recidivism,
    ])
      expect(c.cites.length).toBeGreaterThan(10);
  });

  it.each(data.enrolment)('$name', (c) => {
    expect(enrolmentOutcome(c.places, c.enrolled)).toBe(c.expected);
  });

  it.each(data.inactivity)('$name', (c) => {
    expect({
      days: inactiveDays(c.history, c.today),
      flagged: isInactive(c.history, c.today, c.threshold),
    }).toEqual(c.expected);
  });

  it.each(data.referral)('$name', (c) => {
    expect(referralTransitionAllowed(c.from as ReferralStatus, c.to as ReferralStatus)).toBe(c.expected);
  });

  it.each(data.checklist)('$name', (c) => {
    expect(itemFlag(c.item as { status: ItemStatus; dueDate: string | null }, c.releaseDate, c.today)).toBe(
      c.expected,
    );
  });

  it.each(data.recidivism)('$name', (c) => {
    expect(recidivism(c.releaseDate, c.judgments, c.today)).toBe(c.expected);
  });
});

describe('groups and shares', () => {
  it('takes the facility threshold before the national one and the default', () => {
    expect(thresholdFor(7, 21)).toBe(7);
    expect(thresholdFor(null, 21)).toBe(21);
    expect(thresholdFor(null, null)).toBe(14);
  });
  it('bands ages and sentence lengths', () => {
    expect(ageGroup('2002-11-24', '2026-11-23')).toBe('under_25');
    expect(ageGroup('2001-11-23', '2026-11-23')).toBe('25_34');
    expect(ageGroup('1976-11-23', '2026-11-23')).toBe('50_plus');
    expect([null, 30, 90, 364, 365, 1095].map(lengthBand)).toEqual([
      'unknown',
      'under_3m',
      '3_12m',
      '3_12m',
      '1_3y',
      '3y_plus',
    ]);
  });
  it('closes the window two years on, 29 February on 28 February', () => {
    expect(followUpEnd('2024-02-29')).toBe('2026-02-28');
    expect(followUpEnd('2023-03-01')).toBe('2025-03-01');
  });
  it('shares in per cent with one decimal', () => {
    expect(share(1, 3)).toBe(33.3);
    expect(share(0, 0)).toBeNull();
  });
});
