// The classification of units by their security (seed 004, "Klassifisering": "Kriminalomsorgen skal
// i strategiperioden foreta en klassifisering av alle enhetene … Disse vurderingene vil kunne gjelde
// bemanning, organisatoriske, statiske og dynamiske forhold"). Each of the three kinds of security
// the seed defines is scored 0–3 on stated criteria; the level is the highest whose demands on all
// three are met. A department without a classification of its own takes its facility's.
import {
  SECURITY_LEVELS,
  type SecurityLevel,
  type SecurityMatch,
  securityMatch,
  securityRank,
} from './security-levels.ts';

/** Statisk sikkerhet: "materielle tiltak … ringmur, gitter, kameraer, alarmanlegg og regelbestemte kontrolltiltak … visitasjoner og telling". */
export interface StaticCriteria {
  perimeter: 'none' | 'fence' | 'wall';
  cameras: 'none' | 'partial' | 'full';
  alarms: boolean;
  searches: 'on_suspicion' | 'routine' | 'systematic';
  /** "systematisk inngangskontroll i fengsler med høyt sikkerhetsnivå" */
  entryControl: boolean;
}

/** Dynamisk sikkerhet: "tilstedeværelse i fellesskap, kontaktbetjentarbeid, fritidsaktiviteter, arbeid og programvirksomhet". */
export interface DynamicCriteria {
  staffPresence: 'occasional' | 'regular' | 'constant';
  contactOfficers: boolean;
  activities: 'few' | 'daily' | 'full';
}

/** Organisatorisk sikkerhet: "bemanningsplan, lokalt instruksverk, opplæring, avvikshåndtering og krisehåndteringsplaner". */
export interface OrganisationalCriteria {
  staffingPlan: boolean;
  localInstructions: boolean;
  /** Share of the staff trained in the security programme (SIK), in per cent. */
  trainedPercent: number;
  incidentHandling: boolean;
  crisisPlans: boolean;
}

export interface Criteria {
  static: StaticCriteria;
  dynamic: DynamicCriteria;
  organisational: OrganisationalCriteria;
}

export type Component = keyof Criteria;
export const COMPONENTS: readonly Component[] = ['static', 'dynamic', 'organisational'];

export interface Scores {
  static: number;
  dynamic: number;
  organisational: number;
}

const SOURCE_STATIC =
  'Seed 004, Definisjoner: «Med statisk sikkerhet menes materielle tiltak, som for eksempel ringmur, gitter, kameraer, alarmanlegg og regelbestemte kontrolltiltak som statisk tilsyn, under lufting, visitasjoner og telling»';
const SOURCE_DYNAMIC =
  'Seed 004, Definisjoner: «Eksempler på dette er tilstedeværelse i fellesskap, kontaktbetjentarbeid, fritidsaktiviteter, arbeid og programvirksomhet»';
const SOURCE_ORGANISATIONAL =
  'Seed 004, Definisjoner: «Eksempler på dette er bemanningsplan, lokalt instruksverk, opplæring, avvikshåndtering og krisehåndteringsplaner»';
export const CLASSIFICATION_SOURCE =
  'Seed 004, Klassifisering: «Kriminalomsorgen skal i strategiperioden foreta en klassifisering av alle enhetene … Klassifiseringen skal bygge på funksjonelle krav til sikkerhet og innhold i straffegjennomføringen»';
export const COMPONENT_SOURCES: Record<Component, string> = {
  static: SOURCE_STATIC,
  dynamic: SOURCE_DYNAMIC,
  organisational: SOURCE_ORGANISATIONAL,
};

/** Points per criterion, summed and banded into a score 0–3. */
export function staticScore(c: StaticCriteria): number {
  const points =
    { none: 0, fence: 1, wall: 2 }[c.perimeter] +
    { none: 0, partial: 1, full: 2 }[c.cameras] +
    (c.alarms ? 1 : 0) +
    { on_suspicion: 0, routine: 1, systematic: 2 }[c.searches] +
    (c.entryControl ? 1 : 0);
  // 0–8 points
  return points >= 7 ? 3 : points >= 4 ? 2 : points >= 2 ? 1 : 0;
}

export function dynamicScore(c: DynamicCriteria): number {
  const points =
    { occasional: 0, regular: 1, constant: 2 }[c.staffPresence] +
    (c.contactOfficers ? 1 : 0) +
    { few: 0, daily: 1, full: 2 }[c.activities];
  // 0–5 points
  return points >= 5 ? 3 : points >= 3 ? 2 : points >= 1 ? 1 : 0;
}

