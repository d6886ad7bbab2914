import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { generateSnapshot } from '../../../datasets/index.ts';
import { indexRelease } from '../../../search/index/release-index.ts';
import { type E2ePortal, startE2ePortal } from './donate-portal.ts';
import { withRunningPool } from './e2e-campaign.ts';
import { E2E_AS_OF } from './e2e-constants.ts';

/**
 * Builds the demo site once (a demo snapshot generated for a fixed day, so flags and windows are
 * the same on every run) and serves it as a release is served (static client + API routes,
 * `donate-portal.ts`) on an ephemeral 127.0.0.1 port.
 * The build lives under `.data/` inside the repo: the server chunks resolve the repo's
 * node_modules. Set XIANJIE_E2E_REUSE_BUILD=1 to serve the last build while iterating on tests.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WORK = join(ROOT, '.data', 'build', 'e2e');
const SNAPSHOT = join(WORK, 'demo.json');
const OUT = join(WORK, 'site');
const CLIENT = join(OUT, 'client');

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    clientDir: string;
    /** The donations ledger (SQLite) behind baseUrl's API routes. */
    ledgerPath: string;
    /** The donations settings of that API (tests/support/e2e/monthly-scheduler.ts). */
    portalEnv: Record<string, string>;
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-20_000);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-20_000);
    });
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? ok() : fail(new Error(`${command} ${args.join(' ')} 退出码 ${code}\n${log}`)),
    );
  });
}

let server: E2ePortal | null = null;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const reuse = process.env.XIANJIE_E2E_REUSE_BUILD === '1' && existsSync(join(CLIENT, 'index.html'));
  if (!reuse) {
    await rm(WORK, { recursive: true, force: true });
    await mkdir(WORK, { recursive: true });
    // Plus a campaign running on the day the tests run, with a 配捐 pool (e2e-campaign.ts).
    const snapshot = withRunningPool(generateSnapshot({ size: 'demo', asOf: E2E_AS_OF }), E2E_AS_OF);
    await writeFile(SNAPSHOT, JSON.stringify(snapshot));
    await run(join(ROOT, 'node_modules', '.bin', 'astro'), ['build', '--outDir', OUT], {
      ...process.env,
      CONTENT_SOURCE: `file:${SNAPSHOT}`,
      ASTRO_TELEMETRY_DISABLED: '1',
      // As a release is built: vitest sets NODE_ENV=test, which would bundle React's development
      // build (three times the size) into the islands the budgets measure.
      NODE_ENV: 'production',
    });
    // The search index, as a release builds it (Pagefind only: the e2e run has no Meilisearch).
    await indexRelease({
      clientDir: CLIENT,
      snapshot,
      config: { meilisearch: null },
      // As the release's index child does: the no-JS results page reads these documents.
      documentsFile: join(WORK, 'search-documents.json'),
    });
  }
  // Static files and the API routes in one process, as the publisher serves a release: the
  // islands' API calls (live totals, donations) answer as in production.
  server = await startE2ePortal(WORK, SNAPSHOT);
  project.provide('baseUrl', server.url);
  project.provide('clientDir', CLIENT);
  project.provide('ledgerPath', server.ledgerPath);
  project.provide('portalEnv', server.env);
  return async () => {
    await server?.close();
    server = null;
  };
}
