// Fixed, easy-to-find people in the demo data, for tests and demonstrations. Their ids never
// change; their dates are counted from the seed's `today`, so that each stays in its state
// (an under-23 stays under 23) whatever day the data is seeded.

export interface DemoPerson {
  personId: string;
  judgmentId: string;
  sentenceId: string;
  givenName: string;
  familyName: string;
  gender: 'female' | 'male';
  /** Age in completed years on the seed's `today`. */
  age: number;
  /** The six digits after the year in the case number: unique among the demo data. */
  caseSerial: string;
  /** What the person is doing, in words. */
  state: string;
}

function ids(n: number): Pick<DemoPerson, 'personId' | 'judgmentId' | 'sentenceId'> {
  const tail = String(n).padStart(12, '0');
  return {
    personId: `d3e10000-0000-4000-8000-${tail}`,
    judgmentId: `d3e10000-0000-4000-8001-${tail}`,
    sentenceId: `d3e10000-0000-4000-8002-${tail}`,
  };
}

export const DEMO_PEOPLE = {
  /** Queued, not summoned, order 75 days before today: an adult who has waited past 60 days. */
  queuedAdult: {
    ...ids(1),
    givenName: 'Ola',
    familyName: 'Nordmann',
    gender: 'male',
    age: 45,
    caseSerial: '100001',
    state: 'queued (not summoned), prison 120 days, order 75 days ago',
  },
  /** Queued, not summoned, aged 20: first in line among the adults. */
  queuedYoung: {
    ...ids(2),
    givenName: 'Kari',
    familyName: 'Sørensen-Dahl',
    gender: 'female',
    age: 20,
    caseSerial: '100002',
    state: 'queued (not summoned), under 23, prison 60 days, order 20 days ago',
  },
  /** Serving a prison sentence in Oslo fengsel, Avdeling A, cell 101, bed A. */
  admitted: {
    ...ids(3),
    givenName: 'Åsmund',
    familyName: 'Ødegård',
    gender: 'male',
    age: 34,
    caseSerial: '100003',
    state: 'admitted, prison 730 days, Oslo fengsel A/101/A since 200 days ago',
  },
  /** Remand prisoner in Oslo fengsel, Avdeling A, cell 102, bed A. */
  remand: {
    ...ids(4),
    givenName: 'Jonas',
    familyName: 'Løvås',
    gender: 'male',
    age: 27,
    caseSerial: '100004',
    state: 'remand, Oslo fengsel A/102/A since 12 days ago',
  },
  /** Summoned to appear at Bastøy fengsel 28 days after today. */
  summoned: {
    ...ids(5),
    givenName: 'Nils',
    familyName: 'Åsheim',
    gender: 'male',
    age: 31,
    caseSerial: '100005',
    state: 'summoned 7 days ago to Bastøy fengsel, appearance in 28 days',
  },
  /** Postponed for pregnancy, 180 days from today. */
  postponed: {
    ...ids(6),
    givenName: 'Ingrid',
    familyName: 'Ødegaard',
    gender: 'female',
    age: 29,
    caseSerial: '100006',
    state: 'postponed (pregnancy) until 180 days after today',
  },
  /** Serving on electronic monitoring from Oslo friomsorgskontor. */
  em: {
    ...ids(7),
    givenName: 'Sølvi',
    familyName: 'Kjærstad',
    gender: 'female',
    age: 41,
    caseSerial: '100007',
    state: 'admitted on EM at Oslo friomsorgskontor since 30 days ago, prison 90 days',
  },
  /** Serving a community sentence of 120 hours from Oslo friomsorgskontor. */
  community: {
    ...ids(8),
    givenName: 'Åse',
    familyName: 'Bjørnstad',
    gender: 'female',
    age: 38,
    caseSerial: '100008',
    state: 'admitted, community sentence 120 hours at Oslo friomsorgskontor',
  },
  /** Released on parole on the Monday of the current week, from Bergen fengsel. */
  released: {
    ...ids(9),
    givenName: 'René',
    familyName: 'Hansen-Dahl',
    gender: 'male',
    age: 52,
    caseSerial: '100009',
    state: 'released on parole this Monday from Bergen fengsel',
  },
} as const satisfies Record<string, DemoPerson>;

export type DemoPersonKey = keyof typeof DEMO_PEOPLE;

/** Facility codes the fixtures use. */
export const DEMO_FACILITIES = {
  osloPrison: 'OSL',
  bergenPrison: 'BGO',
  bastoy: 'BAS',
  bredtveit: 'BRE',
  osloProbation: 'FOK-OSLO',
} as const;
