// `npm start`: builds the UI if it is missing, opens the database (embedded PGlite in ./data
// unless DATABASE_URL is set), migrates, loads the demo service on first start, and serves.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildApp } from '../src/server/app.ts';
import { prepareDatabase } from '../src/server/bootstrap.ts';
import { ConfigError, loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { createCalculationsService } from '../src/server/modules/calculations/calculations.service.ts';
import { DEMO_USERS } from '../src/server/seed/users.ts';
import { systemClock } from '../src/server/shared/clock.ts';

/** The UI is built when it is missing or older than any of its sources (after a pull, say). */
function webBuildIsStale(webRoot: string): boolean {
  const index = resolve(webRoot, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = readdirSync(resolve('src/web'), { recursive: true, withFileTypes: true });
  return sources.some(
    (entry) => entry.isFile() && statSync(join(entry.parentPath, entry.name)).mtimeMs > built,
  );
}

/**
 * Key dates are stored for the eligibility lists; they are recalculated for everyone when the
 * stored ones are from an earlier day (first start, a new day), checked at start and every hour.
 */
function keepKeyDatesCurrent(db: Parameters<typeof createCalculationsService>[0]) {
  const calculations = createCalculationsService(db, systemClock);
  let running = false;
  const check = async () => {
    if (running || !(await calculations.isStale())) return;
    running = true;
    try {
      const r = await calculations.recalculateAll();
      console.log(
        `Key dates recalculated for ${r.persons} people in ${r.seconds.toFixed(1)} s (${r.failed} failed)`,
      );
    } finally {
      running = false;
    }
  };
  check().catch((error) => console.error('Recalculation failed:', error));
  setInterval(
    () => check().catch((error) => console.error('Recalculation failed:', error)),
    3_600_000,
  ).unref();
}

async function main() {
  const config = loadConfig();
  const webRoot = resolve('dist/web');
  if (webBuildIsStale(webRoot)) {
    console.log('Building the web UI…');
    const build = spawnSync(
      process.execPath,
      [resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
      {
        stdio: 'inherit',
      },
    );
    if (build.status !== 0) throw new Error('The web UI build failed');
  }

  const started = Date.now();
  const handle = await openDatabase({ url: config.databaseUrl, dataDir: resolve(config.dataDir, 'pglite') });
  console.log(
    handle.kind === 'pglite'
      ? `Database: embedded PGlite in ${resolve(config.dataDir, 'pglite')}`
      : 'Database: PostgreSQL (DATABASE_URL)',
  );
  const result = await prepareDatabase(handle.db, {
    demoData: config.demoData,
    demoPassword: config.demoPassword,
    today: systemClock.today(),
  });
  if (result.migrations.length > 0) console.log(`Migrations applied: ${result.migrations.join(', ')}`);
  if (result.seeded) {
    const s = result.seeded;
    console.log(
      `Demo service loaded: ${s.facilities} facilities, ${s.beds} beds, ${s.people} people (${s.inmates} inmates, ${s.remand} on remand, ${s.queued} queued, ${s.em} on EM)`,
    );
  }

  const app = await buildApp({ db: handle.db, config, clock: systemClock, webRoot });
  const shutdown = async () => {
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });

  keepKeyDatesCurrent(handle.db);

  const url = `http://localhost:${config.port}`;
  console.log(`\nVarde is running at ${url} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`API documentation: ${url}/api/docs`);
  if (config.demoData) {
    console.log(`\nSign in at ${url} with one of the demo users (password for all: ${config.demoPassword}):`);
    for (const u of DEMO_USERS)
      console.log(`  ${u.username.padEnd(14)} ${u.role.padEnd(18)} ${u.displayName}`);
  }
}

main().catch((error) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
