// The national crisis picture and outbreak actions (seeds 000 and 001): pure rules, no I/O and no
// clock. The date is an argument; the figures come in as counts from the database.

import { addDays } from './calendar.ts';
import { HOTLINE, type MeasureType } from './measures.ts';

/** Weeks ahead the queue counts as "affected" by an outbreak at the facility it is due at. */
export const QUEUE_WINDOW_DAYS = 28;

/**
 * Places under single occupancy (seed 000: "Suspend the use of cells with more than one bed, in
 * order to have single-occupancy only."): a cell with beds counts one place while the measure is in
 * force there; otherwise every bed counts.
 */
export function capacity(beds: number, cellsWithBeds: number, singleOccupancy: boolean): number {
  return singleOccupancy ? Math.min(beds, cellsWithBeds) : beds;
}

/** Free places: what the capacity leaves after the occupied beds; negative when over capacity. */
export function freePlaces(capacityValue: number, occupied: number): number {
  return capacityValue - occupied;
}

export const MEASURE_LEVELS = ['none', 'low', 'moderate', 'high', 'severe'] as const;
export type MeasureLevel = (typeof MEASURE_LEVELS)[number];

export interface MeasureSummary {
  visits: string | null;
  solitary: string | null;
  singleOccupancy: boolean;
  leaveRestricted: boolean;
  level: MeasureLevel;
}

const LEAVE_TYPES: readonly MeasureType[] = [
  'leave_restrictions',
  'escorted_leave_restrictions',
  'temporary_release_restrictions',
];
const OUTBREAK_TYPES: readonly MeasureType[] = [
  'interruption_of_sentence',
  'early_release',
  'postponement_of_execution',
  'new_appearance_dates',
];

/**
 * One word for how hard a facility is locked down, from the strictest measures in force there:
 * severe when visits are stopped or everyone is in solitary placement; high under the outbreak list
 * (extended visit restrictions, solitary placement of some, interruption, early release,
 * postponement, new appearance dates); moderate under the general rules (restricted visits, single
 * occupancy, leave restrictions); low when only other measures apply; none without measures.
 */
export function summariseMeasures(
  inForce: readonly { type: MeasureType; level: string | null }[],
): MeasureSummary {
  const level = (type: MeasureType) => inForce.find((m) => m.type === type)?.level ?? null;
  const has = (type: MeasureType) => inForce.some((m) => m.type === type);
  const visits = level('visits');
  const solitary = level('solitary_placement');
  const singleOccupancy = has('single_occupancy');
  const leaveRestricted = LEAVE_TYPES.some(has);
  let summary: MeasureLevel = inForce.length > 0 ? 'low' : 'none';
  if (visits === 'restricted' || singleOccupancy || leaveRestricted) summary = 'moderate';
  if (visits === 'extended' || solitary === 'some' || OUTBREAK_TYPES.some(has)) summary = 'high';
  if (visits === 'stopped' || solitary === 'all') summary = 'severe';
  return { visits, solitary, singleOccupancy, leaveRestricted, level: summary };
}

/**
 * Whether the queue due at a facility counts as affected: an outbreak there (a confirmed case or
 * isolation among inmates or staff), or a measure that moves starts (postponement of execution,
 * new appearance dates).
 */
export function queueIsAffected(cases: number, inForce: readonly { type: MeasureType }[]): boolean {
  return (
    cases > 0 ||
    inForce.some((m) => m.type === 'postponement_of_execution' || m.type === 'new_appearance_dates')
  );
}

export interface Change {
  value: number;
  previous: number;
  change: number;
}

/** A figure beside the same figure the day before. */
export function change(value: number, previous: number): Change {
  return { value, previous, change: value - previous };
}

/** Adds figures up (a region's total, the national total). */
export function sumChanges(items: readonly Change[]): Change {
  let value = 0;
  let previous = 0;
  for (const c of items) {
    value += c.value;
    previous += c.previous;
  }
  return change(value, previous);
}

export type Direction = 'up' | 'down' | 'same';

export function direction(c: Change): Direction {
  return c.change > 0 ? 'up' : c.change < 0 ? 'down' : 'same';
}

