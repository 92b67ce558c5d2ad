import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserEnv,
  chromiumPath,
  DEMO_PASSWORD,
  expectAccessible,
  startBrowserEnv,
} from './support.ts';

// A case worker makes an intake assessment for an inmate (needs, two risks on the matrix, the
// interpreter flag), adds the least restrictive measure with its justification, and sees the flags
// and the review date on the person page; then the list of reviews due.
const PERSON = 'd3e10000-0000-4000-8000-000000000003';

describe.skipIf(!chromiumPath)('assessments in the browser', () => {
  let env: BrowserEnv;
  let page: Page;

  beforeAll(async () => {
    env = await startBrowserEnv();
    page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(() => env?.close());

  it('makes an assessment with risks and a measure, and shows flags and the review date', async () => {
    await page.goto(`${env.baseUrl}/login`);
    await page.getByLabel('Brukernavn').fill('saksbehandler');
    await page.getByLabel('Passord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('link', { name: 'Risikovurderinger' }).waitFor();

    await page.goto(`${env.baseUrl}/people/${PERSON}`);
    const section = page.getByTestId('person-assessment');
    await section.getByText('Personen har ingen risikovurdering.').waitFor();
    await expectAccessible(page, 'person page before');
    await section.getByRole('link', { name: 'Ny vurdering' }).click();

    await page.getByRole('heading', { level: 1, name: /^Ny risikovurdering/ }).waitFor();
    const form = page.getByTestId('assessment-form');
    await form
      .getByLabel('Opplysninger vurderingen bygger på')
      .fill('Dom, personundersøkelse, samtale ved innsettelse');
    await form.getByRole('group', { name: 'Bolig' }).getByLabel('Behov').selectOption({ label: 'Betydelig' });
    await form.getByRole('group', { name: 'Bolig' }).getByLabel('Merknad').fill('Uten fast bolig');
    await form.getByRole('group', { name: 'Arbeid' }).getByLabel('Behov').selectOption({ label: 'Noe' });

    const leave = form.getByTestId('rating-leave');
    await leave.getByLabel('Vurder risiko for permisjon').check();
    await leave.getByLabel('Sannsynlighet').selectOption('4');
    await leave.getByLabel('Konsekvens').selectOption('4');
    await expect.poll(() => leave.textContent()).toContain('Beregnet: 16 (Høy)');
    // The basis is left out at first: the form answers with the field named.
    const visits = form.getByTestId('rating-visits');
    await visits.getByLabel('Vurder risiko for besøk').check();
    await visits.getByLabel('Sannsynlighet').selectOption('2');
    await visits.getByLabel('Konsekvens').selectOption('3');
    await visits.getByLabel('Grunnlag (besøk)').fill('Mistanke om innsmugling ved besøk');
    await form.getByLabel('Tolk trengs, språk (tomt hvis ikke)').fill('polsk');
    await form.getByLabel('Sikkerhetsnivå', { exact: true }).selectOption({ label: 'Lavere sikkerhetsnivå' });
    await form
      .getByLabel('Begrunnelse for sikkerhetsnivået')
      .fill('Lav rømningsrisiko, ingen voldshistorikk i soning');
    await form.getByRole('button', { name: 'Lagre vurderingen' }).click();
    await expect.poll(() => leave.textContent()).toContain('Oppgi grunnlaget for risikoen.');
    await expectAccessible(page, 'assessment form with errors');
    await leave.getByLabel('Grunnlag (permisjon)').fill('Tidligere brudd på permisjonsvilkår');
    await form.getByRole('button', { name: 'Lagre vurderingen' }).click();

    await page.getByRole('heading', { level: 1, name: 'Risiko og behov: Åsmund Ødegård' }).waitFor();
    const risks = page.getByTestId('assessment-risks');
    await expect.poll(() => risks.textContent()).toContain('16 (Høy)');
    await expect.poll(() => risks.textContent()).toContain('Bare fremstilling med følge → Ingen permisjon');
    await expectAccessible(page, 'assessment page');

    // A measure without justification is refused; the least restrictive proposal with one is kept.
    const restrictions = page.getByTestId('restrictions');
    await restrictions
      .getByLabel('Tiltak', { exact: true })
      .selectOption({ label: 'Kontrollerte besøk (foreslått)' });
    await restrictions.getByRole('button', { name: 'Legg til tiltak' }).click();
    await expect.poll(() => restrictions.textContent()).toContain('Et restriktivt tiltak må begrunnes');
    await restrictions
      .getByLabel('Begrunnelse i risikovurderingen')
      .fill('Mistanke om innsmugling ved besøk');
    await restrictions.getByRole('button', { name: 'Legg til tiltak' }).click();
    await expect.poll(() => restrictions.getByRole('table').textContent()).toContain('Kontrollerte besøk');
    await expect.poll(() => restrictions.getByRole('table').textContent()).toContain('I kraft');
    await expectAccessible(page, 'assessment page with a measure');

    await page.getByRole('link', { name: 'Åsmund Ødegård' }).click();
    const after = page.getByTestId('person-assessment');
    await after.getByTestId('assessment-flags').waitFor();
    await expect.poll(() => after.getByTestId('assessment-flags').textContent()).toContain('Trenger tolk');
    const text = await after.textContent();
    expect(text).toContain('Neste revisjon');
    expect(text).toContain('Kontrollerte besøk');
    expect(text).toContain('Permisjon: Høy');
    await expectAccessible(page, 'person page after');

    // Moving the person: the dialog sets the assessed need beside the department's level.
    await page.getByRole('button', { name: 'Flytt', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect
      .poll(() => dialog.textContent())
      .toMatch(/Vurdert behov: Lavere sikkerhetsnivå\. Avdelingen: (Høyt|Lavere) sikkerhetsnivå\./);
    await expectAccessible(page, 'move dialog with the security match');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();

    await page.getByRole('link', { name: 'Risikovurderinger' }).click();
    await page.getByRole('heading', { level: 1, name: 'Risikovurderinger til revisjon' }).waitFor();
    await page.getByTestId('assessments-due').waitFor();
    await expectAccessible(page, 'reviews due');
  });
});
