import { describe, expect, it } from 'vitest';
import {
  checkRestriction,
  computeFlags,
  type FlagInput,
  highestLevel,
  type LeaveGateInput,
  leaveGate,
  organisedCrime,
  proposeRestrictions,
  RESTRICTIONS,
  type RestrictionKind,
  type RiskLevel,
  type RiskPurpose,
  rateRisk,
  reviewDate,
  type SeparationLevel,
  separationBreached,
  seriousCrime,
} from '../../src/server/domain/risk.ts';
import data from '../cases/risk.json' with { type: 'json' };

const all = [
  ...data.matrix,
  ...data.organisedCrime,
  ...data.seriousCrime,
  ...data.flags,
  ...data.restrictions,
  ...data.restrictionChecks,
  ...data.separation,
  ...data.leaveGate,
];

describe(`risk rules (${data.source})`, () => {
  it('every case cites its source', () => {
    for (const c of all) expect(c.cites.length).toBeGreaterThan(10);
  });

  it.each(data.matrix)('matrix: $name', (c) => {
    expect(rateRisk(c.probability, c.consequence)).toEqual(c.expected);
  });

  it('the matrix refuses values off the scale', () => {
    expect(() => rateRisk(0, 3)).toThrow(RangeError);
    expect(() => rateRisk(3, 6)).toThrow(RangeError);
  });

  it.each(data.organisedCrime)('organised crime: $name', (c) => {
    expect(organisedCrime(c.criteria)).toEqual(c.expected);
  });

  it.each(data.seriousCrime)('serious crime: $name', (c) => {
    expect(seriousCrime(c.offences)?.description ?? null).toBe(c.expected);
  });

  it.each(data.flags)('flags: $name', (c) => {
    const flags = computeFlags(c.input as FlagInput);
    expect(flags.map((f) => f.code)).toEqual(c.expected);
    for (const f of flags) {
      expect(f.source.length).toBeGreaterThan(10);
      expect(f.explanation.nb.length).toBeGreaterThan(5);
      expect(f.explanation.en.length).toBeGreaterThan(5);
    }
  });

  it.each(data.restrictions)('proposal: $name', (c) => {
    expect(proposeRestrictions(c.purpose as RiskPurpose, c.level as RiskLevel | null)).toEqual(c.expected);
  });

  it('every purpose has a least restrictive measure of rank 1 and ranks in order', () => {
    for (const purpose of ['placement', 'leave', 'transport', 'visits', 'release'] as const) {
      const ranks = Object.values(RESTRICTIONS)
        .filter((r) => r.purpose === purpose)
        .map((r) => r.rank);
      expect(ranks).toEqual(ranks.map((_, i) => i + 1));
    }
  });

  it.each(data.restrictionChecks)('restriction: $name', (c) => {
    const r = checkRestriction(c.kind as RestrictionKind, c.level as RiskLevel | null, c.necessity);
    expect(r).toMatchObject(c.expected);
  });

  it.each(data.separation)('separation: $name', (c) => {
    const place = ([facilityId, departmentId, cellId]: string[]) => ({
      facilityId: facilityId as string,
      departmentId: departmentId as string,
      cellId: cellId as string,
    });
    expect(separationBreached(c.level as SeparationLevel, place(c.a), place(c.b))).toBe(c.expected);
  });

  it.each(data.leaveGate)('leave gate: $name', (c) => {
    const r = leaveGate(c.input as LeaveGateInput);
    expect(r.significant).toBe(c.expected.significant);
    expect(r.problems.map((p) => p.code)).toEqual(c.expected.codes);
  });

  it('the review date follows the highest rated risk', () => {
    expect(highestLevel(['low', 'high', 'moderate'])).toBe('high');
    expect(highestLevel([])).toBeNull();
    expect(reviewDate('2026-11-30', 'high')).toBe('2027-02-28');
    expect(reviewDate('2026-11-23', 'moderate')).toBe('2027-05-23');
    expect(reviewDate('2026-11-23', 'low')).toBe('2027-11-23');
    expect(reviewDate('2026-11-23', null)).toBe('2027-11-23');
  });
});
