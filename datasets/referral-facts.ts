import type { ReferralFact } from '../content/contracts/referral-facts.ts';
import { addDays, daysBetween, minDate } from '../content/rules/dates.ts';
import { buildReferralAggregates } from '../content/rules/referral-aggregates.ts';
import type { IsoDate } from '../content/schemas/common.ts';
import type { ReferralAggregates } from '../content/schemas/referral-aggregates.ts';
import { TARGET_GROUPS, type TargetGroup } from '../content/schemas/taxonomy.ts';
import type { Rng } from './random.ts';
import type { County } from './regions.ts';

/**
 * Fictional de-identified referral facts for the demo, in the shape the workbench hands a release
 * (content/contracts/referral-facts.ts): both directions, every outcome, over the past year. A few
 * busy counties get most of them and many counties only a handful, so the demo's public tables
 * show real numbers beside "<5" and complementary suppression — what the pages must explain.
 * The facts themselves never enter the snapshot: only the suppressed aggregates do.
 */

const CHARITY_OUTCOMES = [
  ['helped', 40],
  ['accepted', 14],
  ['declined', 16],
  ['overdue', 9],
  ['closed-unhelped', 8],
] as const;
const REPORT_OUTCOMES = [
  ['assessed', 20],
  ['not-eligible', 18],
  ['assisted', 30],
  ['helped-to-apply', 32],
] as const;
/** Reports a charity makes concern people who may qualify for 低保/特困/临时救助: these groups mostly. */
const REPORT_GROUPS: readonly TargetGroup[] = ['dibao', 'tekun', 'low-income', 'seriously-ill', 'disabled'];

export function generateReferralFacts(
  rng: Rng,
  asOf: IsoDate,
  counties: readonly County[],
  count: number,
): ReferralFact[] {
  if (counties.length === 0 || count === 0) return [];
  // Busy counties first: weights fall off steeply, so the tail has single-digit cells.
  const weights = counties.map((_, i) => (i < 3 ? 30 : i < 8 ? 6 : 1));
  const groups = Object.keys(TARGET_GROUPS) as TargetGroup[];
  const facts: ReferralFact[] = [];
  for (let i = 0; i < count; i++) {
    const county = rng.weighted(counties, weights);
    const createdOn = addDays(asOf, -rng.int(0, 365));
    const age = daysBetween(createdOn, asOf);
    const base = { provinceCode: county.provinceCode, countyCode: county.code, createdOn };
    if (rng.chance(0.72)) {
      const targetGroup = rng.weighted(
        groups,
        groups.map((_, j) => (j < 4 ? 3 : 1)),
      );
      // Within the 5-working-day answer window a referral is still pending.
      if (age < 7) {
        facts.push({ ...base, direction: 'to-charity', targetGroup, outcome: 'pending' });
        continue;
      }
      const outcome = rng.weightedPairs(CHARITY_OUTCOMES);
      if (outcome === 'declined' || outcome === 'overdue') {
        facts.push({ ...base, direction: 'to-charity', targetGroup, outcome });
        continue;
      }
      const acceptedOn = minDate(addDays(createdOn, rng.weighted([0, 1, 2, 3, 5, 7], [2, 4, 4, 3, 2, 1])), asOf);
      facts.push({ ...base, direction: 'to-charity', targetGroup, outcome, acceptedOn });
    } else {
      const targetGroup = rng.pick(REPORT_GROUPS);
      const outcome = age < 20 ? 'pending' : rng.weightedPairs(REPORT_OUTCOMES);
      facts.push({ ...base, direction: 'to-civil-affairs', targetGroup, outcome });
    }
  }
  return facts;
}

/**
 * Counties of the needs, grouped as a province's offices would use the workbench: the provinces
 * with the most need counties (first seen first on a tie), up to four counties each, so the
 * province tables have several counties to add up (and complementary suppression has work).
 */
function referralCounties(needs: readonly { county: County }[], limit: number): County[] {
  const byProvince = new Map<string, County[]>();
  for (const { county } of needs) {
    const list = byProvince.get(county.provinceCode) ?? [];
    if (!list.some((c) => c.code === county.code)) list.push(county);
    byProvince.set(county.provinceCode, list);
  }
  const perProvince = 4;
  return [...byProvince.values()]
    .sort((a, b) => Math.min(b.length, perProvince) - Math.min(a.length, perProvince))
    .flatMap((list) => list.slice(0, perProvince))
    .slice(0, limit);
}

/** The demo's public referral tables: facts made here, suppressed as a release suppresses them. */
export function demoReferralAggregates(
  rng: Rng,
  asOf: IsoDate,
  needs: readonly { county: County }[],
  plan: { referrals: number; referralCounties: number },
): ReferralAggregates | null {
  if (plan.referrals === 0) return null;
  const counties = referralCounties(needs, plan.referralCounties);
  const names = new Map<string, string>();
  for (const c of counties) {
    names.set(c.code, c.name);
    names.set(c.provinceCode, c.province);
  }
  return buildReferralAggregates(generateReferralFacts(rng, asOf, counties, plan.referrals), asOf, (code) =>
    names.get(code),
  );
}
