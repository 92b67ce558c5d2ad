import type { FieldError } from '../../api.ts';
import type { Translate } from '../../i18n/index.tsx';
import type { SentenceKind } from '../../types.ts';
import { osloDateTime } from '../keydates/datetime.ts';
import type { EventType, KeyDatesInput, OffenceGroup, SentenceInput } from '../keydates/types.ts';

// The calculator's form state, how it becomes a KeyDatesInput, and where an error path points in the form.

export type Unit = 'days' | 'months';

export type SentenceRow = {
  uid: number;
  kind: SentenceKind;
  unit: Unit;
  term: string;
  minimumTerm: string;
  frame: string;
  hours: string;
  substituteDays: string;
  offenceGroups: OffenceGroup[];
};

export type IsolationRow = { uid: number; from: string; to: string };
export type RemandRow = { uid: number; arrestedAt: string; releasedAt: string; isolation: IsolationRow[] };
export type EventRow = { uid: number; type: EventType; date: string };

export type CalculatorState = {
  asOf: string;
  birthDate: string;
  sentences: SentenceRow[];
  remand: RemandRow[];
  events: EventRow[];
  leaveDaysTaken: string;
};

/** The error text of a field or group, by its target path (see targetOf). */
export type Errors = (target: string) => string | undefined;
/** Changes the form; with a target, the rows changed (old errors are dropped) and focus goes to that field. */
export type Update = (change: (state: CalculatorState) => CalculatorState, focus?: string) => void;

export const SENTENCE_KINDS: SentenceKind[] = [
  'prison',
  'fine_substitute',
  'preventive_detention',
  'community',
  'youth',
  'remand',
];

/** The inputs a sentence of this kind has, besides its kind. */
export type SentenceField =
  | 'unit'
  | 'term'
  | 'minimumTerm'
  | 'frame'
  | 'hours'
  | 'substituteDays'
  | 'offenceGroups';

export function sentenceFields(kind: SentenceKind): SentenceField[] {
  switch (kind) {
    case 'prison':
      return ['term', 'unit', 'offenceGroups'];
    case 'preventive_detention':
      return ['minimumTerm', 'frame', 'unit', 'offenceGroups'];
    case 'community':
      return ['hours', 'substituteDays', 'offenceGroups'];
    case 'youth':
      return ['substituteDays', 'offenceGroups'];
    case 'fine_substitute':
      return ['substituteDays'];
    default:
      return [];
  }
}

/** The length a sentence of this kind cannot be calculated without. */
export const REQUIRED: Partial<Record<SentenceKind, 'term' | 'frame' | 'hours' | 'substituteDays'>> = {
  prison: 'term',
  fine_substitute: 'substituteDays',
  preventive_detention: 'frame',
  community: 'hours',
};

let nextUid = 1;
export const uid = () => nextUid++;

export function newSentence(): SentenceRow {
  return {
    uid: uid(),
    kind: 'prison',
    unit: 'days',
    term: '',
    minimumTerm: '',
    frame: '',
    hours: '',
    substituteDays: '',
    offenceGroups: [],
  };
}

export const newRemand = (): RemandRow => ({ uid: uid(), arrestedAt: '', releasedAt: '', isolation: [] });
export const newIsolation = (): IsolationRow => ({ uid: uid(), from: '', to: '' });
export const newEvent = (): EventRow => ({ uid: uid(), type: 'execution_start', date: '' });

/** The id a sentence has in the request, and so in the result's sentenceIds. */
export const sentenceId = (index: number) => `s${index + 1}`;

/** The element id of the input (or group) for an error path, e.g. "sentences.0.termDays" → "calc-sentences-0-term". */
export function inputId(path: string): string {
  return `calc-${path.replaceAll('.', '-')}`;
}

const WHOLE = /^\d+$/;

type Built = { input: KeyDatesInput; errors: FieldError[] };

