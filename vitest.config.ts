import { defineConfig } from 'vitest/config';

/**
 * Tiers: `unit` is pure and fast; `integration` boots a real Strapi and talks to real SQLite and
 * PostgreSQL; `e2e` drives Chromium through built pages. Strapi's destroy() removes process listeners and kills the forks pool, so
 * integration runs in threads (STACK.md).
 */
export default defineConfig({
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
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
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
