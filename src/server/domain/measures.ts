// Crisis measures (seeds 000 and 001): a catalogue of the measures the correctional service may
// decide, each with its levels where it has them, and the pure rules on which are in force where.
// No I/O and no clock: the date is an argument. A measure is in force from valid_from through
// valid_to (both days included), unless it was ended early: then not from ended_on.

import { addDays } from './calendar.ts';

export const MEASURE_TYPES = [
  'single_occupancy',
  'fewer_lower_security',
  'more_em',
  'fewer_probation_activities',
  'no_transfers',
  'visits',
  'leave_restrictions',
  'escorted_leave_restrictions',
  'temporary_release_restrictions',
  'media_politician_visits_postponed',
  'solitary_placement',
  'interruption_of_sentence',
  'early_release',
  'postponement_of_execution',
  'new_appearance_dates',
  'video_visits',
  'staff_one_department',
] as const;
export type MeasureType = (typeof MEASURE_TYPES)[number];

export type ScopeKind = 'national' | 'unit' | 'facility';

export interface CatalogueEntry {
  /** Levels from the mildest to the strictest; null when the measure has no levels. */
  levels: readonly string[] | null;
  /** What relatives are told about: visits, leave, video visits, or nothing. */
  area: 'visits' | 'leave' | 'video' | null;
  /** The seed's sentence the measure rests on. */
  source: string;
}

export const CATALOGUE: Record<MeasureType, CatalogueEntry> = {
  single_occupancy: {
    levels: null,
    area: null,
    source: 'Suspend the use of cells with more than one bed, in order to have single-occupancy only.',
  },
  fewer_lower_security: {
    levels: null,
    area: null,
    source: 'Reduce the number of inmates in facilities with lower security',
  },
  more_em: { levels: null, area: null, source: 'Increase the use of electronic monitoring' },
  fewer_probation_activities: {
    levels: null,
    area: null,
    source: 'Reduce the level of activity in the probation service',
  },
  no_transfers: {
    levels: null,
    area: null,
    source: 'Avoid transfer of inmates between facilities, to the extent possible.',
  },
  visits: {
    levels: ['normal', 'restricted', 'extended', 'stopped'],
    area: 'visits',
    source:
      'Visits to inmates shall be cancelled/postponed or not granted if the visit cannot be carried out in line with current infection control measures.',
  },
  leave_restrictions: {
    levels: null,
    area: 'leave',
    source:
      'Leaves shall be amended/cancelled if they result in an increased risk of infection being brought into prisons.',
  },
  escorted_leave_restrictions: {
    levels: null,
    area: 'leave',
    source:
      'Escorted leaves purely of a social character, shall to the extent possible be declined if the escorted leave involves a risk of spreading the virus.',
  },
  temporary_release_restrictions: {
    levels: null,
    area: 'leave',
    source:
      'Permitting temporary release/day release will be restricted to cases where this is regarded as safe in view of infection control.',
  },
  media_politician_visits_postponed: {
    levels: null,
    area: null,
    source:
      'The necessity of visits must be assessed, and as a main rule, visits must be postponed until the risk of infection is reduced.',
  },
  solitary_placement: {
    levels: ['some', 'all'],
    area: null,
    source:
      'Placement of a number of inmates in solitary confinement / Placement of all inmates in solitary confinement',
  },
  interruption_of_sentence: { levels: null, area: null, source: 'Interruption of sentence' },
  early_release: { levels: null, area: null, source: 'Early release' },
  postponement_of_execution: { levels: null, area: null, source: 'Postponement of execution of sentence' },
  new_appearance_dates: {
    levels: null,
    area: null,
    source: 'Change date of appearance in prison for inmates who shall meet to execute their sentence',
  },
  video_visits: {
    levels: null,
    area: 'video',
    source:
      'The prisons shall continue to use video link conversations as a substitute for, or an addition to ordinary visits.',
  },
  staff_one_department: {
    levels: ['flag', 'refuse'],
    area: null,
    source:
      'Staff members shall to the extent possible work in only one unit/department. Staff members shall not work in different geographical locations.',
  },
};

export function isMeasureType(value: string): value is MeasureType {
  return (MEASURE_TYPES as readonly string[]).includes(value);
}

/** A measure as the rules see it. */
export interface Measure {
  id: string;
  type: MeasureType;
  level: string | null;
  scopeKind: ScopeKind;
  /** The org unit (region or unit) or the facility; null for national. */
  scopeId: string | null;
  validFrom: string;
  validTo: string;
  reviewDate: string;
  endedOn: string | null;
}

/** Where a facility stands on a date: itself and the regions/units it belongs to then. */
export interface FacilityContext {
  facilityId: string;
  orgUnitIds: readonly string[];
}

/** The measure's level as a rank: higher is stricter; -1 for a type without levels. */
export function levelRank(type: MeasureType, level: string | null): number {
  const levels = CATALOGUE[type].levels;
  return levels && level ? levels.indexOf(level) : -1;
}

