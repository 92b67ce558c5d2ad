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

// Visits are stopped at Oslo fengsel in the demo after the visits ahead were booked. The unit
// leader opens «Til vurdering» on the visits page, sees what changed for Åsmund Ødegård's visit,
// cancels it with a reason, and opens the notice his visitor is given, in bokmål and English; the
// person page shows the visit cancelled with the reason.
describe.skipIf(!chromiumPath)('the review of booked visits in the browser', () => {
  let env: BrowserEnv;
  let page: Page;

  beforeAll(async () => {
    env = await startBrowserEnv();
    page = await env.browser.newPage({ viewport: { width: 1280, height: 1000 } });
  });
  afterAll(() => env?.close());

  it('reviews a visit the stop affects, and shows the visitor what changed', async () => {
    const person = DEMO_PEOPLE.admitted;
    const name = `${person.givenName} ${person.familyName}`;
    await page.goto(`${env.baseUrl}/login`);
    await page.getByLabel('Brukernavn').fill('enhetsleder');
    await page.getByLabel('Passord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('link', { name: 'Besøk', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Besøk' }).waitFor();
    await page.getByLabel('Fengsel').selectOption({ label: 'Oslo fengsel' });
    await page.getByRole('button', { name: 'Vis besøkstider' }).click();

    const review = page.getByTestId('visit-review');
    await review.getByRole('heading', { level: 2, name: 'Til vurdering' }).waitFor();
    const card = review.getByTestId('visit-review-item').filter({ hasText: name }).first();
    await card.waitFor();
    await expect
      .poll(() => card.getByTestId('visit-review-changes').textContent())
      .toContain('Besøkstiltak på besøksdagen: begrensede besøk → besøk stanset');
    await expect.poll(() => card.textContent()).toContain('Stanset');
    await expectAccessible(page, 'visits for review');

    // Keeping the visit in person is refused while visits are stopped; cancelling needs a reason.
    await card.getByLabel('Behold som bestilt').check();
    await card.getByRole('button', { name: `Lagre vurdering av besøket til ${name}` }).click();
    await expect.poll(() => card.textContent()).toContain('kan ikke beholdes som bestilt');
    await card.getByLabel('Avlys').check();
    await card.getByRole('button', { name: `Lagre vurdering av besøket til ${name}` }).click();
    await expect.poll(() => card.textContent()).toContain('Skriv hvorfor besøket avlyses');
    await expectAccessible(page, 'review with a field error');
    await card.getByLabel('Begrunnelse').fill('Besøk er stanset ved fengselet under utbruddet.');
    await card.getByRole('button', { name: `Lagre vurdering av besøket til ${name}` }).click();
    await expect.poll(() => review.getByRole('status').textContent()).toBe('Vurderingen er lagret.');

    const reviewed = page.getByTestId('visit-reviewed');
    const row = reviewed.locator('tbody tr').filter({ hasText: name }).first();
    await expect.poll(() => row.textContent()).toContain('Avlyst');
    await expect.poll(() => row.textContent()).toContain('Besøk er stanset ved fengselet under utbruddet.');
    await expectAccessible(page, 'after the review');

    // The visitor's notice, in bokmål and English.
    await row.getByRole('link', { name: /^Melding til besøkende/ }).click();
    const notice = page.getByTestId('visit-notice');
    await notice.getByRole('heading', { level: 1, name: 'Melding om endring i besøk' }).waitFor();
    await expect.poll(() => notice.textContent()).toContain(`Besøket hos ${name} i Oslo fengsel`);
    await expect.poll(() => notice.textContent()).toContain('er avlyst.');
    await expect.poll(() => notice.textContent()).toContain('Begrunnelse: Besøk er stanset ved fengselet');
    await expect.poll(() => notice.textContent()).toContain('Dette er endret');
    await expectAccessible(page, 'notice in bokmål');
    await notice.getByRole('button', { name: 'Engelsk' }).click();
    await notice.getByRole('heading', { level: 1, name: 'Notice of a change to a visit' }).waitFor();
    await expect.poll(() => notice.textContent()).toContain('has been cancelled.');
    await expectAccessible(page, 'notice in English');

    // The person page shows the visit cancelled, the reason and the review.
    await notice.getByRole('link', { name: 'Tilbake til personen' }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const visits = page.getByTestId('visits-table');
    await visits.waitFor();
    await expect
      .poll(() => visits.textContent())
      .toContain('Avlyst: Besøk er stanset ved fengselet under utbruddet.');
    await expect.poll(() => visits.textContent()).toContain('Avlyst (Eva Enhetsleder');
    await expectAccessible(page, 'person page after the review');
  });
});
