// Incidents and deviations (seed 004: "systematisk avviksbehandling", "gode systemer for å håndtere
// alvorlige situasjoner hvor tilsatte eller deres pårørende er truet", manipulation of staff,
// hostage situations, escapes and failures on leave ("rømnings- og svikttall")). Pure rules: the
// severity of a report, what a report must hold, when an incident may be closed, overdue actions.
import { addDays } from './calendar.ts';

export const INCIDENT_TYPES = [
  'violence',
  'threat_staff',
  'manipulation_staff',
  'escape',
  'failure_to_return',
  'contraband',
  'self_harm',
  'hostage',
  'fire',
  'infection_outbreak',
  'staff_shortage',
  'data_breach',
  'other',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const PARTY_ROLES = ['subject', 'assailant', 'victim', 'witness', 'staff'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
export const PARTY_KINDS = ['inmate', 'staff', 'external'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export type Severity = 'low' | 'moderate' | 'serious';
export const SEVERITIES: readonly Severity[] = ['low', 'moderate', 'serious'];

export interface SeverityFacts {
  type: IncidentType;
  injury: boolean;
  weapon: boolean;
  /** A member of staff among the victims. */
  staffVictim: boolean;
}

export interface SeverityResult {
  severity: Severity;
  reason: string;
  source: string;
}

const S = {
  life: 'Seed 004, Forord: «tiltak som er begrunnet i behovet for å ivareta liv, helse og samfunnets trygghet»',
  staff:
    'Seed 004, Personlig sikkerhet: «gode systemer for å håndtere alvorlige situasjoner hvor tilsatte eller deres pårørende er truet»',
  manipulation:
    'Seed 004, Manipulering av tilsatte: «Enkelte innsatte har vist at de har vilje og evne til å bruke manipulasjon, trusler, vold, våpen og store ressurser»',
  hostage:
    'Seed 004, Personlig sikkerhet: «opplæring i håndtering av uønskede hendelser, som for eksempel trusler og gisselsituasjoner»',
  escape:
    'Seed 004, Innledning: «De senere års lave rømnings- og svikttall indikerer at de vurderinger som foretas, generelt er tilstrekkelig restriktive»',
  infection:
    'Seed 000: a suspected case is mapped with the health service at once; infected inmates are not moved',
  data: 'Seed 004, Innledning: informasjonssikkerhet (personopplysningsloven) is part of the security work',
  deviation: 'Seed 004, Sikkerhet i kriminalomsorgen (SIK): «systematisk avviksbehandling»',
  staffing:
    'Seed 004, Personlig sikkerhet: «virksomheten er slik organisert og bemannet at tilsatte til enhver tid har kontroll»',
};

/** Types that are serious whatever the details: the unit leader is told at once. */
const ALWAYS_SERIOUS: Partial<Record<IncidentType, string>> = {
  threat_staff: S.staff,
  manipulation_staff: S.manipulation,
  escape: S.escape,
  failure_to_return: S.escape,
  self_harm: S.life,
  hostage: S.hostage,
  fire: S.life,
  infection_outbreak: S.infection,
  data_breach: S.data,
};

/**
 * The severity of an incident. Always serious: threats against staff or their families,
 * manipulation of staff, escapes and failures to return, self-harm, hostage situations, fire,
 * infection outbreaks and data breaches. Violence and contraband are serious with an injury, a
 * weapon or a member of staff as victim, otherwise moderate. Staff shortage is moderate; other
 * deviations are low unless someone was hurt.
 */
export function severityOf(f: SeverityFacts): SeverityResult {
  const always = ALWAYS_SERIOUS[f.type];
  if (always) return { severity: 'serious', reason: 'type', source: always };
  if (f.type === 'violence' || f.type === 'contraband') {
    if (f.injury) return { severity: 'serious', reason: 'injury', source: S.life };
    if (f.weapon) return { severity: 'serious', reason: 'weapon', source: S.manipulation };
    if (f.staffVictim) return { severity: 'serious', reason: 'staff_victim', source: S.staff };
    return { severity: 'moderate', reason: 'type', source: S.deviation };
  }
  if (f.type === 'staff_shortage') return { severity: 'moderate', reason: 'type', source: S.staffing };
  if (f.injury) return { severity: 'moderate', reason: 'injury', source: S.life };
  return { severity: 'low', reason: 'type', source: S.deviation };
}

export const isSerious = (s: Severity) => s === 'serious';

/** Types that are about one inmate in particular (who escaped, did not return, harmed themselves). */
export const SUBJECT_REQUIRED: readonly IncidentType[] = ['escape', 'failure_to_return', 'self_harm'];

export interface PartyInput {
  role: PartyRole;
  kind: PartyKind;
  personId?: string | undefined;
  staffId?: string | undefined;
  name?: string | undefined;
}

export interface ActionInput {
  description: string;
  owner: string;
  deadline: string;
}

export interface ReportInput {
  type: IncidentType;
  occurredOn: string;
  occurredTime: string;
  people: readonly PartyInput[];
  actions: readonly ActionInput[];
}

export type ReportProblemCode =
  | 'incident_in_future'
  | 'incident_party_reference'
  | 'incident_party_duplicate'
  | 'incident_subject_required'
  | 'incident_action_deadline';

export interface ReportProblem {
  path: string;
  code: ReportProblemCode;
  params?: Record<string, string | number>;
}

const keyOf = (p: PartyInput) =>
  p.kind === 'inmate'
    ? `i:${p.personId}`
    : p.kind === 'staff'
      ? `s:${p.staffId}`
      : `e:${(p.name ?? '').trim().toLowerCase()}`;

/**
 * What a report must hold, each problem on its field: not in the future (date and time against
 * now in Oslo), each person named the way their kind demands (inmate by person, staff by the staff
 * register, others by name), nobody twice in one role, an inmate as the person concerned for
 * escapes, failures to return and self-harm, and follow-up deadlines not before the incident.
 */
export function checkReport(input: ReportInput, now: { date: string; time: string }): ReportProblem[] {
  const problems: ReportProblem[] = [];
  if (input.occurredOn > now.date || (input.occurredOn === now.date && input.occurredTime > now.time))
    problems.push({ path: 'occurredOn', code: 'incident_in_future', params: { today: now.date } });
  const seen = new Set<string>();
  input.people.forEach((p, i) => {
    const ok =
      p.kind === 'inmate'
        ? Boolean(p.personId) && !p.staffId
        : p.kind === 'staff'
          ? Boolean(p.staffId) && !p.personId
          : Boolean(p.name?.trim()) && !p.personId && !p.staffId;
    if (!ok) {
      problems.push({
        path: `people.${i}.${p.kind === 'inmate' ? 'personId' : p.kind === 'staff' ? 'staffId' : 'name'}`,
        code: 'incident_party_reference',
        params: { kind: p.kind },
      });
      return;
    }
    const key = `${p.role}:${keyOf(p)}`;
    if (seen.has(key)) problems.push({ path: `people.${i}`, code: 'incident_party_duplicate' });
    seen.add(key);
  });
  if (
    SUBJECT_REQUIRED.includes(input.type) &&
    !input.people.some((p) => p.kind === 'inmate' && p.role === 'subject')
  )
    problems.push({ path: 'people', code: 'incident_subject_required' });
  input.actions.forEach((a, i) => {
    if (a.deadline < input.occurredOn)
      problems.push({
        path: `actions.${i}.deadline`,
        code: 'incident_action_deadline',
        params: { date: input.occurredOn },
      });
  });
  return problems;
}

export type ActionStatus = 'open' | 'done' | 'cancelled';

/** An open action past its deadline. The deadline day itself is not overdue. */
export function isOverdue(action: { status: ActionStatus; deadline: string }, today: string): boolean {
  return action.status === 'open' && action.deadline < today;
}

export type ClosureCheck =
  | { ok: true; openActions: number }
  | { ok: false; code: 'incident_close_note_required'; openActions: number };

/**
 * An incident is closed when every follow-up action is done (or cancelled), or explicitly with a
 * note saying why it is closed with actions still open. Open actions are cancelled on closure.
 */
export function checkClosure(
  actions: readonly { status: ActionStatus }[],
  note: string | null | undefined,
): ClosureCheck {
  const openActions = actions.filter((a) => a.status === 'open').length;
  if (openActions === 0) return { ok: true, openActions };
  if (note?.trim()) return { ok: true, openActions };
  return { ok: false, code: 'incident_close_note_required', openActions };
}

export type Bucket = 'month' | 'year';

/** The first day of the month or year a date falls in. */
export function bucketStart(date: string, bucket: Bucket): string {
  return bucket === 'year' ? `${date.slice(0, 4)}-01-01` : `${date.slice(0, 7)}-01`;
}

/** Every bucket start from the one holding `from` through the one holding `to`. */
export function bucketsBetween(from: string, to: string, bucket: Bucket): string[] {
  const out: string[] = [];
  let cur = bucketStart(from, bucket);
  const last = bucketStart(to, bucket);
  while (cur <= last) {
    out.push(cur);
    const y = Number(cur.slice(0, 4));
    const m = Number(cur.slice(5, 7));
    cur =
      bucket === 'year'
        ? `${y + 1}-01-01`
        : m === 12
          ? `${y + 1}-01-01`
          : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  }
  return out;
}

/** The last day of a bucket that starts on `start`. */
export function bucketEnd(start: string, bucket: Bucket): string {
  const next = bucketsBetween(
    start,
    bucket === 'year' ? `${Number(start.slice(0, 4)) + 1}-01-01` : addDays(start, 31),
    bucket,
  )[1];
  return addDays(next ?? start, -1);
}
