// Leave, escorted leave, temporary release and day release (straffegjennomføringsloven §§ 20, 33
// and 35, forskrift om straffegjennomføring §§ 3-14 and 3-30 ff.) assessed one application at a
// time against the correctional service's infection control measures from 6 November (seed 001).
// Pure: the date and every fact are arguments; nothing is read from the clock or the database.
//
// The application rules refuse what cannot be applied for at all (dates in the past, a return
// before the departure, beyond the quota, before the first ordinary leave date, overlapping
// another application, not in prison). The assessment puts the infection factors side by side
// and recommends grant, grant with conditions or refuse, with the reasons and the seed's words.
// A human decides; the factors as they were are stored with the decision.

import { ageOn } from './calendar.ts';
import type { InfectionLevel, InfectionTrend } from './infection.ts';

export const LEAVE_KINDS = [
  'ordinary',
  'short',
  'welfare',
  'escorted',
  'temporary_release',
  'day_release',
] as const;
export type LeaveKind = (typeof LEAVE_KINDS)[number];

export const LEAVE_PURPOSES = ['children', 'family', 'work', 'health', 'social'] as const;
export type LeavePurpose = (typeof LEAVE_PURPOSES)[number];

export const OUTCOMES = ['granted', 'granted_with_conditions', 'refused'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const RECOMMENDATIONS = ['grant', 'grant_with_conditions', 'refuse'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const CONDITIONS = ['no_public_transport', 'escorted', 'shorter'] as const;
export type Condition = (typeof CONDITIONS)[number];

/** Leave that counts against the yearly quota (the engine's convention: ordinary leave only). */
export const QUOTA_KINDS: readonly LeaveKind[] = ['ordinary'];
/** Leave written to leave_record when granted, so that the sentence engine sees it. */
export const RECORDED_KINDS: readonly LeaveKind[] = ['ordinary', 'welfare'];

/**
 * The share of the facility's staff in quarantine from which the staffing situation restricts
 * escorted leave ("in case many staff members are in quarantine"): 10 %.
 */
export const STAFFING_STRAINED_SHARE = 0.1;

/** The legal basis written on the decision. */
export function legalReference(kind: LeaveKind): string {
  if (kind === 'temporary_release')
    return 'Straffegjennomføringsloven § 35; forskrift om straffegjennomføring § 3-30 flg.; smitteverntiltak fra 6. november (seed 001)';
  if (kind === 'day_release')
    return 'Straffegjennomføringsloven §§ 20 og 35; forskrift om straffegjennomføring § 3-14; smitteverntiltak fra 6. november (seed 001)';
  return 'Straffegjennomføringsloven § 33; forskrift om straffegjennomføring § 3-30 flg.; smitteverntiltak fra 6. november (seed 001)';
}

// ---------------------------------------------------------------------------------------------
// Length of a leave

/** Minutes since an epoch for a wall-clock date and time (no time zone: Oslo wall clock). */
function minutes(date: string, time: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return Date.UTC(y, m - 1, d, hh, mm) / 60_000;
}

/**
 * The days a leave takes from the quota: started 24-hour periods from departure to return
 * (FOR § 3-30 counts the quota in døgn), at least 1. Null when the return is not after the departure.
 */
export function leaveDays(fromDate: string, fromTime: string, toDate: string, toTime: string): number | null {
  const length = minutes(toDate, toTime) - minutes(fromDate, fromTime);
  if (length <= 0) return null;
  return Math.max(1, Math.ceil(length / (24 * 60)));
}

// ---------------------------------------------------------------------------------------------
// Application rules

export interface ApplicationInput {
  kind: LeaveKind;
  fromDate: string;
  fromTime: string;
  toDate: string;
  toTime: string;
}

export interface ApplicationContext {
  today: string;
  /** The person has a current cell placement (is in prison). */
  inPrison: boolean;
  /**
   * The engine's first date for this kind, where the kind has one: ordinary leave (FOR § 3-30 femte
   * ledd) and day release (FOR § 3-14). status not_applicable: the threshold falls after the term.
   */
  firstDate: { date: string | null; rule: string; status: 'eligible' | 'not_yet' | 'not_applicable' } | null;
  /** Days left of the quota year the leave falls in (ordinary leave), or null when not counted. */
  quotaLeft: number | null;
  quotaDays: number;
  /** Other pending or granted applications of the same person. */
  others: readonly { id: string; fromDate: string; fromTime: string; toDate: string; toTime: string }[];
}

export type ApplicationProblemCode =
  | 'leave_in_past'
  | 'leave_to_before_from'
  | 'leave_not_in_prison'
  | 'leave_before_first_date'
  | 'leave_rule_not_applicable'
  | 'leave_quota_exceeded'
  | 'leave_overlap';

export interface ApplicationProblem {
  path: string;
  code: ApplicationProblemCode;
  params?: Record<string, string | number>;
}

/** Whether two leaves share any moment (a return and a departure at the same minute do not). */
export function leavesOverlap(
  a: { fromDate: string; fromTime: string; toDate: string; toTime: string },
  b: { fromDate: string; fromTime: string; toDate: string; toTime: string },
): boolean {
  return (
    minutes(a.fromDate, a.fromTime) < minutes(b.toDate, b.toTime) &&
    minutes(b.fromDate, b.fromTime) < minutes(a.toDate, a.toTime)
  );
}

/** Checks an application against the rules; the codes are message codes, by field. */
export function checkApplication(input: ApplicationInput, ctx: ApplicationContext): ApplicationProblem[] {
  const out: ApplicationProblem[] = [];
  if (!ctx.inPrison) out.push({ path: 'personId', code: 'leave_not_in_prison' });
  if (input.fromDate < ctx.today)
    out.push({ path: 'fromDate', code: 'leave_in_past', params: { today: ctx.today } });
  const days = leaveDays(input.fromDate, input.fromTime, input.toDate, input.toTime);
  if (days === null) {
    out.push({ path: 'toDate', code: 'leave_to_before_from' });
    return out;
  }
  const first = ctx.firstDate;
  if (first && first.status === 'not_applicable')
    out.push({ path: 'kind', code: 'leave_rule_not_applicable', params: { rule: first.rule } });
  else if (first?.date && input.fromDate < first.date)
    out.push({
      path: 'fromDate',
      code: 'leave_before_first_date',
      params: { date: first.date, rule: first.rule },
    });
  if (QUOTA_KINDS.includes(input.kind) && ctx.quotaLeft !== null && days > ctx.quotaLeft)
    out.push({
      path: 'toDate',
      code: 'leave_quota_exceeded',
      params: { days, left: ctx.quotaLeft, quota: ctx.quotaDays },
    });
  const clash = ctx.others.find((o) => leavesOverlap(input, o));
  if (clash)
    out.push({
      path: 'fromDate',
      code: 'leave_overlap',
      params: { from: `${clash.fromDate} ${clash.fromTime}`, to: `${clash.toDate} ${clash.toTime}` },
    });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The infection-aware assessment

export interface AreaSituation {
  municipality: string;
  level: InfectionLevel;
  trend: InfectionTrend;
  incidence14d: number | null;
}

export const LEAVE_MEASURES = [
  'leave_restrictions',
  'escorted_leave_restrictions',
  'temporary_release_restrictions',
] as const;
export type LeaveMeasure = (typeof LEAVE_MEASURES)[number];

/** The facts an assessment stands on; stored as they were with the decision. */
export interface AssessmentFactors {
  /** The date the facts are taken from. */
  asOf: string;
  kind: LeaveKind;
  purpose: LeavePurpose;
  fromDate: string;
  days: number;
  publicTransport: boolean;
  prison: AreaSituation;
  destination: AreaSituation;
  staffing: { staff: number; inQuarantine: number };
  /** Leave measures in force at the facility on the date. */
  measures: LeaveMeasure[];
  /** The inmate is under 18 on the first day of the leave. */
  minor: boolean;
  eligibility: {
    firstDate: string | null;
    firstDateRule: string | null;
    quotaLeft: number | null;
  };
}

export type ReasonCode =
  | 'rising_area'
  | 'rising_area_necessity'
  | 'risk_low'
  | 'risk_unknown'
  | 'public_transport'
  | 'escorted_social'
  | 'escorted_staffing'
  | 'escorted_staffing_necessity'
  | 'leave_measure'
  | 'escorted_measure'
  | 'release_unsafe'
  | 'release_measure'
  | 'children'
  | 'minor'
  | 'before_first_date'
  | 'quota';

export interface Reason {
  code: ReasonCode;
  effect: 'refuse' | 'conditions' | 'support' | 'note';
  /** The seed's sentence or the law the reason rests on. */
  source: string;
  text: { nb: string; en: string };
}

export interface Assessment {
  recommendation: Recommendation;
  conditions: Condition[];
  reasons: Reason[];
  risk: 'low' | 'elevated' | 'high';
  necessity: 'high' | 'ordinary' | 'low';
}

export const SOURCES = {
  rising: 'Leave to/from areas with a rising infection rate should not be granted.',
  weigh:
    'The needs of the convicted person, and the necessity of escorted leaves, must be weighed up against the risk of infection.',
  children:
    'To the extent that it is possible to allow for visits, leaves and escorted leaves, facilities (prisons) are asked to bear in mind childrens’ need to maintain contact with their parents, as well as the needs of minor inmates.',
  escortedSocial:
    'Escorted leaves purely of a social character, shall to the extent possible be declined if the escorted leave involves a risk of spreading the virus.',
  staffing:
    'In addition, the staffing situation in prisons may restrict the practical possibility to permit escorted leave, in case many staff members are in quarantine.',
  amended:
    'Leaves shall be amended/cancelled if they result in an increased risk of infection being brought into prisons.',
  minimal:
    'In cases where leaves are granted, it is assumed that prison authorities have assessed the risk of infection as minimal.',
  release:
    'Permitting temporary release/day release will be restricted to cases where this is regarded as safe in view of infection control.',
  releaseTransport:
    'Allowing temporary release will therefore vary, based on infection rates in different geographical areas, as well as on inmates’ needs to use public transport.',
  firstDate: 'Forskrift om straffegjennomføring § 3-30 femte ledd / § 3-14 første ledd',
  quota: 'Forskrift om straffegjennomføring § 3-30 annet ledd: permisjonskvote på inntil 18 døgn i året',
} as const;

const LEVEL_NB: Record<InfectionLevel, string> = {
  green: 'grønt',
  yellow: 'gult',
  red: 'rødt',
  unknown: 'ukjent',
};
const TREND_NB: Record<InfectionTrend, string> = {
  rising: 'økende',
  stable: 'stabilt',
  falling: 'synkende',
  unknown: 'ukjent',
};

function areaText(a: AreaSituation, nb: boolean): string {
  return nb
    ? `${a.municipality} (nivå ${LEVEL_NB[a.level]}, ${TREND_NB[a.trend]})`
    : `${a.municipality} (level ${a.level}, ${a.trend})`;
}

const RANK: Record<Recommendation, number> = { grant: 0, grant_with_conditions: 1, refuse: 2 };

/** The infection risk of the leave: high when either end is rising, low only when both are known, green and not rising. */
export function riskOf(f: AssessmentFactors): Assessment['risk'] {
  const areas = [f.prison, f.destination];
  if (areas.some((a) => a.trend === 'rising')) return 'high';
  if (areas.some((a) => a.level === 'unknown' || a.level === 'red' || a.level === 'yellow'))
    return 'elevated';
  return 'low';
}

/** How necessary the leave is: children's contact with a parent, health and minor inmates weigh most. */
export function necessityOf(f: AssessmentFactors): Assessment['necessity'] {
  if (f.purpose === 'children' || f.purpose === 'health' || f.minor) return 'high';
  if (f.purpose === 'social') return 'low';
  return 'ordinary';
}

/** The share of staff in quarantine, 0 when the facility has no staff registered. */
export function quarantineShare(f: AssessmentFactors): number {
  return f.staffing.staff > 0 ? f.staffing.inQuarantine / f.staffing.staff : 0;
}

/**
 * The assessment of one application: each factor gives a reason with its effect; the strictest
 * effect decides the recommendation, and the conditions are gathered from the reasons.
 */
export function assessLeave(f: AssessmentFactors): Assessment {
  const reasons: Reason[] = [];
  const conditions = new Set<Condition>();
  let recommendation = 'grant' as Recommendation;
  const worsen = (r: Recommendation) => {
    if (RANK[r] > RANK[recommendation]) recommendation = r;
  };
  const add = (reason: Reason, conds: Condition[] = []) => {
    reasons.push(reason);
    if (reason.effect === 'refuse') worsen('refuse');
    if (reason.effect === 'conditions') {
      worsen('grant_with_conditions');
      for (const c of conds) conditions.add(c);
    }
  };
  const risk = riskOf(f);
  const necessity = necessityOf(f);
  const release = f.kind === 'temporary_release' || f.kind === 'day_release';
  const escorted = f.kind === 'escorted';
  const rising = [f.prison, f.destination].filter((a) => a.trend === 'rising');
  const areas = `${areaText(f.prison, true)} / ${areaText(f.destination, true)}`;
  const areasEn = `${areaText(f.prison, false)} / ${areaText(f.destination, false)}`;

  // Eligibility from the sentence engine.
  if (f.eligibility.firstDate && f.fromDate < f.eligibility.firstDate)
    add({
      code: 'before_first_date',
      effect: 'refuse',
      source: SOURCES.firstDate,
      text: {
        nb: `Permisjonen begynner før første mulige dato ${f.eligibility.firstDate} (${f.eligibility.firstDateRule ?? ''}).`,
        en: `The leave begins before the first possible date ${f.eligibility.firstDate} (${f.eligibility.firstDateRule ?? ''}).`,
      },
    });
  if (QUOTA_KINDS.includes(f.kind) && f.eligibility.quotaLeft !== null && f.days > f.eligibility.quotaLeft)
    add({
      code: 'quota',
      effect: 'refuse',
      source: SOURCES.quota,
      text: {
        nb: `Permisjonen på ${f.days} døgn er mer enn de ${f.eligibility.quotaLeft} døgnene som er igjen av kvoten.`,
        en: `The leave of ${f.days} days is more than the ${f.eligibility.quotaLeft} days left of the quota.`,
      },
    });

  // The needs that weigh against the risk.
  if (f.purpose === 'children')
    add({
      code: 'children',
      effect: 'support',
      source: SOURCES.children,
      text: {
        nb: 'Formålet er kontakt med barn: barns behov for kontakt med foreldrene skal vektlegges.',
        en: 'The purpose is contact with children: children’s need to keep contact with their parents weighs in.',
      },
    });
  if (f.minor)
    add({
      code: 'minor',
      effect: 'support',
      source: SOURCES.children,
      text: {
        nb: 'Den innsatte er under 18 år: behovene til mindreårige innsatte skal vektlegges.',
        en: 'The inmate is under 18: the needs of minor inmates weigh in.',
      },
    });

  // Rising infection where the prison is or where the leave goes.
  if (rising.length > 0) {
    const where = rising.map((a) => a.municipality).join(', ');
    if (necessity === 'high' && !release)
      add(
        {
          code: 'rising_area_necessity',
          effect: 'conditions',
          source: `${SOURCES.rising} ${SOURCES.weigh}`,
          text: {
            nb: `Smitten øker i ${where}. Permisjon bør da ikke innvilges, men behovet veier tungt: bare med følge, uten kollektivtransport og kortere.`,
            en: `Infection is rising in ${where}. Leave should then not be granted, but the need weighs heavily: only escorted, without public transport and shorter.`,
          },
        },
        [...(escorted ? [] : (['escorted'] as const)), 'no_public_transport', 'shorter'],
      );
    else
      add({
        code: 'rising_area',
        effect: 'refuse',
        source: release ? `${SOURCES.rising} ${SOURCES.release}` : SOURCES.rising,
        text: {
          nb: `Smitten øker i ${where}. Permisjon til eller fra områder med økende smitte bør ikke innvilges.`,
          en: `Infection is rising in ${where}. Leave to or from areas with a rising infection rate should not be granted.`,
        },
      });
  }

  if (release) {
    // Temporary release / day release: only where it is safe.
    const measure = f.measures.includes('temporary_release_restrictions');
    if (
      risk === 'elevated' &&
      (measure ||
        f.prison.level === 'red' ||
        f.destination.level === 'red' ||
        f.prison.level === 'unknown' ||
        f.destination.level === 'unknown')
    )
      add({
        code: measure ? 'release_measure' : 'release_unsafe',
        effect: 'refuse',
        source: SOURCES.release,
        text: {
          nb: `Frigang gis bare når det er trygt av hensyn til smittevern, og smittenivået er ${areas}${measure ? '; tiltaket om begrenset frigang gjelder ved enheten' : ''}.`,
          en: `Temporary release or day release is allowed only where it is safe in view of infection control, and the infection level is ${areasEn}${measure ? '; the measure restricting temporary release is in force at the facility' : ''}.`,
        },
      });
    else if (f.publicTransport && risk !== 'low')
      add(
        {
          code: 'public_transport',
          effect: 'conditions',
          source: SOURCES.releaseTransport,
          text: {
            nb: 'Den innsatte trenger kollektivtransport der det er smitte: frigang bare uten kollektivtransport.',
            en: 'The inmate needs public transport where there is infection: release only without public transport.',
          },
        },
        ['no_public_transport'],
      );
    else if (measure)
      add({
        code: 'release_measure',
        effect: 'note',
        source: SOURCES.release,
        text: {
          nb: 'Tiltaket om begrenset frigang gjelder, men smitterisikoen er vurdert som minimal.',
          en: 'The measure restricting temporary release is in force, but the risk of infection is assessed as minimal.',
        },
      });
  } else {
    if (escorted) {
      const measure = f.measures.includes('escorted_leave_restrictions');
      if (f.purpose === 'social' && (risk !== 'low' || measure))
        add({
          code: 'escorted_social',
          effect: 'refuse',
          source: SOURCES.escortedSocial,
          text: {
            nb: `Fremstillingen er av rent sosial karakter og innebærer risiko for smittespredning${measure ? ' (tiltaket om begrensede fremstillinger gjelder)' : ''}.`,
            en: `The escorted leave is purely social and involves a risk of spreading the virus${measure ? ' (the measure restricting escorted leave is in force)' : ''}.`,
          },
        });
      else if (measure)
        add(
          {
            code: 'escorted_measure',
            effect: 'conditions',
            source: SOURCES.escortedSocial,
            text: {
              nb: 'Tiltaket om begrensede fremstillinger gjelder ved enheten: uten kollektivtransport.',
              en: 'The measure restricting escorted leave is in force at the facility: without public transport.',
            },
          },
          ['no_public_transport'],
        );
      if (quarantineShare(f) >= STAFFING_STRAINED_SHARE) {
        const staffText = `${f.staffing.inQuarantine} av ${f.staffing.staff}`;
        const staffEn = `${f.staffing.inQuarantine} of ${f.staffing.staff}`;
        if (necessity === 'high')
          add(
            {
              code: 'escorted_staffing_necessity',
              effect: 'conditions',
              source: `${SOURCES.staffing} ${SOURCES.weigh}`,
              text: {
                nb: `${staffText} ansatte er i karantene; behovet veier tungt, så fremstillingen kan gjennomføres kortere.`,
                en: `${staffEn} staff members are in quarantine; the need weighs heavily, so the escorted leave may go ahead, shorter.`,
              },
            },
            ['shorter'],
          );
        else
          add({
            code: 'escorted_staffing',
            effect: 'refuse',
            source: SOURCES.staffing,
            text: {
              nb: `${staffText} ansatte er i karantene: bemanningen gjør fremstillingen praktisk vanskelig.`,
              en: `${staffEn} staff members are in quarantine: the staffing makes the escorted leave impractical.`,
            },
          });
      }
    }
    if (f.measures.includes('leave_restrictions') && risk !== 'low')
      add(
        {
          code: 'leave_measure',
          effect: 'conditions',
          source: SOURCES.amended,
          text: {
            nb: `Tiltaket om begrensede permisjoner gjelder og smittenivået er ${areas}: permisjonen endres for å hindre at smitte bringes inn i fengselet.`,
            en: `The measure restricting leave is in force and the infection level is ${areasEn}: the leave is amended so that infection is not brought into the prison.`,
          },
        },
        [...(f.publicTransport ? (['no_public_transport'] as const) : []), 'shorter'],
      );
    if (f.publicTransport && risk !== 'low' && !conditions.has('no_public_transport'))
      add(
        {
          code: 'public_transport',
          effect: 'conditions',
          source: SOURCES.amended,
          text: {
            nb: 'Reisen krever kollektivtransport der det er smitte: permisjon bare uten kollektivtransport.',
            en: 'The journey needs public transport where there is infection: leave only without public transport.',
          },
        },
        ['no_public_transport'],
      );
  }

  if (risk === 'elevated' && (f.prison.level === 'unknown' || f.destination.level === 'unknown'))
    add({
      code: 'risk_unknown',
      effect: 'note',
      source: SOURCES.minimal,
      text: {
        nb: 'Smittesituasjonen er ukjent for minst ett av stedene; risikoen må vurderes særskilt før permisjonen innvilges.',
        en: 'The infection situation is unknown for at least one of the places; the risk must be assessed separately before the leave is granted.',
      },
    });
  if (risk === 'low')
    add({
      code: 'risk_low',
      effect: 'note',
      source: SOURCES.minimal,
      text: {
        nb: `Smitterisikoen vurderes som minimal: ${areas}.`,
        en: `The risk of infection is assessed as minimal: ${areasEn}.`,
      },
    });

  return {
    recommendation,
    conditions: recommendation === 'grant_with_conditions' ? CONDITIONS.filter((c) => conditions.has(c)) : [],
    reasons,
    risk,
    necessity,
  };
}

/** The outcome that follows a recommendation, for "going against the recommendation". */
export function followsRecommendation(recommendation: Recommendation, outcome: Outcome): boolean {
  if (recommendation === 'refuse') return outcome === 'refused';
  if (recommendation === 'grant') return outcome === 'granted';
  return outcome === 'granted_with_conditions';
}

/** A justification is required when refusing or when the outcome goes against the recommendation. */
export function justificationRequired(recommendation: Recommendation, outcome: Outcome): boolean {
  return outcome === 'refused' || !followsRecommendation(recommendation, outcome);
}

/** Whether the inmate is under 18 on the date. */
export function isMinorOn(birthDate: string | null, date: string): boolean {
  return birthDate !== null && ageOn(birthDate, date) < 18;
}

// ---------------------------------------------------------------------------------------------
// After granting: what changed

export interface FactorChange {
  factor:
    | 'prison_level'
    | 'prison_trend'
    | 'destination_level'
    | 'destination_trend'
    | 'measures'
    | 'staffing'
    | 'recommendation';
  before: string;
  after: string;
}

/**
 * What differs between the factors stored with the decision and today's, and whether the
 * assessment would now come out differently (a stricter recommendation or new reasons to refuse
 * or to set conditions). Milder news does not put a granted leave up for review.
 */
export function reviewChanges(
  before: AssessmentFactors,
  after: AssessmentFactors,
): { changed: boolean; changes: FactorChange[]; now: Assessment; then: Assessment } {
  const then = assessLeave(before);
  const now = assessLeave(after);
  const changes: FactorChange[] = [];
  const push = (factor: FactorChange['factor'], a: string, b: string) => {
    if (a !== b) changes.push({ factor, before: a, after: b });
  };
  push('prison_level', before.prison.level, after.prison.level);
  push('prison_trend', before.prison.trend, after.prison.trend);
  push('destination_level', before.destination.level, after.destination.level);
  push('destination_trend', before.destination.trend, after.destination.trend);
  push('measures', [...before.measures].sort().join(','), [...after.measures].sort().join(','));
  push(
    'staffing',
    `${before.staffing.inQuarantine}/${before.staffing.staff}`,
    `${after.staffing.inQuarantine}/${after.staffing.staff}`,
  );
  push('recommendation', then.recommendation, now.recommendation);
  const strict = (a: Assessment) =>
    new Set(a.reasons.filter((r) => r.effect === 'refuse' || r.effect === 'conditions').map((r) => r.code));
  const thenStrict = strict(then);
  const newStrict = [...strict(now)].some((c) => !thenStrict.has(c));
  const changed = RANK[now.recommendation] > RANK[then.recommendation] || newStrict;
  return { changed, changes, now, then };
}

// ---------------------------------------------------------------------------------------------
// Returns and failure statistics

export const RETURN_STATUSES = ['on_time', 'late', 'not_returned'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/** A failure (svikt): late return or no return. */
export function isFailure(status: ReturnStatus): boolean {
  return status !== 'on_time';
}

/** Failures per 1,000 leaves taken ("svikttall"), to one decimal; null when no leave was taken. */
export function failureRate(taken: number, failures: number): number | null {
  if (taken <= 0) return null;
  return Math.round((failures * 1000 * 10) / taken) / 10;
}

/** The status of a recorded return from the planned and the actual return (wall clock, minutes). */
export function returnStatusOf(
  planned: { date: string; time: string },
  actual: { date: string; time: string } | null,
): ReturnStatus {
  if (actual === null) return 'not_returned';
  return minutes(actual.date, actual.time) > minutes(planned.date, planned.time) ? 'late' : 'on_time';
}
