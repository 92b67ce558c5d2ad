import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { prepareDatabase } from '../../src/server/bootstrap.ts';
import { loadConfig } from '../../src/server/config.ts';
import { type DatabaseHandle, openDatabase } from '../../src/server/db/database.ts';
import { createCalculationsService } from '../../src/server/modules/calculations/calculations.service.ts';
import { systemClock } from '../../src/server/shared/clock.ts';

/** Debian's Chromium, or CHROMIUM_PATH; undefined when there is none. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => Boolean(p) && existsSync(p as string));
}

export const chromiumPath = findChromium();
export const requireBrowser = process.env.VARDE_REQUIRE_BROWSER === '1';
if (!chromiumPath) {
  if (requireBrowser)
    throw new Error('VARDE_REQUIRE_BROWSER=1 but no Chromium at /usr/bin/chromium or CHROMIUM_PATH');
  console.log('SKIPPED: browser tests (no Chromium at /usr/bin/chromium; set CHROMIUM_PATH to run them)');
}

export const DEMO_PASSWORD = 'varde-demo-2026';

export interface BrowserEnv {
  app: FastifyInstance;
  handle: DatabaseHandle;
  browser: Browser;
  baseUrl: string;
  close(): Promise<void>;
}

/** Builds the UI, starts Varde on the demo service over an in-memory database, and opens Chromium. */
export async function startBrowserEnv(): Promise<BrowserEnv> {
  const build = spawnSync(
    process.execPath,
    [resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'],
    {
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) throw new Error('vite build failed');
  const handle = await openDatabase({});
  await prepareDatabase(handle.db, {
    demoData: true,
    demoPassword: DEMO_PASSWORD,
    today: systemClock.today(),
  });
  // Stored key dates feed the eligibility lists, as the server's start does in the background.
  await createCalculationsService(handle.db, systemClock).recalculateAll();
  const config = loadConfig({ NODE_ENV: 'test', LOGIN_MAX_PER_MINUTE: '1000' });
  const app = await buildApp({
    db: handle.db,
    config,
    clock: systemClock,
    logger: false,
    webRoot: resolve('dist/web'),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    app,
    handle,
    browser,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await browser.close();
      await app.close();
      await handle.close();
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page as it is now; fails on any serious or critical violation. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // Colours are only final once transitions (a dialog fading in) have run to the end.
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
  );
  // Evaluated through the DevTools protocol, so the page's strict CSP stays on.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            o: object,
          ) => Promise<{
            violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    return axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
  });
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${label}`).toEqual([]);
}

export function addDaysIso(days: number): string {
  const today = systemClock.today();
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
