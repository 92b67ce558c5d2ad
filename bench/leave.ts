// `node bench/leave.ts [--runs 200 --pure 200000]`: the time of one leave assessment, three ways in
// the same run: the pure rule alone; through the service (today's facts read from the database:
// infection situation, measures, staffing, the sentence engine, the quota); and through the API
// (GET of an application, which assesses it afresh, with session, scope check and audit). The
// baseline is the bare read of the application row through the driver. Prints a markdown table.
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { buildApp, createServices } from '../src/server/app.ts';
import { prepareDatabase } from '../src/server/bootstrap.ts';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { assessLeave } from '../src/server/domain/leave.ts';
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

const application = await db
  .selectFrom('leave_application')
  .select('id')
  .where('status', '=', 'pending')
  .orderBy('id')
  .executeTakeFirstOrThrow();

// Through the service's data path, then the pure rule on the facts it read.
const services = createServices(db, systemClock, config);
const factors = await services.leave.factorsFor(application.id);
const serviceStarted = performance.now();
for (let i = 0; i < runs; i++) assessLeave(await services.leave.factorsFor(application.id));
const serviceMs = (performance.now() - serviceStarted) / runs;

// The pure rule alone.
const pureStarted = performance.now();
for (let i = 0; i < pureCount; i++) assessLeave(factors);
const pureMs = (performance.now() - pureStarted) / pureCount;

// Through the API.
const app = await buildApp({ db, config, clock: systemClock, webRoot: '/nonexistent', logger: false });
await app.ready();
const login = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  payload: { username: 'saksbehandler', password },
});
const cookie = `varde_session=${login.cookies.find((c) => c.name === 'varde_session')?.value}`;
let errors = 0;
const apiStarted = performance.now();
for (let i = 0; i < runs; i++) {
  const res = await app.inject({
    method: 'GET',
    url: `/api/v1/leave/applications/${application.id}`,
    headers: { cookie },
  });
  if (res.statusCode !== 200) errors++;
}
const apiMs = (performance.now() - apiStarted) / runs;

// Baseline: the bare read of the row through the driver.
const bareStarted = performance.now();
for (let i = 0; i < runs; i++)
  await handle.raw('select * from leave_application where id = $1', [application.id]);
const bareMs = (performance.now() - bareStarted) / runs;

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.versions.node}`;
console.log(`\nLeave assessment per application (${handle.kind}, ${machine})\n`);
console.log('| path | runs | ms per application | ÷ bare row read |');
console.log('|---|---:|---:|---:|');
console.log(
  `| pure rule (assessLeave) | ${pureCount} | ${pureMs.toFixed(4)} | ${(pureMs / bareMs).toFixed(3)} |`,
);
console.log(
  `| service: facts from the database + rule | ${runs} | ${serviceMs.toFixed(2)} | ${(serviceMs / bareMs).toFixed(1)} |`,
);
console.log(
  `| API: GET application (session, scope, assessment, audit) | ${runs} | ${apiMs.toFixed(2)} | ${(apiMs / bareMs).toFixed(1)} |`,
);
console.log(`| bare row read through the driver (baseline) | ${runs} | ${bareMs.toFixed(2)} | 1.0 |`);
if (errors > 0) console.log(`\n${errors} API requests failed.`);
await app.close();
await handle.close();
