// Every case under test/cases/key-dates is one JSON file with the input and the expected output
// side by side, worked out by hand from the law. The expected part may name only the values the
// case is about; they are compared as a subset of the engine's output.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARAMETERS, type ParameterRow } from '../../src/server/domain/parameters.ts';
import { computeKeyDates, RULES } from '../../src/server/domain/sentence/index.ts';
import type { KeyDatesInput, KeyDatesResult } from '../../src/server/domain/sentence/types.ts';

interface Case {
  description: string;
  source: string;
  working: string;
  table?: { drop?: string[]; add?: ParameterRow[] };
  input: KeyDatesInput;
  expected: Record<string, unknown> & { warnings?: string[]; absent?: string[] };
}

const dir = join(import.meta.dirname, '../cases/key-dates');
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => ({ file, ...(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Case) }));

function tableFor(c: Case): readonly ParameterRow[] {
  if (!c.table) return PARAMETERS;
  const drop = c.table.drop ?? [];
  return [...PARAMETERS.filter((r) => !drop.some((p) => r.key.startsWith(p))), ...(c.table.add ?? [])];
}

/** The result flattened to what case files assert: key dates by key, and by key@sentence. */
function view(r: KeyDatesResult) {
  const keyDates: Record<string, unknown> = {};
  for (const k of r.keyDates) {
    keyDates[k.key] ??= k;
    for (const id of k.sentenceIds) keyDates[`${k.key}@${id}`] = k;
  }
  return {
    combinedTermDays: r.combinedTerm?.days ?? null,
    remandCreditDays: r.remandCredit.days,
    remandBaseDays: r.remandCredit.baseDays,
    remandIsolationDays: r.remandCredit.isolationDays,
    remandFromJudgmentDays: r.remandCredit.fromJudgmentDays,
    absenceDays: r.absence.days,
    executionStart: r.executionStart,
    servedDays: r.servedDays,
    expectedEnd: r.expectedEnd,
    leaveQuota: r.leaveQuota,
    keyDates,
  };
}

describe('key dates: cases worked out from the law', () => {
  it('has at least 85 cases, each with a source and a description', () => {
    expect(cases.length).toBeGreaterThanOrEqual(85);
    for (const c of cases) {
      expect(c.source, c.file).toBeTruthy();
      expect(c.description, c.file).toBeTruthy();
    }
  });

  it.each(cases)('$file: $description', (c) => {
    const result = computeKeyDates(c.input, tableFor(c));
    const { warnings, absent, ...rest } = c.expected;
    expect(view(result)).toMatchObject(rest);
    if (warnings)
      expect([...new Set(result.warnings.map((w) => w.rule))].sort()).toEqual([...warnings].sort());
    for (const key of absent ?? []) expect(result.keyDates.map((k) => k.key)).not.toContain(key);
  });

  it.each(cases)('$file: every value names its rule, the law and an explanation in both languages', (c) => {
    const result = computeKeyDates(c.input, tableFor(c));
    const grounded = [
      ...result.keyDates,
      result.remandCredit,
      result.absence,
      ...result.warnings,
      ...(result.combinedTerm ? [result.combinedTerm] : []),
      ...(result.leaveQuota ? [result.leaveQuota] : []),
    ];
    for (const g of grounded) {
      expect(Object.keys(RULES)).toContain(g.rule);
      expect(g.legalRef).toBe(RULES[g.rule]);
      expect(g.explanation.nb.length).toBeGreaterThan(10);
      expect(g.explanation.en.length).toBeGreaterThan(10);
      expect(g.explanation.nb).not.toBe(g.explanation.en);
    }
    for (const k of result.keyDates) {
      if (k.date !== null && k.key !== 'remand_placement')
        expect(k.explanation.en, `${k.key}`).toContain(k.date);
    }
  });
});
