// `npm run import -- <folder> [--schema-version 1.2] [--sender POLITIET]`: receives every *.json
// and *.jws file in the folder, in name order, through the same service as the HTTP inbox (a
// .jws is verified against the configured JWKS; a .json is trusted as the operator's own), prints
// one line per file with its receipt status, and exits 1 if any message was not received (MOTTATT).
// Uses the configured database (DATABASE_URL, else the embedded PGlite in DATA_DIR). PGlite
// allows one process at a time: stop `npm start` first, or send the messages to the running
// server's inbox instead.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createServices } from '../src/server/app.ts';
import { prepareDatabase } from '../src/server/bootstrap.ts';
import { ConfigError, loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { ESAS_INBOX } from '../src/server/modules/integration/system-principal.ts';
import { systemClock } from '../src/server/shared/clock.ts';
import { redactIdentityNumbers } from '../src/server/shared/redact.ts';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'schema-version': { type: 'string' },
      sender: { type: 'string' },
    },
  });
  const folder = positionals[0];
  if (!folder || positionals.length > 1) {
    console.error('Usage: npm run import -- <folder> [--schema-version 1.2] [--sender POLITIET]');
    return 2;
  }
  const dir = resolve(folder);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`Not a folder: ${dir}`);
    return 2;
  }
  const files = readdirSync(dir)
    .filter((name) => ['.json', '.jws'].includes(extname(name).toLowerCase()))
    .sort();
  if (files.length === 0) {
    console.log(`No *.json or *.jws files in ${dir}.`);
    return 0;
  }

  const config = loadConfig();
  const handle = await openDatabase({ url: config.databaseUrl, dataDir: resolve(config.dataDir, 'pglite') });
  try {
    // As at start: a fresh database gets its schema (and the demo service, when DEMO_DATA is on).
    await prepareDatabase(handle.db, {
      demoData: config.demoData,
      demoPassword: config.demoPassword,
      today: systemClock.today(),
    });
    const { integration } = createServices(handle.db, systemClock, config, (error) =>
      console.error(redactIdentityNumbers(String((error as Error)?.stack ?? error))),
    );
    const width = Math.max(...files.map((f) => f.length));
    let failed = 0;
    for (const name of files) {
      const raw = readFileSync(join(dir, name), 'utf8');
      const { receipt, duplicate } = await integration.receive(ESAS_INBOX, {
        raw,
        transport: extname(name).toLowerCase() === '.jws' ? 'jws' : 'json',
        channel: 'folder',
        envelope: { schemaVersion: values['schema-version'], senderOrganization: values.sender },
      });
      if (receipt.status !== 'MOTTATT') failed++;
      const parts = [name.padEnd(width), receipt.status];
      if (duplicate) parts.push('(mottatt før / received before)');
      if (receipt.beskrivelse) parts.push(`– ${receipt.beskrivelse}`);
      console.log(parts.join('  '));
    }
    console.log(`${files.length - failed} of ${files.length} received.`);
    return failed > 0 ? 1 : 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      error instanceof ConfigError
        ? error.message
        : redactIdentityNumbers(String((error as Error)?.stack ?? error)),
    );
    process.exit(1);
  },
);