export function organisationalScore(c: OrganisationalCriteria): number {
  const trained = c.trainedPercent >= 90 ? 2 : c.trainedPercent >= 50 ? 1 : 0;
  const points =
    (c.staffingPlan ? 1 : 0) +
    (c.localInstructions ? 1 : 0) +
    trained +
    (c.incidentHandling ? 1 : 0) +
    (c.crisisPlans ? 1 : 0);
  // 0–6 points
  return points >= 6 ? 3 : points >= 4 ? 2 : points >= 2 ? 1 : 0;
}

export function scoresOf(c: Criteria): Scores {
  return {
    static: staticScore(c.static),
    dynamic: dynamicScore(c.dynamic),
    organisational: organisationalScore(c.organisational),
  };
}

/**
 * What each level demands of the three scores. Higher walls alone do not make a high-security
 * unit: the seed asks that staff "til enhver tid har kontroll, særlig i fellesskapssituasjoner"
 * (dynamic) and that the work is organised and staffed for it (organisational).
 */
export const LEVEL_DEMANDS: Record<Exclude<SecurityLevel, 'halfway_house'>, Scores> = {
  lower: { static: 1, dynamic: 0, organisational: 1 },
  high: { static: 2, dynamic: 1, organisational: 2 },
  special_high: { static: 3, dynamic: 2, organisational: 3 },
};

export interface LevelResult {
  level: SecurityLevel;
  scores: Scores;
  /** The components that kept the unit from the next level up (empty at the top). */
  limitedBy: Component[];
  source: string;
}

/** The security level a classification gives: the highest level whose demands all three scores meet. */
export function classify(criteria: Criteria): LevelResult {
  const scores = scoresOf(criteria);
  return levelFromScores(scores);
}

export function levelFromScores(scores: Scores): LevelResult {
  let level: SecurityLevel = 'halfway_house';
  for (const candidate of ['lower', 'high', 'special_high'] as const) {
    const demand = LEVEL_DEMANDS[candidate];
    if (COMPONENTS.every((c) => scores[c] >= demand[c])) level = candidate;
    else break;
  }
  const next = SECURITY_LEVELS[securityRank(level) + 1] as SecurityLevel | undefined;
  const limitedBy =
    next && next !== 'halfway_house'
      ? COMPONENTS.filter((c) => scores[c] < LEVEL_DEMANDS[next as keyof typeof LEVEL_DEMANDS][c])
      : [];
  return { level, scores, limitedBy, source: CLASSIFICATION_SOURCE };
}

/** The classification in force on a date: the latest valid_from on or before it. */
export function inForce<T extends { validFrom: string }>(records: readonly T[], on: string): T | null {
  let best: T | null = null;
  for (const r of records) if (r.validFrom <= on && (!best || r.validFrom > best.validFrom)) best = r;
  return best;
}

export interface UnitRecord {
  /** null: the facility's own classification. */
  departmentId: string | null;
  validFrom: string;
  level: SecurityLevel;
}

export interface DepartmentLevel {
  departmentId: string;
  level: SecurityLevel | null;
  /** true when the department has no classification of its own in force and takes the facility's. */
  inherited: boolean;
  validFrom: string | null;
}

/** The level of each department on a date: its own classification in force, else its facility's. */
export function departmentLevels(
  departmentIds: readonly string[],
  records: readonly UnitRecord[],
  on: string,
): { facility: UnitRecord | null; departments: DepartmentLevel[] } {
  const facility = inForce(
    records.filter((r) => r.departmentId === null),
    on,
  );
  const departments = departmentIds.map((departmentId) => {
    const own = inForce(
      records.filter((r) => r.departmentId === departmentId),
      on,
    );
    if (own) return { departmentId, level: own.level, inherited: false, validFrom: own.validFrom };
    return {
      departmentId,
      level: facility?.level ?? null,
      inherited: true,
      validFrom: facility?.validFrom ?? null,
    };
  });
  return { facility, departments };
}

export interface PlacementOption {
  departmentId: string;
  level: SecurityLevel;
  match: SecurityMatch;
}

/**
 * Departments for a person with an assessed need, best first: a matching level, then levels
 * above the need (allowed, but more restrictive than necessary, seed 004: «ikke skal gjennomføre
 * straffen under mer restriktive forhold enn nødvendig»), closest first. A unit below the need is
 * left out. Unclassified departments are not offered.
 */
export function placementOptions(
  need: SecurityLevel,
  departments: readonly DepartmentLevel[],
): PlacementOption[] {
  return departments
    .filter((d): d is DepartmentLevel & { level: SecurityLevel } => d.level !== null)
    .map((d) => ({ departmentId: d.departmentId, level: d.level, match: securityMatch(need, d.level) }))
    .filter((o) => o.match !== 'unit_too_low')
    .sort(
      (a, b) => securityRank(a.level) - securityRank(b.level) || a.departmentId.localeCompare(b.departmentId),
    );
}
