import type { ReferralFactSource } from './referral-aggregates.ts';

/**
 * THE place a release's referral facts come from — the one line to change when the workbench
 * (`referrals/`) is merged. The pull child (releases/pull-release-child.ts) calls this once per
 * release, in its own process, and hands the result to `withReferralAggregates`:
 *
 *   import { deidentifiedFacts, openReferralsDb } from '../../referrals/index.ts';
 *   export async function referralFactSource(): Promise<ReferralFactSource | null> {
 *     const db = await openReferralsDb(...);          // however referrals/ opens its database
 *     return { facts: async () => { try { return await deidentifiedFacts(db); } finally { await db.destroy(); } } };
 *   }
 *
 * Until then there is no source: a file snapshot (the demo) keeps the aggregates it carries, and
 * a CMS pull publishes none.
 */
export async function referralFactSource(): Promise<ReferralFactSource | null> {
  return null;
}