/** The request body, and what the form itself can tell is wrong (empty required fields, numbers that are not). */
export function buildInput(state: CalculatorState, t: Translate): Built {
  const errors: FieldError[] = [];
  const required = (path: string, value: string) => {
    if (!value) errors.push({ path, message: t('calc.required') });
  };
  const whole = (path: string, value: string): number | undefined => {
    const text = value.trim();
    if (!text) return undefined;
    if (!WHOLE.test(text)) {
      errors.push({ path, message: t('calc.wholeNumber') });
      return undefined;
    }
    return Number(text);
  };

  required('asOf', state.asOf);

  const sentences = state.sentences.map((row, i): SentenceInput => {
    const fields = sentenceFields(row.kind);
    const base = `sentences.${i}`;
    const suffix = row.unit === 'months' ? 'Months' : 'Days';
    const sentence: SentenceInput = { id: sentenceId(i), kind: row.kind };
    const set = (field: keyof SentenceInput, value: number | undefined) => {
      if (value !== undefined) (sentence as Record<string, unknown>)[field] = value;
    };
    // What the sentence cannot be calculated without; the service checks the rest.
    const needs = REQUIRED[row.kind];
    if (needs && !row[needs].trim()) {
      const path =
        needs === 'hours' || needs === 'substituteDays' ? `${base}.${needs}` : `${base}.${needs}${suffix}`;
      errors.push({ path, message: t('calc.required') });
    }
    if (fields.includes('term')) set(`term${suffix}`, whole(`${base}.term${suffix}`, row.term));
    if (fields.includes('minimumTerm'))
      set(`minimumTerm${suffix}`, whole(`${base}.minimumTerm${suffix}`, row.minimumTerm));
    if (fields.includes('frame')) set(`frame${suffix}`, whole(`${base}.frame${suffix}`, row.frame));
    if (fields.includes('hours')) set('hours', whole(`${base}.hours`, row.hours));
    if (fields.includes('substituteDays'))
      set('substituteDays', whole(`${base}.substituteDays`, row.substituteDays));
    if (fields.includes('offenceGroups') && row.offenceGroups.length > 0)
      sentence.offenceGroups = row.offenceGroups;
    return sentence;
  });

  const remandPeriods = state.remand.map((row, i) => {
    required(`remandPeriods.${i}.arrestedAt`, row.arrestedAt);
    return {
      arrestedAt: osloDateTime(row.arrestedAt),
      releasedAt: row.releasedAt ? osloDateTime(row.releasedAt) : null,
      isolation: row.isolation.map((iso, j) => {
        required(`remandPeriods.${i}.isolation.${j}.from`, iso.from);
        required(`remandPeriods.${i}.isolation.${j}.to`, iso.to);
        return { from: iso.from, to: iso.to };
      }),
    };
  });

  const events = state.events.map((row, i) => {
    required(`events.${i}.date`, row.date);
    return { type: row.type, date: row.date };
  });

  const daysTaken = whole('leave.daysTaken', state.leaveDaysTaken) ?? 0;

  const input: KeyDatesInput = {
    asOf: state.asOf,
    ...(state.birthDate && { birthDate: state.birthDate }),
    sentences,
    ...(remandPeriods.length > 0 && { remandPeriods }),
    ...(events.length > 0 && { events }),
    leave: { daysTaken },
  };
  return { input, errors };
}

/** Which form field an error path belongs to: the input itself, or the group around it when the input is not shown. */
export function targetOf(path: string, state: CalculatorState): string {
  const parts = path.split('.');
  const [head, index, field, ...rest] = parts;
  if (head === 'sentences' && index !== undefined && /^\d+$/.test(index)) {
    const row = state.sentences[Number(index)];
    if (!row) return 'sentences';
    const name = sentenceFieldOf(field);
    return name && sentenceFields(row.kind).includes(name)
      ? `sentences.${index}.${name}`
      : field === 'kind'
        ? `sentences.${index}.kind`
        : `sentences.${index}`;
  }
  if (head === 'remandPeriods' && index !== undefined && /^\d+$/.test(index)) {
    if (!state.remand[Number(index)]) return 'remandPeriods';
    if (field === 'arrestedAt' || field === 'releasedAt') return `remandPeriods.${index}.${field}`;
    if (field === 'isolation' && rest.length === 2 && (rest[1] === 'from' || rest[1] === 'to'))
      return `remandPeriods.${index}.isolation.${rest[0]}.${rest[1]}`;
    return `remandPeriods.${index}`;
  }
  if (head === 'events' && index !== undefined && /^\d+$/.test(index)) {
    if (!state.events[Number(index)]) return 'events';
    return field === 'type' || field === 'date' ? `events.${index}.${field}` : `events.${index}`;
  }
  if (head === 'leave') return 'leave.daysTaken';
  if (head === 'asOf' || head === 'birthDate') return head;
  if (head === 'remandPeriods' || head === 'events') return head;
  return 'sentences';
}

function sentenceFieldOf(field: string | undefined): SentenceField | null {
  switch (field) {
    case 'termDays':
    case 'termMonths':
      return 'term';
    case 'minimumTermDays':
    case 'minimumTermMonths':
      return 'minimumTerm';
    case 'frameDays':
    case 'frameMonths':
      return 'frame';
    case 'hours':
      return 'hours';
    case 'substituteDays':
    case 'substituteMonths':
      return 'substituteDays';
    case 'offenceGroups':
      return 'offenceGroups';
    default:
      return null;
  }
}
