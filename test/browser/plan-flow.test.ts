import { sql } from 'kysely';
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

// From the assessment to the path: a case worker builds a plan with an inmate from the needs of
// the assessment, records the agreement (both sign), enrols the person in an activity of the prison
// from the plan's work goal, and reads the progression path's next step and its date; the goal then
// lists the activity, and the plan is on the facility's list of plans to review.
const PERSON = 'd3e10000-0000-4000-8000-000000000003';

describe.skipIf(!chromiumPath)('the plan from assessment to path in the browser', () => {
  let env: BrowserEnv;
  let page: Page;
  let activity: { id: string; name: string; facility: string };

  beforeAll(async () => {
    env = await startBrowserEnv();
    page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
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
    // An activity at the person's prison the person is not already in.
    const { rows } = await sql<{ id: string; name: string; facility: string }>`
      select a.id, a.name, f.name as facility from activity a
      join facility f on f.id = a.facility_id
      join placement pl on pl.facility_id = a.facility_id and pl.person_id = ${PERSON} and pl.to_date is null
      where a.kind = 'work' and not exists (select 1 from activity_enrolment e
        where e.activity_id = a.id and e.person_id = ${PERSON} and e.status <> 'ended')
      order by a.name limit 1`.execute(env.handle.db);
    expect(rows).toHaveLength(1);
    activity = rows[0] as typeof activity;
  });
  afterAll(() => env?.close());

  it('builds the plan, records the agreement, enrols from the goal and shows the next step', async () => {
    await page.goto(`${env.baseUrl}/login`);
    await page.getByLabel('Brukernavn').fill('saksbehandler');
    await page.getByLabel('Passord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('link', { name: 'Planer', exact: true }).waitFor();

    await page.goto(`${env.baseUrl}/people/${PERSON}`);
    await page.getByTestId('person-plan').getByRole('link', { name: 'Se plan og progresjon' }).click();
    await page.getByRole('heading', { level: 1, name: /^Plan for gjennomføring/ }).waitFor();

    // One goal per need of the assessment: housing and work.
    const draft = page.getByTestId('plan-draft');
    const goal1 = draft.getByRole('group', { name: 'Mål 1' });
    const goal2 = draft.getByRole('group', { name: 'Mål 2' });
    await expect.poll(() => goal1.getByLabel('Behovsområde').inputValue()).toBe('housing');
    await expect.poll(() => goal2.getByLabel('Behovsområde').inputValue()).toBe('work');
    await goal1.getByLabel('Mål', { exact: true }).fill('Fast bolig ved løslatelse');
    await goal1.getByLabel('Ansvarlig').fill('NAV-veileder i fengselet');
    await goal2.getByLabel('Mål', { exact: true }).fill('Arbeid i verkstedet');
    await goal2.getByLabel('Ansvarlig').fill('Domfelte og kontaktbetjent');
    await draft.getByLabel('Domfelte forplikter seg til').fill('Møte til samtaler og delta i arbeidsdriften');
    await draft.getByLabel('Kriminalomsorgen forplikter seg til').fill('Kontaktbetjent hver uke');
    await draft.getByRole('button', { name: 'Lag plan' }).click();
    await page.getByRole('heading', { name: 'Utkast, versjon 1' }).waitFor();

    // The agreement, signed by both.
    const agreement = page.getByTestId('plan-agreement');
    await agreement.getByLabel('Signatur, domfelte').fill('Åsmund Ødegård');
    await agreement.getByLabel('Signatur, for kriminalomsorgen').fill('Siri Saksbehandler');
    await agreement.getByRole('button', { name: 'Registrer avtalen' }).click();
    await page.getByTestId('plan-agreed').getByRole('heading', { name: 'Avtalt plan, versjon 1' }).waitFor();

    // Enrol from the work goal: the activities of the person's prison, with places or a waiting list.
    const links = page.getByTestId('plan-links');
    const work = links.locator('article').filter({ hasText: 'Arbeid i verkstedet' });
    await expect.poll(() => work.textContent()).toContain('Ingen aktiviteter knyttet til målet.');
    await expectAccessible(page, 'agreed plan with goals and measures');
    await work.getByRole('button', { name: 'Meld på aktivitet' }).click();
    const form = work.getByTestId('goal-enrol-form');
    await form.getByLabel('Aktivitet').selectOption(activity.id);
    await expectAccessible(page, 'enrolment from the goal');
    await form.getByRole('button', { name: 'Meld på', exact: true }).click();
    await expect
      .poll(() => links.getByTestId('plan-links-notice').textContent())
      .toMatch(new RegExp(`(Meldt på|Satt på ventelisten til) ${activity.name}\\.`));
    // The goal lists the activity with its status.
    const listed = work.getByTestId('goal-activities');
    await expect
      .poll(() => listed.textContent())
      .toMatch(new RegExp(`${activity.name}.*(Deltar fra|Venteliste, nr\\.)`));
    const stored = await env.handle.db
      .selectFrom('activity_enrolment')
      .select(['goal_key', 'plan_id'])
      .where('person_id', '=', PERSON)
      .where('activity_id', '=', activity.id)
      .where('status', '<>', 'ended')
      .executeTakeFirstOrThrow();
    expect(stored.goal_key).toBeTruthy();

    // The progression path: the next step and its date, the key date the sentence engine stored.
    const next = page.locator('[data-testid="plan-path"] tr[data-status="next"]');
    await next.waitFor();
    const key = await next.getAttribute('data-key-date');
    const shown = await next.locator('td[data-date]').getAttribute('data-date');
    const keyDate = await env.handle.db
      .selectFrom('key_date')
      .select('on_date')
      .where('person_id', '=', PERSON)
      .where('key', '=', key as string)
      .executeTakeFirst();
    expect(keyDate?.on_date).toBeTruthy();
    expect(shown).toBe(keyDate?.on_date);
    await expectAccessible(page, 'plan after enrolment');

    // The activity names the goal's need area for the person.
    await listed.getByRole('link', { name: activity.name }).click();
    await page.getByRole('heading', { level: 1, name: activity.name }).waitFor();
    const rows = page.locator('[data-testid="activity-enrolled"] tr, [data-testid="activity-waiting"] tr');
    await expect
      .poll(async () => (await rows.filter({ hasText: 'Åsmund Ødegård' }).textContent()) ?? '')
      .toContain('Arbeid');

    // The plan is on the prison's list of plans to review, three months on.
    await page.getByRole('link', { name: 'Planer', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Planer til revisjon' }).waitFor();
    const facility = page.getByLabel('Enhet', { exact: true });
    await expect.poll(() => facility.locator('option').count()).toBeGreaterThan(0);
    await facility.selectOption({ label: activity.facility });
    await page.getByLabel('Innen antall dager').fill('120');
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await expect
      .poll(
        async () =>
          (await page
            .getByTestId('plans-due')
            .textContent()
            .catch(() => '')) ?? '',
      )
      .toContain('Åsmund Ødegård');
    await expectAccessible(page, 'plans due for review');
  });
});
