import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.ts';
import { dialects } from '../support/db.ts';
import { buildPerson } from '../support/world.ts';

describe.each(dialects())('sentence queue on %s', (dialect) => {
  let t: TestApp;
  let worker: Session;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    worker = await login(t.app, 'case_worker');
  });
  afterAll(() => t.close());

  const queue = (query = '') =>
    t.app.inject({ method: 'GET', url: `/api/v1/queue${query}`, headers: { cookie: worker.cookie } });
  const post = (url: string, payload: object, lang = 'nb') =>
    t.app.inject({ method: 'POST', url, headers: { ...worker.headers, 'accept-language': lang }, payload });
  const version = async (sentenceId: string) =>
    (
      await t.db
        .selectFrom('sentence')
        .select('version')
        .where('id', '=', sentenceId)
        .executeTakeFirstOrThrow()
    ).version;

  it('lists under-18s first, then under-23s, then the oldest order, with days waiting', async () => {
    await buildPerson(t.db, {
      givenName: 'Voksen',
      familyName: 'Eldst',
      birthDate: '1970-01-01',
      orderDate: '2025-01-10',
      facilityId: t.world.prisonA,
    });
    await buildPerson(t.db, {
      givenName: 'Ung',
      familyName: 'Voksen',
      birthDate: '2005-03-01',
      orderDate: '2026-10-01',
      facilityId: t.world.prisonA,
    });
    await buildPerson(t.db, {
      givenName: 'Mindre',
      familyName: 'Årig',
      birthDate: '2009-12-01',
      orderDate: '2026-11-01',
      facilityId: t.world.prisonA,
    });
    await buildPerson(t.db, {
      givenName: 'Annen',
      familyName: 'Enhet',
      birthDate: '1980-01-01',
      orderDate: '2024-01-01',
      facilityId: t.world.prisonB,
    });
    const res = await queue();
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      person: { familyName: string };
      ageGroup: string;
      daysWaiting: number;
      summonsSentOn: string | null;
    }[];
    expect(items.map((i) => i.person.familyName)).toEqual(['Årig', 'Voksen', 'Eldst']);
    expect(items.map((i) => i.ageGroup)).toEqual(['under18', 'under23', 'adult']);
    expect(items[2]?.daysWaiting).toBe(682);
    expect(items.every((i) => i.summonsSentOn === null)).toBe(true);
    const adults = await queue('?ageGroup=adult');
    expect(adults.json().items).toHaveLength(1);
  });

  it('refuses a summons with less than 3 weeks notice, naming the field and the earliest date', async () => {
    const p = await buildPerson(t.db, {
      givenName: 'Ola',
      familyName: 'Innkalt',
      facilityId: t.world.prisonA,
    });
    const res = await post(
      `/api/v1/sentences/${p.sentenceId}/summons`,
      { version: 1, facilityId: t.world.prisonA, appearanceDate: '2026-12-13' },
      'en',
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      {
        path: 'appearanceDate',
        code: 'summons_notice_too_short',
        message: 'The appearance date must be at least 3 weeks after the summons (2026-12-14 or later).',
      },
    ]);
    expect(await version(p.sentenceId)).toBe(1);
    const ok = await post(`/api/v1/sentences/${p.sentenceId}/summons`, {
      version: 1,
      facilityId: t.world.prisonA,
      appearanceDate: '2026-12-14',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'summoned',
      summonsSentOn: '2026-11-23',
      appearanceDate: '2026-12-14',
      appearanceFacility: { id: t.world.prisonA },
      version: 2,
    });
    const events = await t.db
      .selectFrom('sentence_event')
      .select('status')
      .where('sentence_id', '=', p.sentenceId)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.status)).toEqual(['queued', 'summoned']);
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const p = await buildPerson(t.db, {
      givenName: 'Per',
      familyName: 'Samtidig',
      facilityId: t.world.prisonA,
    });
    const first = await post(`/api/v1/sentences/${p.sentenceId}/postponements`, {
      version: 1,
      reason: 'illness',
      until: '2027-02-01',
    });
    expect(first.statusCode).toBe(200);
    const second = await post(`/api/v1/sentences/${p.sentenceId}/summons`, {
      version: 1,
      facilityId: t.world.prisonA,
      appearanceDate: '2027-03-01',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('stale_version');
    const row = await t.db
      .selectFrom('sentence')
      .selectAll()
      .where('id', '=', p.sentenceId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'postponed',
      postponed_until: '2027-02-01',
      postponement_reason: 'illness',
      appearance_date: null,
      version: 2,
    });
  });

  it('validates a postponement body field by field', async () => {
    const p = await buildPerson(t.db, {
      givenName: 'Utsatt',
      familyName: 'Feil',
      facilityId: t.world.prisonA,
    });
    const res = await post(
      `/api/v1/sentences/${p.sentenceId}/postponements`,
      { version: 1, reason: 'holiday', until: '2026-02-30' },
      'en',
    );
    expect(res.statusCode).toBe(422);
    const paths = res
      .json()
      .errors.map((e: { path: string }) => e.path)
      .sort();
    expect(paths).toEqual(['reason', 'until']);
    const past = await post(`/api/v1/sentences/${p.sentenceId}/postponements`, {
      version: 1,
      reason: 'other',
      until: '2026-11-01',
    });
    expect(past.json().errors[0]).toMatchObject({ path: 'until', code: 'postponement_in_past' });
  });

  it('admits to a free bed, and refuses a bed that is taken', async () => {
    const a = await buildPerson(t.db, { givenName: 'Inn', familyName: 'Satt', facilityId: t.world.prisonA });
    const b = await buildPerson(t.db, { givenName: 'Også', familyName: 'Inn', facilityId: t.world.prisonA });
    const bed = t.world.bedsA[1] as string;
    const ok = await post(`/api/v1/sentences/${a.sentenceId}/admission`, { version: 1, bedId: bed });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().placement).toMatchObject({
      kind: 'cell',
      bed: { id: bed },
      facility: { id: t.world.prisonA },
      since: '2026-11-23',
    });
    const taken = await post(`/api/v1/sentences/${b.sentenceId}/admission`, { version: 1, bedId: bed });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('bed_taken');
    const again = await post(`/api/v1/sentences/${a.sentenceId}/admission`, {
      version: 2,
      bedId: t.world.bedsA[2],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('not_in_queue');
  });

  it('refuses to admit into a facility outside the caller scope', async () => {
    const p = await buildPerson(t.db, {
      givenName: 'Feil',
      familyName: 'Fengsel',
      facilityId: t.world.prisonA,
    });
    const res = await post(`/api/v1/sentences/${p.sentenceId}/admission`, {
      version: 1,
      bedId: t.world.bedsB[0],
    });
    expect(res.statusCode).toBe(403);
    const placed = await t.db
      .selectFrom('placement')
      .select('id')
      .where('person_id', '=', p.personId)
      .execute();
    expect(placed).toHaveLength(0);
  });
});