/** Seed 001's outbreak list, each item as the measure it becomes. */
export const OUTBREAK_SET = [
  {
    key: 'single_occupancy',
    type: 'single_occupancy',
    source: 'Introduce single- bed cells for all inmates',
  },
  {
    key: 'solitary_placement',
    type: 'solitary_placement',
    source:
      'Placement of a number of inmates in solitary confinement / Placement of all inmates in solitary confinement',
  },
  { key: 'visits_extended', type: 'visits', source: 'Extended visit restrictions' },
  {
    key: 'leave_restrictions',
    type: 'leave_restrictions',
    source: 'Increased use of restrictions in leaves, escorted leaves and temporary leaves',
  },
  {
    key: 'escorted_leave_restrictions',
    type: 'escorted_leave_restrictions',
    source: 'Increased use of restrictions in leaves, escorted leaves and temporary leaves',
  },
  {
    key: 'temporary_release_restrictions',
    type: 'temporary_release_restrictions',
    source: 'Increased use of restrictions in leaves, escorted leaves and temporary leaves',
  },
  { key: 'interruption_of_sentence', type: 'interruption_of_sentence', source: 'Interruption of sentence' },
  { key: 'early_release', type: 'early_release', source: 'Early release' },
  {
    key: 'postponement_of_execution',
    type: 'postponement_of_execution',
    source: 'Postponement of execution of sentence',
  },
  {
    key: 'new_appearance_dates',
    type: 'new_appearance_dates',
    source: 'Change date of appearance in prison for inmates who shall meet to execute their sentence',
  },
] as const satisfies readonly { key: string; type: MeasureType; source: string }[];

export type OutbreakItem = (typeof OUTBREAK_SET)[number]['key'];
export const OUTBREAK_ITEMS = OUTBREAK_SET.map((i) => i.key) as [OutbreakItem, ...OutbreakItem[]];

/** The measures an outbreak decision creates: one per chosen item, in the list's order. */
export function outbreakMeasures(
  include: readonly OutbreakItem[],
  solitaryLevel: 'some' | 'all',
): { item: OutbreakItem; type: MeasureType; level: string | null }[] {
  const chosen = new Set(include);
  return OUTBREAK_SET.filter((i) => chosen.has(i.key)).map((i) => ({
    item: i.key,
    type: i.type,
    level: i.type === 'solitary_placement' ? solitaryLevel : i.type === 'visits' ? 'extended' : null,
  }));
}

/** The new date of a batch: the date given, or the old date moved by a number of weeks. */
export function movedDate(
  oldDate: string | null,
  today: string,
  choice: { newDate?: string | undefined; weeks?: number | undefined },
): string {
  if (choice.newDate) return choice.newDate;
  return addDays(oldDate && oldDate > today ? oldDate : today, (choice.weeks ?? 0) * 7);
}

const MONTHS = [
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
];

/** 2026-11-23 → 23. november 2026, as a Norwegian letter writes dates. */
export function longDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d}. ${MONTHS[m - 1]} ${y}`;
}

export interface LetterInput {
  today: string;
  givenName: string;
  familyName: string;
  caseNumber: string;
  facility: { name: string; municipality: string };
  oldDate: string | null;
  newDate: string;
  reason: string;
  decidedBy: string;
}

/**
 * The letter to a person whose start is moved because of an outbreak (seed 001: postponement of
 * execution; new appearance dates for those summoned). Formal bokmål, with the legal basis, the
 * facility to contact and the relatives' hotline.
 */
export function letterText(input: LetterInput): string {
  const place = input.facility.name;
  const before = input.oldDate
    ? `Du er innkalt til å møte til straffegjennomføring ved ${place} ${longDate(input.oldDate)}.`
    : `Du står i kø for straffegjennomføring ved ${place}.`;
  return [
    `${place}`,
    `${input.facility.municipality}, ${longDate(input.today)}`,
    '',
    `Til: ${input.givenName} ${input.familyName}`,
    `Saksnummer: ${input.caseNumber}`,
    '',
    'Melding om utsatt oppmøte til straffegjennomføring',
    '',
    `${before} På grunn av smitteutbrudd ved ${place} er oppstarten av straffegjennomføringen utsatt. Ny dato for oppmøte er ${longDate(input.newDate)}.`,
    '',
    `Begrunnelse: ${input.reason}`,
    '',
    'Utsettelsen er besluttet med hjemmel i straffegjennomføringsloven med forskrift, jf. Kriminalomsorgsdirektoratets smitteverntiltak ved utbrudd av covid-19 i fengsel (utsatt straffegjennomføring og nye oppmøtedatoer for innkalte). Du vil få nærmere beskjed om oppmøtested og klokkeslett før den nye datoen.',
    '',
    `Har du spørsmål om din sak, kan du kontakte ${place} i ${input.facility.municipality}. Oppgi saksnummeret når du tar kontakt.`,
    `Pårørende kan ringe pårørendetelefonen ${HOTLINE.phone}, som er åpen hverdager kl. 09:00–15:00. Telefonen gir generell informasjon, ikke opplysninger om enkeltpersoner.`,
    '',
    'Med hilsen',
    input.decidedBy,
    place,
  ].join('\n');
}
