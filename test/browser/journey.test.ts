import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { ESAS_INBOX } from '../../src/server/modules/integration/system-principal.ts';
import { DEMO_PEOPLE } from '../../src/server/seed/fixtures.ts';
import { systemClock } from '../../src/server/shared/clock.ts';
import {
  addDaysIso,
  type BrowserEnv,
  chromiumPath,
  DEMO_PASSWORD,
  expectAccessible,
  startBrowserEnv,
} from './support.ts';

// One case worker's day, as a newcomer would click through it, with axe on every page.
describe.skipIf(!chromiumPath)('a case worker in the browser', () => {
  let env: BrowserEnv;
  let page: Page;
  const kari = DEMO_PEOPLE.queuedYoung;
  const kariName = `${kari.givenName} ${kari.familyName}`;

  beforeAll(async () => {
    env = await startBrowserEnv();
    page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(() => env?.close());

  it('signs in from the login page, in Norwegian by default', async () => {
    await page.goto(env.baseUrl);
    await page.getByLabel('Brukernavn').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('nb');
    await expectAccessible(page, 'login');
    await page.getByLabel('Brukernavn').fill('saksbehandler');
    await page.getByLabel('Passord').fill('wrong-password');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Feil brukernavn eller passord');
    await page.getByLabel('Passord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Oversikt' }).waitFor();
    await expect.poll(() => page.locator('main').textContent()).toContain('3');
    await expectAccessible(page, 'dashboard');
  });

  it('searches a person by name without æøå and opens the record', async () => {
    await page.getByRole('link', { name: 'Personer' }).click();
    await page.getByRole('searchbox', { name: 'Søk' }).fill('asmund odegard');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    const link = page.getByRole('link', { name: 'Åsmund Ødegård' });
    await link.waitFor();
    await expectAccessible(page, 'search results');
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Åsmund Ødegård' }).waitFor();
    const main = page.locator('main');
    await expect.poll(() => main.textContent()).toContain('Oslo fengsel');
    await expect.poll(() => page.getByTestId('audit').textContent()).toContain('saksbehandler');
    await expectAccessible(page, 'person');
  });

  it('refuses an invalid identity number with the reason', async () => {
    await page.getByRole('link', { name: 'Personer' }).click();
    await page.getByRole('searchbox', { name: 'Søk' }).fill('15076500566');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('Andre kontrollsiffer (siffer 11) stemmer ikke.');
    expect(await page.getByRole('searchbox', { name: 'Søk' }).getAttribute('aria-invalid')).toBe('true');
  });

  it('registers a summons from the queue, after the 3 weeks rule has said no', async () => {
    await page.getByRole('link', { name: 'Soningskø' }).click();
    await page.getByLabel('Aldersgruppe').selectOption('under23');
    const row = page.getByRole('row', { name: new RegExp(kariName) });
    await row.waitFor();
    await expectAccessible(page, 'queue');
    await row.getByRole('button', { name: 'Send innkalling' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send innkalling' });
    await dialog.getByLabel('Oppmøtested').selectOption({ label: 'Oslo fengsel' });
    await dialog.getByLabel('Oppmøtedato').fill(addDaysIso(10));
    await expectAccessible(page, 'summons dialog');
    await dialog.getByRole('button', { name: 'Lagre innkalling' }).click();
    await expect.poll(() => dialog.textContent()).toContain('minst 3 uker');
    await dialog.getByLabel('Oppmøtedato').fill(addDaysIso(28));
    await dialog.getByRole('button', { name: 'Lagre innkalling' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain(kari.givenName);
    await expect.poll(() => row.textContent()).toContain('Oslo fengsel');
  });

  it('admits the person to a free bed in a cell', async () => {
    const row = page.getByRole('row', { name: new RegExp(kariName) });
    await row.getByRole('button', { name: 'Sett inn' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sett inn' });
    await dialog.getByLabel('Sted').selectOption({ label: 'Oslo fengsel' });
    await expect
      .poll(async () => (await dialog.getByLabel('Avdeling').locator('option').count()) > 1)
      .toBe(true);
    await dialog.getByLabel('Avdeling').selectOption({ index: 1 });
    await expect
      .poll(async () => (await dialog.getByLabel('Ledig seng').locator('option').count()) > 1)
      .toBe(true);
    await dialog.getByLabel('Ledig seng').selectOption({ index: 1 });
    await expectAccessible(page, 'admission dialog');
    await dialog.getByRole('button', { name: 'Bekreft innsettelse' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain(kari.givenName);
    await page.goto(`${env.baseUrl}/people/${kari.personId}`);
    await page.getByRole('heading', { level: 1, name: kariName }).waitFor();
    await expect.poll(() => page.locator('main').textContent()).toContain('Oslo fengsel');
    const placement = await env.handle.db
      .selectFrom('placement')
      .select(['facility_id', 'bed_id'])
      .where('person_id', '=', kari.personId)
      .where('to_date', 'is', null)
      .executeTakeFirst();
    expect(placement?.bed_id).toBeTruthy();
  });

  it('reads an execution order received for Oslo fengsel, with its receipt', async () => {
    // An order arrives from the justice sector while the case worker is at work.
    const demo = (name: string) =>
      readFileSync(
        new URL(`../../src/server/modules/integration/demo-messages/${name}`, import.meta.url),
        'utf8',
      );
    const { integration } = createServices(env.handle.db, systemClock, loadConfig({ NODE_ENV: 'test' }));
    const { receipt } = await integration.receive(ESAS_INBOX, {
      raw: demo('01-fengsel-oslo.json'),
      transport: 'json',
      channel: 'folder',
    });
    expect(receipt.status).toBe('MOTTATT');

    await page.getByRole('link', { name: 'Meldinger' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meldinger' }).waitFor();
    const row = page.getByRole('row', { name: /26-140211ENE-OTIR\/05/ });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('Jonas Berg Lie');
    await expectAccessible(page, 'messages');
    await row.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: 'Fullbyrdelsesordre 26-140211ENE-OTIR/05' }).waitFor();
    const main = page.locator('main');
    await expect.poll(() => main.textContent()).toContain('Oslo fengsel');
    expect(await main.textContent()).toContain(receipt.meldingsId);
    await expectAccessible(page, 'message');
  });

  it('shows the organisation before and after the reorganisation', async () => {
    await page.getByRole('link', { name: 'Organisasjon' }).click();
    await page.getByLabel('Per dato').fill('2021-06-01');
    await expect.poll(() => page.locator('main').textContent()).toContain('Region øst');
    await expectAccessible(page, 'organisation 2021');
    await page.getByLabel('Per dato').fill('2023-06-01');
    await expect.poll(() => page.locator('main').textContent()).toContain('Kriminalomsorgen Oslo');
    expect(await page.locator('main').textContent()).not.toContain('Region øst');
  });

  it('switches to English: labels, headings and the page language change', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expectAccessible(page, 'dashboard in English');
    await page.getByRole('link', { name: 'People' }).click();
    await page.getByRole('searchbox', { name: 'Search' }).fill('123');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('An identity number must have 11 digits.');
  });

  it('signs out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Username').waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
    expect(me).toBe(401);
  });

  it('lets the administrator import a message by hand and shows its receipt', async () => {
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Messages' }).click();
    await page.getByRole('link', { name: 'Import a message' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import a message' }).waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const field = page.getByLabel('The message (JSON)');
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'import with an error');
    const message = readFileSync(
      new URL(
        '../../src/server/modules/integration/demo-messages/03-forvandlingsstraff-trondheim.json',
        import.meta.url,
      ),
      'utf8',
    );
    await field.fill(message);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const result = page.getByTestId('import-result');
    await expect.poll(() => result.textContent()).toContain('The message was received.');
    expect(await result.textContent()).toContain('MOTTATT');
    await expectAccessible(page, 'import receipt');
  });
});
