import { existsSync } from 'node:fs';
import { deidentifiedFacts, openWorkbenchDb, readReferralsConfig } from '../../referrals/index.ts';
import type { ReferralFactSource } from './referral-aggregates.ts';

/**
 * THE place a release's referral facts come from: the workbench's (`referrals/`)
 * `deidentifiedFacts`, read once per release by the pull child (releases/pull-release-child.ts) in
 * its own process, which opens the workbench's database itself and closes it again.
 *
 * A workbench that has never run (its SQLite file does not exist yet — the very first release of a
 * fresh `npm start`, which seeds the demo workbench only after that release is live) is no source:
 * a file snapshot (the demo) keeps the aggregates it carries and a CMS pull publishes none. Once
 * the workbench exists, even an empty one, its facts are the truth and replace whatever the
 * snapshot carried. PostgreSQL is always a source.
 */
export async function referralFactSource(): Promise<ReferralFactSource | null> {
  const config = readReferralsConfig();
  if (config.database.kind === 'sqlite' && !existsSync(config.database.path)) return null;
  return {
    facts: async () => {
      const workbench = await openWorkbenchDb(config.database);
      try {
        return await deidentifiedFacts(workbench);
      } finally {
        await workbench.close();
      }
    },
  };
}
