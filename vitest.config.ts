import { defineConfig } from 'vitest/config';

// Three tiers: pure rules (unit), API + database (integration), the UI in Chromium (browser).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          // A cold page can take a few seconds on a loaded two-core machine.
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
    ],
  },
});
