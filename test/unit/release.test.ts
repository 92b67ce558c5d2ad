import { describe, expect, it } from 'vitest';
import {
  checkRelease,
  keyDateFor,
  proposeRelease,
  RELEASE_CONDITIONS,
  type ReleaseFacts,
  type ReleaseInput,
  type ReleaseKeyDates,
  statutoryConditions,
} from '../../src/server/domain/release.ts';
import data from '../cases/release.json' with { type: 'json' };

const dates = (over: object = {}) => ({ ...data.dates, ...over }) as ReleaseKeyDates;
const facts = (over: object = {}) => ({ ...data.facts, ...over }) as ReleaseFacts;
const input = (over: object = {}) => ({ ...data.input, ...over }) as ReleaseInput;

describe(`release decision (${data.source})`, () => {
  it('has cases for every rule, each citing its source', () => {
    for (const c of [...data.check, ...data.proposal]) expect(c.cites.length).toBeGreaterThan(10);
    const cited = [...data.check, ...data.proposal].map((c) => c.cites).join('\n');
    for (const source of ['§ 42', '§ 43', 'virkemiddel 8', 'DOMAIN.md']) expect(cited).toContain(source);
  });

  it.each(data.check)('$name', (c) => {
    const out = checkRelease(
      input(c.input),
      dates('dates' in c ? c.dates : {}),
      facts('facts' in c ? c.facts : {}),
    );
    expect({ significant: out.significant, reasons: out.reasons, problems: out.problems }).toEqual(
      c.expected,
    );
  });

  it.each(data.proposal)('proposal: $name', (c) => {
    expect(proposeRelease(facts(c.facts))).toEqual(c.expected);
  });

  it('lists the proposal least restrictive first, as the catalogue orders the conditions', () => {
    const p = proposeRelease(facts({ releaseRisk: 'high', victims: 3, substanceUse: 'significant' }));
    const ranks = p.conditions.map((c) => RELEASE_CONDITIONS.indexOf(c.condition));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('shows the statutory condition with parole and the crisis release, not at the end of the term', () => {
    expect(statutoryConditions('parole')).toEqual(['no_new_crime']);
    expect(statutoryConditions('early_release_crisis')).toEqual(['no_new_crime']);
    expect(statutoryConditions('term_end')).toEqual([]);
  });

  it('measures each form against its own key date', () => {
    const d = dates({ crisisEarlyRelease: '2026-12-01' });
    expect(keyDateFor('parole', d)).toBe('2026-12-20');
    expect(keyDateFor('term_end', d)).toBe('2027-04-20');
    expect(keyDateFor('early_release_crisis', d)).toBe('2026-12-01');
  });
});
