import { describe, expect, it } from 'vitest';
import { normaliseName } from '../../src/server/domain/names.ts';
import { message, pickLocale } from '../../src/server/shared/messages.ts';
import { redactIdentityNumbers } from '../../src/server/shared/redact.ts';

describe('name normalisation for search', () => {
  it.each([
    ['Åsmund Ødegård', 'asmund odegard'],
    ['Kjærstad-Løvås', 'kjaerstad lovas'],
    ['René  Müller', 'rene muller'],
    ['  ÆØÅ  ', 'aeoa'],
  ])('%s → %s', (input, expected) => expect(normaliseName(input)).toBe(expected));
});

describe('log redaction', () => {
  it('masks any 11-digit run and leaves other numbers', () => {
    expect(redactIdentityNumbers('/api/v1/people?q=15076500565&page=2')).toBe(
      '/api/v1/people?q=150765*****&page=2',
    );
    expect(redactIdentityNumbers('case 123456 and 123456789012')).toBe('case 123456 and 123456789012');
  });
});

describe('messages', () => {
  it('picks the language from Accept-Language, falling back to the user choice', () => {
    expect(pickLocale('en-GB,en;q=0.9')).toBe('en');
    expect(pickLocale('nn-NO')).toBe('nb');
    expect(pickLocale(undefined, 'en')).toBe('en');
    expect(pickLocale('de-DE', 'nb')).toBe('nb');
  });

  it('fills parameters and translates the nouns', () => {
    expect(message('not_found', 'nb', { what: 'person' })).toBe('Fant ikke personen.');
    expect(message('not_found', 'en', { what: 'bed' })).toBe('The bed was not found.');
  });
});
