import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import {
  type DemoAccount,
  demoAccountsPath,
  readDemoAccountsFile,
} from '../../../cms/src/bootstrap/demo-accounts-file.ts';
import { parseSnapshot, type Snapshot } from '../../../content/index.ts';

/** What the global setup started, the demo accounts it created, and the live release's content. */
export function journeyPortal(): { baseUrl: string; strapiUrl: string; dataDir: string } {
  return inject('journeys');
}

export type { DemoAccount };

/** The demo accounts file, exactly where `npm start` tells people to look. */
export function demoAccounts(): DemoAccount[] {
  return readDemoAccountsFile(demoAccountsPath(journeyPortal().dataDir));
}

export function account(predicate: (a: DemoAccount) => boolean, what: string): DemoAccount {
  const found = demoAccounts().find(predicate);
  if (!found) throw new Error(`演示账号文件中没有${what}`);
  return found;
}

/** The snapshot the live release was built from (what the pages show). */
export function liveSnapshot(): Snapshot {
  const { dataDir } = journeyPortal();
  const raw: unknown = JSON.parse(readFileSync(join(dataDir, 'releases', 'current', 'snapshot.json'), 'utf8'));
  return parseSnapshot(raw, '线上版本的快照');
}

/** Prints a step of a journey, so a long run shows where it is. */
export function step(journey: string, text: string): void {
  process.stdout.write(`[journey ${journey}] ${text}\n`);
}
