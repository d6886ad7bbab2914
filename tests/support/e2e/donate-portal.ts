import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../../publisher/port-free.ts';

/**
 * The built e2e site served the way production serves a release: the publisher's portal server
 * (static client files + the Astro server bundle's API routes in one process) over a release
 * store whose `current` release is the e2e build. The donations API gets a fresh data directory
 * (SQLite ledger, sandbox RSA keys, fake-Alipay trades) per run and judges eligibility against the
 * e2e snapshot; its sandbox delivers the signed notify to this very server.
 *
 * It runs in a child process (`publisher/serve/serve-release.ts`) with its own environment: the
 * donations API is configured from the environment, and setting that in vitest's main process
 * would leak into every other project's workers and the journeys' portal.
 */
export interface E2ePortal {
  url: string;
  /** XIANJIE_DATA_DIR of the donations API for this run. */
  dataDir: string;
  ledgerPath: string;
  /**
   * The donations settings this portal runs with (data dir, site URL, snapshot): a test builds its
   * own context over the same ledger and sandbox from them (monthly-scheduler.ts).
   */
  env: Record<string, string>;
  close(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ENTRY = join(ROOT, 'publisher', 'serve', 'serve-release.ts');
const READY_TIMEOUT_MS = 60_000;

function waitForReady(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => reject(new Error(`e2e 门户 ${READY_TIMEOUT_MS} ms 内未就绪\n${err}`)),
      READY_TIMEOUT_MS,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /^READY (\S+)$/m.exec(out);
      if (ready?.[1]) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err = (err + chunk.toString()).slice(-10_000);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`e2e 门户进程退出（${code}）\n${err}`));
    });
  });
}

/** `workDir` holds the build (`site/client`, `site/server`); `snapshotPath` the snapshot it was built from. */
export async function startE2ePortal(workDir: string, snapshotPath: string): Promise<E2ePortal> {
  const dataDir = await mkdtemp(join(tmpdir(), 'xianjie-e2e-'));
  await mkdir(join(dataDir, 'releases'));
  await symlink(workDir, join(dataDir, 'releases', 'e2e'));
  await symlink('e2e', join(dataDir, 'releases', 'current'));
  const port = await freePort();
  const donations = {
    XIANJIE_DATA_DIR: dataDir,
    XIANJIE_SITE_URL: `http://127.0.0.1:${port}`,
    DONATIONS_SNAPSHOT: snapshotPath,
    // No monthly scheduler on the wall clock: tests/e2e/monthly.test.ts ticks it at its own
    // (injected) clock through tests/support/e2e/monthly-scheduler.ts.
    MONTHLY_SCHEDULE: 'off',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, String(port)], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...donations,
      // Every e2e test gives from 127.0.0.1, one client to the limiter: the production default
      // (20 orders a minute) refuses the tier's own gifts when several files run close together.
      // The limit itself is tested in tests/integration/donations/limits.test.ts.
      DONATION_RATE_LIMIT: '1000',
      // Gift lookups likewise (tests/e2e/my-gifts.test.ts looks one gift up from several
      // "devices"); the limits are tested in tests/integration/donations/after-gift/lookup.test.ts.
      LOOKUP_RATE_LIMIT: '1000',
      LOOKUP_NUMBER_LIMIT: '20',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await waitForReady(child).catch(async (error: unknown) => {
    child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    url,
    dataDir,
    ledgerPath: join(dataDir, 'donations', 'ledger.db'),
    env: donations,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
