import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../support/app.ts';
import {
  type BrowserEnv,
  chromiumPath,
  DEMO_PASSWORD,
  expectAccessible,
  startBrowserEnv,
} from './support.ts';

// A case worker builds a plan with an inmate from the needs of the assessment, records the
// person's acceptance (both sign), and reads the progression path: the next step and its date,
// which is the key date the sentence engine stored.
const PERSON = 'd3e10000-0000-4000-8000-000000000003';

describe.skipIf(!chromiumPath)('plans in the browser', () => {
  let env: BrowserEnv;
  let page: Page;

  beforeAll(async () => {
    env = await startBrowserEnv();
    page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
    // The intake assessment the plan builds on: housing a significant need, work some.
    const s = await login(env.app, 'saksbehandler', DEMO_PASSWORD);
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/v1/people/${PERSON}/assessments`,
      headers: s.headers,
      payload: {
        supersedesId: null,
        occasion: 'intake',
        assessedOn: new Date().toISOString().slice(0, 10),
        informationSources: 'Dom, personundersøkelse, samtale ved innsettelse',
        needs: [
          { area: 'housing', level: 'significant', note: 'Uten fast bolig' },
          { area: 'work', level: 'some', note: '' },
        ],
        ratings: [{ purpose: 'release', probability: 2, consequence: 2, basis: 'Stabil atferd' }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
  });
  afterAll(() => env?.close());

  it('builds a plan with the person, records the agreement and shows the next step on the path', async () => {
    await page.goto(`${env.baseUrl}/login`);
    await page.getByLabel('Brukernavn').fill('saksbehandler');
    await page.getByLabel('Passord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('link', { name: 'Risikovurderinger' }).waitFor();

    await page.goto(`${env.baseUrl}/people/${PERSON}`);
    const section = page.getByTestId('person-plan');
    await section.getByText('Ingen plan ennå').waitFor();
    await section.getByRole('link', { name: 'Se plan og progresjon' }).click();

    await page.getByRole('heading', { level: 1, name: /^Plan for gjennomføring/ }).waitFor();
    const draft = page.getByTestId('plan-draft');
    await draft.getByRole('heading', { name: 'Ny plan' }).waitFor();
    // One goal proposed for each need the assessment names.
    const goal1 = draft.getByRole('group', { name: 'Mål 1' });
    const goal2 = draft.getByRole('group', { name: 'Mål 2' });
    await expect.poll(() => goal1.getByLabel('Behovsområde').inputValue()).toBe('housing');
    await expect.poll(() => goal2.getByLabel('Behovsområde').inputValue()).toBe('work');
    await goal1.getByLabel('Mål', { exact: true }).fill('Fast bolig ved løslatelse');
    await goal1.getByLabel('Aktiviteter').fill('Søknad om kommunal bolig med NAV-veileder');
    await goal1.getByLabel('Ansvarlig').fill('NAV-veileder i fengselet');
    await goal2.getByLabel('Mål', { exact: true }).fill('Arbeid i verkstedet');
    await goal2.getByLabel('Ansvarlig').fill('Domfelte og kontaktbetjent');
    await draft.getByLabel('Domfelte forplikter seg til').fill('Møte til samtaler og delta i arbeidsdriften');
    await draft.getByLabel('Kriminalomsorgen forplikter seg til').fill('Kontaktbetjent hver uke');
    await expectAccessible(page, 'new plan');
    await draft.getByRole('button', { name: 'Lag plan' }).click();
    await page.getByRole('heading', { name: 'Utkast, versjon 1' }).waitFor();

    const agreement = page.getByTestId('plan-agreement');
    // Both must sign: the summary names the missing signature.
    await agreement.getByLabel('Signatur, domfelte').fill('Åsmund Ødegård');
    await agreement.getByRole('button', { name: 'Registrer avtalen' }).click();
    await expect.poll(() => agreement.textContent()).toContain('Avtalen må signeres av begge parter.');
    await expectAccessible(page, 'agreement with error');
    await agreement.getByLabel('Signatur, for kriminalomsorgen').fill('Saksbehandler');
    await agreement.getByRole('button', { name: 'Registrer avtalen' }).click();

    const agreed = page.getByTestId('plan-agreed');
    await agreed.getByRole('heading', { name: 'Avtalt plan, versjon 1' }).waitFor();
    await expect.poll(() => agreed.textContent()).toContain('Fast bolig ved løslatelse');
    await expect.poll(() => page.getByTestId('plan-history').textContent()).toContain('Versjon 1 – avtalt');

    // The next step and its date, the one the sentence engine stored.
    const next = page.locator('[data-testid="plan-path"] tr[data-status="next"]');
    await next.waitFor();
    const key = await next.getAttribute('data-key-date');
    const shown = await next.locator('td[data-date]').getAttribute('data-date');
    expect(key).toBeTruthy();
    const stored = await env.handle.db
      .selectFrom('key_date')
      .select('on_date')
      .where('person_id', '=', PERSON)
      .where('key', '=', key as string)
      .executeTakeFirst();
    expect(stored?.on_date).toBeTruthy();
    expect(shown).toBe(stored?.on_date);
    await expectAccessible(page, 'agreed plan');

    await page.getByRole('link', { name: 'Tilbake til personen' }).click();
    await expect.poll(() => page.getByTestId('person-plan').textContent()).toContain('Avtalt (versjon 1)');
  });
});
