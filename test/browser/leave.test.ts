import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDaysIso,
  type BrowserEnv,
  chromiumPath,
  DEMO_PASSWORD,
  expectAccessible,
  startBrowserEnv,
} from './support.ts';

// A case worker registers an application for an inmate, reads the factors beside the
// recommendation, refuses with a justification, opens the decision letter and registers an appeal.
describe.skipIf(!chromiumPath)('leave in the browser', () => {
  let env: BrowserEnv;
  let page: Page;

  beforeAll(async () => {
    env = await startBrowserEnv();
    page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(() => env?.close());

  it('takes a leave application through decision and appeal', async () => {
    await page.goto(`${env.baseUrl}/login`);
    await page.getByLabel('Brukernavn').fill('saksbehandler');
    await page.getByLabel('Passord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('link', { name: 'Permisjon', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Permisjon' }).waitFor();
    await page.getByTestId('leave-statistics').waitFor();
    await expectAccessible(page, 'leave list');

    await page.getByRole('link', { name: 'Ny søknad' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny søknad om permisjon' }).waitFor();
    await page.getByLabel('Søk etter innsatt (navn eller fødselsnummer)').fill('Åsmund Ødegård');
    await page.getByRole('button', { name: 'Søk' }).click();
    const form = page.getByTestId('leave-form');
    await expect.poll(() => form.getByLabel('Innsatt', { exact: true }).inputValue()).not.toBe('');
    await form.getByLabel('Type').selectOption({ label: 'Velferdspermisjon' });
    await form.getByLabel('Avreise dato').fill(addDaysIso(40));
    await form.getByLabel('Retur dato').fill(addDaysIso(41));
    await form.getByLabel('Reisemål (kommune)').fill('Drammen');
    await form.getByLabel('Beskrivelse').fill('Besøk hos mor som er syk.');
    await expectAccessible(page, 'leave form');
    await form.getByRole('button', { name: 'Send søknad' }).click();

    await page.getByRole('heading', { level: 1, name: 'Søknad: Velferdspermisjon' }).waitFor();
    await page.getByTestId('leave-factors').waitFor();
    // What the risk assessment means for a grant is shown before deciding: here there is none yet.
    await expect
      .poll(() => page.getByTestId('leave-safety').textContent())
      .toContain('Personen har ingen gjeldende risikovurdering.');
    await expect.poll(() => page.getByTestId('leave-recommendation').textContent()).toMatch(/^Anbefaling: /);
    await expectAccessible(page, 'leave application');

    const decision = page.getByTestId('leave-decision-form');
    await decision.getByLabel('Avslått').check();
    await decision.getByRole('button', { name: 'Fatt vedtak' }).click();
    // Refusing needs a written justification.
    await expect.poll(() => decision.textContent()).toContain('Skriv en begrunnelse');
    await decision.getByLabel('Begrunnelse').fill('Kontakten kan holdes med videosamtale i perioden.');
    await decision.getByRole('button', { name: 'Fatt vedtak' }).click();
    await expect.poll(() => page.getByTestId('leave-status').textContent()).toBe('Avslått');
    await page.getByTestId('leave-decision').waitFor();

    await page.getByRole('link', { name: 'Vedtaksbrev (utskriftsvennlig)' }).click();
    const letter = page.getByTestId('leave-letter');
    await letter.waitFor();
    await expect.poll(() => letter.textContent()).toContain('Slik klager du');
    await expect.poll(() => letter.textContent()).toContain('Straffegjennomføringsloven § 33');
    await expectAccessible(page, 'leave letter');
    await page.getByRole('link', { name: 'Tilbake til søknaden' }).click();

    const appeal = page.getByTestId('leave-appeal');
    await appeal.getByLabel('Klagegrunner').fill('Mor er alvorlig syk.');
    await appeal.getByRole('button', { name: 'Registrer klage' }).click();
    await expect.poll(() => page.getByTestId('leave-appeal-status').textContent()).toContain('Klage mottatt');
    await page.getByTestId('leave-appeal').getByRole('button', { name: 'Opprettholdt' }).click();
    await expect
      .poll(() => page.getByTestId('leave-appeal-status').textContent())
      .toContain('Vedtaket opprettholdt');
    await expectAccessible(page, 'leave after appeal');
  });
});
