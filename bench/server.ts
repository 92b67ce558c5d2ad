// The server side of `npm run bench`, run as its own process so that the load generator does not
// share its core: a seeded Varde, and beside it a bare Fastify with the two baselines.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { buildApp } from '../src/server/app.ts';
import { prepareDatabase } from '../src/server/bootstrap.ts';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { DEMO_PEOPLE } from '../src/server/seed/fixtures.ts';
import { systemClock } from '../src/server/shared/clock.ts';

const scale = Number(process.env.BENCH_SCALE ?? '1');
const dir = mkdtempSync(join(tmpdir(), 'varde-bench-'));
let capture: { sql: string; params: readonly unknown[] }[] | null = null;
const handle = await openDatabase({
  url: process.env.BENCH_DATABASE_URL,
  dataDir: join(dir, 'pglite'),
  poolSize: 10,
  onQuery: (sql, params) => capture?.push({ sql, params }),
});
const config = loadConfig({
  ...process.env,
  NODE_ENV: 'test',
  LOGIN_MAX_PER_MINUTE: '1000',
  LOG_LEVEL: 'silent',
});
const seeded = Date.now();
await prepareDatabase(handle.db, {
  demoData: true,
  demoPassword: config.demoPassword,
  today: systemClock.today(),
  scale,
});
const seedSeconds = (Date.now() - seeded) / 1000;

const app = await buildApp({
  db: handle.db,
  config,
  clock: systemClock,
  logger: false,
  webRoot: '/nonexistent',
});
await app.ready();
const login = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  payload: { username: 'direktorat', password: config.demoPassword },
});
const cookie = `varde_session=${login.cookies.find((c) => c.name === 'varde_session')?.value}`;

const endpoints = {
  search: '/api/v1/people?q=hansen',
  person: `/api/v1/people/${DEMO_PEOPLE.admitted.personId}`,
  dashboard: '/api/v1/dashboard',
};
// The SQL each request sends, captured once, is what the bare-driver baseline replays.
const statements: Record<string, { sql: string; params: readonly unknown[] }[]> = {};
for (const [name, url] of Object.entries(endpoints)) {
  capture = [];
  const res = await app.inject({ method: 'GET', url, headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  statements[name] = capture;
  capture = null;
}

const baseline = Fastify({ logger: false });
baseline.get('/constant', async () => ({ status: 'ok' }));
baseline.get<{ Params: { name: string } }>('/sql/:name', async (req) => {
  let rows: unknown[] = [];
  for (const s of statements[req.params.name] ?? []) rows = await handle.raw(s.sql, s.params);
  return rows;
});

await app.listen({ port: 0, host: '127.0.0.1' });
await baseline.listen({ port: 0, host: '127.0.0.1' });
const port = (f: typeof app) => (f.server.address() as { port: number }).port;
const people = await handle.db
  .selectFrom('person')
  .select(handle.db.fn.countAll<number>().as('n'))
  .executeTakeFirstOrThrow();
console.log(
  JSON.stringify({
    varde: port(app),
    baseline: port(baseline),
    cookie,
    endpoints,
    statements: Object.fromEntries(Object.entries(statements).map(([k, v]) => [k, v.length])),
    database: handle.kind,
    scale,
    people: Number(people.n),
    seedSeconds,
  }),
);

const stop = async () => {
  await app.close();
  await baseline.close();
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
