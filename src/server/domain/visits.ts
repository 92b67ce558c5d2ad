// Visits (straffegjennomføringsloven § 31 and seed 001, the correctional service's infection
// control measures from 6 November): who may visit an inmate, and the infection-aware assessment
// of one visit. Pure: the date and every fact are arguments.
//
// Approved visitors: an inmate has at most 4 approved visitors. Close family (spouse, partner,
// children, parents, siblings) together take ONE of the 4 places, however many they are, so
// that a large family never crowds out friends and never has to choose between its members.
// An application counts while it is pending and once approved; a refused or withdrawn one
// does not.
//
// The assessment puts the factors the seed names side by side, gives each a weight in points,
// and turns the total into a recommendation. A human decides; the recommendation and the
// factors as they were are stored with the decision.

import type { InfectionLevel, InfectionTrend } from './infection.ts';

export const LEGAL_REFERENCE =
  'Straffegjennomføringsloven § 31 (besøk); Kriminalomsorgsdirektoratet, smitteverntiltak fra 6. november (seed 001)';

export const MAX_VISITORS = 4;
export const RELATIONS = [
  'spouse',
  'partner',
  'child',
  'parent',
  'sibling',
  'other_family',
  'friend',
  'other',
] as const;
export type Relation = (typeof RELATIONS)[number];
export const CLOSE_FAMILY: readonly Relation[] = ['spouse', 'partner', 'child', 'parent', 'sibling'];

export type VisitorStatus = 'applied' | 'approved' | 'refused' | 'withdrawn';

/** How many of the 4 places these visitors take: close family counts as one. */
export function placesUsed(visitors: readonly { relation: Relation; status: VisitorStatus }[]): number {
  const counting = visitors.filter((v) => v.status === 'applied' || v.status === 'approved');
  const family = counting.some((v) => CLOSE_FAMILY.includes(v.relation)) ? 1 : 0;
  return family + counting.filter((v) => !CLOSE_FAMILY.includes(v.relation)).length;
}

/** Whether one more visitor of this relation fits within the 4 places. */
export function mayAddVisitor(
  visitors: readonly { relation: Relation; status: VisitorStatus }[],
  relation: Relation,
): { allowed: boolean; used: number; after: number } {
  const used = placesUsed(visitors);
  const after = placesUsed([...visitors, { relation, status: 'applied' }]);
  return { allowed: after <= MAX_VISITORS, used, after };
}

/** Under 18 on the date: from the date of birth when known, else the flag recorded. */
export function isMinorOn(birthDate: string | null, minorFlag: boolean, on: string): boolean {
  if (!birthDate) return minorFlag;
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  const age = oy - y - (om < m || (om === m && od < d) ? 1 : 0);
  return age < 18;
}

// ── The assessment ────────────────────────────────────────────────────────────────────────────

export type VisitKind = 'ordinary' | 'official' | 'media';
export type RoomKind =
  | 'ordinary'
  | 'supervised'
  | 'glass_wall'
  | 'child_friendly'
  | 'video'
  | 'official'
  | 'media';
export type VisitsLevel = 'normal' | 'restricted' | 'extended' | 'stopped';
export type Outcome = 'grant' | 'grant_with_conditions' | 'video_instead' | 'refuse';
export type Condition = 'glass_wall' | 'distance';

export interface AreaSituation {
  municipality: string;
  level: InfectionLevel;
  trend: InfectionTrend;
}

export interface AssessmentInput {
  kind: VisitKind;
  roomKind: RoomKind;
  /** Where the prison is. */
  facilityArea: AreaSituation;
  /** Where each visitor lives (empty for official and media visitors). */
  visitorAreas: readonly (AreaSituation & { visitor: string })[];
  /** Whether any visitor needs public transport to reach the prison. */
  publicTransport: boolean;
  /** Whether the facility has a video room (so that video can replace the visit). */
  videoAvailable: boolean;
  /** Staff in quarantine at the facility on the date, and the active staff. */
  staffInQuarantine: number;
  staffTotal: number;
  /** The visits level of the measures in force at the facility; null when none. */
  visitsLevel: VisitsLevel | null;
  /** A visitor is the inmate's child and under 18. */
  childVisitor: boolean;
  /** The inmate is under 18 on the date of the visit. */
  minorInmate: boolean;
}

