// The release decision (løslatelsesvedtak): the form of release and its date against the key dates,
// the conditions set at parole, the arrangement at the gate, who is notified, and when the decision
// is one of special significance for public safety (seed 004, virkemiddel 8). Pure: the key dates,
// the assessment and the facts are arguments.

import type { FlagCode, NeedLevel, RiskLevel } from './risk.ts';

export const RELEASE_SOURCES = {
  parole:
    'Straffegjennomføringsloven § 42 første ledd: prøveløslatelse når to tredjedeler av straffen, og minst 60 dager, er gjennomført',
  conditions:
    'Straffegjennomføringsloven § 43: vilkåret om ikke å begå ny straffbar handling i prøvetiden, og særvilkår som meldeplikt, bosted, avhold, kontaktforbud, behandling og arbeid eller opplæring',
  termEnd: 'Straffegjennomføringsloven § 42: uten prøveløslatelse løslates domfelte ved endt tid',
  crisis:
    'KDI-rundskriv 16.03.2020 om fremskutt løslatelse (covid-19), jf. straffegjennomføringsloven § 42 fjerde ledd',
  significant:
    'Seed 004, virkemiddel 8: «Kriminalomsorgen skal tydeliggjøre hvilke vedtak som har særlig betydning for samfunnssikkerheten. Alle slike vedtak skal begrunnes.»',
} as const;

/** Parole (prøveløslatelse), release at the end of the term (endt tid), or the 2020 crisis early release. */
export const RELEASE_FORMS = ['parole', 'term_end', 'early_release_crisis'] as const;
export type ReleaseForm = (typeof RELEASE_FORMS)[number];

/**
 * The special conditions that may be set at parole (SGL § 43), from the least to the most
 * restrictive. The statutory condition (no new crime in the probation period) always applies to
 * parole and is not chosen.
 */
export const RELEASE_CONDITIONS = [
  'work_education',
  'treatment',
  'residence',
  'reporting',
  'abstinence',
  'no_contact',
] as const;
export type ReleaseCondition = (typeof RELEASE_CONDITIONS)[number];
export const STATUTORY_CONDITION = 'no_new_crime' as const;

/** How the person leaves the gate. */
export const GATE_ARRANGEMENTS = ['alone', 'network', 'escorted', 'police'] as const;
export type GateArrangement = (typeof GATE_ARRANGEMENTS)[number];

export const SIGNIFICANCE_REASONS = ['high_release_risk', 'infoflyt', 'serious_crime'] as const;
export type SignificanceReason = (typeof SIGNIFICANCE_REASONS)[number];

/** The key dates the stored calculation gives for the person (null when there is none). */
export interface ReleaseKeyDates {
  parole: string | null;
  termEnd: string | null;
  crisisEarlyRelease: string | null;
}

/** What the decision rests on, as it is when it is made. */
export interface ReleaseFacts {
  /** The current assessment, or null when the person has none. */
  assessmentId: string | null;
  /** The release risk in that assessment, or null when not rated (or no assessment). */
  releaseRisk: RiskLevel | null;
  flags: readonly FlagCode[];
  /** Victims registered on the person's judgments. */
  victims: number;
  /** The assessed need in the area of substance use, or null. */
  substanceUse: NeedLevel | null;
}

export interface ReleaseInput {
  form: ReleaseForm;
  releaseDate: string;
  conditions: readonly ReleaseCondition[];
  notifyVictim: boolean;
  notifyPolice: boolean;
  justification: string | null;
}

export type ReleaseProblemCode =
  | 'release_no_parole_date'
  | 'release_before_parole_date'
  | 'release_no_term_end'
  | 'release_not_term_end'
  | 'release_no_crisis_date'
  | 'release_before_crisis_date'
  | 'release_conditions_parole_only'
  | 'release_justification_required'
  | 'release_assessment_required'
  | 'release_victim_notice_required';

export interface ReleaseProblem {
  path: string;
  code: ReleaseProblemCode;
  params?: Record<string, string>;
}

/**
 * Is the decision one of special significance for public safety? It is when the release risk in
 * the assessment is high, or the person is followed up through INFOFLYT, or has been sentenced for
 * serious crime (seed 004). Then it needs its written justification and the assessment behind it.
 */
