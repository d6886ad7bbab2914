import { describe, expect, it } from 'vitest';
import { REFERRAL_OUTCOMES, referralFactSchema } from '../../../content/contracts/referral-facts.ts';
import { referralAggregatesSchema } from '../../../content/schemas/referral-aggregates.ts';
import { generateSnapshot } from '../../../datasets/generate.ts';
import { Rng } from '../../../datasets/random.ts';
import { generateReferralFacts } from '../../../datasets/referral-facts.ts';
import { COUNTIES } from '../../../datasets/regions.ts';

const ASOF = '2026-12-01';
const counties = COUNTIES.filter((c) => c.provinceCode === '620000').slice(0, 6);

describe('generateReferralFacts', () => {
  it('is a pure function of the seed, valid under the contract, and reaches every outcome', () => {
    const a = generateReferralFacts(new Rng(7), ASOF, counties, 400);
    expect(generateReferralFacts(new Rng(7), ASOF, counties, 400)).toEqual(a);
    expect(generateReferralFacts(new Rng(8), ASOF, counties, 400)).not.toEqual(a);
    for (const fact of a) expect(referralFactSchema.parse(fact)).toEqual(fact);
    expect(new Set(a.map((f) => f.outcome))).toEqual(new Set(REFERRAL_OUTCOMES));
    expect(a.every((f) => f.createdOn <= ASOF && (f.acceptedOn ?? f.createdOn) <= ASOF)).toBe(true);
  });
});

describe('the demo snapshot', () => {
  it('carries only suppressed referral aggregates, with "<5" and complementary cells to explain', () => {
    const snapshot = generateSnapshot({ size: 'demo', asOf: ASOF });
    const aggregates = referralAggregatesSchema.parse(snapshot.referralAggregates);
    const cells = aggregates.rows.flatMap((r) => [...Object.values(r.toCharity), ...Object.values(r.toCivilAffairs)]);
    expect(cells).toContain('<5');
    expect(cells).toContain('suppressed');
    expect(new Set(aggregates.rows.map((r) => r.level))).toEqual(new Set(['national', 'province', 'county']));
    // Every province in the tables has a needs page to show them on.
    const needProvinces = new Set(snapshot.needs.map((n) => n.region.provinceCode));
    for (const row of aggregates.rows.filter((r) => r.level === 'province')) {
      expect(needProvinces.has(row.regionCode ?? '')).toBe(true);
    }
  });
});
