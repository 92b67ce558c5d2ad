// `node bench/engine.ts [--count N]`: key dates for N deterministically generated sentences (prison,
// fines, preventive detention, community and youth sentences, with remand, escapes and
// interruptions), and in the same run a baseline that generates the same inputs and only adds up
// their days. Prints a markdown table row: sentences per second for both and the ratio.
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { computeKeyDates } from '../src/server/domain/sentence/index.ts';
import type { KeyDatesInput, SentenceInput } from '../src/server/domain/sentence/types.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '1000000' } } });
const count = Number(values.count);

/** A small linear congruential generator: the same inputs on every run and machine. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

const MS_PER_DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2016, 0, 1) / MS_PER_DAY;
const date = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
const GROUPS = [
  'other',
  'other',
  'other',
  'sexual',
  'murder',
  'domestic_violence',
  'serious_violence',
  'terror',
] as const;

function sentenceFor(rnd: () => number, i: number): SentenceInput {
  const id = `s${i}`;
  const pick = rnd();
  const offenceGroups = [GROUPS[Math.floor(rnd() * GROUPS.length)] ?? 'other'];
  if (pick < 0.55) return { id, kind: 'prison', termDays: 14 + Math.floor(rnd() * 700), offenceGroups };
  if (pick < 0.7) return { id, kind: 'prison', termMonths: 4 + Math.floor(rnd() * 200), offenceGroups };
  if (pick < 0.8) return { id, kind: 'fine_substitute', substituteDays: 1 + Math.floor(rnd() * 120) };
  if (pick < 0.85) {
    const frame = 60 + Math.floor(rnd() * 180);
    return { id, kind: 'preventive_detention', frameMonths: frame, minimumTermMonths: Math.floor(frame / 2) };
  }
  if (pick < 0.95) {
    const substituteDays = 30 + Math.floor(rnd() * 330);
    return { id, kind: 'community', hours: 30 + Math.floor(rnd() * 390), substituteDays };
  }
  return {
    id,
    kind: 'youth',
    executionPeriodDays: 120 + Math.floor(rnd() * 600),
    substituteDays: 30 + Math.floor(rnd() * 300),
  };
}

function inputFor(i: number): KeyDatesInput {
  const rnd = random(i + 1);
  const start = FIRST_DAY + Math.floor(rnd() * 3000);
  const sentences = [sentenceFor(rnd, i)];
  if (sentences[0]?.kind === 'prison' && rnd() < 0.2) sentences.push(sentenceFor(rnd, i + 1));
  const input: KeyDatesInput = {
    asOf: date(start + Math.floor(rnd() * 400)),
    birthDate: date(start - 5800 - Math.floor(rnd() * 15000)),
    sentences,
    events: [{ type: 'execution_start', date: date(start) }],
  };
  const events = input.events as NonNullable<KeyDatesInput['events']>[number][];
  if (rnd() < 0.3) {
    input.remandPeriods = [
      { arrestedAt: `${date(start - 40)}T10:00:00+01:00`, releasedAt: `${date(start)}T09:00:00+01:00` },
    ];
  }
  if (rnd() < 0.1)
    events.push({ type: 'escape', date: date(start + 30) }, { type: 'return', date: date(start + 37) });
  if (rnd() < 0.05) {
    events.push(
      { type: 'interruption_start', date: date(start + 50) },
      { type: 'interruption_end', date: date(start + 64) },
    );
  }
  return input;
}

function days(s: SentenceInput): number {
  return (s.termDays ?? 0) + (s.termMonths ?? 0) * 30 + (s.substituteDays ?? 0) + (s.frameMonths ?? 0) * 30;
}

function run(label: string, work: (input: KeyDatesInput) => number): { seconds: number; checksum: number } {
  const begin = process.hrtime.bigint();
  let checksum = 0;
  for (let i = 0; i < count; i++) checksum += work(inputFor(i));
  const seconds = Number(process.hrtime.bigint() - begin) / 1e9;
  console.error(`${label}: ${count} in ${seconds.toFixed(2)} s`);
  return { seconds, checksum };
}

// Warm up both paths so the JIT has seen them before the clock runs.
for (let i = 0; i < 20_000; i++) computeKeyDates(inputFor(count + i));

const baseline = run('baseline (generate inputs, add their days)', (input) =>
  input.sentences.reduce((n, s) => n + days(s), 0),
);
const engine = run(
  'engine (generate inputs, compute key dates)',
  (input) => computeKeyDates(input).keyDates.length,
);

const engineRate = count / engine.seconds;
const baselineRate = count / baseline.seconds;
const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
console.log(
  '| benchmark | sentences | engine (sentences/s) | baseline (inputs/s) | engine ÷ baseline | machine |',
);
console.log('|---|---:|---:|---:|---:|---|');
console.log(
  `| key dates | ${count.toLocaleString('en')} | ${Math.round(engineRate).toLocaleString('en')} | ${Math.round(baselineRate).toLocaleString('en')} | ${(engineRate / baselineRate).toFixed(3)} | ${cpus().length} × ${cpu}, Node ${process.versions.node} |`,
);
console.error(`checksums: baseline ${baseline.checksum}, engine ${engine.checksum}`);
