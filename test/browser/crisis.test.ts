import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserEnv,
  chromiumPath,
  DEMO_PASSWORD,
  expectAccessible,
  startBrowserEnv,
} from './support.ts';

// The crisis team's workflow at one prison, as the unit leader of Oslo does it: a case is confirmed
// on the person page, the contacts are traced and the closest put in quarantine in one step, the
// infected are gathered by the cohort proposal, and the crisis overview counts what was recorded.
// The demo holds one case in Oslo fengsel already; the new case is an inmate of another department
// of the prison (the first by id with no health status), so that the proposal has someone to move.

const FACILITY = 'Oslo fengsel';
/** The order the contact list is ranked in (closest exposure first). */
const EXPOSURE_RANK = ['Samme celle', 'Samme vakt og avdeling', 'Samme avdeling', 'Samme besøksrom'];

describe.skipIf(!chromiumPath)('the crisis workflow in the browser', () => {
  let env: BrowserEnv;
  let page: Page;

  beforeAll(async () => {
    env = await startBrowserEnv();
    page = await env.browser.newPage({ viewport: { width: 1400, height: 900 } });
  });
  afterAll(() => env?.close());

  /** The facility's row in the overview: inmate cases and inmates in quarantine, as shown. */
  const dashboardFigures = async () => {
    await page.goto(`${env.baseUrl}/kriseoversikt`);
    await page.getByRole('heading', { level: 1, name: 'Kriseoversikt' }).waitFor();
    const table = page.getByTestId('crisis-table');
    await table.waitFor();
    const headers = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
    const row = table.locator('tbody tr').filter({
      has: page.getByRole('rowheader', { name: FACILITY, exact: true }),
    });
    await row.waitFor();
    const cells = await row.locator('th, td').allTextContents();
    const figure = (header: string) => {
      const i = headers.indexOf(header);
      expect(i, header).toBeGreaterThan(0);
      return Number.parseInt(cells[i] ?? '', 10);
    };
    return { cases: figure('Smittede innsatte'), quarantine: figure('Karantene innsatte') };
  };

  /** An inmate of Oslo fengsel outside the department of the demo's case, with no health status. */
  const inmateElsewhere = async () => {
    const { rows } = await sql<{ id: string; name: string }>`
      select p.id, p.given_name || ' ' || p.family_name as name
      from placement pl
      join person p on p.id = pl.person_id
      join facility f on f.id = pl.facility_id and f.code = 'OSL'
      join bed b on b.id = pl.bed_id
      join cell c on c.id = b.cell_id
      where pl.to_date is null and pl.kind = 'cell'
        and not exists (select 1 from health_status h where h.person_id = p.id)
        and c.department_id not in (
          select c2.department_id from health_status h2
          join placement pl2 on pl2.person_id = h2.person_id and pl2.to_date is null
          join bed b2 on b2.id = pl2.bed_id join cell c2 on c2.id = b2.cell_id
          where h2.facility_id = f.id and h2.status in ('confirmed', 'isolation'))
      order by p.id
      limit 1`.execute(env.handle.db);
    const found = rows[0];
    if (!found) throw new Error('the demo holds no inmate for the test');
    return found;
  };

  it('confirms a case, traces and quarantines contacts, cohorts, and sees it on the overview', async () => {
    const person = await inmateElsewhere();
    const name = person.name;
    await page.goto(`${env.baseUrl}/login`);
    await page.getByLabel('Brukernavn').fill('enhetsleder');
    await page.getByLabel('Passord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('button', { name: 'Logg ut' }).waitFor();

    const before = await dashboardFigures();
    expect(Number.isInteger(before.cases) && Number.isInteger(before.quarantine)).toBe(true);
    await expectAccessible(page, 'crisis overview before');

    // 1. The case is confirmed from today on the person page.
    await page.goto(`${env.baseUrl}/people/${person.id}`);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const health = page.getByTestId('person-health');
    await health.waitFor();
    await expect.poll(() => health.textContent()).toContain('Ingen registrert helsestatus');
    await health.getByLabel('Status', { exact: true }).selectOption({ label: 'Bekreftet' });
    await health.getByRole('button', { name: 'Registrer status' }).click();
    await expect.poll(() => health.textContent()).toContain('Helsestatusen er registrert.');
    await expectAccessible(page, 'person page with a confirmed case');

    // 2. Contact tracing from the case: a ranked list of contacts.
    await health.getByRole('link', { name: `Smittesporing for ${name}` }).click();
    await page.waitForURL(/\/helse\?facility=[0-9a-f-]+&trace=[0-9a-f-]+/);
    const facilityId = new URL(page.url()).searchParams.get('facility') as string;
    const tracing = page.getByTestId('contact-tracing');
    await tracing.getByRole('heading', { level: 2, name: `Smittesporing: ${name}` }).waitFor();
    const contacts = page.getByTestId('contacts-table');
    await contacts.waitFor();
    const rows = contacts.locator('tbody tr');
    const count = await rows.count();
    expect(count).toBeGreaterThan(2);
    const ranks: number[] = [];
    for (let i = 0; i < count; i++) {
      const exposure = (await rows.nth(i).locator('td').nth(3).textContent()) ?? '';
      ranks.push(Math.min(...EXPOSURE_RANK.map((r, n) => (exposure.includes(r) ? n : 99))));
    }
    expect(ranks.every((r) => r < 99)).toBe(true);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    await expectAccessible(page, 'contact tracing');

    // 3. Two inmate contacts with no open status go into quarantine in one step.
    const free = rows.filter({ has: page.getByRole('cell', { name: 'Innsatt', exact: true }) });
    const chosen: string[] = [];
    for (let i = 0; i < (await free.count()) && chosen.length < 2; i++) {
      const row = free.nth(i);
      if (((await row.locator('td').nth(6).textContent()) ?? '').trim() !== '') continue;
      chosen.push(((await row.locator('td').nth(1).textContent()) ?? '').trim());
      await row.getByRole('checkbox').check();
    }
    expect(chosen).toHaveLength(2);
    await tracing.getByRole('button', { name: 'Sett i karantene' }).click();
    await expect.poll(() => tracing.getByRole('status').textContent()).toContain('2 satt i karantene.');
    for (const contact of chosen) {
      const row = rows.filter({ has: page.getByRole('cell', { name: contact, exact: true }) }).first();
      await expect.poll(() => row.locator('td').nth(6).textContent()).toContain('Karantene');
    }
    await expectAccessible(page, 'contact tracing after quarantine');

    // 4. The cohort proposal includes the confirmed person; the moves are carried out at once.
    await page.goto(`${env.baseUrl}/kohort?facility=${facilityId}`);
    await page.getByRole('heading', { level: 1, name: 'Kohortering' }).waitFor();
    const infected = page.getByRole('table', { name: 'Innsatte som er bekreftet smittet eller i isolasjon' });
    await infected.waitFor();
    await expect.poll(() => infected.textContent()).toContain(name);
    const apply = page.getByRole('button', { name: 'Utfør flyttinger' });
    await apply.waitFor();
    const moves = page.getByRole('table', { name: 'Flyttinger i forslaget' });
    await expect.poll(() => moves.textContent()).toContain(name);
    const planned = await moves.locator('tbody tr').count();
    const department = await page
      .locator('dt', { hasText: 'Foreslått avdeling' })
      .locator('xpath=following-sibling::dd[1]')
      .textContent();
    expect(department).toMatch(/^Avdeling /);
    await expectAccessible(page, 'cohort proposal');
    await apply.click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe(`${planned} flyttinger er utført.`);
    await expect.poll(() => page.getByText('Ingen flyttinger trengs.').count()).toBeGreaterThan(0);
    const where = infected.locator('tbody tr').filter({ hasText: name }).locator('td').nth(1);
    await expect.poll(() => where.textContent()).toContain(`${department}, celle`);
    await expectAccessible(page, 'cohort after the moves');

    // 5. The overview counts the new case and the two quarantines.
    const after = await dashboardFigures();
    expect(after).toEqual({ cases: before.cases + 1, quarantine: before.quarantine + 2 });
    await expectAccessible(page, 'crisis overview after');
  });
});
