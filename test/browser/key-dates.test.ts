import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../src/server/seed/fixtures.ts';
import {
  type BrowserEnv,
  chromiumPath,
  DEMO_PASSWORD,
  expectAccessible,
  startBrowserEnv,
} from './support.ts';

async function signIn(page: Page, baseUrl: string, username: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Brukernavn').fill(username);
  await page.getByLabel('Passord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.getByRole('navigation').first().waitFor();
}

// Key dates as case workers and the crisis team meet them, with axe on every page.
describe.skipIf(!chromiumPath)('key dates in the browser', () => {
  let env: BrowserEnv;
  let page: Page;
  const asmund = DEMO_PEOPLE.admitted;

  beforeAll(async () => {
    env = await startBrowserEnv();
    page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(() => env?.close());

  it("shows a person's key dates with the reason for each, and previews an escape", async () => {
    await signIn(page, env.baseUrl, 'saksbehandler');
    await page.goto(`${env.baseUrl}/people/${asmund.personId}`);
    const section = page.getByTestId('key-dates');
    await expect.poll(() => section.textContent()).toContain('Prøveløslatelse');
    await expect.poll(() => section.textContent()).toContain('straffegjennomføringsloven § 42');
    await expectAccessible(page, 'person with key dates');
    await section.getByRole('combobox', { name: 'Hendelse' }).selectOption('escape');
    await section.getByLabel('Dato for hendelsen').fill(new Date().toISOString().slice(0, 10));
    await section.getByRole('button', { name: 'Vis virkningen' }).click();
    await expect.poll(() => section.textContent()).toContain('Virkningen av');
    const stored = await env.handle.db
      .selectFrom('execution_event')
      .select('id')
      .where('person_id', '=', asmund.personId)
      .execute();
    expect(stored).toHaveLength(0);
    await expectAccessible(page, 'key dates preview');
  });

  it('answers a what-if in the date calculator', async () => {
    await page.getByRole('link', { name: 'Datoberegning' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('textbox', { name: /^Straffetid/ }).fill('120');
    await expectAccessible(page, 'calculator');
    await page.getByRole('button', { name: 'Beregn', exact: true }).click();
    const result = page.getByTestId('calculation-result');
    await expect.poll(() => result.textContent()).toContain('Prøveløslatelse');
    await expectAccessible(page, 'calculator result');
  });

  it('lists who becomes eligible for parole within a year', async () => {
    await page.getByRole('link', { name: 'Aktuelle' }).click();
    await page.getByLabel('Aktuell for').selectOption('parole');
    await page.getByLabel('Innen antall dager').fill('365');
    await page.getByRole('button', { name: 'Vis liste' }).click();
    await expect.poll(async () => page.locator('main table tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'eligibility list');
  });

  it('gives the crisis team the early-release list with reasons and a CSV', async () => {
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.getByLabel('Brukernavn').waitFor();
    await signIn(page, env.baseUrl, 'kriseteam');
    await page.getByRole('link', { name: 'Tidlig løslatelse (krise)' }).click();
    await page.getByRole('button', { name: 'Vis liste' }).click();
    const list = page.getByTestId('crisis-list');
    await expect.poll(() => list.textContent(), { timeout: 60_000 }).toContain('Unntatt');
    await expect
      .poll(() => page.getByTestId('crisis-periods').textContent())
      .toContain('Kriseregler er ikke slått på for noen periode.');
    const csv = await page.getByRole('link', { name: 'Last ned CSV' }).getAttribute('href');
    expect(csv).toContain('format=csv');
    const body = await page.evaluate(async (href) => (await fetch(href as string)).text(), csv);
    expect(body.split('\r\n')[0]).toContain('etternavn');
    await expectAccessible(page, 'crisis list');
  });

  it('shows the crisis team the facilities by infection level, and refuses a bad CSV by line', async () => {
    await page.getByRole('link', { name: 'Smittesituasjon' }).click();
    await page.getByRole('heading', { level: 1, name: 'Smittesituasjon' }).waitFor();
    await expect.poll(async () => page.locator('main table tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'infection situation');
    const csv = page.getByRole('textbox', { name: /CSV/ });
    await csv.fill('kommune,dato,insidens_14d\nOslo,2026-13-01,12');
    await page.getByRole('button', { name: /Importer/ }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Linje 2, felt dato');
    await expectAccessible(page, 'infection import errors');
  });
});
