import { describe, expect, it } from 'vitest';
import { addMonths, lengthInDays } from '../../src/server/domain/durations.ts';
import {
  ADDED_IN_1_2,
  contracts,
  deriveOrderSchema11,
  fieldPath,
  publishedExample,
} from '../../src/server/modules/integration/contracts.ts';
import { chooseFacility, type FacilityOption } from '../../src/server/modules/integration/execution-order.ts';

describe('lengths on the calendar', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-11-23', 14, '2028-01-23'],
    ['2026-03-15', -3, '2025-12-15'],
  ])('%s plus %i months is %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });

  it.each([
    [{ years: 1 }, '2026-01-01', 365],
    [{ years: 1 }, '2028-01-01', 366],
    [{ months: 6 }, '2026-01-01', 181],
    [{ months: 2, days: 10 }, '2026-02-01', 69],
    [{ days: 24 }, '2026-11-23', 24],
  ])('%o from %s is %i days', (length, from, days) => {
    expect(lengthInDays(length, from)).toBe(days);
  });
});

describe('the execution order contract', () => {
  it('validates the published example against 1.2', () => {
    const validate = contracts().order['1.2'];
    expect(validate(JSON.parse(publishedExample())), JSON.stringify(validate.errors)).toBe(true);
  });

  it('derives 1.1 from 1.2 by removing exactly the reactions 1.2 added', () => {
    const schema12 = JSON.parse(
      JSON.stringify({
        $id: 'x',
        definitions: {
          reaksjonsType: {
            properties: { fengsel: {}, rettighetstapForbudKontakt: {}, rettighetstapMotorvogn: {} },
          },
          rettighetstapForbudKontakt: {},
          rettighetstapMotorvogn: {},
          fengsel: {},
        },
      }),
    );
    const schema11 = deriveOrderSchema11(schema12) as {
      $id: string;
      definitions: Record<string, { properties?: object }>;
    };
    expect(schema11.$id).toBe('https://kriminalomsorgen.no/dom/1.1/fullbyrdelsesordre');
    expect(Object.keys(schema11.definitions.reaksjonsType?.properties ?? {})).toEqual(['fengsel']);
    for (const name of ADDED_IN_1_2) expect(schema11.definitions[name]).toBeUndefined();
    // The source is left as it was.
    expect(Object.keys(schema12.definitions.reaksjonsType.properties)).toHaveLength(3);
  });

  it('names fields the way a person reads them', () => {
    expect(
      fieldPath('/fullbyrdelsesordre/avgjoerelse/straffbareForhold/0/straffesak', 'straffesaksnummer'),
    ).toBe('fullbyrdelsesordre.avgjoerelse.straffbareForhold[0].straffesak.straffesaksnummer');
    expect(fieldPath('')).toBe('(melding)');
  });
});

describe('the responsible facility', () => {
  const f = (
    code: string,
    kind: FacilityOption['kind'],
    municipality: string,
    beds: number,
  ): FacilityOption => ({
    id: code,
    code,
    name: code,
    kind,
    municipality,
    beds,
  });
  const facilities = [
    f('BRE', 'prison_high', 'Oslo', 56),
    f('OSL', 'prison_high', 'Oslo', 250),
    f('OSL-L', 'prison_lower', 'Oslo', 400),
    f('BGO', 'prison_high', 'Bergen', 200),
    f('BJO', 'prison_lower', 'Bergen', 300),
    f('FOK-OSLO', 'probation_office', 'Oslo', 0),
    f('FOK-HORDALAND', 'probation_office', 'Bergen', 0),
  ];

  it('takes the post town first, high security first, then the most beds', () => {
    const choice = chooseFacility(
      facilities,
      [
        { place: 'oslo', source: 'address' },
        { place: 'Bergen', source: 'court' },
      ],
      'prison',
      undefined,
    );
    expect(choice).toMatchObject({ facility: { code: 'OSL' }, rule: 'address', place: 'oslo' });
  });

  it('takes the court when the post town has none, and a probation office for community sentences', () => {
    const places = [
      { place: 'Jålla', source: 'address' as const },
      { place: 'Bergen', source: 'court' as const },
    ];
    expect(chooseFacility(facilities, places, 'prison', undefined)).toMatchObject({
      facility: { code: 'BGO' },
      rule: 'court',
    });
    expect(chooseFacility(facilities, places, 'probation', undefined)?.facility.code).toBe('FOK-HORDALAND');
  });

  it('falls back to the configured default, then to the largest of the kind', () => {
    const nowhere = [{ place: 'Tromsø', source: 'address' as const }];
    expect(chooseFacility(facilities, nowhere, 'prison', 'BGO')).toMatchObject({
      facility: { code: 'BGO' },
      rule: 'default',
    });
    expect(chooseFacility(facilities, nowhere, 'prison', 'NOPE')).toMatchObject({
      facility: { code: 'OSL' },
      rule: 'first',
    });
    expect(chooseFacility([], nowhere, 'prison', undefined)).toBeNull();
  });
});
