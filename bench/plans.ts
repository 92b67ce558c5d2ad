// `node bench/plans.ts [--runs 200 --pure 200000]`: the time of reading one person's plan with the
// progression path, in the same run: the pure rule alone (`progressionPath` on facts already
// gathered); through the API (GET /api/v1/people/:id/plan: session, scope check, the current
// assessment, restrictions, placement, stored key dates, every version with its goals and the
// differences, the goal follow-up, the path and the audit row). The baseline is the bare read of
// the plan row through the driver. Prints a markdown table.
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { buildApp } from '../src/server/app.ts';
import { prepareDatabase } from '../src/server/bootstrap.ts';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { type PathInput, progressionPath } from '../src/server/domain/plans.ts';
import { createCalculationsService } from '../src/server/modules/calculations/calculations.service.ts';
import { systemClock } from '../src/server/shared/clock.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '200' }, pure: { type: 'string', default: '200000' } },
});
const runs = Number(values.runs);
const pureCount = Number(values.pure);
const today = systemClock.today();
const password = 'bench-password';

const handle = await openDatabase({ url: process.env.BENCH_DATABASE_URL });
const seeded = Date.now();
await prepareDatabase(handle.db, { demoData: true, demoPassword: password, today });
console.error(`seeded in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);
const db = handle.db;
const config = loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'false', LOGIN_MAX_PER_MINUTE: '1000' });

// A person with an agreed plan in the case worker's scope (the national manager reads all).
const plan = await db
  .selectFrom('plan as p')
  .innerJoin('plan_version as v', 'v.plan_id', 'p.id')
  .select(['p.id', 'p.person_id'])
  .where('v.status', '=', 'agreed')
  .orderBy('p.id')
  .executeTakeFirstOrThrow();

// The person's key dates, as the server's start stores them in the background.
await createCalculationsService(db, systemClock).recalculate(db, [plan.person_id]);

const input: PathInput = {
  today,
  placement: 'high_security',
  keyDates: (
    await db
      .selectFrom('key_date')
      .select(['key', 'on_date', 'status'])
      .where('person_id', '=', plan.person_id)
      .execute()
  ).map((k) => ({ key: k.key, date: k.on_date, status: k.status })),
  restrictions: ['no_leave'],
  risks: { release: 'high' },
  goals: [
    { area: 'housing', status: 'open' },
    { area: 'work', status: 'reached' },
  ],
};
const pureStarted = performance.now();
for (let i = 0; i < pureCount; i++) progressionPath(input);
const pureMs = (performance.now() - pureStarted) / pureCount;

const app = await buildApp({ db, config, clock: systemClock, webRoot: '/nonexistent', logger: false });
await app.ready();
const login = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  payload: { username: 'direktorat', password },
});
const cookie = `varde_session=${login.cookies.find((c) => c.name === 'varde_session')?.value}`;
let errors = 0;
const apiStarted = performance.now();
for (let i = 0; i < runs; i++) {
  const res = await app.inject({
    method: 'GET',
    url: `/api/v1/people/${plan.person_id}/plan`,
    headers: { cookie },
  });
  if (res.statusCode !== 200) errors++;
}
const apiMs = (performance.now() - apiStarted) / runs;

const bareStarted = performance.now();
for (let i = 0; i < runs; i++) await handle.raw('select * from plan where id = $1', [plan.id]);
const bareMs = (performance.now() - bareStarted) / runs;

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.versions.node}`;
console.log(`\nPlan and progression path per person (${handle.kind}, ${machine})\n`);
console.log('| path | runs | ms per person | ÷ bare row read |');
console.log('|---|---:|---:|---:|');
console.log(
  `| pure rule (progressionPath) | ${pureCount} | ${pureMs.toFixed(4)} | ${(pureMs / bareMs).toFixed(3)} |`,
);
console.log(
  `| API: GET plan (session, scope, assessment, versions, key dates, path, audit) | ${runs} | ${apiMs.toFixed(2)} | ${(apiMs / bareMs).toFixed(1)} |`,
);
console.log(`| bare row read through the driver (baseline) | ${runs} | ${bareMs.toFixed(2)} | 1.0 |`);
if (errors > 0) console.log(`\n${errors} API requests failed.`);
await app.close();
await handle.close();
