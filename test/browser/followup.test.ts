import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  await page.getByRole('button', { name: 'Logg ut' }).waitFor();
}

// A case worker adds a partner with a contact person, refers an inmate to it and records the
// partner's answer; an analyst then reads the follow-up figures, which carry no names.
describe.skipIf(!chromiumPath)('partners, referrals and follow-up statistics in the browser', () => {
  let env: BrowserEnv;
  let page: Page;

  beforeAll(async () => {
    env = await startBrowserEnv();
    page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(() => env?.close());

  it('manages activities, adds a partner, makes a referral, changes its status and shows the statistics', async () => {
    await signIn(page, env.baseUrl, 'saksbehandler');

    // Activities: create one, set a facility's threshold and record attendance at another.
    await page.getByRole('link', { name: 'Aktiviteter', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Aktiviteter' }).waitFor();
    const activityForm = page.getByTestId('activity-form');
    await activityForm.getByLabel('Aktivitet', { exact: true }).fill('Snekkerverksted B');
    await activityForm.getByLabel('Type').selectOption('work');
    await activityForm.getByLabel('Plasser').fill('6');
    await activityForm.getByLabel('Tider').fill('Hverdager 08–11');
    await activityForm.getByRole('button', { name: 'Opprett aktivitet' }).click();
    await expect
      .poll(() => page.getByTestId('activities-table').textContent())
      .toContain('Snekkerverksted B');
    const thresholdForm = page.getByTestId('threshold-form');
    await thresholdForm.getByLabel('Gjelder for').selectOption({ index: 1 });
    await thresholdForm.getByLabel('Dager uten aktivitet').fill('21');
    await thresholdForm.getByRole('button', { name: 'Lagre grense' }).click();
    await expect.poll(() => page.getByTestId('thresholds').textContent()).toContain('21 dager');
    await expectAccessible(page, 'activities with forms');
    await page.getByTestId('activities-table').getByRole('link', { name: 'Treningssal' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Treningssal' }).waitFor();
    const attendance = page.getByTestId('attendance-form');
    await attendance.getByRole('checkbox').first().check();
    await attendance.getByRole('button', { name: 'Lagre oppmøte' }).click();
    await expect
      .poll(() => page.getByTestId('attendance-notice').textContent())
      .toMatch(/Oppmøte er registrert for \d+ påmeldte\./);
    await expectAccessible(page, 'activity attendance');

    await page.getByRole('link', { name: 'Samarbeid', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Samarbeid og henvisninger' }).waitFor();
    await page.getByTestId('partners-table').waitFor();
    await page.getByTestId('referrals-table').waitFor();
    await expectAccessible(page, 'partners');

    const partnerName = 'Boligkontoret Nordby';
    const partnerForm = page.getByTestId('partner-form');
    await partnerForm.getByLabel('Navn').fill(partnerName);
    await partnerForm.getByLabel('Type').selectOption('municipality');
    await partnerForm.getByLabel('Kommune').fill('Nordby');
    await partnerForm.getByRole('button', { name: 'Legg til samarbeidspartner' }).click();
    await expect.poll(() => page.getByTestId('partners-notice').textContent()).toContain(partnerName);
    await expect.poll(() => page.getByTestId('partners-table').textContent()).toContain(partnerName);

    const contactForm = page.getByTestId('contact-form');
    await contactForm.getByLabel('Samarbeidspartner').selectOption({ label: partnerName });
    await contactForm.getByLabel('Kontaktpersonens navn').fill('Kari Bolig');
    await contactForm.getByLabel('E-post').fill('kari@nordby.example');
    await contactForm.getByRole('button', { name: 'Legg til kontaktperson' }).click();
    await expect.poll(() => page.getByTestId('partners-table').textContent()).toContain('Kari Bolig');

    // A referral without a person is refused with the field's message in the summary.
    const referralForm = page.getByTestId('referral-form');
    await referralForm.getByRole('button', { name: 'Send henvisning' }).click();
    await referralForm.getByRole('alert').waitFor();

    // The person of an existing referral is in the case worker's scope.
    const name = (
      (await page.getByTestId('referrals-table').locator('tbody tr').first().locator('td a').textContent()) ??
      ''
    ).trim();
    expect(name.length).toBeGreaterThan(3);
    await page.getByLabel('Søk etter innsatt (navn eller fødselsnummer)').fill(name);
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.getByTestId('referral-hits').waitFor();
    await page
      .getByRole('button', { name: `Velg ${name}` })
      .first()
      .click();
    await expect.poll(() => page.getByTestId('referral-person').textContent()).toContain(name);
    await referralForm.getByLabel('Samarbeidspartner').selectOption({ label: partnerName });
    await referralForm.getByLabel('Kontaktperson').selectOption({ label: 'Kari Bolig' });
    await referralForm.getByLabel('Behov').selectOption('housing');
    await referralForm.getByLabel('Hva henvisningen gjelder').fill('Trenger bolig fra løslatelsen.');
    await referralForm.getByRole('button', { name: 'Send henvisning' }).click();
    await expect
      .poll(() => page.getByTestId('partners-notice').textContent())
      .toContain(`Henvisningen for ${name} er sendt til ${partnerName}.`);
    await expectAccessible(page, 'partners after referral');

    await page.getByRole('button', { name: `Endre status for ${name} hos ${partnerName}` }).click();
    const statusForm = page.getByTestId('status-form');
    await statusForm.getByLabel('Ny status').selectOption('accepted');
    // Accepting without an answer is refused under the field.
    await statusForm.getByRole('button', { name: 'Lagre status' }).click();
    await statusForm.getByRole('alert').waitFor();
    await statusForm.getByLabel('Svar fra samarbeidspartner').fill('Bolig er klar fra løslatelsesdagen.');
    await statusForm.getByRole('button', { name: 'Lagre status' }).click();
    await expect
      .poll(() => page.getByTestId('partners-notice').textContent())
      .toContain(`Henvisningen for ${name} har nå status Akseptert.`);
    const row = page.getByTestId('referrals-table').locator('tr', { hasText: partnerName });
    await expect.poll(() => row.textContent()).toContain('Akseptert');
    await expectAccessible(page, 'partners after status change');

    await page.getByRole('button', { name: 'Logg ut' }).click();
    await signIn(page, env.baseUrl, 'analytiker');
    await page.getByRole('link', { name: 'Oppfølgingsstatistikk', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Oppfølgingsstatistikk' }).waitFor();
    const figures = page.getByTestId('followup-figures');
    await figures.waitFor();
    const activity = figures.locator('tr', { hasText: 'Innsatte med aktivitet' }).locator('td').first();
    await expect
      .poll(async () => Number(((await activity.textContent()) ?? '').replace(/\s/g, '')))
      .toBeGreaterThan(0);
    expect(await page.locator('main').textContent()).not.toContain(name);
    await expectAccessible(page, 'follow-up statistics');
  });
});