/** Checks a measure's type, level and dates; the codes are message codes, by field. */
export function validateMeasure(input: {
  type: MeasureType;
  level: string | null;
  validFrom: string;
  validTo: string;
  reviewDate: string;
}): {
  path: string;
  code:
    | 'measure_level_required'
    | 'measure_level_invalid'
    | 'measure_to_before_from'
    | 'measure_review_outside';
}[] {
  const out: ReturnType<typeof validateMeasure> = [];
  const levels = CATALOGUE[input.type].levels;
  if (levels && !input.level) out.push({ path: 'level', code: 'measure_level_required' });
  else if (levels && input.level && !levels.includes(input.level))
    out.push({ path: 'level', code: 'measure_level_invalid' });
  else if (!levels && input.level) out.push({ path: 'level', code: 'measure_level_invalid' });
  if (input.validTo < input.validFrom) out.push({ path: 'validTo', code: 'measure_to_before_from' });
  else if (input.reviewDate < input.validFrom || input.reviewDate > input.validTo)
    out.push({ path: 'reviewDate', code: 'measure_review_outside' });
  return out;
}

/** In force on the date: within its period and not ended early. Past valid_to it lapses by itself. */
export function isInForce(measure: Measure, date: string): boolean {
  return (
    measure.validFrom <= date &&
    date <= measure.validTo &&
    (measure.endedOn === null || date < measure.endedOn)
  );
}

/** Expired on the date: its period is over or it was ended early. */
export function isExpired(measure: Measure, date: string): boolean {
  return date > measure.validTo || (measure.endedOn !== null && date >= measure.endedOn);
}

/** Whether a measure applies to the facility: national, its region/unit on that date, or its own. */
export function appliesTo(measure: Measure, facility: FacilityContext): boolean {
  if (measure.scopeKind === 'national') return true;
  if (measure.scopeKind === 'facility') return measure.scopeId === facility.facilityId;
  return measure.scopeId !== null && facility.orgUnitIds.includes(measure.scopeId);
}

const SPECIFICITY: Record<ScopeKind, number> = { national: 0, unit: 1, facility: 2 };

export interface Effective {
  type: MeasureType;
  /** The measure that decides: the strictest level, or for a type without levels the most local. */
  measure: Measure;
  /** Every measure of the type in force there. */
  sources: Measure[];
}

/**
 * The measures in force for a facility on a date, one per type: national + its region/unit on
 * that date + its own. For a levelled type the strictest level wins (a local measure can tighten
 * the national rule, never loosen it); on a tie, or for a type without levels, the most local.
 */
export function inForceFor(
  measures: readonly Measure[],
  facility: FacilityContext,
  date: string,
): Effective[] {
  const byType = new Map<MeasureType, Measure[]>();
  for (const m of measures) {
    if (!isInForce(m, date) || !appliesTo(m, facility)) continue;
    byType.set(m.type, [...(byType.get(m.type) ?? []), m]);
  }
  const out: Effective[] = [];
  for (const type of MEASURE_TYPES) {
    const sources = byType.get(type);
    if (!sources) continue;
    const winner = [...sources].sort(
      (a, b) =>
        levelRank(type, b.level) - levelRank(type, a.level) ||
        SPECIFICITY[b.scopeKind] - SPECIFICITY[a.scopeKind] ||
        a.id.localeCompare(b.id),
    )[0] as Measure;
    out.push({ type, measure: winner, sources });
  }
  return out;
}

export type Divergence = 'stricter' | 'local_only' | 'looser_ignored';

export interface DivergenceRow {
  type: MeasureType;
  nationalLevel: string | null;
  localLevel: string | null;
  divergence: Divergence;
  measureId: string;
}

/**
 * Where the facility's practice differs from the national rule (seed 000: a harmonised practice):
 * a stricter level than the national one, a measure with no national counterpart, or a local
 * measure milder than the national one (which the strictest-wins rule overrides).
 */
export function divergences(
  measures: readonly Measure[],
  facility: FacilityContext,
  date: string,
): DivergenceRow[] {
  const out: DivergenceRow[] = [];
  for (const eff of inForceFor(measures, facility, date)) {
    const national = eff.sources.filter((m) => m.scopeKind === 'national');
    const local = eff.sources.filter((m) => m.scopeKind !== 'national');
    if (local.length === 0) continue;
    if (national.length === 0) {
      out.push({
        type: eff.type,
        nationalLevel: null,
        localLevel: eff.measure.level,
        divergence: 'local_only',
        measureId: eff.measure.id,
      });
      continue;
    }
    const nationalTop = Math.max(...national.map((m) => levelRank(eff.type, m.level)));
    const nationalLevel = national.find((m) => levelRank(eff.type, m.level) === nationalTop)?.level ?? null;
    for (const m of local) {
      const rank = levelRank(eff.type, m.level);
      if (rank > nationalTop)
        out.push({
          type: eff.type,
          nationalLevel,
          localLevel: m.level,
          divergence: 'stricter',
          measureId: m.id,
        });
      else if (rank < nationalTop)
        out.push({
          type: eff.type,
          nationalLevel,
          localLevel: m.level,
          divergence: 'looser_ignored',
          measureId: m.id,
        });
    }
  }
  return out;
}

