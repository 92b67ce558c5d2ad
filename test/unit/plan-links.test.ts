import { describe, expect, it } from 'vitest';
import { NEED_AREAS as REFERRAL_AREAS } from '../../src/server/domain/activities.ts';
import { daysSinceIntake, referralAreaFor, reviewState } from '../../src/server/domain/plan-links.ts';
import { NEED_AREAS, type NeedArea } from '../../src/server/domain/risk.ts';
import data from '../cases/plan-links.json' with { type: 'json' };

describe(`plans meet activities and partners (${data.source})`, () => {
  it('cites a source for every case', () => {
    for (const c of [...data.reviews, ...data.intake, ...data.referralAreas])
      expect(c.cites.length).toBeGreaterThan(10);
  });

  it.each(data.reviews)('review: $name', (c) => {
    expect(reviewState(c.nextReviewDate, c.today, c.withinDays)).toBe(c.expected);
  });

  it.each(data.intake)('intake: $name', (c) => {
    expect(daysSinceIntake(c.intakeDate, c.today)).toBe(c.expected);
  });

  it.each(data.referralAreas)('referral area: $name', (c) => {
    expect(referralAreaFor(c.area as NeedArea)).toBe(c.expected);
  });

  it('files every need of the plan under an area a referral knows', () => {
    for (const area of NEED_AREAS) expect(REFERRAL_AREAS).toContain(referralAreaFor(area));
  });
});