export type FactorCode =
  | 'facility_infection'
  | 'visitor_infection'
  | 'public_transport'
  | 'premises'
  | 'staffing'
  | 'visits_measure'
  | 'child_contact'
  | 'minor_inmate';

export interface Factor {
  code: FactorCode;
  /** Points toward restricting the visit; negative points weigh toward granting. */
  points: number;
  /** The facts, for display. */
  value: Record<string, string | number | boolean | null>;
  /** The seed's sentence the factor rests on. */
  source: string;
}

export type ReasonCode =
  | 'video_is_a_visit'
  | 'official_never_stopped'
  | 'measure_stopped'
  | 'low_risk'
  | 'some_risk'
  | 'visitor_area_rising'
  | 'high_risk'
  | 'glass_wall_room'
  | 'glass_wall_elsewhere'
  | 'children_weigh'
  | 'no_video_room';

export interface Reason {
  code: ReasonCode;
  source: string;
}

export interface Assessment {
  factors: Factor[];
  /** The sum of the factors' points (before the weight of children's needs). */
  score: number;
  outcome: Outcome;
  conditions: Condition[];
  reasons: Reason[];
}

/** The seed's sentences, quoted where a rule rests on them. */
export const SEED = {
  area: 'the prison shall take into consideration certain factors, such as the infection rate in the geographical area where the prison is located',
  visitorArea: 'which geographical area the visitor is coming from',
  transport: 'as well as the potential need to use public transport in order to reach the prison',
  premises:
    'Prison premises, as well as the situation regarding prison staffing, will also be of crucial importance.',
  cancelled:
    'Visits to inmates shall be cancelled/postponed or not granted if the visit cannot be carried out in line with current infection control measures.',
  adapted:
    'If the visit is regarded as safe and can be allowed, visitors’ premises shall be adapted to prevent infection, for instance by using plexi glass, distancing etc.',
  children:
    'facilities (prisons) are asked to bear in mind childrens’ need to maintain contact with their parents, as well as the needs of minor inmates.',
  video:
    'The prisons shall continue to use video link conversations as a substitute for, or an addition to ordinary visits.',
  media:
    'This shall, however, not inflict on inmates and convicted persons’ right to speak freely and to be in contact with mass media.',
  rising: 'Leave to/from areas with a rising infection rate should not be granted.',
  extended: 'Extended visit restrictions',
} as const;

const LEVEL_POINTS: Record<InfectionLevel, number> = { red: 2, yellow: 1, green: 0, unknown: 0 };

function areaPoints(a: { level: InfectionLevel; trend: InfectionTrend }): number {
  return LEVEL_POINTS[a.level] + (a.trend === 'rising' ? 1 : 0);
}

/** Staff in quarantine: a fifth of the staff weighs 1, half of them 2 (without a staff count: 3 and 10). */
export function staffingPoints(inQuarantine: number, total: number): number {
  if (inQuarantine <= 0) return 0;
  if (total > 0) {
    const share = inQuarantine / total;
    return share >= 0.5 ? 2 : share >= 0.2 ? 1 : 0;
  }
  return inQuarantine >= 10 ? 2 : inQuarantine >= 3 ? 1 : 0;
}

const MEASURE_POINTS: Record<VisitsLevel, number> = { normal: 0, restricted: 1, extended: 2, stopped: 0 };
/** How far the needs of children and of minor inmates weigh toward granting, in points. */
export const CHILDREN_WEIGHT = 2;

function worstArea<T extends AreaSituation>(areas: readonly T[]): T | null {
  let worst: T | null = null;
  for (const a of areas) if (!worst || areaPoints(a) > areaPoints(worst)) worst = a;
  return worst;
}

