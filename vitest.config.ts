import { defineConfig } from 'vitest/config';

/**
 * Tiers: `unit` is pure and fast; `integration` boots a real Strapi and talks to real SQLite and
 * PostgreSQL; `e2e` drives Chromium through built pages; `journeys` drives Chromium through the
 * real started portal (CMS admin included). Strapi's destroy() removes process listeners and kills the forks pool, so
 * integration runs in threads (STACK.md).
 */
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Some unit tests generate the demo dataset (~1–2 s alone); with every worker busy on a
          // 2-core machine that passed vitest's 5 s default.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          pool: 'threads',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        // Real Chromium (Debian's, never a downloaded build) against a built demo site.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
      {
        // The README's `npm start` for real (Strapi seeded, publisher, sandbox) on a throwaway data
        // directory and free ports, driven by Chromium: the user journeys.
        test: {
          name: 'journeys',
          include: ['tests/journeys/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/journeys/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 1_800_000,
        },
      },
    ],
  },
});
