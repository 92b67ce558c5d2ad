import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type TestApp } from '../support/app.ts';
import { dialects } from '../support/db.ts';
import { buildPerson } from '../support/world.ts';

describe.each(dialects())('concurrent admissions on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { bedsPerPrison: 2 });
  });
  afterAll(() => t.close());

  it('gives the last free bed to exactly one of 50 parallel admissions; the rest get a clear conflict', async () => {
    const [occupiedBed, lastBed] = t.world.bedsA as [string, string];
    await buildPerson(t.db, {
      givenName: 'Først',
      familyName: 'Inne',
      facilityId: t.world.prisonA,
      status: 'admitted',
      bedId: occupiedBed,
    });
    const people = [];
    for (let i = 0; i < 50; i++)
      people.push(
        await buildPerson(t.db, { givenName: `Kø${i}`, familyName: 'Venter', facilityId: t.world.prisonA }),
      );
    const s = await login(t.app, 'case_worker');

    const results = await Promise.all(
      people.map((p) =>
        t.app.inject({
          method: 'POST',
          url: `/api/v1/sentences/${p.sentenceId}/admission`,
          headers: { ...s.headers, 'accept-language': 'en' },
          payload: { version: 1, bedId: lastBed },
        }),
      ),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((c) => c === 200)).toHaveLength(1);
    expect(statuses.filter((c) => c === 409)).toHaveLength(49);
    for (const r of results.filter((x) => x.statusCode === 409)) {
      expect(r.json()).toMatchObject({
        code: 'bed_taken',
        title: 'The bed is already occupied. Choose another bed.',
      });
    }
    const occupants = await t.db
      .selectFrom('placement')
      .select('person_id')
      .where('bed_id', '=', lastBed)
      .where('to_date', 'is', null)
      .execute();
    expect(occupants).toHaveLength(1);
    const admitted = await t.db
      .selectFrom('sentence')
      .select('id')
      .where('status', '=', 'admitted')
      .where(
        'person_id',
        'in',
        people.map((p) => p.personId),
      )
      .execute();
    expect(admitted).toHaveLength(1);
  });
});
