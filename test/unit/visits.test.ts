import { describe, expect, it } from 'vitest';
import {
  type AssessmentInput,
  assessVisit,
  type BlockCode,
  blockOf,
  conditionsFor,
  isMinorOn,
  isoWeekday,
  mayAddVisitor,
  needsJustification,
  type Relation,
  reviewRules,
  reviewVisit,
  roomAllowedBy,
  visitNotice,
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

describe('the review of a booked visit when the facts change', () => {
  type Facts = Partial<AssessmentInput> & { mediaPostponed?: boolean };
  const assessOn = (facts: Facts) => {
    const input = { ...data.base, ...facts } as AssessmentInput;
    const assessment = assessVisit(input);
    const block = blockOf({
      kind: input.kind,
      roomKind: input.roomKind,
      closed: false,
      restriction: null,
      visitsLevel: input.visitsLevel,
      mediaPostponed: facts.mediaPostponed ?? false,
    });
    return { input, assessment, block };
  };

  it('has cases that each cite the seed', () => {
    expect(data.reviews.length).toBeGreaterThanOrEqual(5);
    for (const c of data.reviews) expect(c.cites.length).toBeGreaterThan(5);
  });

  it.each(data.reviews)('$name', (c) => {
    const then = assessOn(c.then as Facts);
    const now = assessOn(c.now as Facts);
    const result = reviewVisit(
      {
        factors: then.assessment.factors,
        recommendation: then.assessment.outcome,
        conditions: then.assessment.conditions,
        block: null,
      },
      {
        assessment: now.assessment,
        block: now.block ? { code: now.block.code, message: { nb: 'stanset', en: 'stopped' } } : null,
      },
    );
    expect({
      changed: result.changed,
      stricter: result.stricter,
      codes: result.changes.map((x) => x.code),
      block: (now.block?.code ?? null) as BlockCode | null,
      recommendation: now.assessment.outcome,
    }).toEqual(c.expected);
    // Every change reads in plain words in both languages.
    for (const x of result.changes) {
      expect(x.text.nb.length).toBeGreaterThan(10);
      expect(x.text.en.length).toBeGreaterThan(10);
    }
  });

  it('compares without a stored snapshot of factors: the recommendation and the block only', () => {
    const now = assessOn({ visitsLevel: 'stopped' });
    const result = reviewVisit(
      { factors: null, recommendation: 'grant', conditions: [], block: null },
      { assessment: now.assessment, block: { code: 'visit_measure_stopped', message: { nb: 'x', en: 'x' } } },
    );
    expect(result.changes.map((x) => x.code)).toEqual(['recommendation', 'block']);
  });

  it('stops a visit in the order the booking checks: closure, restriction, then the measures', () => {
    const base = {
      kind: 'ordinary' as const,
      roomKind: 'ordinary' as const,
      closed: false,
      restriction: null,
      visitsLevel: null,
      mediaPostponed: false,
    };
    expect(blockOf(base)).toBeNull();
    expect(blockOf({ ...base, closed: true, visitsLevel: 'stopped' })?.code).toBe('visit_room_closed');
    expect(blockOf({ ...base, restriction: 'glass_wall_only', visitsLevel: 'stopped' })).toEqual({
      code: 'visit_restriction_glass_wall',
      field: 'roomId',
    });
    expect(blockOf({ ...base, visitsLevel: 'stopped' })?.code).toBe('visit_measure_stopped');
    expect(blockOf({ ...base, roomKind: 'video', visitsLevel: 'stopped' })).toBeNull();
    expect(blockOf({ ...base, kind: 'official', roomKind: 'official', visitsLevel: 'stopped' })).toBeNull();
  });

  it('gives the conditions an outcome sets in a room', () => {
    expect(conditionsFor('grant_with_conditions', 'glass_wall')).toEqual(['glass_wall', 'distance']);
    expect(conditionsFor('grant_with_conditions', 'ordinary')).toEqual(['distance']);
    expect(conditionsFor('grant', 'glass_wall')).toEqual([]);
  });

  it('lets a stopped visit only move to video or be cancelled; cancelling always needs a reason', () => {
    const stopped = { current: 'grant' as const, recommendationNow: 'video_instead' as const, blocked: true };
    expect(reviewRules({ ...stopped, action: 'keep', videoAvailable: true }).allowed).toBe(false);
    expect(reviewRules({ ...stopped, action: 'conditions', videoAvailable: true }).allowed).toBe(false);
    expect(reviewRules({ ...stopped, action: 'video', videoAvailable: true })).toEqual({
      allowed: true,
      justificationRequired: false,
      recommended: 'video_instead',
    });
    expect(reviewRules({ ...stopped, action: 'cancel', videoAvailable: false })).toEqual({
      allowed: true,
      justificationRequired: true,
      recommended: 'refuse',
    });
    // Keeping a visit the assessment would now put behind conditions departs from it: a justification.
    const rising = { current: 'grant' as const, recommendationNow: 'grant_with_conditions' as const };
    expect(
      reviewRules({ ...rising, blocked: false, action: 'keep', videoAvailable: true }).justificationRequired,
    ).toBe(true);
    expect(
      reviewRules({ ...rising, blocked: false, action: 'conditions', videoAvailable: true })
        .justificationRequired,
    ).toBe(false);
  });

  it('writes the visitor a notice in bokmål and English: what happens, why, and what changed', () => {
    const notice = visitNotice({
      visitors: ['Kari Nordmann'],
      inmate: 'Ola Nordmann',
      facility: 'Oslo fengsel',
      date: '2026-12-08',
      startTime: '10:00',
      endTime: '11:00',
      room: 'Besøksrom 1',
      action: 'cancel',
      conditions: [],
      video: null,
      justification: 'Besøk er stanset ved utbrudd.',
      changes: [
        {
          code: 'visits_measure',
          before: 'no visit measure',
          after: 'visits stopped',
          text: { nb: 'Besøkstiltak: ingen → stanset', en: 'Visit measure: none → stopped' },
        },
      ],
    });
    expect(notice.nb.paragraphs).toEqual([
      'Til: Kari Nordmann',
      'Besøket hos Ola Nordmann i Oslo fengsel 8. desember 2026 kl. 10:00–11:00 (Besøksrom 1) er avlyst.',
      'Begrunnelse: Besøk er stanset ved utbrudd.',
      'Spørsmål om besøket kan rettes til Oslo fengsel. Den innsatte kan fortsatt ha kontakt med deg på telefon, brev og video.',
    ]);
    expect(notice.en.paragraphs[1]).toBe(
      'The visit to Ola Nordmann at Oslo fengsel on 8 December 2026 at 10:00–11:00 (Besøksrom 1) has been cancelled.',
    );
    expect(notice.en.changes).toEqual(['Visit measure: none → stopped']);
    expect(notice.nb.legal).toContain('§ 31');
  });
});
