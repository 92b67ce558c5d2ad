import { describe, expect, it } from 'vitest';
import { ageGroup, checkSummonsNotice } from '../../src/server/domain/queue-rules.ts';
import data from '../cases/queue-rules.json' with { type: 'json' };

describe(`summons notice (${data.source})`, () => {
  it.each(data.summons)('$name', ({ sentOn, appearanceDate, expected }) => {
    expect(checkSummonsNotice(sentOn, appearanceDate)).toEqual(expected);
  });
});

describe('age groups in the queue', () => {
  it.each(data.ageGroups)('$name', ({ birthDate, onDate, expected }) => {
    expect(ageGroup(birthDate, onDate)).toBe(expected);
  });
});
