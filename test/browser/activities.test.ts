import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserEnv,
  chromiumPath,
  DEMO_PASSWORD,
  expectAccessible,
  startBrowserEnv,
} from './support.ts';

// A case worker finds an inmate without activity, enrols them in an activity at the same prison,
// then opens a contact officer's caseload, makes the missing release checklists and keeps one.
describe.skipIf(!chromiumPath)('activities and caseload in the browser', () => {
  let env: BrowserEnv;
  let page: Page;

  beforeAll(async () => {
    env = await startBrowserEnv();
    page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(() => env?.close());

  it('enrols an inmate without activity and shows the caseload', async () => {
    await page.goto(`${env.baseUrl}/login`);
    await page.getByLabel('Brukernavn').fill('saksbehandler');
    await page.getByLabel('Passord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('link', { name: 'Aktiviteter', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Aktiviteter' }).waitFor();
    await page.getByLabel('Enhet', { exact: true }).selectOption({ index: 1 });
    await page.getByTestId('activities-table').waitFor();
    await page.getByTestId('inactive-summary').waitFor();
    await expectAccessible(page, 'activities');

    const inactive = page.getByRole('table', { name: 'Uten aktivitet' });
    const name = (
      (await inactive.locator('tbody tr').first().locator('td').first().textContent()) ?? ''
    ).trim();
    expect(name.length).toBeGreaterThan(3);

    // The leisure activity has places to spare more often than the workshop.
    await page.getByTestId('activities-table').getByRole('link', { name: 'Treningssal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Treningssal' }).waitFor();
    await page.getByLabel('Søk etter innsatt (navn eller fødselsnummer)').fill(name);
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.getByTestId('activity-hits').waitFor();
    await page
      .getByRole('button', { name: `Meld på ${name}` })
      .first()
      .click();
    await expect
      .poll(() => page.getByTestId('activity-notice').textContent())
      .toMatch(new RegExp(`${name} (fikk plass|står nå på ventelisten)`));
    const listed = await page
      .locator('[data-testid="activity-enrolled"], [data-testid="activity-waiting"]')
      .allTextContents();
    expect(listed.join(' ')).toContain(name);
    await expectAccessible(page, 'activity after enrolment');

    await page.getByRole('link', { name: 'Kontaktbetjent', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Kontaktbetjent' }).waitFor();
    await page.getByLabel('Enhet', { exact: true }).selectOption({ index: 1 });
    const officer = page.getByLabel('Kontaktbetjent', { exact: true });
    await expect.poll(() => officer.locator('option').count()).toBeGreaterThan(1);
    await officer.selectOption({ index: 1 });
    await page.getByTestId('caseload-table').waitFor();
    await expect
      .poll(() => page.getByTestId('caseload-table').locator('tbody tr').count())
      .toBeGreaterThan(0);
    await expectAccessible(page, 'caseload');

    await page.getByRole('link', { name: 'Løslatelse', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Løslatelse' }).waitFor();
    await page.getByTestId('release-upcoming').waitFor();
    // Releases within the horizon without a checklist are listed; one action makes their checklists.
    await page.getByTestId('release-without').waitFor();
    await page.getByRole('button', { name: /^Opprett sjekklister/ }).click();
    await page.getByText(/^[1-9]\d* sjekklister er opprettet\.$/).waitFor();
    await page.getByText('Alle løslatelser innen horisonten har sjekkliste.').waitFor();
    await page.getByTestId('release-upcoming').locator('tbody a').first().click();
    await page.getByTestId('item-housing').waitFor();
    const housing = page.getByTestId('item-housing');
    await housing.getByLabel('Status').selectOption('done');
    await housing.getByLabel('Ansvarlig').fill('Boligkontoret');
    await housing.getByRole('button', { name: 'Lagre Bolig' }).click();
    await expect.poll(() => housing.textContent()).toContain('Bolig er lagret.');
    await expectAccessible(page, 'release checklist');
  });
});
