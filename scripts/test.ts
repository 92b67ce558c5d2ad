// `npm test`: typecheck, lint, then every Vitest tier (unit, integration, browser) in one run,
// closing with one summary line. Stops at the first step that fails.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const node = process.execPath;
const bin = (pkg: string, file: string) => resolve('node_modules', pkg, file);

function step(name: string, args: string[]): number {
  console.log(`\n── ${name} ──`);
  const result = spawnSync(node, args, { stdio: 'inherit', env: process.env });
  return result.status ?? 1;
}

if (step('typecheck', [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.json', '--noEmit']) !== 0)
  process.exit(1);
if (step('lint', [bin('@biomejs/biome', 'bin/biome'), 'check', '.']) !== 0) process.exit(1);

const report = join(mkdtempSync(join(tmpdir(), 'varde-test-')), 'vitest.json');
const code = step('unit, integration and browser tests', [
  bin('vitest', 'vitest.mjs'),
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
]);
try {
  const r = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
  };
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
} catch {
  console.log('\nNo test report was written.');
}
process.exit(code);
