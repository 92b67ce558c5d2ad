// The individual plan for the execution of a sentence and the progression path (seed 003,
// "Framtidsrettet straffegjennomføring": «We create an individual plan for executing the sentence
// in cooperation with the convicted person», «We have mutually binding agreements between convicted
// persons and the Norwegian Correctional Service», «We ensure that the form in which a sentence is
// executed is appropriate and at the correct time»). Pure: the date is an argument.

import { addMonths } from './durations.ts';
import type { NeedArea, NeedLevel, RestrictionKind, RiskLevel } from './risk.ts';

export const GOAL_STATUSES = ['open', 'reached', 'changed', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** Where the person serves now, from the current placement. */
export const PLACEMENT_KINDS = ['none', 'high_security', 'lower_security', 'halfway_house', 'em'] as const;
export type PlacementKind = (typeof PLACEMENT_KINDS)[number];

/** The steps from today to release, in the order of progression. */
export const STEPS = ['lower_security', 'day_release', 'halfway_house', 'em', 'parole', 'release'] as const;
export type Step = (typeof STEPS)[number];

export const STEP_STATUSES = ['reached', 'next', 'later', 'blocked'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** The plan is reviewed every three months, and after events. */
export const PLAN_REVIEW_MONTHS = 3;

export const PLAN_SOURCE =
  'Seed 003, Framtidsrettet straffegjennomføring: «We create an individual plan for executing the sentence in cooperation with the convicted person»';

/** The next scheduled review of a plan agreed or reviewed on a date. */
export function planReviewDate(on: string): string {
  return addMonths(on, PLAN_REVIEW_MONTHS);
}

// ── Plan validation ──────────────────────────────────────────────────────────────────────────

export interface GoalInput {
  needArea: NeedArea;
  needJustification?: string | null | undefined;
  description: string;
  responsible: string;
  startDate?: string | null | undefined;
  dueDate?: string | null | undefined;
}

export interface PlanProblem {
  path: string;
  code: 'plan_goal_not_a_need' | 'plan_goal_dates';
}

/** A need the assessment rates as one: «some» or «significant». */
export function isNeed(level: NeedLevel | undefined): boolean {
  return level === 'some' || level === 'significant';
}

/**
 * The goals of a plan against the assessment: each goal's area must be one the assessment rates
 * as a need, or the goal must say why it is in the plan all the same; a goal ends on or after it
 * starts.
 */
export function checkGoals(
  goals: readonly GoalInput[],
  needs: readonly { area: NeedArea; level: NeedLevel }[],
): PlanProblem[] {
  const level = new Map(needs.map((n) => [n.area, n.level]));
  const out: PlanProblem[] = [];
  goals.forEach((g, i) => {
    if (!isNeed(level.get(g.needArea)) && !g.needJustification?.trim())
      out.push({ path: `goals.${i}.needJustification`, code: 'plan_goal_not_a_need' });
    if (g.startDate && g.dueDate && g.dueDate < g.startDate)
      out.push({ path: `goals.${i}.dueDate`, code: 'plan_goal_dates' });
  });
  return out;
}

// ── Differences between versions ─────────────────────────────────────────────────────────────

export interface VersionContent {
  personCommitments: string;
  serviceCommitments: string;
  goals: readonly (GoalInput & { key: string; activities: string })[];
}

export interface Difference {
  what: 'personCommitments' | 'serviceCommitments' | 'goal';
  kind: 'added' | 'removed' | 'changed';
  goalKey?: string;
  fields?: string[];
  before?: string;
  after?: string;
}

const GOAL_FIELDS = [
  'needArea',
  'needJustification',
  'description',
  'activities',
  'responsible',
  'startDate',
  'dueDate',
] as const;

/** What changed from one version to the next: the commitments and the goals by their key. */
export function differences(before: VersionContent | null, after: VersionContent): Difference[] {
  const out: Difference[] = [];
  const b = before ?? { personCommitments: '', serviceCommitments: '', goals: [] };
  for (const what of ['personCommitments', 'serviceCommitments'] as const)
    if (b[what] !== after[what]) out.push({ what, kind: 'changed', before: b[what], after: after[what] });
  const old = new Map(b.goals.map((g) => [g.key, g]));
  for (const g of after.goals) {
    const o = old.get(g.key);
    if (!o) {
      out.push({ what: 'goal', kind: 'added', goalKey: g.key, after: g.description });
      continue;
    }
    const fields = GOAL_FIELDS.filter((f) => (o[f] ?? null) !== (g[f] ?? null));
    if (fields.length > 0)
      out.push({
        what: 'goal',
        kind: 'changed',
        goalKey: g.key,
        fields,
        before: o.description,
        after: g.description,
      });
    old.delete(g.key);
  }
  for (const o of old.values())
    out.push({ what: 'goal', kind: 'removed', goalKey: o.key, before: o.description });
  return out;
}

// ── The progression path ─────────────────────────────────────────────────────────────────────

export interface StoredKeyDate {
  key: string;
  date: string | null;
  status: 'eligible' | 'not_yet' | 'not_applicable';
}

export interface PathInput {
  today: string;
  placement: PlacementKind;
  keyDates: readonly StoredKeyDate[];
  /** Restrictions in force today. */
  restrictions: readonly RestrictionKind[];
  /** The current assessment's rated risks. */
  risks: Partial<Record<'placement' | 'leave' | 'release', RiskLevel>>;
  goals: readonly { area: NeedArea; status: GoalStatus }[];
}

export type ReasonCode =
  | 'placement_reached'
  | 'not_applicable'
  | 'no_key_date'
  | 'restriction_no_leave'
  | 'restriction_escorted_only'
  | 'placement_risk_high'
  | 'leave_risk_high'
  | 'release_risk_high'
  | 'release_conditions'
  | 'release_police_notice'
  | 'goal_open'
  | 'date_open'
  | 'date_ahead';

export interface Reason {
  code: ReasonCode;
  area?: NeedArea;
  source: string;
}

export interface PathStep {
  step: Step;
  /** The earliest date from the sentence engine, or null. */
  date: string | null;
  /** The key date it comes from. */
  keyDate: string | null;
  status: StepStatus;
  /** The step is open but rests on conditions from the plan or the risk. */
  conditional: boolean;
  reasons: Reason[];
}

/** The key dates each step takes its earliest date from. */
export const STEP_KEYS: Record<Step, readonly string[]> = {
  lower_security: ['direct_lower_security', 'lower_security_review'],
  day_release: ['day_release'],
  halfway_house: ['direct_halfway_house', 'halfway_house'],
  em: ['em_back_end'],
  parole: ['parole'],
  release: ['term_end'],
};

export const STEP_SOURCES: Record<Step, string> = {
  lower_security:
    'Straffegjennomføringsloven § 11 og § 15 annet ledd (DOMAIN.md: direkte i lavere sikkerhet ved straff inntil 2 år; overføring vurderes når 1 år gjenstår til prøveløslatelse)',
  day_release:
    'Straffegjennomføringsloven § 20; forskrift om straffegjennomføring § 3-30 (DOMAIN.md: frigang etter samme tidsgrenser som permisjon, 4 måneder og 1/3)',
  halfway_house:
    'Straffegjennomføringsloven §§ 11, 15 og 16 (DOMAIN.md: overgangsbolig, siste trinn før løslatelse)',
  em: 'Straffegjennomføringsloven § 16 a (DOMAIN.md: elektronisk kontroll når inntil 6 måneder gjenstår og 1/3 er gjennomført; fast bolig og aktivitet)',
  parole: 'Straffegjennomføringsloven § 42 (DOMAIN.md: prøveløslatelse ved 2/3 og minst 60 dager)',
  release: 'Straffegjennomføringsloven § 42; forskrift om straffegjennomføring § 3-2 (endt tid)',
};

/** How far each placement has come on the path; a step at or below it is reached. */
const PLACEMENT_RANK: Record<PlacementKind, number> = {
  none: -1,
  high_security: 0,
  lower_security: 1,
  halfway_house: 2,
  em: 3,
};
const STEP_RANK: Record<Step, number> = {
  lower_security: 1,
  day_release: 2,
  halfway_house: 2,
  em: 3,
  parole: 4,
  release: 5,
};

/** The goals in the plan a step rests on: a home and an activity before EM, work or school for day release. */
export const STEP_GOAL_AREAS: Record<Step, readonly NeedArea[]> = {
  lower_security: [],
  day_release: ['work', 'education'],
  halfway_house: ['housing'],
  em: ['housing', 'work'],
  parole: ['housing', 'substance_use'],
  release: [],
};

const SEED_003 =
  'Seed 003: «We ensure that the form in which a sentence is executed is appropriate and at the correct time»';
const SEED_004 =
  'Seed 004: «Individual risk assessments form the basis for the targeted execution of sentences»; restriktive tiltak etter risikovurderingen';

function earliest(step: Step, keyDates: readonly StoredKeyDate[]) {
  const rows = keyDates.filter((k) => STEP_KEYS[step].includes(k.key));
  const dated = rows.filter((k) => k.status !== 'not_applicable' && k.date !== null);
  dated.sort((a, b) => ((a.date as string) < (b.date as string) ? -1 : 1));
  const first = dated[0];
  if (first) return { date: first.date, key: first.key, missing: null };
  return {
    date: null,
    key: null,
    missing: rows.length > 0 ? ('not_applicable' as const) : ('no_key_date' as const),
  };
}

function blocks(step: Step, input: PathInput): Reason[] {
  const out: Reason[] = [];
  const has = (k: RestrictionKind) => input.restrictions.includes(k);
  if (step === 'day_release') {
    if (has('no_leave')) out.push({ code: 'restriction_no_leave', source: SEED_004 });
    else if (has('leave_escorted_only')) out.push({ code: 'restriction_escorted_only', source: SEED_004 });
  }
  if ((step === 'lower_security' || step === 'halfway_house') && input.risks.placement === 'high')
    out.push({ code: 'placement_risk_high', source: `${SEED_004}; ${STEP_SOURCES[step]}` });
  return out;
}

function conditions(step: Step, input: PathInput): Reason[] {
  const out: Reason[] = [];
  if (step === 'day_release' && input.risks.leave === 'high')
    out.push({ code: 'leave_risk_high', source: SEED_004 });
  if (step === 'em' || step === 'parole') {
    if (input.risks.release === 'high') out.push({ code: 'release_risk_high', source: SEED_004 });
  }
  if (step === 'parole') {
    if (input.restrictions.includes('release_conditions'))
      out.push({ code: 'release_conditions', source: SEED_004 });
    if (input.restrictions.includes('release_police_notice'))
      out.push({ code: 'release_police_notice', source: SEED_004 });
  }
  const areas = new Set(
    input.goals.filter((g) => g.status === 'open' || g.status === 'changed').map((g) => g.area),
  );
  for (const area of STEP_GOAL_AREAS[step])
    if (areas.has(area))
      out.push({ code: 'goal_open', area, source: `${PLAN_SOURCE}; ${STEP_SOURCES[step]}` });
  return out;
}

/**
 * The path from today to release: each step with its earliest date from the sentence engine,
 * reached when the person's placement is already there, blocked by a restriction or a high risk
 * (or when the engine gives no date), conditional on the open goals and risks it rests on. The
 * first step neither reached nor blocked is the next; the rest come later.
 */
export function progressionPath(input: PathInput): PathStep[] {
  const here = PLACEMENT_RANK[input.placement];
  let nextGiven = false;
  return STEPS.map((step) => {
    const found = earliest(step, input.keyDates);
    const base = { step, date: found.date, keyDate: found.key };
    if (STEP_RANK[step] <= here)
      return {
        ...base,
        status: 'reached' as const,
        conditional: false,
        reasons: [{ code: 'placement_reached' as const, source: SEED_003 }],
      };
    const blocked = blocks(step, input);
    if (found.missing) blocked.unshift({ code: found.missing, source: STEP_SOURCES[step] });
    if (blocked.length > 0)
      return { ...base, status: 'blocked' as const, conditional: false, reasons: blocked };
    const conds = conditions(step, input);
    const timing: Reason = {
      code: (found.date as string) <= input.today ? 'date_open' : 'date_ahead',
      source: STEP_SOURCES[step],
    };
    const status: StepStatus = nextGiven ? 'later' : 'next';
    nextGiven = true;
    return { ...base, status, conditional: conds.length > 0, reasons: [timing, ...conds] };
  });
}

/** The placement kind from the current placement: EM, or the kind of facility of the cell. */
export function placementKind(
  placement: { kind: 'cell' | 'em'; facilityKind: string } | null,
): PlacementKind {
  if (!placement) return 'none';
  if (placement.kind === 'em') return 'em';
  if (placement.facilityKind === 'prison_lower') return 'lower_security';
  if (placement.facilityKind === 'halfway_house') return 'halfway_house';
  return 'high_security';
}
