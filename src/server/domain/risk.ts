// The individual assessment of needs, resources and risk (seed 004, "Risikovurdering"): the risk
// matrix, the review schedule, the flags and their explanations, the catalogue of restrictive
// measures with its order of restrictiveness, the check of non-associations and the gate that
// decisions of significance for public safety pass through. Pure: the date is an argument.

import { ageOn } from './calendar.ts';
import { addMonths } from './durations.ts';

export type Text = { nb: string; en: string };

/** Areas of need and resource the assessment covers. */
export const NEED_AREAS = [
  'housing',
  'education',
  'work',
  'finances',
  'health',
  'substance_use',
  'network',
  'family_children',
] as const;
export type NeedArea = (typeof NEED_AREAS)[number];
export const NEED_LEVELS = ['none', 'some', 'significant'] as const;
export type NeedLevel = (typeof NEED_LEVELS)[number];

/** Risk is differentiated by what a decision is about. */
export const RISK_PURPOSES = ['placement', 'leave', 'transport', 'visits', 'release'] as const;
export type RiskPurpose = (typeof RISK_PURPOSES)[number];

export const OCCASIONS = ['intake', 'scheduled', 'event'] as const;
export type Occasion = (typeof OCCASIONS)[number];

export const RISK_LEVELS = ['low', 'moderate', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const MATRIX_SOURCE =
  'Seed 004, Definisjoner: «Risiko er en funksjon av sannsynligheten for mulige uønskede hendelser og konsekvensen av disse» (NOU 2000:24)';

/**
 * Risk on the matrix: probability (1 very unlikely … 5 very likely) × consequence (1 insignificant
 * … 5 critical). Score 1–4 is low, 5–9 moderate, 10–25 high.
 */
export function rateRisk(probability: number, consequence: number): { score: number; level: RiskLevel } {
  if (![probability, consequence].every((n) => Number.isInteger(n) && n >= 1 && n <= 5))
    throw new RangeError('probability and consequence are 1–5');
  const score = probability * consequence;
  return { score, level: score <= 4 ? 'low' : score <= 9 ? 'moderate' : 'high' };
}

export const levelRank = (level: RiskLevel) => RISK_LEVELS.indexOf(level);

/** The highest level among the rated risks, or null when none is rated. */
export function highestLevel(levels: readonly RiskLevel[]): RiskLevel | null {
  let out: RiskLevel | null = null;
  for (const l of levels) if (out === null || levelRank(l) > levelRank(out)) out = l;
  return out;
}

/** Months to the next review by the highest rated risk: 3 when high, 6 when moderate, else 12. */
export const REVIEW_MONTHS: Record<RiskLevel | 'none', number> = { high: 3, moderate: 6, low: 12, none: 12 };

/** The review date: the assessment date plus the schedule's months for its highest risk. */
export function reviewDate(assessedOn: string, highest: RiskLevel | null): string {
  return addMonths(assessedOn, REVIEW_MONTHS[highest ?? 'none']);
}

// ── Flags ────────────────────────────────────────────────────────────────────────────────────

/** Seed 004: more than 6 years of prison is the threshold of serious crime (72 months). */
export const SERIOUS_CRIME_MONTHS = 72;

export const ORGANISED_CRIME_CRITERIA = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
export const ORGANISED_CRIME_REQUIRED = [1, 3, 5, 11] as const;

/**
 * The EU criteria as the police use them (seed 004): at least 6 of the 11, and 1, 3, 5 and 11 among
 * them. Numbers outside 1–11 and repeats are ignored.
 */
export function organisedCrime(criteria: readonly number[]): {
  met: boolean;
  count: number;
  missingRequired: number[];
} {
  const set = new Set(criteria.filter((n) => Number.isInteger(n) && n >= 1 && n <= 11));
  const missingRequired = ORGANISED_CRIME_REQUIRED.filter((n) => !set.has(n));
  return { met: set.size >= 6 && missingRequired.length === 0, count: set.size, missingRequired };
}

/** An offence on the judgment, with the maximum penalty its provision carries. */
export interface OffenceFact {
  description: string;
  maxPenaltyMonths: number | null;
}

/** Serious crime: some offence whose maximum penalty exceeds 6 years (seed 004, riksadvokaten 1/2006). */
export function seriousCrime(offences: readonly OffenceFact[]): OffenceFact | null {
  let worst: OffenceFact | null = null;
  for (const o of offences)
    if (o.maxPenaltyMonths !== null && o.maxPenaltyMonths > SERIOUS_CRIME_MONTHS)
      if (!worst || (o.maxPenaltyMonths ?? 0) > (worst.maxPenaltyMonths ?? 0)) worst = o;
  return worst;
}

export const FLAGS = [
  'serious_crime',
  'organised_crime',
  'network_crime',
  'preventive_detention',
  'mental_illness',
  'interpreter',
  'minor',
  'infoflyt',
] as const;
export type FlagCode = (typeof FLAGS)[number];

export interface Flag {
  code: FlagCode;
  /** Computed from the judgment and the person, or recorded by hand in the assessment. */
  basis: 'computed' | 'recorded';
  explanation: Text;
  source: string;
}

/** What the assessment records by hand for the flags. */
export interface RecordedFlags {
  organisedCriteria: readonly number[];
  networkCrime: boolean;
  mentalIllnessRisk: boolean;
  interpreterLanguage: string | null;
  infoflyt: boolean;
}

export interface FlagInput {
  asOf: string;
  birthDate: string;
  offences: readonly OffenceFact[];
  sentenceKinds: readonly string[];
  recorded: RecordedFlags | null;
}

const SEED = 'Seed 004, Utfordringer';

/** The flags that hold for a person on a date, each with its basis, explanation and source. */
export function computeFlags(input: FlagInput): Flag[] {
  const out: Flag[] = [];
  const serious = seriousCrime(input.offences);
  if (serious) {
    const years = Math.round(((serious.maxPenaltyMonths ?? 0) / 12) * 10) / 10;
    out.push({
      code: 'serious_crime',
      basis: 'computed',
      explanation: {
        nb: `${serious.description}: strafferammen er ${years} år, over 6 års fengsel.`,
        en: `${serious.description}: the maximum penalty is ${years} years, more than 6 years of prison.`,
      },
      source: 'Seed 004, Definisjoner, «Alvorlig kriminalitet» (riksadvokatens rundskriv 1/2006)',
    });
  }
  const r = input.recorded;
  if (r) {
    const oc = organisedCrime(r.organisedCriteria);
    if (oc.met)
      out.push({
        code: 'organised_crime',
        basis: 'computed',
        explanation: {
          nb: `${oc.count} av 11 kjennetegn er til stede, blant dem 1, 3, 5 og 11.`,
          en: `${oc.count} of the 11 criteria are present, 1, 3, 5 and 11 among them.`,
        },
        source:
          'Seed 004, Definisjoner, «Organisert kriminalitet» (EU-kriteriene, Nasjonal trusselvurdering 2003)',
      });
    if (r.networkCrime)
      out.push({
        code: 'network_crime',
        basis: 'recorded',
        explanation: {
          nb: 'Registrert i vurderingen: kontakt med kriminelt nettverk.',
          en: 'Recorded in the assessment: contact with a criminal network.',
        },
        source: 'Seed 004, Definisjoner, «Kriminelle nettverk»',
      });
    if (r.mentalIllnessRisk)
      out.push({
        code: 'mental_illness',
        basis: 'recorded',
        explanation: {
          nb: 'Registrert i vurderingen: psykisk lidelse med risiko for seg selv eller andre.',
          en: 'Recorded in the assessment: mental illness with a risk to self or others.',
        },
        source: `${SEED}, «Psykisk syke»`,
      });
    if (r.interpreterLanguage?.trim())
      out.push({
        code: 'interpreter',
        basis: 'recorded',
        explanation: {
          nb: `Trenger tolk: ${r.interpreterLanguage.trim()}.`,
          en: `Needs an interpreter: ${r.interpreterLanguage.trim()}.`,
        },
        source: `${SEED}, «Fremmedkulturelle»: all informasjon skal bli forstått`,
      });
    if (r.infoflyt)
      out.push({
        code: 'infoflyt',
        basis: 'recorded',
        explanation: {
          nb: 'Høyrisikoperson: opplysninger deles med politiet gjennom INFOFLYT.',
          en: 'High-risk person: information is shared with the police through INFOFLYT.',
        },
        source: 'Seed 004, «Samarbeid med politiet» (INFOFLYT, rundskriv KSF 2/2005)',
      });
  }
  if (input.sentenceKinds.includes('preventive_detention'))
    out.push({
      code: 'preventive_detention',
      basis: 'computed',
      explanation: { nb: 'Dømt til forvaring.', en: 'Sentenced to preventive detention.' },
      source: `${SEED}, «Forvaringsdømte»`,
    });
  const age = ageOn(input.birthDate, input.asOf);
  if (age < 18)
    out.push({
      code: 'minor',
      basis: 'computed',
      explanation: { nb: `Under 18 år (${age} år).`, en: `Under 18 (aged ${age}).` },
      source: 'Straffegjennomføringsloven § 10 annet ledd; Barnekonvensjonen art. 37',
    });
  out.sort((a, b) => FLAGS.indexOf(a.code) - FLAGS.indexOf(b.code));
  return out;
}

// ── Restrictive measures ─────────────────────────────────────────────────────────────────────

export interface RestrictionKindInfo {
  purpose: RiskPurpose;
  /** 1 is the least restrictive of its purpose. */
  rank: number;
  /** The highest risk level this measure is sufficient for on its own. */
  meets: RiskLevel;
}

/** The catalogue: for each purpose, from the least to the most restrictive. */
export const RESTRICTIONS = {
  limited_association: { purpose: 'placement', rank: 1, meets: 'moderate' },
  exclusion_from_company: { purpose: 'placement', rank: 2, meets: 'high' },
  leave_conditions: { purpose: 'leave', rank: 1, meets: 'moderate' },
  leave_escorted_only: { purpose: 'leave', rank: 2, meets: 'high' },
  no_leave: { purpose: 'leave', rank: 3, meets: 'high' },
  escort_two_officers: { purpose: 'transport', rank: 1, meets: 'moderate' },
  escort_restraints: { purpose: 'transport', rank: 2, meets: 'high' },
  escort_police: { purpose: 'transport', rank: 3, meets: 'high' },
  controlled_visits: { purpose: 'visits', rank: 1, meets: 'moderate' },
  visits_glass_wall: { purpose: 'visits', rank: 2, meets: 'high' },
  no_visits: { purpose: 'visits', rank: 3, meets: 'high' },
  release_conditions: { purpose: 'release', rank: 1, meets: 'moderate' },
  release_police_notice: { purpose: 'release', rank: 2, meets: 'high' },
} as const satisfies Record<string, RestrictionKindInfo>;
export type RestrictionKind = keyof typeof RESTRICTIONS;
export const RESTRICTION_KINDS = Object.keys(RESTRICTIONS) as RestrictionKind[];

export const RESTRICTION_SOURCE =
  'Seed 004: «Restriktive tiltak skal tilpasses individuelt, sett i forhold til den risikovurdering som er foretatt»; domfelte skal ikke gjennomføre straffen under mer restriktive forhold enn nødvendig';

/**
 * The measures of a purpose that meet a rated risk, least restrictive first. A low risk needs no
 * measure (the list is empty); an unrated purpose has no proposal either.
 */
export function proposeRestrictions(purpose: RiskPurpose, level: RiskLevel | null): RestrictionKind[] {
  if (level === null || level === 'low') return [];
  return RESTRICTION_KINDS.filter((k) => {
    const info: RestrictionKindInfo = RESTRICTIONS[k];
    return info.purpose === purpose && levelRank(info.meets) >= levelRank(level);
  }).sort((a, b) => RESTRICTIONS[a].rank - RESTRICTIONS[b].rank);
}

export type RestrictionCheck =
  | { ok: true; proposed: RestrictionKind[]; moreRestrictive: boolean }
  | { ok: false; path: string; code: 'restriction_not_rated' | 'restriction_necessity_required' };

/**
 * A measure chosen for a purpose, against the assessment's rating of it. The purpose must be rated;
 * a measure more restrictive than the least restrictive proposal (or any measure for a low risk)
 * needs a written reason why the lesser would not do.
 */
export function checkRestriction(
  kind: RestrictionKind,
  level: RiskLevel | null,
  necessity: string | null,
): RestrictionCheck {
  const purpose = RESTRICTIONS[kind].purpose;
  if (level === null) return { ok: false, path: 'kind', code: 'restriction_not_rated' };
  const proposed = proposeRestrictions(purpose, level);
  const least = proposed[0];
  const moreRestrictive = least === undefined || RESTRICTIONS[kind].rank > RESTRICTIONS[least].rank;
  if (moreRestrictive && !necessity?.trim())
    return { ok: false, path: 'necessityJustification', code: 'restriction_necessity_required' };
  return { ok: true, proposed, moreRestrictive };
}

// ── Non-associations ─────────────────────────────────────────────────────────────────────────

export const SEPARATION_LEVELS = ['cell', 'department', 'facility'] as const;
export type SeparationLevel = (typeof SEPARATION_LEVELS)[number];
export const SEPARATION_REASONS = ['co_defendant', 'victim_perpetrator', 'gang_conflict', 'other'] as const;
export type SeparationReason = (typeof SEPARATION_REASONS)[number];

export interface Place {
  facilityId: string;
  departmentId: string;
  cellId: string;
}

/** Does placing one person at `a` while the other is at `b` break a separation at this level? */
export function separationBreached(level: SeparationLevel, a: Place, b: Place): boolean {
  if (a.facilityId !== b.facilityId) return false;
  if (level === 'facility') return true;
  if (a.departmentId !== b.departmentId) return false;
  if (level === 'department') return true;
  return a.cellId === b.cellId;
}

// ── Decisions of significance for public safety ──────────────────────────────────────────────

export const SIGNIFICANT_SOURCE =
  'Seed 004, virkemiddel 8: «Kriminalomsorgen skal tydeliggjøre hvilke vedtak som har særlig betydning for samfunnssikkerheten. Alle slike vedtak skal begrunnes.»';

export interface LeaveGateInput {
  /** The leave risk in the current assessment, or null when there is none. */
  leaveRisk: RiskLevel | null;
  /** Leave restrictions in force for the person. */
  restrictions: readonly RestrictionKind[];
  granted: boolean;
  escorted: boolean;
  justification: string | null;
}

export type GateProblem = {
  path: string;
  code: 'leave_restricted' | 'leave_high_risk_justification';
  params?: Record<string, string>;
};

/**
 * A leave grant against the person's assessment: "no leave" in force stops it, "escorted only"
 * stops any leave that is not escorted; a high leave risk makes the grant a decision of
 * significance for public safety, which needs its written justification.
 */
export function leaveGate(input: LeaveGateInput): { significant: boolean; problems: GateProblem[] } {
  if (!input.granted) return { significant: false, problems: [] };
  const problems: GateProblem[] = [];
  const blocking = input.restrictions.find(
    (r) => r === 'no_leave' || (r === 'leave_escorted_only' && !input.escorted),
  );
  if (blocking)
    problems.push({ path: 'outcome', code: 'leave_restricted', params: { restriction: blocking } });
  const significant = input.leaveRisk === 'high';
  if (significant && !input.justification?.trim())
    problems.push({ path: 'justification', code: 'leave_high_risk_justification' });
  return { significant, problems };
}