/** The infection-aware assessment of one visit: factors side by side and a recommendation. */
export function assessVisit(input: AssessmentInput): Assessment {
  const video = input.roomKind === 'video';
  const glass = input.roomKind === 'glass_wall';
  const visitor = worstArea(input.visitorAreas);
  const rising = input.visitorAreas.some((a) => a.trend === 'rising');
  const children = input.childVisitor || input.minorInmate;

  const factors: Factor[] = [
    {
      code: 'facility_infection',
      points: video ? 0 : areaPoints(input.facilityArea),
      value: { ...input.facilityArea },
      source: SEED.area,
    },
    {
      code: 'visitor_infection',
      points: video || !visitor ? 0 : areaPoints(visitor),
      value: visitor
        ? {
            municipality: visitor.municipality,
            level: visitor.level,
            trend: visitor.trend,
            visitor: visitor.visitor,
          }
        : { municipality: null, level: 'unknown', trend: 'unknown', visitor: null },
      source: SEED.visitorArea,
    },
    {
      code: 'public_transport',
      points: !video && input.publicTransport ? 1 : 0,
      value: { needed: input.publicTransport },
      source: SEED.transport,
    },
    {
      code: 'premises',
      points: 0,
      value: { roomKind: input.roomKind, glassWall: glass, videoAvailable: input.videoAvailable },
      source: SEED.adapted,
    },
    {
      code: 'staffing',
      points: video ? 0 : staffingPoints(input.staffInQuarantine, input.staffTotal),
      value: { inQuarantine: input.staffInQuarantine, staff: input.staffTotal },
      source: SEED.premises,
    },
    {
      code: 'visits_measure',
      points: video || !input.visitsLevel ? 0 : MEASURE_POINTS[input.visitsLevel],
      value: { level: input.visitsLevel },
      source: input.visitsLevel === 'extended' ? SEED.extended : SEED.cancelled,
    },
    {
      code: 'child_contact',
      points: input.childVisitor && !video ? -CHILDREN_WEIGHT : 0,
      value: { childVisitor: input.childVisitor },
      source: SEED.children,
    },
    {
      code: 'minor_inmate',
      points: input.minorInmate && !input.childVisitor && !video ? -CHILDREN_WEIGHT : 0,
      value: { minorInmate: input.minorInmate },
      source: SEED.children,
    },
  ];
  const score = factors.filter((f) => f.points > 0).reduce((sum, f) => sum + f.points, 0);
  const result = (outcome: Outcome, conditions: Condition[], ...codes: ReasonCode[]): Assessment => ({
    factors,
    score,
    outcome,
    conditions,
    reasons: codes.map((code) => ({ code, source: REASON_SOURCE[code] })),
  });

  if (video) return result('grant', [], 'video_is_a_visit');
  if (input.kind === 'official') return result('grant', [], 'official_never_stopped');
  const instead = (...codes: ReasonCode[]) =>
    input.videoAvailable
      ? result('video_instead', [], ...codes)
      : result('refuse', [], ...codes, 'no_video_room');
  if (input.visitsLevel === 'stopped') return instead('measure_stopped');

  const weighed = Math.max(0, score - (children ? CHILDREN_WEIGHT : 0));
  const childNote: ReasonCode[] = children ? ['children_weigh'] : [];
  if (weighed >= 5)
    return glass && children
      ? result(
          'grant_with_conditions',
          ['glass_wall', 'distance'],
          'high_risk',
          'glass_wall_room',
          ...childNote,
        )
      : instead('high_risk', ...childNote);
  // A rising rate where the visitor lives: behind glass or by video; a child may still meet with distance.
  const risingNeedsGlass = rising && !(children && weighed < 3);
  if (risingNeedsGlass || weighed >= 3) {
    const why: ReasonCode = risingNeedsGlass ? 'visitor_area_rising' : 'some_risk';
    if (glass)
      return result(
        'grant_with_conditions',
        ['glass_wall', 'distance'],
        why,
        'glass_wall_room',
        ...childNote,
      );
    return instead(why, 'glass_wall_elsewhere', ...childNote);
  }
  if (weighed >= 1 || score > 0 || rising)
    return result(
      'grant_with_conditions',
      glass ? ['glass_wall', 'distance'] : ['distance'],
      'some_risk',
      ...childNote,
    );
  return result('grant', [], 'low_risk');
}

