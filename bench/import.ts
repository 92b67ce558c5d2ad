// `node bench/import.ts [--count N]`: execution orders received through the same service as the
// inbox (schema validation, JWS verification for the signed half, person/judgment/queue/receipt in
// one transaction, key dates recalculated), into the demo service at Norway's scale; and in the
// same run the baseline of parsing and schema-validating the same messages alone.
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { createServices } from '../src/server/app.ts';
import { prepareDatabase } from '../src/server/bootstrap.ts';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { makeNationalId } from '../src/server/domain/identity-number.ts';
import { contracts } from '../src/server/modules/integration/contracts.ts';
import { ESAS_INBOX } from '../src/server/modules/integration/system-principal.ts';
import { systemClock } from '../src/server/shared/clock.ts';
import { orderMessage, testSigner } from '../test/support/esas.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '400' } } });
const count = Number(values.count);
const today = systemClock.today();

const signer = await testSigner('bench-1');
const messages: { raw: string; signed: boolean }[] = [];
for (let i = 0; i < count; i++) {
  const birth = `19${70 + (i % 25)}-0${1 + (i % 9)}-1${i % 10}`;
  let id: string | null = null;
  for (let k = 0; !id; k++) id = makeNationalId(birth, (i * 7 + k) % 500, 'synthetic');
  const order = orderMessage({
    nationalId: id,
    birthDate: birth,
    familyName: `Benk${i}`,
    caseNumber: `26-${String(500000 + i).padStart(6, '0')}MED-OTIR/01`,
  });
  const json = JSON.stringify(order);
  const signed = i % 2 === 1;
  messages.push({ raw: signed ? await signer.sign(json) : json, signed });
}

const handle = await openDatabase({ url: process.env.BENCH_DATABASE_URL });
await prepareDatabase(handle.db, { demoData: true, demoPassword: 'bench-password', today });
const config = loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'false', ESAS_JWKS_PATH: signer.jwksPath });
const { integration } = createServices(handle.db, systemClock, config);

// Baseline: parse and validate against the contract, nothing else.
const validate = contracts().order['1.2'];
const plain = messages.map((m) => (m.signed ? null : m.raw)).filter((m): m is string => m !== null);
let t0 = performance.now();
let valid = 0;
for (let round = 0; round < 20; round++) for (const raw of plain) if (validate(JSON.parse(raw))) valid++;
const baselineRate = (plain.length * 20) / ((performance.now() - t0) / 1000);

t0 = performance.now();
const statuses = new Map<string, number>();
for (const m of messages) {
  const r = await integration.receive(ESAS_INBOX, { raw: m.raw, transport: 'auto', channel: 'folder' });
  statuses.set(r.receipt.status, (statuses.get(r.receipt.status) ?? 0) + 1);
}
const seconds = (performance.now() - t0) / 1000;
await handle.close();

console.log(
  `\nMessage import (${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.versions.node}, ${handle.kind})\n`,
);
console.log(
  '| messages | half signed (JWS) | seconds | messages/s imported | messages/s parse + validate only | import ÷ validate (time) | receipts |',
);
console.log('|---:|---|---:|---:|---:|---:|---|');
console.log(
  `| ${count} | yes | ${seconds.toFixed(1)} | ${(count / seconds).toFixed(0)} | ${baselineRate.toFixed(0)} | ${(baselineRate / (count / seconds)).toFixed(0)} | ${[...statuses].map(([s, n]) => `${s} ${n}`).join(', ')} |`,
);
if (valid === 0) process.exitCode = 1;