/** Measures still running whose review date falls within `days` days of today (overdue included). */
export function reviewsDue<T extends Measure>(measures: readonly T[], today: string, days: number): T[] {
  const limit = addDays(today, days);
  return measures
    .filter((m) => !isExpired(m, today) && m.reviewDate <= limit)
    .sort((a, b) => a.reviewDate.localeCompare(b.reviewDate) || a.id.localeCompare(b.id));
}

/** Measures that have lapsed by the date: past valid_to, or ended early. */
export function expired<T extends Measure>(measures: readonly T[], date: string): T[] {
  return measures.filter((m) => isExpired(m, date));
}

export type Locale = 'nb' | 'en';

const VISIT_TEXT: Record<string, Record<Locale, string>> = {
  none: {
    nb: 'Besøk følger de vanlige reglene. Kontakt fengselet for å avtale besøk.',
    en: 'Visits follow the normal rules. Contact the prison to arrange a visit.',
  },
  normal: {
    nb: 'Besøk følger de vanlige reglene, med smitteverntiltak i besøkslokalet.',
    en: 'Visits follow the normal rules, with infection control in the visiting room.',
  },
  restricted: {
    nb: 'Besøk er begrenset. Hvert besøk vurderes ut fra smittesituasjonen, hvor du kommer fra og om du må reise kollektivt. Besøksrommet er tilpasset med avstand eller pleksiglass.',
    en: 'Visits are restricted. Each visit is assessed against the infection situation, where you travel from and whether you need public transport. The visiting room is adapted with distance or plexiglass.',
  },
  extended: {
    nb: 'Besøk er sterkt begrenset. Bare besøk som kan gjennomføres helt smittefritt blir innvilget; barns behov for kontakt med foreldre vektlegges.',
    en: 'Visits are strongly restricted. Only visits that can be carried out safely are granted; children’s need for contact with their parents is given weight.',
  },
  stopped: {
    nb: 'Besøk er stanset inntil videre. Bruk videosamtale eller telefon i stedet.',
    en: 'Visits are stopped until further notice. Use video calls or the telephone instead.',
  },
};

const LEAVE_TEXT: Record<string, Record<Locale, string>> = {
  leave_restrictions: {
    nb: 'Permisjoner vurderes enkeltvis og kan bli endret eller avlyst ved smitterisiko. Permisjon til eller fra områder med økende smitte innvilges normalt ikke.',
    en: 'Leave is assessed case by case and may be changed or cancelled where there is a risk of infection. Leave to or from areas with rising infection is normally not granted.',
  },
  escorted_leave_restrictions: {
    nb: 'Fremstillinger av rent sosial karakter avslås så langt det er mulig.',
    en: 'Escorted leave of a purely social character is declined as far as possible.',
  },
  temporary_release_restrictions: {
    nb: 'Frigang gis bare når det er trygt av hensyn til smittevern.',
    en: 'Day release is granted only where it is safe in view of infection control.',
  },
};

const TEXT = {
  leaveNone: {
    nb: 'Permisjoner følger de vanlige reglene.',
    en: 'Leave follows the normal rules.',
  },
  videoOn: {
    nb: 'Fengselet tilbyr videosamtaler som erstatning for eller i tillegg til vanlige besøk.',
    en: 'The prison offers video calls as a substitute for, or in addition to, ordinary visits.',
  },
  videoOff: {
    nb: 'Spør fengselet om videosamtale er mulig.',
    en: 'Ask the prison whether a video call is possible.',
  },
} as const;

export const HOTLINE = {
  phone: '(+47) 404 388 88',
  text: {
    nb: 'Pårørendetelefonen (+47) 404 388 88 er åpen hverdager kl. 09:00–15:00. Du kan være anonym. Telefonen gir bare generell informasjon, ikke om enkeltpersoner eller enkelte fengsler.',
    en: 'The relatives’ hotline (+47) 404 388 88 is open weekdays 09:00–15:00. You may stay anonymous. It gives general information only, not about individuals or specific prisons.',
  },
} as const;

export interface PublicRules {
  visits: string;
  leave: string[];
  video: string;
  hotline: string;
}

/** The rules relatives are told about, in plain language, from the measures in force there. */
export function publicRules(effective: readonly Effective[], locale: Locale): PublicRules {
  const visit = effective.find((e) => e.type === 'visits');
  const visitKey = visit?.measure.level ?? 'none';
  const leave = effective
    .filter((e) => CATALOGUE[e.type].area === 'leave')
    .map((e) => LEAVE_TEXT[e.type]?.[locale] ?? '')
    .filter(Boolean);
  const video = effective.some((e) => e.type === 'video_visits');
  return {
    visits: VISIT_TEXT[visitKey]?.[locale] ?? VISIT_TEXT.none?.[locale] ?? '',
    leave: leave.length > 0 ? leave : [TEXT.leaveNone[locale]],
    video: (video ? TEXT.videoOn : TEXT.videoOff)[locale],
    hotline: HOTLINE.text[locale],
  };
}