const REASON_SOURCE: Record<ReasonCode, string> = {
  video_is_a_visit: SEED.video,
  official_never_stopped: SEED.media,
  measure_stopped: SEED.cancelled,
  low_risk: SEED.adapted,
  some_risk: SEED.adapted,
  visitor_area_rising: SEED.rising,
  high_risk: SEED.cancelled,
  glass_wall_room: SEED.adapted,
  glass_wall_elsewhere: SEED.adapted,
  children_weigh: SEED.children,
  no_video_room: SEED.cancelled,
};

export const REASON_TEXT: Record<ReasonCode, { nb: string; en: string }> = {
  video_is_a_visit: {
    nb: 'Videobesøk gir ingen smitterisiko og kan erstatte eller komme i tillegg til vanlige besøk.',
    en: 'A video visit carries no risk of infection and may replace or add to ordinary visits.',
  },
  official_never_stopped: {
    nb: 'Besøk fra advokat og offentlige myndigheter stanses ikke av smitteverntiltak.',
    en: 'Visits from lawyers and public authorities are not stopped by infection control measures.',
  },
  measure_stopped: {
    nb: 'Tiltaket som gjelder ved fengselet har stanset besøk: tilby videobesøk i stedet.',
    en: 'The measure in force at the prison has stopped visits: offer a video visit instead.',
  },
  low_risk: {
    nb: 'Ingen faktorer taler for å begrense besøket.',
    en: 'No factor speaks for restricting the visit.',
  },
  some_risk: {
    nb: 'Smitterisikoen er til stede: besøket bør gjennomføres med avstand.',
    en: 'There is a risk of infection: the visit should be held with distance.',
  },
  visitor_area_rising: {
    nb: 'Smitten stiger der den besøkende bor: besøk bak glassvegg eller på video.',
    en: 'Infection is rising where the visitor lives: a visit behind a glass wall or by video.',
  },
  high_risk: {
    nb: 'Samlet smitterisiko er høy: besøket kan ikke gjennomføres forsvarlig i person.',
    en: 'The overall risk of infection is high: the visit cannot safely be held in person.',
  },
  glass_wall_room: {
    nb: 'Rommet har glassvegg, så besøket kan gjennomføres med skille.',
    en: 'The room has a glass wall, so the visit can be held with a screen.',
  },
  glass_wall_elsewhere: {
    nb: 'Et rom med glassvegg ville gjort et besøk i person mulig; velg et slikt rom om fengselet har det.',
    en: 'A room with a glass wall would allow an in-person visit; choose one if the prison has it.',
  },
  children_weigh: {
    nb: 'Barns behov for kontakt med foreldre, og behovene til innsatte under 18, veier for å gi besøk. Vurder sammen med den innsatte og den som har foreldreansvaret om tiltakene virker negativt på kontakten.',
    en: 'Children’s need for contact with their parents, and the needs of inmates under 18, weigh toward granting. Assess with the inmate and the person with parental responsibility whether the measures harm the contact.',
  },
  no_video_room: {
    nb: 'Fengselet har ikke videorom: besøket må utsettes.',
    en: 'The prison has no video room: the visit must be postponed.',
  },
};

/** Whether the outcome chosen by a person goes against the recommendation (a justification is then required). */
export function needsJustification(recommended: Outcome, chosen: Outcome): boolean {
  return chosen !== recommended || chosen === 'refuse';
}

/** Whether a visit is held in person (not by video). */
export function inPerson(roomKind: RoomKind): boolean {
  return roomKind !== 'video';
}