export function significance(facts: Pick<ReleaseFacts, 'releaseRisk' | 'flags'>): {
  significant: boolean;
  reasons: SignificanceReason[];
} {
  const reasons: SignificanceReason[] = [];
  if (facts.releaseRisk === 'high') reasons.push('high_release_risk');
  if (facts.flags.includes('infoflyt')) reasons.push('infoflyt');
  if (facts.flags.includes('serious_crime')) reasons.push('serious_crime');
  return { significant: reasons.length > 0, reasons };
}

export type ProposalReason = 'substance_use' | 'victims' | 'release_risk';

/**
 * The conditions the assessment points to, least restrictive first: abstinence for a need in
 * substance use, no contact where the judgment names victims, reporting for a moderate or high
 * release risk; the police notified (INFOFLYT) for a high risk or a person already followed up
 * that way; the victims notified whenever there are any.
 */
export function proposeRelease(facts: ReleaseFacts): {
  conditions: { condition: ReleaseCondition; reason: ProposalReason }[];
  notifyVictim: boolean;
  notifyPolice: boolean;
} {
  const out: { condition: ReleaseCondition; reason: ProposalReason }[] = [];
  if (facts.substanceUse === 'some' || facts.substanceUse === 'significant')
    out.push({ condition: 'abstinence', reason: 'substance_use' });
  if (facts.victims > 0) out.push({ condition: 'no_contact', reason: 'victims' });
  if (facts.releaseRisk === 'high' || facts.releaseRisk === 'moderate')
    out.push({ condition: 'reporting', reason: 'release_risk' });
  out.sort((a, b) => RELEASE_CONDITIONS.indexOf(a.condition) - RELEASE_CONDITIONS.indexOf(b.condition));
  return {
    conditions: out,
    notifyVictim: facts.victims > 0,
    notifyPolice: facts.releaseRisk === 'high' || facts.flags.includes('infoflyt'),
  };
}

/** The conditions that apply by law and are shown with the decision, not chosen. */
export function statutoryConditions(form: ReleaseForm): (typeof STATUTORY_CONDITION)[] {
  return form === 'term_end' ? [] : [STATUTORY_CONDITION];
}

/** The key date the form of release is measured against, or null when the person has none. */
export function keyDateFor(form: ReleaseForm, dates: ReleaseKeyDates): string | null {
  if (form === 'parole') return dates.parole;
  if (form === 'term_end') return dates.termEnd;
  return dates.crisisEarlyRelease;
}

/**
 * A release decision against the key dates and the facts: every problem with the field it
 * belongs to. Parole not before the parole date and not without one (preventive detention, short
 * terms served in full); release at the end of the term on that date; the crisis early release
 * not before its date. A decision of significance for public safety needs a written justification
 * and the assessment it rests on; victims on the judgment are notified.
 */
export function checkRelease(
  input: ReleaseInput,
  dates: ReleaseKeyDates,
  facts: ReleaseFacts,
): { significant: boolean; reasons: SignificanceReason[]; problems: ReleaseProblem[] } {
  const problems: ReleaseProblem[] = [];
  const date = keyDateFor(input.form, dates);
  if (input.form === 'parole') {
    if (date === null) problems.push({ path: 'form', code: 'release_no_parole_date' });
    else if (input.releaseDate < date)
      problems.push({ path: 'releaseDate', code: 'release_before_parole_date', params: { date } });
  } else if (input.form === 'term_end') {
    if (date === null) problems.push({ path: 'form', code: 'release_no_term_end' });
    else if (input.releaseDate !== date)
      problems.push({ path: 'releaseDate', code: 'release_not_term_end', params: { date } });
    if (input.conditions.length > 0)
      problems.push({ path: 'conditions', code: 'release_conditions_parole_only' });
  } else if (date === null) problems.push({ path: 'form', code: 'release_no_crisis_date' });
  else if (input.releaseDate < date)
    problems.push({ path: 'releaseDate', code: 'release_before_crisis_date', params: { date } });
  const s = significance(facts);
  if (s.significant && !input.justification?.trim())
    problems.push({ path: 'justification', code: 'release_justification_required' });
  if (s.significant && facts.assessmentId === null)
    problems.push({ path: 'assessmentId', code: 'release_assessment_required' });
  if (facts.victims > 0 && !input.notifyVictim)
    problems.push({ path: 'notifyVictim', code: 'release_victim_notice_required' });
  return { ...s, problems };
}
