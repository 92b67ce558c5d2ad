import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/server/shared/clock.ts';
import {
  type BrowserEnv,
  chromiumPath,
  DEMO_PASSWORD,
  expectAccessible,
  startBrowserEnv,
} from './support.ts';

// A case worker opens a release checklist of an inmate with a high risk at release, sees that the
// decision is significant for public safety and the justification required, submits without it
// and is told so in the error summary, then justifies and saves it; a change makes version 2 and
// the first is listed as history.
describe.skipIf(!chromiumPath)('the release decision in the browser', () => {
  let env: BrowserEnv;
  let page: Page;

  beforeAll(async () => {
    env = await startBrowserEnv();
    page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(() => env?.close());

  it('requires the justification of a significant decision, saves it and keeps the history', async () => {
    const today = systemClock.today();
    // A checklist in the case worker's prisons whose person has a high release risk and no decision yet.
    const { rows } = await sql<{ id: string }>`
      select c.id from release_checklist c
      join facility f on f.id = c.facility_id and f.code in ('OSL', 'ILA', 'BRE')
      join sentence s on s.id = c.sentence_id and s.status = 'admitted'
      join risk_assessment a on a.person_id = c.person_id and a.status = 'current'
      join risk_rating r on r.assessment_id = a.id and r.purpose = 'release' and r.level = 'high'
      where c.release_date > ${today}::date
        and exists (select 1 from key_date k where k.person_id = c.person_id and k.key = 'term_end'
                    and k.on_date is not null and k.status <> 'not_applicable')
        and not exists (select 1 from release_decision d where d.sentence_id = c.sentence_id)
      order by c.release_date, c.id limit 1`.execute(env.handle.db);
    const checklistId = rows[0]?.id;
    expect(checklistId, 'a checklist with a high release risk in the demo').toBeDefined();

    await page.goto(`${env.baseUrl}/login`);
    await page.getByLabel('Brukernavn').fill('saksbehandler');
    await page.getByLabel('Passord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('button', { name: 'Logg ut' }).waitFor();

    // The releases list tells which have a decision.
    await page.goto(`${env.baseUrl}/loslatelse`);
    const upcoming = page.getByTestId('release-upcoming');
    await upcoming.waitFor();
    await expect.poll(() => upcoming.textContent()).toContain('Mangler vedtak');
    await expect.poll(() => upcoming.textContent()).toContain('Vedtak fattet');

    await page.goto(`${env.baseUrl}/loslatelse/${checklistId}`);
    const section = page.getByTestId('release-decision');
    await section.getByRole('heading', { level: 2, name: 'Løslatelsesvedtak' }).waitFor();
    await section.getByText('Det er ikke fattet vedtak om løslatelse ennå.').waitFor();
    await expect
      .poll(() => section.getByTestId('release-significant').textContent())
      .toContain('Høy risiko ved løslatelse');
    await expect
      .poll(() => section.getByTestId('release-assessment').textContent())
      .toContain('risiko ved løslatelse: Høy');
    const form = section.getByTestId('release-decision-form');
    const justification = form.getByLabel('Begrunnelse (påkrevd)');
    await justification.waitFor();
    await expectAccessible(page, 'checklist with the decision form');

    await form.getByLabel(/^Endt tid/).check();
    await form.getByRole('button', { name: 'Fatt vedtak' }).click();
    const summary = section.getByRole('link', { name: /må begrunnes skriftlig/ });
    await summary.waitFor();
    expect(await summary.getAttribute('href')).toBe('#release-justification');
    await expectAccessible(page, 'decision form with errors');

    await justification.fill('Bolig er bekreftet; følges av kriminalomsorgen til NAV-kontoret første dag.');
    await form.getByLabel('Ved porten').selectOption({ label: 'Hentes av nettverk eller familie' });
    await form.getByRole('button', { name: 'Fatt vedtak' }).click();
    await section.getByText('Vedtaket er lagret som versjon 1.').waitFor();
    const current = section.getByTestId('release-decision-current');
    await expect.poll(() => current.textContent()).toContain('Endt tid');
    await expect.poll(() => current.textContent()).toContain('Hentes av nettverk eller familie');

    // A change is a new version; the first is kept as history.
    await section.getByRole('heading', { name: 'Endre vedtaket (ny versjon)' }).waitFor();
    await form.getByLabel(/^Endt tid/).check();
    await form.getByLabel('Ved porten').selectOption({ label: 'Følges av kriminalomsorgen' });
    await form
      .getByLabel('Begrunnelse (påkrevd)')
      .fill('Nettverket kan likevel ikke hente; følges av tjenesten.');
    await form.getByRole('button', { name: 'Lagre ny versjon' }).click();
    await section.getByText('Vedtaket er lagret som versjon 2.').waitFor();
    await expect.poll(() => current.textContent()).toContain('Følges av kriminalomsorgen');
    const history = section.getByTestId('release-decision-history');
    await expect.poll(() => history.textContent()).toContain('Hentes av nettverk eller familie');
    await expectAccessible(page, 'decision and its history');
  });
});
