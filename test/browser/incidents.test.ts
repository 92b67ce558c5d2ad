import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserEnv,
  chromiumPath,
  DEMO_PASSWORD,
  expectAccessible,
  startBrowserEnv,
} from './support.ts';

// An officer at Oslo fengsel reports violence against a colleague by an inmate, with a follow-up
// action; the report is listed; the unit leader sees the serious incident at once, marks it read,
// and reads the statistics and the facilities' security levels.
describe.skipIf(!chromiumPath)('incidents in the browser', () => {
  let env: BrowserEnv;
  let page: Page;

  beforeAll(async () => {
    env = await startBrowserEnv();
    page = await env.browser.newPage({ viewport: { width: 1280, height: 1000 } });
  });
  afterAll(() => env?.close());

  const signIn = async (username: string) => {
    await page.goto(`${env.baseUrl}/login`);
    await page.getByLabel('Brukernavn').fill(username);
    await page.getByLabel('Passord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('button', { name: 'Logg ut' }).waitFor();
  };

  it('reports an incident with a person and an action, and the unit leader is told at once', async () => {
    await signIn('betjent');
    await page.getByRole('link', { name: 'Hendelser', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Hendelser og avvik' }).waitFor();
    await page.getByTestId('incidents-table').waitFor();
    await expectAccessible(page, 'incident list');

    await page.getByRole('link', { name: 'Meld hendelse' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meld hendelse' }).waitFor();
    const form = page.getByTestId('incident-form');
    await expect.poll(() => form.getByLabel('Enhet').inputValue()).not.toBe('');
    await form.getByLabel('Type hendelse').selectOption({ label: 'Vold' });
    await form.getByLabel('Sted (for eksempel lufteområdet)').fill('Fellesarealet, avdeling A');
    await form.getByLabel('Hva skjedde').fill('Innsatte slo en betjent under middagen.');
    await form.getByLabel('Strakstiltak').fill('Innsatte ført til egen celle; betjenten til legevakten.');

    const people = page.getByTestId('incident-people');
    await people.getByLabel('Rolle').selectOption({ label: 'Utøver' });
    await people.getByLabel('Søk etter innsatt (navn eller fødselsnummer)').fill('Åsmund Ødegård');
    await people.getByRole('button', { name: 'Søk' }).click();
    await expect.poll(() => people.getByLabel('Innsatt', { exact: true }).inputValue()).not.toBe('');
    await people.getByRole('button', { name: 'Legg til person' }).click();
    await people.getByLabel('Rolle').selectOption({ label: 'Fornærmet' });
    await people.getByLabel('Hvem').selectOption({ label: 'tilsatt' });
    await expect.poll(() => people.getByLabel('Tilsatt', { exact: true }).inputValue()).not.toBe('');
    await people.getByRole('button', { name: 'Legg til person' }).click();
    await expect.poll(() => people.getByRole('listitem').count()).toBe(2);
    await expect.poll(() => people.textContent()).toContain('Utøver: Åsmund Ødegård');

    const actions = page.getByTestId('incident-actions');
    await actions
      .getByLabel('Tiltak', { exact: true })
      .fill('Samtale og emosjonelt etterarbeid med betjenten');
    await actions.getByLabel('Ansvarlig').fill('Avdelingsleder');
    await actions.getByRole('button', { name: 'Legg til tiltak' }).click();
    await expect.poll(() => actions.getByRole('listitem').count()).toBe(1);
    await expectAccessible(page, 'incident form');
    await form.getByRole('button', { name: 'Send rapport' }).click();

    await page.getByRole('heading', { level: 1, name: 'Hendelse: Vold' }).waitFor();
    await expect.poll(() => page.getByTestId('incident-severity').textContent()).toBe('Alvorlig');
    await expect
      .poll(() => page.getByTestId('incident-people-table').textContent())
      .toContain('Åsmund Ødegård');
    await expect
      .poll(() => page.getByTestId('incident-action-list').textContent())
      .toContain('Samtale og emosjonelt etterarbeid med betjenten');
    await expectAccessible(page, 'incident detail');

    await page.getByRole('link', { name: 'Tilbake til hendelser' }).click();
    const first = page.getByTestId('incidents-table').getByRole('row').nth(1);
    await expect.poll(() => first.textContent()).toContain('Vold');
    await expect.poll(() => first.textContent()).toContain('Alvorlig');

    await page.getByRole('button', { name: 'Logg ut' }).click();
    await signIn('enhetsleder');
    const banner = page.getByTestId('notifications');
    await expect.poll(() => banner.textContent(), { timeout: 15_000 }).toContain('Vold ved Oslo fengsel');
    await expectAccessible(page, 'notification banner');
    await banner.getByRole('link', { name: /Vold ved Oslo fengsel/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Hendelse: Vold' }).waitFor();
    const before = await banner.getByRole('listitem').count();
    await banner.getByRole('button', { name: 'Merk som lest' }).first().click();
    await expect.poll(() => banner.getByRole('listitem').count()).toBe(before - 1);
  });

  it('shows the statistics and the security levels of the facilities', async () => {
    await page.getByRole('link', { name: 'Hendelsesstatistikk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hendelsesstatistikk' }).waitFor();
    await page.getByTestId('incident-series').waitFor();
    await expect
      .poll(() => page.getByTestId('incident-statistics').textContent())
      .toContain('Svikt per 1 000 permisjoner');
    await expectAccessible(page, 'incident statistics');

    await page.getByRole('link', { name: 'Sikkerhetsnivå', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Klassifisering av enhetene' }).waitFor();
    const table = page.getByTestId('security-table');
    await expect.poll(() => table.textContent()).toContain('Særlig høyt sikkerhetsnivå');
    await expectAccessible(page, 'security overview');
    await table.getByRole('link', { name: 'Oslo fengsel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sikkerhet: Oslo fengsel' }).waitFor();
    await expect
      .poll(() => page.getByTestId('security-level').textContent())
      .toContain('Høyt sikkerhetsnivå');
    const form = page.getByTestId('security-form');
    await form.getByLabel('Ytre sikring').selectOption({ label: 'Gjerde' });
    await form.getByRole('button', { name: 'Beregn nivå' }).click();
    await expect.poll(() => page.getByTestId('security-preview').textContent()).toContain('Holdt nede av');
    await expectAccessible(page, 'security unit');
  });
});