/** Which rooms an inmate's restriction allows for an ordinary visit in person. */
export function roomAllowedBy(
  restriction: 'none' | 'supervised_only' | 'glass_wall_only' | 'no_visits',
  roomKind: RoomKind,
  kind: VisitKind,
): boolean {
  if (kind === 'official') return true;
  if (restriction === 'no_visits') return false;
  if (roomKind === 'video') return true;
  if (restriction === 'glass_wall_only') return roomKind === 'glass_wall';
  if (restriction === 'supervised_only') return roomKind === 'supervised' || roomKind === 'glass_wall';
  return true;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a YYYY-MM-DD date. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

// ── Checks that stop a booked visit ───────────────────────────────────────────────────────────

export type RestrictionKind = 'none' | 'supervised_only' | 'glass_wall_only' | 'no_visits';
export type BlockCode =
  | 'visit_room_closed'
  | 'visit_restriction_no_visits'
  | 'visit_restriction_glass_wall'
  | 'visit_restriction_supervised'
  | 'visit_measure_stopped'
  | 'visit_media_postponed';

/**
 * The first rule that stops a visit in this room on its date, in the order the booking checks
 * them: a closed room, the inmate's restriction, then the measures in force (official visits are
 * never stopped; a video visit is not stopped by the measures). Null when none does.
 */
export function blockOf(input: {
  kind: VisitKind;
  roomKind: RoomKind;
  closed: boolean;
  restriction: RestrictionKind | null;
  visitsLevel: VisitsLevel | null;
  mediaPostponed: boolean;
}): { code: BlockCode; field: 'date' | 'kind' | 'roomId' } | null {
  if (input.closed) return { code: 'visit_room_closed', field: 'date' };
  if (input.restriction && !roomAllowedBy(input.restriction, input.roomKind, input.kind)) {
    if (input.restriction === 'no_visits') return { code: 'visit_restriction_no_visits', field: 'kind' };
    if (input.restriction === 'glass_wall_only')
      return { code: 'visit_restriction_glass_wall', field: 'roomId' };
    return { code: 'visit_restriction_supervised', field: 'roomId' };
  }
  if (inPerson(input.roomKind) && input.kind !== 'official') {
    if (input.visitsLevel === 'stopped') return { code: 'visit_measure_stopped', field: 'kind' };
    if (input.kind === 'media' && input.mediaPostponed)
      return { code: 'visit_media_postponed', field: 'kind' };
  }
  return null;
}

/** The conditions an assessment of this outcome sets in this room (as assessVisit sets them). */
export function conditionsFor(outcome: Outcome, roomKind: RoomKind): Condition[] {
  if (outcome !== 'grant_with_conditions') return [];
  return roomKind === 'glass_wall' ? ['glass_wall', 'distance'] : ['distance'];
}

// ── The review of a booked visit when the facts change (issue: measures that change) ──────────

/** What a visit's assessment rested on at one moment: stored at booking, and at each review. */
export interface Snapshot {
  /** The factors as they were; null for visits booked before factors were stored. */
  factors: readonly Factor[] | null;
  recommendation: Outcome | null;
  conditions: readonly Condition[];
  /** The rule that stopped the visit then (none at booking). */
  block: BlockCode | null;
}

export type ChangeCode = FactorCode | 'recommendation' | 'conditions' | 'block';
export interface Text {
  nb: string;
  en: string;
}
export interface VisitChange {
  code: ChangeCode;
  before: string;
  after: string;
  /** The change in plain words, for staff and for the visitor's notice. */
  text: Text;
}

const LEVEL_WORD: Record<string, Text> = {
  green: { nb: 'lavt smittenivå', en: 'low infection level' },
  yellow: { nb: 'middels smittenivå', en: 'moderate infection level' },
  red: { nb: 'høyt smittenivå', en: 'high infection level' },
  unknown: { nb: 'ukjent smittenivå', en: 'unknown infection level' },
};
const TREND_WORD: Record<string, Text> = {
  rising: { nb: 'stigende', en: 'rising' },
  stable: { nb: 'stabilt', en: 'stable' },
  falling: { nb: 'synkende', en: 'falling' },
  unknown: { nb: 'ukjent utvikling', en: 'unknown trend' },
};
const MEASURE_WORD: Record<string, Text> = {
  none: { nb: 'ingen besøkstiltak', en: 'no visit measure' },
  normal: { nb: 'vanlige besøk', en: 'normal visits' },
  restricted: { nb: 'begrensede besøk', en: 'restricted visits' },
  extended: { nb: 'utvidede besøksbegrensninger', en: 'extended visit restrictions' },
  stopped: { nb: 'besøk stanset', en: 'visits stopped' },
};
export const OUTCOME_WORD: Record<Outcome, Text> = {
  grant: { nb: 'innvilges', en: 'granted' },
  grant_with_conditions: { nb: 'innvilges med vilkår', en: 'granted with conditions' },
  video_instead: { nb: 'videobesøk i stedet', en: 'a video visit instead' },
  refuse: { nb: 'avslås', en: 'refused' },
};
export const CONDITION_WORD: Record<Condition, Text> = {
  glass_wall: { nb: 'glassvegg', en: 'glass wall' },
  distance: { nb: 'avstand', en: 'distance' },
};
const YES: Text = { nb: 'ja', en: 'yes' };
const NO: Text = { nb: 'nei', en: 'no' };

function word(map: Record<string, Text>, key: unknown, locale: keyof Text): string {
  return map[String(key)]?.[locale] ?? String(key);
}

function listWords(conditions: readonly Condition[], locale: keyof Text): string {
  if (conditions.length === 0) return locale === 'nb' ? 'ingen vilkår' : 'no conditions';
  return conditions.map((c) => CONDITION_WORD[c][locale]).join(', ');
}

/** How one factor's facts read, for the list of changes. */
function factorWords(f: Factor, locale: keyof Text): string {
  const v = f.value;
  const yesNo = (b: unknown) => (b ? YES : NO)[locale];
  switch (f.code) {
    case 'facility_infection':
    case 'visitor_infection':
      return `${word(LEVEL_WORD, v.level, locale)}, ${word(TREND_WORD, v.trend, locale)}`;
    case 'public_transport':
      return yesNo(v.needed);
    case 'premises':
      return locale === 'nb'
        ? `videorom ${v.videoAvailable ? 'finnes' : 'finnes ikke'}`
        : `video room ${v.videoAvailable ? 'available' : 'not available'}`;
    case 'staffing':
      return locale === 'nb' ? `${v.inQuarantine} av ${v.staff}` : `${v.inQuarantine} of ${v.staff}`;
    case 'visits_measure':
      return word(MEASURE_WORD, v.level ?? 'none', locale);
    case 'child_contact':
      return yesNo(v.childVisitor);
    case 'minor_inmate':
      return yesNo(v.minorInmate);
  }
}

function factorLabel(f: Factor, locale: keyof Text): string {
  const m = f.value.municipality ? ` (${f.value.municipality})` : '';
  const labels: Record<FactorCode, Text> = {
    facility_infection: { nb: `Smitte der fengselet ligger${m}`, en: `Infection where the prison is${m}` },
    visitor_infection: {
      nb: `Smitte der den besøkende bor${m}`,
      en: `Infection where the visitor lives${m}`,
    },
    public_transport: { nb: 'Reise med kollektivtransport', en: 'Travel by public transport' },
    premises: { nb: 'Lokalene', en: 'The premises' },
    staffing: { nb: 'Ansatte i karantene', en: 'Staff in quarantine' },
    visits_measure: { nb: 'Besøkstiltak på besøksdagen', en: 'Visit measure on the day of the visit' },
    child_contact: { nb: 'Barn som besøker forelder', en: 'A child visiting a parent' },
    minor_inmate: { nb: 'Innsatt under 18 år', en: 'Inmate under 18' },
  };
  return labels[f.code][locale];
}

/** Whether two factors state the same facts (keys in any order; the visitor's name aside). */
const sameValue = (a: Factor, b: Factor) => {
  const canonical = (v: Factor['value']) =>
    JSON.stringify(
      Object.keys(v)
        .filter((k) => k !== 'visitor')
        .sort()
        .map((k) => [k, v[k]]),
    );
  return canonical(a.value) === canonical(b.value);
};

/**
 * What differs between the assessment a booked visit rested on and the one made afresh, and
 * whether it must be reviewed: the visit is now stopped by a rule, or the recommendation or its
 * conditions differ. Milder news counts as well: the conditions may then be lifted. The block's
 * message is given in both languages by the caller.
 */
export function reviewVisit(
  then: Snapshot,
  now: { assessment: Assessment; block: { code: BlockCode; message: Text } | null },
): { changed: boolean; stricter: boolean; changes: VisitChange[] } {
  const changes: VisitChange[] = [];
  const a = now.assessment;
  if (then.factors) {
    for (const after of a.factors) {
      const before = then.factors.find((f) => f.code === after.code);
      if (!before || sameValue(before, after)) continue;
      const text = (locale: keyof Text) =>
        `${factorLabel(after, locale)}: ${factorWords(before, locale)} → ${factorWords(after, locale)}`;
      changes.push({
        code: after.code,
        before: factorWords(before, 'en'),
        after: factorWords(after, 'en'),
        text: { nb: text('nb'), en: text('en') },
      });
    }
  }
  const recommendationChanged = then.recommendation !== null && then.recommendation !== a.outcome;
  if (recommendationChanged && then.recommendation) {
    const before = then.recommendation;
    changes.push({
      code: 'recommendation',
      before,
      after: a.outcome,
      text: {
        nb: `Anbefaling: ${OUTCOME_WORD[before].nb} → ${OUTCOME_WORD[a.outcome].nb}`,
        en: `Recommendation: ${OUTCOME_WORD[before].en} → ${OUTCOME_WORD[a.outcome].en}`,
      },
    });
  }
  const sorted = (c: readonly Condition[]) => [...c].sort().join(',');
  const conditionsChanged = then.recommendation !== null && sorted(then.conditions) !== sorted(a.conditions);
  if (conditionsChanged)
    changes.push({
      code: 'conditions',
      before: sorted(then.conditions),
      after: sorted(a.conditions),
      text: {
        nb: `Vilkår: ${listWords(then.conditions, 'nb')} → ${listWords(a.conditions, 'nb')}`,
        en: `Conditions: ${listWords(then.conditions, 'en')} → ${listWords(a.conditions, 'en')}`,
      },
    });
  const newBlock = now.block !== null && now.block.code !== then.block;
  if (now.block && newBlock)
    changes.push({
      code: 'block',
      before: then.block ?? '',
      after: now.block.code,
      text: {
        nb: `Besøket kan ikke gjennomføres som bestilt: ${now.block.message.nb}`,
        en: `The visit cannot go ahead as booked: ${now.block.message.en}`,
      },
    });
  const RANK: Record<Outcome, number> = { grant: 0, grant_with_conditions: 1, video_instead: 2, refuse: 3 };
  const stricter =
    newBlock ||
    (then.recommendation !== null && RANK[a.outcome] > RANK[then.recommendation]) ||
    a.conditions.some((c) => !then.conditions.includes(c));
  return { changed: newBlock || recommendationChanged || conditionsChanged, stricter, changes };
}

/** The review's decision on a booked visit. */
export type ReviewAction = 'keep' | 'conditions' | 'video' | 'cancel';

/** The outcome a review's action gives the visit; `current` is the outcome it was booked with. */
export function reviewOutcome(action: ReviewAction, current: Outcome): Outcome {
  if (action === 'conditions') return 'grant_with_conditions';
  if (action === 'video') return 'video_instead';
  if (action === 'cancel') return 'refuse';
  return current;
}

/**
 * What a review may do and what it demands. A visit stopped by a rule cannot be kept in person
 * (only moved to video or cancelled); the recommendation made afresh is then video, or refusal
 * without a video room. A written justification is required to cancel and whenever the action
 * departs from the recommendation now, as at booking.
 */
export function reviewRules(input: {
  action: ReviewAction;
  current: Outcome;
  recommendationNow: Outcome;
  blocked: boolean;
  videoAvailable: boolean;
}): { allowed: boolean; justificationRequired: boolean; recommended: Outcome } {
  const recommended: Outcome = input.blocked
    ? input.videoAvailable
      ? 'video_instead'
      : 'refuse'
    : input.recommendationNow;
  const allowed = !(input.blocked && (input.action === 'keep' || input.action === 'conditions'));
  const chosen = reviewOutcome(input.action, input.current);
  return {
    allowed,
    justificationRequired: input.action === 'cancel' || needsJustification(recommended, chosen),
    recommended,
  };
}

// ── The notice to the visitor ─────────────────────────────────────────────────────────────────

export interface NoticeFacts {
  visitors: readonly string[];
  inmate: string;
  facility: string;
  date: string;
  startTime: string;
  endTime: string;
  room: string;
  /** The review's action, or null while the visit is still under review. */
  action: ReviewAction | null;
  conditions: readonly Condition[];
  /** The new time when the visit was moved to video. */
  video: { date: string; startTime: string; room: string } | null;
  justification: string | null;
  changes: readonly VisitChange[];
}

export interface Notice {
  title: string;
  paragraphs: string[];
  changesHeading: string;
  changes: string[];
  legal: string;
}

function dateWords(date: string, locale: keyof Text): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const months = {
    nb: [
      'januar',
      'februar',
      'mars',
      'april',
      'mai',
      'juni',
      'juli',
      'august',
      'september',
      'oktober',
      'november',
      'desember',
    ],
    en: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
  };
  return locale === 'nb' ? `${d}. ${months.nb[m - 1]} ${y}` : `${d} ${months.en[m - 1]} ${y}`;
}

