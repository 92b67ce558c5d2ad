// `npm run bench [-- --scale N --seconds S --connections C --recalc-scales 1,30 --engine-count N --import-count N --visit-bookings N --tracing-scales 1,30 --crisis-scales 1,30 --leave-runs N --plan-runs N --incident-scales 1,30 --caseload-scales 1,30]`: measures Varde's person search,
// person page and dashboard under load, and in the same run two baselines: the same SQL through
// the bare driver, and a bare Fastify route returning a constant. Prints a markdown table.
import { spawn, spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    'recalc-scales': { type: 'string', default: '1,30' },
    'engine-count': { type: 'string', default: '1000000' },
    'import-count': { type: 'string', default: '400' },
    'caseload-scales': { type: 'string', default: '1,30' },
    'visit-bookings': { type: 'string', default: '400' },
    'tracing-scales': { type: 'string', default: '1,30' },
    'crisis-scales': { type: 'string', default: '1,30' },
    'leave-runs': { type: 'string', default: '200' },
    'plan-runs': { type: 'string', default: '200' },
    'incident-scales': { type: 'string', default: '1,30' },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);

const server = spawn(process.execPath, ['bench/server.ts'], {
  env: { ...process.env, BENCH_SCALE: values.scale },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const info = await new Promise<{
  varde: number;
  baseline: number;
  cookie: string;
  endpoints: Record<string, string>;
  statements: Record<string, number>;
  database: string;
  scale: number;
  people: number;
  seedSeconds: number;
}>((resolve, reject) => {
  const lines = createInterface({ input: server.stdout });
  lines.on('line', (line) => {
    if (line.startsWith('{')) resolve(JSON.parse(line));
  });
  server.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
});

interface Result {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

async function measure(url: string, headers: Record<string, string> = {}): Promise<Result> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, headers }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  return {
    rps: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.non2xx,
  };
}

const varde = `http://127.0.0.1:${info.varde}`;
const bare = `http://127.0.0.1:${info.baseline}`;
console.error(
  `Seeded ${info.people} people (scale ${info.scale}, ${info.database}) in ${info.seedSeconds.toFixed(1)} s; measuring ${seconds} s per row at ${connections} connections…`,
);

const constant = await measure(`${bare}/constant`);
const rows: string[] = [];
const fmt = (n: number) => n.toFixed(1);
for (const [name, path] of Object.entries(info.endpoints)) {
  const app = await measure(varde + path, { cookie: info.cookie });
  const sql = await measure(`${bare}/sql/${name}`);
  rows.push(
    `| ${name} | ${fmt(app.rps)} | ${fmt(app.p50)} | ${fmt(app.p95)} | ${fmt(app.p99)} | ${fmt(sql.rps)} | ${fmt(sql.p50)} | ${(sql.rps / app.rps).toFixed(2)} | ${(constant.rps / app.rps).toFixed(1)} | ${app.errors + sql.errors} | ${info.statements[name]} |`,
  );
}
server.kill('SIGTERM');

console.log(
  `\nVarde benchmark: scale ${info.scale} (${info.people} people), ${info.database}, ${connections} connections, ${seconds} s per row`,
);
console.log(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`,
);
console.log(
  '| endpoint | Varde req/s | p50 ms | p95 ms | p99 ms | bare SQL req/s | bare SQL p50 ms | bare SQL ÷ Varde (req/s) | constant ÷ Varde (req/s) | errors | SQL statements |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
console.log(
  `| constant route (baseline) | ${fmt(constant.rps)} | ${fmt(constant.p50)} | ${fmt(constant.p95)} | ${fmt(constant.p99)} | | | | 1.0 | ${constant.errors} | 0 |`,
);

// The sentence engine alone, and the bulk recalculation through the database, each with its own
// baseline in the same run.
console.log('\n## Key dates engine\n');
spawnSync(process.execPath, ['bench/engine.ts', '--count', values['engine-count']], { stdio: 'inherit' });
console.log('\n## Bulk recalculation\n');
spawnSync(process.execPath, ['bench/recalc.ts', '--scales', values['recalc-scales']], { stdio: 'inherit' });
console.log('\n## Message import\n');
spawnSync(process.execPath, ['bench/import.ts', '--count', values['import-count']], { stdio: 'inherit' });
console.log('\n## Visit booking\n');
spawnSync(process.execPath, ['bench/visits.ts', '--bookings', values['visit-bookings']], {
  stdio: 'inherit',
});
console.log('\n## Contact tracing\n');
spawnSync(process.execPath, ['bench/tracing.ts', '--scales', values['tracing-scales']], { stdio: 'inherit' });
console.log('\n## National crisis picture\n');
spawnSync(process.execPath, ['bench/crisis.ts', '--scales', values['crisis-scales']], { stdio: 'inherit' });
console.log('\n## Leave assessment\n');
spawnSync(process.execPath, ['bench/leave.ts', '--runs', values['leave-runs']], { stdio: 'inherit' });
console.log('\n## Plan and progression path\n');
spawnSync(process.execPath, ['bench/plans.ts', '--runs', values['plan-runs']], { stdio: 'inherit' });
console.log('\n## Incident statistics\n');
spawnSync(process.execPath, ['bench/incidents.ts', '--scales', values['incident-scales']], {
  stdio: 'inherit',
});
console.log('\n## Caseload and return within two years\n');
spawnSync(process.execPath, ['bench/caseload.ts', '--scales', values['caseload-scales']], {
  stdio: 'inherit',
});
