import { describe, expect, it } from 'vitest';
import {
  type ApplicationContext,
  type ApplicationInput,
  type AssessmentFactors,
  assessLeave,
  checkApplication,
  failureRate,
  justificationRequired,
  leaveDays,
  returnStatusOf,
  reviewChanges,
} from '../../src/server/domain/leave.ts';
import { quotaLeftFor } from '../../src/server/modules/leave/leave.service.ts';
import data from '../cases/leave.json' with { type: 'json' };

const base = data.base as AssessmentFactors;
const factors = (over: object): AssessmentFactors => ({ ...base, ...over }) as AssessmentFactors;

describe(`leave assessment (${data.source})`, () => {
  it('has cases for each seed sentence, each citing its source', () => {
    expect(data.assessment.length).toBeGreaterThanOrEqual(15);
    for (const c of [...data.assessment, ...data.application, ...data.days])
      expect(c.cites.length).toBeGreaterThan(10);
    const cited = data.assessment.map((c) => c.cites).join('\n');
    for (const sentence of [
      'Leave to/from areas with a rising infection rate should not be granted.',
      'Escorted leaves purely of a social character, shall to the extent possible be declined',
      'Leaves shall be amended/cancelled if they result in an increased risk of infection being brought into prisons.',
      'Permitting temporary release/day release will be restricted to cases where this is regarded as safe',
    ])
      expect(cited).toContain(sentence);
  });

  it.each(data.assessment)('$name', (c) => {
    const a = assessLeave(factors(c.factors));
    expect(a.recommendation).toBe(c.expected.recommendation);
    if ('conditions' in c.expected) expect(a.conditions).toEqual(c.expected.conditions);
    expect(a.reasons.map((r) => r.code)).toEqual(c.expected.reasons);
    for (const r of a.reasons) {
      expect(r.source.length).toBeGreaterThan(10);
      expect(r.text.nb.length).toBeGreaterThan(10);
      expect(r.text.en.length).toBeGreaterThan(10);
    }
  });
});

describe('leave application rules', () => {
  const context = (over: object): ApplicationContext => ({
    today: '2026-11-23',
    inPrison: true,
    firstDate: null,
    quotaLeft: null,
    quotaDays: 18,
    others: [],
    ...over,
  });
  it.each(data.application)('$name', (c) => {
    const problems = checkApplication(c.input as ApplicationInput, context(c.context));
    expect(problems.map((p) => ({ path: p.path, code: p.code }))).toEqual(c.expected);
  });

  it.each(data.days)('$name', (c) => {
    expect(leaveDays(c.from[0] as string, c.from[1] as string, c.to[0] as string, c.to[1] as string)).toBe(
      c.expected,
    );
  });

  it('counts the quota in the quota year the leave falls in, from the first ordinary leave', () => {
    // First leave 2026-03-01: the year runs to 2027-02-28; 10 days used, 8 left.
    const records = [
      { from_date: '2026-03-01', days: 4 },
      { from_date: '2026-09-01', days: 6 },
    ];
    expect(quotaLeftFor(records, '2026-12-04', 18)).toBe(8);
    // A leave in the next quota year starts afresh.
    expect(quotaLeftFor(records, '2027-03-02', 18)).toBe(18);
    // Nothing taken yet: the whole quota.
    expect(quotaLeftFor([], '2026-12-04', 18)).toBe(18);
  });
});

describe('decisions, returns and reviews', () => {
  it('requires a justification when refusing or going against the recommendation', () => {
    expect(justificationRequired('grant', 'granted')).toBe(false);
    expect(justificationRequired('grant', 'refused')).toBe(true);
    expect(justificationRequired('refuse', 'granted')).toBe(true);
    expect(justificationRequired('grant_with_conditions', 'granted_with_conditions')).toBe(false);
    expect(justificationRequired('grant_with_conditions', 'granted')).toBe(true);
  });

  it('tells on time, late and not returned apart', () => {
    const planned = { date: '2026-12-06', time: '18:00' };
    expect(returnStatusOf(planned, { date: '2026-12-06', time: '18:00' })).toBe('on_time');
    expect(returnStatusOf(planned, { date: '2026-12-06', time: '18:01' })).toBe('late');
    expect(returnStatusOf(planned, null)).toBe('not_returned');
  });

  it('gives failures per 1,000 leaves taken (svikttall)', () => {
    expect(failureRate(400, 3)).toBe(7.5);
    expect(failureRate(0, 0)).toBeNull();
  });

  it('puts a granted leave up for review when the destination starts rising, with what changed', () => {
    const then = factors({});
    const now = factors({ destination: { ...base.destination, level: 'yellow', trend: 'rising' } });
    const r = reviewChanges(then, now);
    expect(r.changed).toBe(true);
    expect(r.now.recommendation).toBe('refuse');
    expect(r.changes.map((c) => c.factor)).toEqual([
      'destination_level',
      'destination_trend',
      'recommendation',
    ]);
  });

  it('puts a granted leave up for review when a new restriction measure is in force', () => {
    const then = factors({ publicTransport: true, destination: { ...base.destination, level: 'yellow' } });
    const now = factors({
      publicTransport: true,
      destination: { ...base.destination, level: 'yellow' },
      measures: ['leave_restrictions'],
    });
    const r = reviewChanges(then, now);
    expect(r.changed).toBe(true);
    expect(r.changes.map((c) => c.factor)).toContain('measures');
  });

  it('does not review a leave when the news is milder', () => {
    const then = factors({ destination: { ...base.destination, level: 'yellow', trend: 'stable' } });
    const now = factors({});
    expect(reviewChanges(then, now).changed).toBe(false);
  });
});
