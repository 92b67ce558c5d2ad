import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.ts';
import { dialects } from '../support/db.ts';
import { buildPerson } from '../support/world.ts';

describe.each(dialects())('people on %s', (dialect) => {
  let t: TestApp;
  let national: Session;
  let odegard: Awaited<ReturnType<typeof buildPerson>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    odegard = await buildPerson(t.db, {
      givenName: 'Åsmund',
      familyName: 'Ødegård',
      facilityId: t.world.prisonA,
      status: 'admitted',
      bedId: t.world.bedsA[0],
    });
    await buildPerson(t.db, { givenName: 'René', familyName: 'Kjærstad-Løvås', facilityId: t.world.prisonA });
    await buildPerson(t.db, { givenName: 'Kari', familyName: 'Nordmann', facilityId: t.world.prisonB });
    national = await login(t.app, 'national_manager');
  });
  afterAll(() => t.close());

  const search = (s: Session, q: string, lang = 'nb') =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/people?q=${encodeURIComponent(q)}`,
      headers: { cookie: s.cookie, 'accept-language': lang },
    });

  it('finds a name typed without æøå and with a typo', async () => {
    for (const q of ['Asmund Odegard', 'ødegård', 'odegaard', 'Åsmun Ødegard']) {
      const res = await search(national, q);
      expect(res.statusCode, q).toBe(200);
      expect(res.json().items[0]?.familyName, q).toBe('Ødegård');
    }
    const rene = await search(national, 'rene kjaerstad lovas');
    expect(rene.json().items[0]?.givenName).toBe('René');
  });

  it('finds by identity number and by case number, and masks the number in the list', async () => {
    const byId = await search(national, odegard.nationalId);
    expect(byId.json().items).toHaveLength(1);
    expect(byId.json().items[0].matchedBy).toBe('national_id');
    expect(byId.json().items[0].nationalIdMasked).toBe(`${odegard.nationalId.slice(0, 6)}*****`);
    expect(byId.body).not.toContain(odegard.nationalId);
    const byCase = await search(national, odegard.caseNumber.toLowerCase());
    expect(byCase.json().items[0].id).toBe(odegard.personId);
    expect(byCase.json().items[0].matchedBy).toBe('case_number');
  });

  it('refuses an invalid identity number with a message that says why, in the asked language', async () => {
    const bad = `${odegard.nationalId.slice(0, 10)}${(Number(odegard.nationalId[10]) + 1) % 10}`;
    const nb = await search(national, bad);
    expect(nb.statusCode).toBe(422);
    expect(nb.json().errors[0]).toMatchObject({ path: 'q', code: 'nin_check_digit_2' });
    expect(nb.json().errors[0].message).toBe('Andre kontrollsiffer (siffer 11) stemmer ikke.');
    const en = await search(national, '1234567890', 'en');
    expect(en.json().errors[0].message).toBe('An identity number must have 11 digits.');
  });

  it('paginates results', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/people?q=a&pageSize=1',
      headers: { cookie: national.cookie },
    });
    expect(res.statusCode).toBe(422);
    const page = await t.app.inject({
      method: 'GET',
      url: '/api/v1/people?q=nordmann&page=1&pageSize=1',
      headers: { cookie: national.cookie },
    });
    expect(page.json()).toMatchObject({ page: 1, pageSize: 1, total: 1 });
  });

  it('opens a person with placement, judgments, sentences and history, and audits the read with its purpose', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/people/${odegard.personId}`,
      headers: { cookie: national.cookie, 'x-purpose': 'planlegging' },
    });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.nationalId).toBe(odegard.nationalId);
    expect(p.placement).toMatchObject({
      kind: 'cell',
      facility: { name: 'Testby fengsel' },
      department: { name: 'Avdeling A' },
      cell: { number: '101' },
      bed: { label: 'A' },
    });
    expect(p.judgments[0].sentences[0].statusHistory.map((h: { status: string }) => h.status)).toEqual([
      'queued',
      'admitted',
    ]);
    const audit = await t.db
      .selectFrom('audit_event')
      .selectAll()
      .where('person_id', '=', odegard.personId)
      .where('action', '=', 'person.read')
      .execute();
    expect(audit.at(-1)).toMatchObject({
      username: 'national_manager',
      role: 'national_manager',
      purpose: 'planlegging',
    });
  });

  it('shows who has looked at the record to those allowed, and not to others', async () => {
    const worker = await login(t.app, 'case_worker');
    await t.app.inject({
      method: 'GET',
      url: `/api/v1/people/${odegard.personId}`,
      headers: { cookie: worker.cookie },
    });
    const trail = await t.app.inject({
      method: 'GET',
      url: `/api/v1/people/${odegard.personId}/audit`,
      headers: { cookie: worker.cookie },
    });
    expect(trail.statusCode).toBe(200);
    expect(trail.json().items.map((i: { user: string }) => i.user)).toContain('national_manager');
    const officer = await login(t.app, 'officer');
    const denied = await t.app.inject({
      method: 'GET',
      url: `/api/v1/people/${odegard.personId}/audit`,
      headers: { cookie: officer.cookie },
    });
    expect(denied.statusCode).toBe(403);
  });

  it('keeps the audit log append-only in the database itself', async () => {
    await expect(t.db.deleteFrom('audit_event').execute()).rejects.toThrow(/append-only/);
    await expect(t.db.updateTable('audit_event').set({ purpose: 'x' }).execute()).rejects.toThrow(
      /append-only/,
    );
  });

  it('limits search and reads to the caller scope', async () => {
    const workerB = await login(t.app, 'case_worker_b');
    const found = await search(workerB, 'Ødegård');
    expect(found.json().items).toHaveLength(0);
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/people/${odegard.personId}`,
      headers: { cookie: workerB.cookie },
    });
    expect(read.statusCode).toBe(403);
    expect(read.json().code).toBe('out_of_scope');
    const kari = await search(workerB, 'Kari Nordmann');
    expect(kari.json().items).toHaveLength(1);
  });

  it('registers a person with a valid identity number, refuses a bad one and a duplicate', async () => {
    const worker = await login(t.app, 'case_worker');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: worker.headers,
      payload: { nationalId: '31129912345', givenName: 'Ny', familyName: 'Person' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe('nationalId');
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: { ...worker.headers, 'accept-language': 'en' },
      payload: { nationalId: '', givenName: 'Ny' },
    });
    expect(missing.statusCode).toBe(422);
    expect(
      missing
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['familyName', 'nationalId']);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: worker.headers,
      payload: { nationalId: '17859012310', givenName: 'Ny', familyName: 'Person' },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ birthDate: '1990-05-17', nationalIdKind: 'synthetic' });
    const again = await t.app.inject({
      method: 'GET',
      url: `/api/v1/people/${ok.json().id}`,
      headers: { cookie: worker.cookie },
    });
    expect(again.statusCode).toBe(200);
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: worker.headers,
      payload: { nationalId: '17859012310', givenName: 'Ny', familyName: 'Person' },
    });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().errors[0].code).toBe('nin_exists');
  });
});