/** The notice the visitor is given when a booked visit is under review or was changed on review. */
export function visitNotice(f: NoticeFacts): Record<keyof Text, Notice> {
  const make = (l: keyof Text): Notice => {
    const nb = l === 'nb';
    const visit = nb
      ? `Besøket hos ${f.inmate} i ${f.facility} ${dateWords(f.date, l)} kl. ${f.startTime}–${f.endTime} (${f.room})`
      : `The visit to ${f.inmate} at ${f.facility} on ${dateWords(f.date, l)} at ${f.startTime}–${f.endTime} (${f.room})`;
    const outcome = (() => {
      switch (f.action) {
        case null:
          return nb
            ? `${visit} vurderes på nytt fordi forholdene har endret seg siden besøket ble bestilt. Du får beskjed når vurderingen er gjort.`
            : `${visit} is being reviewed because the circumstances have changed since it was booked. You will be told when the review is done.`;
        case 'keep':
          return nb
            ? `${visit} er vurdert på nytt og gjennomføres som bestilt.`
            : `${visit} has been reviewed and goes ahead as booked.`;
        case 'conditions':
          return nb
            ? `${visit} er vurdert på nytt og gjennomføres med disse vilkårene: ${listWords(f.conditions, l)}.`
            : `${visit} has been reviewed and goes ahead on these conditions: ${listWords(f.conditions, l)}.`;
        case 'video':
          return f.video
            ? nb
              ? `${visit} er vurdert på nytt og gjennomføres som videobesøk ${dateWords(f.video.date, l)} kl. ${f.video.startTime} (${f.video.room}).`
              : `${visit} has been reviewed and will be held as a video visit on ${dateWords(f.video.date, l)} at ${f.video.startTime} (${f.video.room}).`
            : nb
              ? `${visit} er vurdert på nytt og gjennomføres som videobesøk.`
              : `${visit} has been reviewed and will be held as a video visit.`;
        case 'cancel':
          return nb ? `${visit} er avlyst.` : `${visit} has been cancelled.`;
      }
    })();
    const paragraphs = [nb ? `Til: ${f.visitors.join(', ')}` : `To: ${f.visitors.join(', ')}`, outcome];
    if (f.justification)
      paragraphs.push(nb ? `Begrunnelse: ${f.justification}` : `Reason: ${f.justification}`);
    paragraphs.push(
      nb
        ? `Spørsmål om besøket kan rettes til ${f.facility}. Den innsatte kan fortsatt ha kontakt med deg på telefon, brev og video.`
        : `Questions about the visit may be put to ${f.facility}. The inmate may still keep in touch with you by phone, letter and video.`,
    );
    return {
      title: nb ? 'Melding om endring i besøk' : 'Notice of a change to a visit',
      paragraphs,
      changesHeading: nb ? 'Dette er endret' : 'What has changed',
      changes: f.changes.map((c) => c.text[l]),
      legal: nb ? `Hjemmel: ${LEGAL_REFERENCE}` : `Legal basis: ${LEGAL_REFERENCE}`,
    };
  };
  return { nb: make('nb'), en: make('en') };
}
