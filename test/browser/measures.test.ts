import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserEnv,
  chromiumPath,
  DEMO_PASSWORD,
  expectAccessible,
  startBrowserEnv,
} from './support.ts';

// Relatives read the rules without signing in; the crisis team decides and ends measures.
describe.skipIf(!chromiumPath)('measures in the browser', () => {
  let env: BrowserEnv;
  let page: Page;

  beforeAll(async () => {
    env = await startBrowserEnv();
    page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(() => env?.close());

  it('shows relatives the rules in force at a prison without signing in', async () => {
    await page.goto(`${env.baseUrl}/login`);
    await page.getByRole('link', { name: 'Informasjon til pårørende (uten innlogging)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Informasjon til pårørende' }).waitFor();
    await page.getByLabel('Fengsel eller kontor').selectOption({ label: 'Oslo fengsel' });
    await expect.poll(() => page.locator('main').textContent()).toContain('Besøk er stanset');
    await expect.poll(() => page.locator('main').textContent()).toContain('(+47) 404 388 88');
    await expectAccessible(page, 'relatives');
  });

  it('lets the crisis team see measures, reviews and divergences, create one and end it', async () => {
    await page.goto(`${env.baseUrl}/login`);
    await page.getByLabel('Brukernavn').fill('kriseteam');
    await page.getByLabel('Passord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('link', { name: 'Tiltak' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tiltak' }).waitFor();
    await page.getByTestId('measures-table').waitFor();
    await page.getByTestId('measures-divergences').waitFor();
    await page.getByTestId('measures-reviews').waitFor();
    await expectAccessible(page, 'measures');

    const form = page.getByTestId('measure-form');
    await form.getByLabel('Tiltak', { exact: true }).selectOption({ label: 'Ingen overføringer' });
    await form.getByLabel('Gjelder for').selectOption({ label: 'Hele landet' });
    await form.getByLabel('Begrunnelse').fill('Nettlesertest');
    await form.getByRole('button', { name: 'Opprett tiltak' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toContain('Tiltaket er opprettet');
    const row = page.getByTestId('measures-table').getByRole('row', { name: /Ingen overføringer/ });
    await row.getByRole('button', { name: 'Avslutt nå: Ingen overføringer, Hele landet' }).click();
    await expect
      .poll(() => page.getByTestId('measures-table').getByText('Ingen overføringer').count())
      .toBe(0);
    await expectAccessible(page, 'measures after changes');
  });
});
