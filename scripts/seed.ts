// `npm run seed -- --scale N [--seed S] [--data-dir DIR]`: builds a fresh demo database at N times
// Norway's scale (for benchmarks). Uses DATABASE_URL when set; refuses to touch a non-empty one.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { prepareDatabase } from '../src/server/bootstrap.ts';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { systemClock } from '../src/server/shared/clock.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '2020' },
    'data-dir': { type: 'string' },
  },
});
const scale = Number(values.scale);
if (!Number.isInteger(scale) || scale < 1 || scale > 50) {
  console.error('--scale must be a whole number from 1 to 50');
  process.exit(2);
}
const config = loadConfig();
const dataDir = resolve(values['data-dir'] ?? config.dataDir, 'pglite');
if (!config.databaseUrl) rmSync(dataDir, { recursive: true, force: true });
const started = Date.now();
const handle = await openDatabase({ url: config.databaseUrl, dataDir });
const result = await prepareDatabase(handle.db, {
  demoData: true,
  demoPassword: config.demoPassword,
  today: systemClock.today(),
  scale,
  seed: Number(values.seed),
});
await handle.close();
if (!result.seeded) {
  console.error('The database already holds demo data; nothing was changed.');
  process.exit(1);
}
console.log(`Seeded scale ${scale} in ${((Date.now() - started) / 1000).toFixed(1)} s:`, result.seeded);
