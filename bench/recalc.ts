// `node bench/recalc.ts [--scales 1,30]`: the bulk recalculation of every active sentence through
// the database (load inputs, compute, store key dates) at Norway's scale and larger, with the
// engine alone on the same inputs as the baseline in the same run. Prints a markdown table.
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { prepareDatabase } from '../src/server/bootstrap.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { computeKeyDates, type KeyDatesInput } from '../src/server/domain/sentence/index.ts';
import { buildInputs } from '../src/server/modules/calculations/calculations.inputs.ts';
import { createCalculationsRepository } from '../src/server/modules/calculations/calculations.repository.ts';
import { createCalculationsService } from '../src/server/modules/calculations/calculations.service.ts';
import { systemClock } from '../src/server/shared/clock.ts';

const { values } = parseArgs({ options: { scales: { type: 'string', default: '1,30' } } });
const scales = values.scales.split(',').map(Number);
const today = systemClock.today();
const rows: string[] = [];

for (const scale of scales) {
  const handle = await openDatabase({ url: process.env.BENCH_DATABASE_URL });
  const seeded = Date.now();
  await prepareDatabase(handle.db, { demoData: true, demoPassword: 'bench-password', today, scale });
  console.error(`scale ${scale}: seeded in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);

  // Baseline: the engine alone on the inputs of everyone, loaded once beforehand.
  const repo = createCalculationsRepository(handle.db);
  const ids = await repo.activePersonIds();
  const inputs: KeyDatesInput[] = [];
  for (let i = 0; i < ids.length; i += 500)
    inputs.push(...buildInputs(await repo.inputs(ids.slice(i, i + 500)), today).values());
  const started = performance.now();
  let computed = 0;
  for (const input of inputs) {
    try {
      computeKeyDates(input);
      computed++;
    } catch {
      // counted as failures in the full run below
    }
  }
  const engineSeconds = (performance.now() - started) / 1000;

  const full = await createCalculationsService(handle.db, systemClock).recalculateAll(today);
  const keyDates = await handle.db
    .selectFrom('key_date')
    .select(handle.db.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  rows.push(
    `| ${scale} | ${handle.kind} | ${full.persons.toLocaleString('en')} | ${Number(keyDates.n).toLocaleString('en')} | ${full.seconds.toFixed(1)} | ${Math.round(full.persons / full.seconds).toLocaleString('en')} | ${Math.round(computed / engineSeconds).toLocaleString('en')} | ${(full.seconds / engineSeconds).toFixed(1)} | ${full.failed} |`,
  );
  await handle.close();
}

console.log(
  `\nBulk recalculation (${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.versions.node})\n`,
);
console.log(
  '| scale | database | people | key dates stored | seconds | people/s through the database | people/s engine alone | database ÷ engine (time) | failed |',
);
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(r);
