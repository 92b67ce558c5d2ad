import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lengthInDays } from '../../src/server/domain/durations.ts';
import { publishedExample } from '../../src/server/modules/integration/contracts.ts';
import { ESAS_INBOX_USER_ID } from '../../src/server/modules/integration/system-principal.ts';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.ts';
import { dialects } from '../support/db.ts';
import { orderMessage, type TestSigner, testSigner } from '../support/esas.ts';
import { nationalIdFor, TODAY } from '../support/world.ts';

type Receipt = {
  meldingsId: string;
  meldingsIdRef: string;
  status: string;
  beskrivelse?: string;
  saksRef?: string;
};

// The receipt contract, compiled here from the copied file rather than taken from the app.
const kvittering = new Ajv2020({ strict: true }).compile(
  JSON.parse(
    readFileSync(
      new URL(
        '../../src/server/modules/integration/contracts/felles/kvittering/1.0/Kvittering.schema.json',
        import.meta.url,
      ),
      'utf8',
    ),
  ),
);

const TABLES = [
  'person',
  'judgment',
  'sentence',
  'sentence_event',
  'judgment_reaction',
  'judgment_offence',
  'victim',
  'audit_event',
  'integration_message',
] as const;

describe.each(dialects())('the justice-sector inbox on %s', (dialect) => {
  let t: TestApp;
  let signer: TestSigner;
  let admin: Session;
  const receipts: Receipt[] = [];

  beforeAll(async () => {
    signer = await testSigner();
    t = await buildTestApp(dialect, { env: { ESAS_JWKS_PATH: signer.jwksPath } });
    admin = await login(t.app, 'system_admin');
  });
  afterAll(() => t.close());

  async function counts() {
    const out = {} as Record<(typeof TABLES)[number], number>;
    for (const table of TABLES) {
      const row = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.db);
      out[table] = row.rows[0]?.n ?? 0;
    }
    return out;
  }

  /** A manual import as the system administrator. */
  async function importByHand(message: string | object, extra: Record<string, string> = {}) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/integration/messages',
      headers: admin.headers,
      payload: { message, schemaVersion: '1.2', ...extra },
    });
    expect([200, 201], res.body).toContain(res.statusCode);
    const body = res.json() as { receipt: Receipt; duplicate: boolean; message: Record<string, unknown> };
    receipts.push(body.receipt);
    return { status: res.statusCode, ...body };
  }

  /** The machine inbox: a compact JWS, no session. */
  async function inbox(jws: string, headers: Record<string, string> = {}) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/integration/inbox',
      headers: {
        'content-type': 'application/jose',
        schemaname: 'FULLBYRDELSESORDRE',
        schemaversion: '1.2',
        senderorganization: 'POLITIET',
        ...headers,
      },
      payload: jws,
    });
    const receipt = res.json() as Receipt;
    receipts.push(receipt);
    return { status: res.statusCode, receipt };
  }

  /** A refused message: the receipt names the field, and only the message row is written. */
  async function expectRefused(message: string | object, field: string, extra: Record<string, string> = {}) {
    const before = await counts();
    const result = await importByHand(message, extra);
    expect(result.receipt.status).toBe('FEILET_AVSENDER_TEKNISK');
    expect(result.receipt.beskrivelse).toContain(field);
    expect(result.message.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: field })]));
    const after = await counts();
    expect(after).toEqual({ ...before, integration_message: before.integration_message + 1 });
    return result;
  }

  it('imports the published example: person, judgment, offences, victims and a prison sentence in the queue', async () => {
    const example = publishedExample();
    const before = await counts();
    const result = await importByHand(example);
    expect(result.status).toBe(201);
    expect(result.receipt.status).toBe('MOTTATT');
    expect(result.receipt.meldingsIdRef).toBe('f449FBad-AF5C-C40C-7DE5-BfafD382CDd0');
    expect(kvittering(result.receipt), JSON.stringify(kvittering.errors)).toBe(true);

    const person = await t.db
      .selectFrom('person')
      .selectAll()
      .where('national_id', '=', '07099715094')
      .executeTakeFirstOrThrow();
    expect(person).toMatchObject({
      given_name: 'Ronald',
      family_name: 'Skurkesen',
      search_name: 'ronald skurkesen',
    });
    // The identity number decides the date of birth and gender; the example's own disagree, and that is noted.
    expect(person.birth_date).toBe('1997-09-07');
    const judgment = await t.db
      .selectFrom('judgment')
      .selectAll()
      .where('case_number', '=', '24-113474ENE-TOSL/01')
      .executeTakeFirstOrThrow();
    expect(judgment).toMatchObject({
      person_id: person.id,
      court: 'Buskerud tingrett',
      judgment_date: '1957-11-25',
      offence: 'Heleri',
    });
    expect(result.receipt.saksRef).toBe(judgment.id);

    // 2 years 4 months with 6 months conditional: the unconditional part is queued; the conditional
    // fine and the contact ban with electronic control are kept, not queued.
    const sentences = await t.db
      .selectFrom('sentence')
      .selectAll()
      .where('judgment_id', '=', judgment.id)
      .execute();
    expect(sentences).toHaveLength(1);
    const expectedDays = lengthInDays({ years: 2, months: 4 }, TODAY) - lengthInDays({ months: 6 }, TODAY);
    expect(sentences[0]).toMatchObject({
      kind: 'prison',
      status: 'queued',
      order_date: TODAY,
      term_days: expectedDays,
      responsible_facility_id: t.world.prisonA,
    });
    const events = await t.db
      .selectFrom('sentence_event')
      .selectAll()
      .where('sentence_id', '=', sentences[0]?.id ?? '')
      .execute();
    expect(events.map((e) => [e.status, e.on_date])).toEqual([['queued', TODAY]]);
    const reactions = await t.db
      .selectFrom('judgment_reaction')
      .selectAll()
      .where('judgment_id', '=', judgment.id)
      .orderBy('position')
      .execute();
    expect(reactions.map((r) => [r.kind, r.executed])).toEqual([
      ['prison', true],
      ['fine', false],
      ['contact_ban', false],
    ]);
    expect(reactions[2]?.electronic_control).toBe(true);
    expect(Number(reactions[1]?.amount_nok)).toBe(24000);

    const after = await counts();
    expect(after.person - before.person).toBe(1);
    expect(after.judgment_offence - before.judgment_offence).toBe(1);
    expect(after.victim - before.victim).toBe(1);
    expect(after.integration_message - before.integration_message).toBe(1);

    const notes = (result.message.notes as { code: string }[]).map((n) => n.code);
    expect(notes).toEqual(
      expect.arrayContaining([
        'esas_final_before_judgment',
        'esas_birth_date_differs',
        'esas_facility_by_default',
      ]),
    );

    const audit = await t.db
      .selectFrom('audit_event')
      .selectAll()
      .where('person_id', '=', person.id)
      .where('action', '=', 'integration.import')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.username).toBe('system_admin');

    const national = await login(t.app, 'national_manager');
    const queue = await t.app.inject({
      method: 'GET',
      url: '/api/v1/queue?pageSize=100',
      headers: national.headers,
    });
    expect(queue.body).toContain('24-113474ENE-TOSL/01');
  });

  it('recognises the same message id: the same receipt, nothing imported twice', async () => {
    const message = orderMessage({ nationalId: nationalIdFor('1980-01-01') });
    const first = await importByHand(message);
    expect(first.receipt.status).toBe('MOTTATT');
    const before = await counts();
    const second = await importByHand(message);
    expect(second.status).toBe(200);
    expect(second.duplicate).toBe(true);
    expect(second.receipt).toEqual(first.receipt);
    const after = await counts();
    // Showing the earlier message to the importer is a read, and is audited; nothing else is written.
    expect(after).toEqual({ ...before, audit_event: before.audit_event + 1 });
    const row = await t.db
      .selectFrom('integration_message')
      .select('attempts')
      .where('id', '=', String(first.message.id))
      .executeTakeFirstOrThrow();
    expect(row.attempts).toBe(2);
  });

  it('refuses a schema violation, naming the field', async () => {
    const message = orderMessage({ nationalId: nationalIdFor('1980-01-02') });
    delete (message.fullbyrdelsesordre.avgjoerelse as Partial<typeof message.fullbyrdelsesordre.avgjoerelse>)
      .avsagtDato;
    await expectRefused(message, 'fullbyrdelsesordre.avgjoerelse.avsagtDato');
  });

  it('refuses malformed JSON, and gives the same bad message the same receipt', async () => {
    const first = await expectRefused('{"forsendelse": {"meldingsId": ', '(melding)');
    const again = await importByHand('{"forsendelse": {"meldingsId": ');
    expect(again.duplicate).toBe(true);
    expect(again.receipt).toEqual(first.receipt);
  });

  it('refuses an invalid identity number (check digit), naming the field', async () => {
    const valid = nationalIdFor('1980-01-03');
    const wrong = `${valid.slice(0, 10)}${(Number(valid[10]) + 1) % 10}`;
    const result = await expectRefused(
      orderMessage({ nationalId: wrong }),
      'fullbyrdelsesordre.domfelte.person.identitetsnummer.verdi',
    );
    expect(result.receipt.beskrivelse).toContain('kontrollsiffer');
    expect(result.receipt.beskrivelse).not.toContain(wrong);
  });

  it('refuses a D-number sent as a fødselsnummer', async () => {
    const dnr = `${Number(nationalIdFor('1980-01-04')[0]) + 4}`;
    expect(dnr).toBeTruthy();
    const message = orderMessage({ nationalId: nationalIdFor('1980-01-05') });
    message.fullbyrdelsesordre.domfelte.person.identitetsnummer.idType = 'DNUMMER';
    await expectRefused(message, 'fullbyrdelsesordre.domfelte.person.identitetsnummer.idType');
  });

  it('refuses a judgment dated in the future', async () => {
    await expectRefused(
      orderMessage({
        nationalId: nationalIdFor('1980-01-06'),
        judgmentDate: '2026-12-01',
        finalDate: '2026-11-01',
      }),
      'fullbyrdelsesordre.avgjoerelse.avsagtDato',
    );
  });

  it('refuses an end before its start: a date of birth after the judgment', async () => {
    await expectRefused(
      orderMessage({
        nationalId: nationalIdFor('1980-01-07'),
        birthDate: '2026-10-01',
        judgmentDate: '2026-09-01',
      }),
      'fullbyrdelsesordre.domfelte.person.foedselsdato',
    );
  });

  it('refuses an unknown reaction type', async () => {
    const result = await expectRefused(
      orderMessage({
        nationalId: nationalIdFor('1980-01-08'),
        reactions: { forvaring: { tidsramme: { antallAar: 10 } } },
      }),
      'fullbyrdelsesordre.avgjoerelse.reaksjoner.forvaring',
    );
    expect(result.receipt.beskrivelse).toContain('Ukjent reaksjonstype');
  });

  it('refuses a second order for a case already imported', async () => {
    const first = orderMessage({ nationalId: nationalIdFor('1980-01-09') });
    expect((await importByHand(first)).receipt.status).toBe('MOTTATT');
    const second = orderMessage({
      nationalId: nationalIdFor('1980-01-10'),
      caseNumber: first.fullbyrdelsesordre.avgjoerelse.saksnummer,
    });
    const result = await expectRefused(second, 'fullbyrdelsesordre.avgjoerelse.saksnummer');
    expect(result.receipt.beskrivelse).toContain(first.fullbyrdelsesordre.avgjoerelse.saksnummer);
  });

  it('queues what the correctional service executes, and keeps the rest', async () => {
    const cases: [Record<string, unknown>, string[], string | null][] = [
      [
        { samfunnsstraff: { straff: { antallTimer: 120 }, subsidaerFengselsstraff: { antallDager: 120 } } },
        ['community'],
        'probation',
      ],
      [{ ungdomsstraff: { straff: { antallMaaneder: 6 } } }, ['youth'], 'prisonA'],
      [
        { bot: { beloep: 15000, subsidaerFengselsstraff: { antallDager: 30 } } },
        ['fine_substitute'],
        'prisonA',
      ],
      [
        {
          fengsel: {
            straff: { antallMaaneder: 6 },
            betinget: { antallMaaneder: 6 },
            proevetid: { antallAar: 2 },
          },
        },
        [],
        null,
      ],
      [
        {
          fengsel: { straff: { antallMaaneder: 3 } },
          bot: { beloep: 5000, subsidaerFengselsstraff: { antallDager: 10 } },
        },
        ['prison'],
        'prisonA',
      ],
    ];
    for (const [index, [reactions, kinds, facility]] of cases.entries()) {
      const result = await importByHand(
        orderMessage({
          nationalId: nationalIdFor(`1981-02-${String(index + 1).padStart(2, '0')}`),
          reactions,
        }),
      );
      expect(result.receipt.status, JSON.stringify(result.receipt)).toBe('MOTTATT');
      const sentences = await t.db
        .selectFrom('sentence')
        .select(['kind', 'hours', 'substitute_days', 'responsible_facility_id'])
        .where('judgment_id', '=', result.receipt.saksRef ?? '')
        .execute();
      expect(sentences.map((s) => s.kind)).toEqual(kinds);
      if (facility) {
        const expected = facility === 'probation' ? t.world.probation : t.world.prisonA;
        expect(sentences[0]?.responsible_facility_id).toBe(expected);
      }
      if (kinds[0] === 'community') expect(sentences[0]).toMatchObject({ hours: 120, substitute_days: 120 });
      if (kinds[0] === 'fine_substitute') expect(sentences[0]?.substitute_days).toBe(30);
    }
  });

  it('chooses the responsible facility by the post town, then the court, then the default', async () => {
    const bergen = await importByHand(
      orderMessage({ nationalId: nationalIdFor('1982-03-01'), postTown: 'Bergen' }),
    );
    const byCourt = await importByHand(
      orderMessage({ nationalId: nationalIdFor('1982-03-02'), postTown: 'Tromsø', court: 'Bergen tingrett' }),
    );
    for (const result of [bergen, byCourt]) {
      const s = await t.db
        .selectFrom('sentence')
        .select('responsible_facility_id')
        .where('judgment_id', '=', result.receipt.saksRef ?? '')
        .executeTakeFirstOrThrow();
      expect(s.responsible_facility_id).toBe(t.world.prisonB);
    }
  });

  it('accepts a JWS signed with a key in the configured JWKS, acting as the system user', async () => {
    const message = orderMessage({ nationalId: nationalIdFor('1983-04-01') });
    const { status, receipt } = await inbox(await signer.sign(message));
    expect(status).toBe(200);
    expect(receipt.status).toBe('MOTTATT');
    expect(kvittering(receipt)).toBe(true);
    const row = await t.db
      .selectFrom('integration_message')
      .selectAll()
      .where('message_id', '=', message.forsendelse.meldingsId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      channel: 'inbox',
      transport: 'jws',
      key_id: signer.kid,
      sender_organization: 'POLITIET',
      sender_name: 'Oslo politidistrikt',
      contract_version: '1.2',
      received_by: ESAS_INBOX_USER_ID,
    });
    const audit = await t.db
      .selectFrom('audit_event')
      .selectAll()
      .where('person_id', '=', row.person_id)
      .where('action', '=', 'integration.import')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ username: 'esas-inbox', role: 'system', user_id: ESAS_INBOX_USER_ID });
    const event = await t.db
      .selectFrom('sentence_event as e')
      .innerJoin('sentence as s', 's.id', 'e.sentence_id')
      .select('e.user_id')
      .where('s.person_id', '=', row.person_id)
      .executeTakeFirstOrThrow();
    expect(event.user_id).toBe(ESAS_INBOX_USER_ID);
  });

  it('refuses a JWS with an unknown kid or a tampered payload, and a forgery cannot block the real message', async () => {
    const message = orderMessage({ nationalId: nationalIdFor('1983-04-02') });
    const before = await counts();

    const unknown = await inbox(await signer.sign(message, 'ukjent-1'));
    expect(unknown.status).toBe(422);
    expect(unknown.receipt.status).toBe('FEILET_AVSENDER_TEKNISK');
    expect(unknown.receipt.beskrivelse).toContain('JWS.kid');
    expect(unknown.receipt.meldingsIdRef).toBe(message.forsendelse.meldingsId);

    const genuine = await signer.sign(message);
    const [header, , signature] = genuine.split('.');
    const forged = { ...message, beskrivelse: 'Endret underveis' };
    const tampered = `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
    const bad = await inbox(tampered);
    expect(bad.status).toBe(422);
    expect(bad.receipt.beskrivelse).toContain('Signaturen');

    const after = await counts();
    expect(after).toEqual({ ...before, integration_message: before.integration_message + 2 });

    const real = await inbox(genuine);
    expect(real.receipt.status).toBe('MOTTATT');
  });

  it('answers HTTP problems (no JWS at all) with problem+json, not a receipt', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/integration/inbox',
      headers: { 'content-type': 'application/json' },
      payload: { hello: 'world' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('accepts the previous version 1.1, refuses what 1.1 did not have, and refuses 0.9', async () => {
    const v11 = orderMessage({ nationalId: nationalIdFor('1984-05-01') });
    expect((await inbox(await signer.sign(v11), { schemaversion: '1.1' })).receipt.status).toBe('MOTTATT');

    const driving = {
      fengsel: { straff: { antallMaaneder: 2 } },
      rettighetstapMotorvogn: [
        { hjemmel: { lovbudStreng: 'Vegtrafikkloven § 33' }, varighet: { lengde: { antallAar: 2 } } },
      ],
    };
    const newIn12 = orderMessage({ nationalId: nationalIdFor('1984-05-02'), reactions: driving });
    const refused = await inbox(await signer.sign(newIn12), { schemaversion: '1.1' });
    expect(refused.receipt.status).toBe('FEILET_AVSENDER_TEKNISK');
    expect(refused.receipt.beskrivelse).toContain(
      'fullbyrdelsesordre.avgjoerelse.reaksjoner.rettighetstapMotorvogn',
    );
    const accepted = await inbox(
      await signer.sign(orderMessage({ nationalId: nationalIdFor('1984-05-03'), reactions: driving })),
    );
    expect(accepted.receipt.status).toBe('MOTTATT');

    const v09 = await inbox(await signer.sign(orderMessage({ nationalId: nationalIdFor('1984-05-04') })), {
      schemaversion: '0.9',
    });
    expect(v09.status).toBe(422);
    expect(v09.receipt.status).toBe('FEILET_AVSENDER_TEKNISK');
    expect(v09.receipt.beskrivelse).toContain('SchemaVersion');
    expect(v09.receipt.beskrivelse).toContain('1.2, 1.1');

    const otherType = await inbox(
      await signer.sign(orderMessage({ nationalId: nationalIdFor('1984-05-05') })),
      {
        schemaname: 'BEGJAERING_VARETEKT',
      },
    );
    expect(otherType.receipt.beskrivelse).toContain('SchemaName');
  });

  it('answers a copy that arrives while the first is processed with UNDER_MOTTAK, and imports once', async () => {
    const message = orderMessage({ nationalId: nationalIdFor('1985-06-01') });
    const jws = await signer.sign(message);
    const results = await Promise.all([inbox(jws), inbox(jws)]);
    const statuses = results.map((r) => r.receipt.status).sort();
    expect(statuses[0]).toBe('MOTTATT');
    expect(['MOTTATT', 'UNDER_MOTTAK']).toContain(statuses[1]);
    const judgments = await t.db
      .selectFrom('judgment')
      .select('id')
      .where('case_number', '=', message.fullbyrdelsesordre.avgjoerelse.saksnummer)
      .execute();
    expect(judgments).toHaveLength(1);
  });

  it('answers UNDER_MOTTAK while a copy is in progress, and takes over one left behind by a stopped process', async () => {
    const message = orderMessage({ nationalId: nationalIdFor('1985-06-02') });
    const jws = await signer.sign(message);
    // The state a process leaves when it stops between claiming a message and finishing it.
    const row = {
      id: crypto.randomUUID(),
      message_key: `id:${message.forsendelse.meldingsId.toLowerCase()}`,
      message_id: message.forsendelse.meldingsId,
      contract_name: 'FULLBYRDELSESORDRE',
      contract_version: '1.2',
      channel: 'inbox' as const,
      transport: 'jws' as const,
      received_by: ESAS_INBOX_USER_ID,
      status: 'UNDER_MOTTAK' as const,
      receipt: JSON.stringify({
        meldingsId: crypto.randomUUID(),
        meldingsIdRef: message.forsendelse.meldingsId,
        status: 'UNDER_MOTTAK',
      }),
      payload: jws,
      payload_sha256: 'x',
      received_at: new Date(),
    };
    await t.db.insertInto('integration_message').values(row).execute();
    const busy = await inbox(jws);
    expect(busy.status).toBe(202);
    expect(busy.receipt.status).toBe('UNDER_MOTTAK');
    expect(busy.receipt.meldingsIdRef).toBe(message.forsendelse.meldingsId);

    await t.db
      .updateTable('integration_message')
      // The test clock stands at 10:00 on TODAY: an hour before is long abandoned.
      .set({ received_at: `${TODAY}T09:00:00Z` })
      .where('id', '=', row.id)
      .execute();
    const taken = await inbox(jws);
    expect(taken.receipt.status).toBe('MOTTATT');
    const after = await t.db
      .selectFrom('integration_message')
      .select(['status', 'attempts'])
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'MOTTATT', attempts: 3 });
  });

  it('answers our own fault with FEILET_MOTTAKER, and processes the same message again later', async () => {
    await t.db
      .updateTable('facility')
      .set({ valid_to: '2026-01-01' })
      .where('id', '=', t.world.probation)
      .execute();
    const message = orderMessage({
      nationalId: nationalIdFor('1986-07-01'),
      reactions: { samfunnsstraff: { straff: { antallTimer: 60 } } },
    });
    const jws = await signer.sign(message);
    const failed = await inbox(jws);
    expect(failed.status).toBe(503);
    expect(failed.receipt.status).toBe('FEILET_MOTTAKER');
    await t.db.updateTable('facility').set({ valid_to: null }).where('id', '=', t.world.probation).execute();
    const again = await inbox(jws);
    expect(again.receipt.status).toBe('MOTTATT');
    expect(again.receipt.meldingsIdRef).toBe(failed.receipt.meldingsIdRef);
  });

  it('lists and shows messages by scope, and audits each read', async () => {
    const inA = await importByHand(
      orderMessage({ nationalId: nationalIdFor('1987-08-01'), familyName: 'Innenfor' }),
    );
    const inB = await importByHand(
      orderMessage({ nationalId: nationalIdFor('1987-08-02'), familyName: 'Utenfor', postTown: 'Bergen' }),
    );
    const worker = await login(t.app, 'case_worker');
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/integration/messages?pageSize=100',
      headers: worker.headers,
    });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Innenfor');
    expect(list.body).not.toContain('Utenfor');
    // Refused messages created no sentence: only national roles see them.
    expect(list.json().items.every((i: { status: string }) => i.status === 'MOTTATT')).toBe(true);

    const own = await t.app.inject({
      method: 'GET',
      url: `/api/v1/integration/messages/${inA.message.id}`,
      headers: worker.headers,
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().payload).toBeNull();
    expect(own.json().reactions[0].sentence.facility.id).toBe(t.world.prisonA);
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/v1/integration/messages/${inB.message.id}`,
      headers: worker.headers,
    });
    expect(other.statusCode).toBe(403);

    const reads = await t.db
      .selectFrom('audit_event')
      .select(['action', 'username'])
      .where('person_id', '=', String((inA.message.person as { id: string }).id))
      .where('action', 'in', ['integration.message.read', 'integration.message.list'])
      .execute();
    expect(reads.map((r) => r.action).sort()).toEqual([
      'integration.message.list',
      'integration.message.read',
    ]);

    const national = await login(t.app, 'national_manager');
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/v1/integration/messages?status=FEILET_AVSENDER_TEKNISK&pageSize=100',
      headers: national.headers,
    });
    expect(refused.json().total).toBeGreaterThan(0);
    expect(
      refused.json().items.every((i: { status: string }) => i.status === 'FEILET_AVSENDER_TEKNISK'),
    ).toBe(true);

    const adminView = await t.app.inject({
      method: 'GET',
      url: `/api/v1/integration/messages/${inB.message.id}`,
      headers: { ...admin.headers, 'accept-language': 'en' },
    });
    expect(adminView.json().payload).toContain('Utenfor');
    expect(
      adminView
        .json()
        .notes.map((n: { message: string }) => n.message)
        .join(' '),
    ).toContain('post town');

    const analyst = await login(t.app, 'analyst');
    const denied = await t.app.inject({
      method: 'GET',
      url: '/api/v1/integration/messages',
      headers: analyst.headers,
    });
    expect(denied.statusCode).toBe(403);
  });

  it('has answered every message with a receipt that the KVITTERING 1.0 contract accepts', () => {
    expect(receipts.length).toBeGreaterThan(20);
    for (const receipt of receipts) expect(kvittering(receipt), JSON.stringify(receipt)).toBe(true);
    const statuses = new Set(receipts.map((r) => r.status));
    for (const s of ['MOTTATT', 'FEILET_AVSENDER_TEKNISK', 'FEILET_MOTTAKER']) expect(statuses).toContain(s);
  });
});
