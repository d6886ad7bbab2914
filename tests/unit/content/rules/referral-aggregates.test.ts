import { describe, expect, it } from 'vitest';
import type { ReferralFact } from '../../../../content/contracts/referral-facts.ts';
import { buildReferralAggregates } from '../../../../content/rules/referral-aggregates.ts';
import { referralAggregatesSchema } from '../../../../content/schemas/referral-aggregates.ts';

const P = '620000';
const A = '621126'; // 岷县
const B = '621121'; // 通渭县

function referrals(n: number, county: string, over: Partial<ReferralFact> & { days?: number } = {}): ReferralFact[] {
  const { days, ...rest } = over;
  return Array.from({ length: n }, () => ({
    direction: 'to-charity' as const,
    provinceCode: P,
    countyCode: county,
    targetGroup: 'disabled' as const,
    createdOn: '2026-10-01',
    outcome: 'pending' as const,
    ...(days !== undefined ? { acceptedOn: `2026-10-${String(1 + days).padStart(2, '0')}` } : {}),
    ...rest,
  }));
}

const names = (code: string) => ({ [P]: '甘肃省', [A]: '甘肃省定西市岷县', [B]: '甘肃省定西市通渭县' })[code];

function row(agg: ReturnType<typeof buildReferralAggregates>, region: string | null, group: string | null) {
  const found = agg.rows.find((r) => r.regionCode === region && r.targetGroup === group);
  if (!found) throw new Error(`no row ${region} ${group}`);
  return found;
}

describe('buildReferralAggregates', () => {
  it('counts, medians and shares where every cell is large enough', () => {
    const facts = [
      ...referrals(6, A, { outcome: 'helped', days: 2 }),
      ...referrals(5, A, { outcome: 'accepted', days: 4 }),
      ...referrals(5, A, { outcome: 'declined' }),
      ...referrals(6, B, { outcome: 'helped', days: 3 }),
      ...referrals(5, B, { outcome: 'overdue' }),
    ];
    const agg = buildReferralAggregates(facts, '2026-12-01', names);
    expect(referralAggregatesSchema.parse(agg)).toEqual(agg);
    const county = row(agg, A, 'disabled');
    expect(county.regionName).toBe('甘肃省定西市岷县');
    expect(county.toCharity).toEqual({
      made: 16,
      awaiting: 0,
      accepted: 11,
      declined: 5,
      overdue: 0,
      helped: 6,
      // 2 days for six, 4 days for five: the sixth value of eleven is 2.
      medianDaysToAccept: 2,
      helpedPercent: 38,
    });
    expect(row(agg, P, null).toCharity.made).toBe(27);
    expect(row(agg, null, null).regionName).toBe('全国');
    expect(row(agg, null, null).toCharity.helped).toBe(12);
    // Groups with nothing are left out; zeros inside a row stay zeros.
    expect(agg.rows.some((r) => r.targetGroup === 'minors')).toBe(false);
    expect(row(agg, B, 'disabled').toCharity.declined).toBe(0);
  });

  it('a small county is "<5", a partner county is hidden, and derived figures on hidden bases go', () => {
    const facts = [
      ...referrals(3, A, { outcome: 'helped', days: 1 }),
      ...referrals(12, B, { outcome: 'helped', days: 2 }),
      ...referrals(9, '621122', { outcome: 'helped', days: 3 }),
    ];
    const agg = buildReferralAggregates(facts, '2026-12-01', names);
    expect(row(agg, A, 'disabled').toCharity).toMatchObject({
      made: '<5',
      accepted: '<5',
      helped: '<5',
      medianDaysToAccept: null,
      helpedPercent: null,
    });
    // The province total (24) is shown, so the smallest other county (9) goes with 岷县.
    expect(row(agg, '621122', 'disabled').toCharity).toMatchObject({
      made: 'suppressed',
      medianDaysToAccept: null,
      helpedPercent: null,
    });
    expect(row(agg, B, 'disabled').toCharity).toMatchObject({ made: 12, medianDaysToAccept: 2, helpedPercent: 100 });
    expect(row(agg, P, 'disabled').toCharity.made).toBe(24);
    // The unnamed county is named by its code rather than dropped.
    expect(row(agg, '621122', null).regionName).toBe('行政区划 621122');
  });

  it('referral outcomes add up to referrals made: "13 made, 12 accepted, 0 declined" would pin an overdue "<5" to 1', () => {
    const facts = [...referrals(12, A, { outcome: 'helped', days: 2 }), ...referrals(1, A, { outcome: 'overdue' })];
    const agg = buildReferralAggregates(facts, '2026-12-01', names);
    expect(row(agg, A, 'disabled').toCharity).toMatchObject({
      made: 13,
      awaiting: 0,
      overdue: '<5',
      declined: 0,
      accepted: 'suppressed',
      medianDaysToAccept: null,
    });
  });

  it('report outcomes add up to reports: one small outcome hides a second', () => {
    const reports = (n: number, outcome: ReferralFact['outcome'], county = A): ReferralFact[] =>
      Array.from({ length: n }, () => ({
        direction: 'to-civil-affairs' as const,
        provinceCode: P,
        countyCode: county,
        targetGroup: 'dibao' as const,
        createdOn: '2026-11-02',
        outcome,
      }));
    const facts = [...reports(2, 'not-eligible'), ...reports(7, 'assisted'), ...reports(9, 'helped-to-apply')];
    const agg = buildReferralAggregates(facts, '2026-12-01', names);
    expect(row(agg, A, 'dibao').toCivilAffairs).toEqual({
      reports: 18,
      pending: 0,
      assessed: 0,
      notEligible: '<5',
      assisted: 'suppressed',
      helpedToApply: 9,
    });
  });

  it('counts only facts made up to asOf, and no raw 1–4 ever comes out (random facts)', () => {
    let seed = 11;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed;
    };
    const counties = [A, B, '621122', '621124', '621125'];
    const groups = ['disabled', 'minors', 'dibao', 'tekun'] as const;
    const outcomes = ['pending', 'declined', 'overdue'] as const;
    const facts: ReferralFact[] = Array.from({ length: 100 }, () => ({
      direction: 'to-charity',
      provinceCode: P,
      countyCode: counties[next() % counties.length] ?? A,
      targetGroup: groups[next() % groups.length] ?? 'disabled',
      createdOn: '2026-10-01',
      outcome: outcomes[next() % outcomes.length] ?? 'pending',
    }));
    const later: ReferralFact = { ...facts[0], createdOn: '2026-12-02' } as ReferralFact;
    const agg = buildReferralAggregates([...facts, later], '2026-12-01');
    expect(row(agg, null, null).toCharity.made).toBe(100);
    const counts = agg.rows.flatMap((r) => {
      const { medianDaysToAccept: _median, helpedPercent: _percent, ...referralCounts } = r.toCharity;
      return [...Object.values(referralCounts), ...Object.values(r.toCivilAffairs)];
    });
    expect(counts.some((v) => v === '<5')).toBe(true);
    expect(counts.filter((v) => typeof v === 'number' && v > 0 && v < 5)).toEqual([]);
    expect(referralAggregatesSchema.safeParse(agg).success).toBe(true);
  });

  it('no facts: no rows', () => {
    expect(buildReferralAggregates([], '2026-12-01').rows).toEqual([]);
  });
});
