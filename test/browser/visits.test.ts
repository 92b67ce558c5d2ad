import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoWeekday } from '../../src/server/domain/visits.ts';
import {
  addDaysIso,
  type BrowserEnv,
  chromiumPath,
  DEMO_PASSWORD,
  expectAccessible,
  startBrowserEnv,
} from './support.ts';

// A case worker at Oslo fengsel books a visit for Åsmund Ødegård from his son and a friend from
// Bergen, where infection is rising: the assessment shows its factors side by side and recommends
// the glass-wall room with distance; the case worker confirms it.
describe.skipIf(!chromiumPath)('visits in the browser', () => {
  let env: BrowserEnv;
  let page: Page;

  beforeAll(async () => {
    env = await startBrowserEnv();
    page = await env.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    // A known situation: low and stable in Oslo, rising in Bergen.
    const level = async (municipality: string, daysBack: number, incidence: number) =>
      sql`insert into infection_level (id, municipality, on_date, incidence_14d, source)
          values (${randomUUID()}, ${municipality}, ${addDaysIso(-daysBack)}, ${incidence}, 'manual')
          on conflict (lower(municipality), on_date) do update set incidence_14d = excluded.incidence_14d`.execute(
        env.handle.db,
      );
    for (const days of [0, 7]) await level('Oslo', days, 5);
    await level('Bergen', 7, 20);
    await level('Bergen', 0, 40);
  });
  afterAll(() => env?.close());

  it('books a visit with infection conditions after showing the assessment', async () => {
    // A weekday a week or more ahead, after the demo's measures have run out.
    let date = addDaysIso(8);
    for (let i = 9; isoWeekday(date) > 5; i++) date = addDaysIso(i);

    await page.goto(`${env.baseUrl}/login`);
    await page.getByLabel('Brukernavn').fill('saksbehandler');
    await page.getByLabel('Passord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('link', { name: 'Besøk', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Besøk' }).waitFor();

    await page.getByLabel('Fengsel').selectOption({ label: 'Oslo fengsel' });
    await page.getByLabel('Dato').fill(date);
    await page.getByRole('button', { name: 'Vis besøkstider' }).click();
    await page.getByTestId('visit-slots').getByText('Glassrommet').waitFor();
    await expectAccessible(page, 'visit slots');

    await page.getByLabel('Innsatt', { exact: true }).fill('Ødegård');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    const inmate = page.getByLabel('Velg innsatt');
    await inmate.locator('option', { hasText: 'Åsmund' }).waitFor({ state: 'attached' });
    const personId = await inmate.locator('option', { hasText: 'Åsmund' }).getAttribute('value');
    await inmate.selectOption(personId ?? '');
    await page.getByLabel(/^Tor Haugen/).check();
    await page.getByLabel(/^Emil Ødegård/).check();
    const slot = page.getByLabel('Besøkstid', { exact: true });
    const glass = await slot.locator('option', { hasText: '15:00 – Glassrommet' }).getAttribute('value');
    await slot.selectOption(glass ?? '');
    await page.getByRole('button', { name: 'Vurder besøket' }).click();

    const assessment = page.getByTestId('visit-assessment');
    await assessment.waitFor();
    await expect
      .poll(() => assessment.getByTestId('visit-recommendation').textContent())
      .toContain('Anbefaling: Innvilges med vilkår');
    await expect.poll(() => assessment.textContent()).toContain('Vilkår: Glassvegg, Avstand');
    await expect.poll(() => assessment.textContent()).toContain('Bergen, gult, stigende');
    await expect.poll(() => assessment.textContent()).toContain('Straffegjennomføringsloven § 31');
    await expectAccessible(page, 'visit assessment');

    await assessment.getByRole('button', { name: 'Bekreft' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Besøket er registrert: Innvilges med vilkår');

    // The person page shows the visit with its conditions.
    await page.goto(`${env.baseUrl}/people/${personId}`);
    const visits = page.getByTestId('visits-table');
    await visits.waitFor();
    await expect.poll(() => visits.textContent()).toContain('Innvilges med vilkår (Glassvegg, Avstand)');
    await expectAccessible(page, 'person visitors and visits');
  });
});
