import { addDays, daysBetween } from '../../domain/calendar.ts';
import type {
  ExecutionEvent,
  KeyDatesInput,
  OffenceGroup,
  SentenceInput,
} from '../../domain/sentence/index.ts';
import type { LoadedInputs } from './calculations.repository.ts';

/** The start of the leave quota year that holds `asOf`: years run from the first ordinary leave. */
export function quotaYearStart(firstLeave: string, asOf: string): string {
  let start = firstLeave;
  for (let years = 1; ; years++) {
    const next = `${Number(firstLeave.slice(0, 4)) + years}${firstLeave.slice(4)}`;
    const valid = next.endsWith('-02-29') ? addDays(next.replace('-02-29', '-02-28'), 1) : next;
    if (daysBetween(valid, asOf) < 0) return start;
    start = valid;
  }
}

/** Turns the rows of the database into one engine input per person. */
export function buildInputs(loaded: LoadedInputs, asOf: string): Map<string, KeyDatesInput> {
  const out = new Map<string, KeyDatesInput>();
  const byPerson = <T extends { person_id: string }>(rows: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) {
      const list = map.get(r.person_id);
      if (list) list.push(r);
      else map.set(r.person_id, [r]);
    }
    return map;
  };
  const sentences = byPerson(loaded.sentences);
  const remand = byPerson(loaded.remand);
  const events = byPerson(loaded.events);
  const leave = byPerson(loaded.leave);
  const admitted = new Map(loaded.admissions.map((a) => [a.person_id, a.admitted_on]));
  const isolation = new Map<string, { from: string; to: string }[]>();
  for (const i of loaded.isolation) {
    const list = isolation.get(i.remand_period_id) ?? [];
    list.push({ from: i.from_date, to: i.to_date });
    isolation.set(i.remand_period_id, list);
  }

  for (const person of loaded.persons) {
    const own = sentences.get(person.id) ?? [];
    if (own.length === 0) continue;
    const sentenceInputs: SentenceInput[] = own.map((s) => ({
      id: s.id,
      kind: s.kind,
      offenceGroups: s.offence_groups as OffenceGroup[],
      ...(s.term_days !== null && { termDays: s.term_days }),
      ...(s.minimum_term_days !== null && { minimumTermDays: s.minimum_term_days }),
      ...(s.frame_days !== null && { frameDays: s.frame_days }),
      ...(s.hours !== null && { hours: s.hours }),
      ...(s.substitute_days !== null && { substituteDays: s.substitute_days }),
    }));
    const recorded: ExecutionEvent[] = (events.get(person.id) ?? []).map((e) => ({
      type: e.kind,
      date: e.on_date,
    }));
    const start = admitted.get(person.id);
    // An admission recorded in the queue is the start of execution unless one is recorded explicitly.
    if (start && !recorded.some((e) => e.type === 'execution_start'))
      recorded.unshift({ type: 'execution_start', date: start });
    const leaves = leave.get(person.id) ?? [];
    const first = leaves[0]?.from_date ?? null;
    const yearStart = first ? quotaYearStart(first, asOf) : null;
    const daysTaken = yearStart
      ? leaves.filter((l) => l.from_date >= yearStart && l.from_date <= asOf).reduce((n, l) => n + l.days, 0)
      : 0;
    out.set(person.id, {
      asOf,
      birthDate: person.birth_date,
      sentences: sentenceInputs,
      remandPeriods: (remand.get(person.id) ?? []).map((r) => ({
        arrestedAt: new Date(r.arrested_at).toISOString(),
        releasedAt: r.released_at ? new Date(r.released_at).toISOString() : null,
        isolation: isolation.get(r.id) ?? [],
      })),
      events: recorded,
      leave: { daysTaken, firstOrdinaryLeaveOn: first },
    });
  }
  return out;
}
