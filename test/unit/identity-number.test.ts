import { describe, expect, it } from 'vitest';
import { makeNationalId, maskNationalId, parseNationalId } from '../../src/server/domain/identity-number.ts';
import data from '../cases/identity-numbers.json' with { type: 'json' };

describe(`identity numbers (${data.source})`, () => {
  it.each(data.cases)('$name: $input', ({ input, expected }) => {
    expect(parseNationalId(input)).toEqual(expected);
  });

  it('builds numbers that parse back to the same birth date and kind, for every kind', () => {
    let made = 0;
    for (const kind of ['fnr', 'dnr', 'synthetic'] as const)
      for (const birthDate of ['1950-01-31', '1999-12-01', '2004-02-29', '2020-06-15'])
        for (let individual = 0; individual < 1000; individual += 37) {
          const id = makeNationalId(birthDate, individual, kind);
          if (!id) continue;
          made++;
          expect(parseNationalId(id)).toMatchObject({ valid: true, kind, birthDate });
        }
    expect(made).toBeGreaterThan(100);
  });

  it('masks all but the birth date', () => {
    expect(maskNationalId('15076500565')).toBe('150765*****');
  });
});
