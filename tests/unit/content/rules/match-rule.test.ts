import { describe, expect, it } from 'vitest';
import { decideMatch, matchRulesText, poolsFor, ruleMatchFen } from '../../../../content/rules/match-rule.ts';
import { matchPool } from '../../../support/fixtures/matching.ts';

describe('the 配捐 rule', () => {
  const tiered = matchPool({
    tiers: [
      { fromFen: 0, percent: 100 },
      { fromFen: 10_000, percent: 50 },
    ],
    capPerGiftFen: 20_000,
    capPerDonorDayFen: 30_000,
    capPerProjectFen: 50_000,
    totalFen: 100_000,
  });

  it('matches by marginal brackets, rounding down, never beyond the cap per gift', () => {
    expect(ruleMatchFen(tiered, 5_000)).toBe(5_000);
    expect(ruleMatchFen(tiered, 10_000)).toBe(10_000);
    expect(ruleMatchFen(tiered, 10_001)).toBe(10_000);
    expect(ruleMatchFen(tiered, 10_003)).toBe(10_001);
    expect(ruleMatchFen(tiered, 30_000)).toBe(20_000);
    expect(ruleMatchFen(tiered, 100_000)).toBe(20_000);
  });

  it('is cut by the donor, the project and the pool, and says which', () => {
    const room = { donorDayFen: 0, projectFen: 0, poolLeftFen: 100_000 };
    expect(decideMatch(tiered, 5_000, room)).toEqual({ amountFen: 5_000, limitedBy: 'rule' });
    expect(decideMatch(tiered, 50_000, room)).toEqual({ amountFen: 20_000, limitedBy: 'gift-cap' });
    expect(decideMatch(tiered, 5_000, { ...room, donorDayFen: 28_000 })).toEqual({
      amountFen: 2_000,
      limitedBy: 'donor-cap',
    });
    expect(decideMatch(tiered, 5_000, { ...room, projectFen: 49_000 })).toEqual({
      amountFen: 1_000,
      limitedBy: 'project-cap',
    });
    expect(decideMatch(tiered, 5_000, { ...room, poolLeftFen: 0, donorDayFen: 30_000 })).toEqual({
      amountFen: 0,
      limitedBy: 'pool',
    });
  });

  it('splitting a gift never earns more than one gift of the sum (same day, same donor)', () => {
    let donorDayFen = 0;
    for (let i = 0; i < 10; i++) {
      const d = decideMatch(tiered, 10_000, { donorDayFen, projectFen: donorDayFen, poolLeftFen: 100_000 });
      donorDayFen += d.amountFen;
    }
    expect(donorDayFen).toBe(30_000);
  });

  it('applies to the campaign’s projects on its days only', () => {
    const project = { slug: 'minxian-zhuxue', campaigns: ['chunjie-2026'] };
    expect(poolsFor([tiered], project, '2026-02-15')).toHaveLength(1);
    expect(poolsFor([tiered], project, '2026-02-26')).toHaveLength(0);
    expect(poolsFor([tiered], { ...project, campaigns: [] }, '2026-02-15')).toHaveLength(0);
    const listed = matchPool({ eligible: 'list', projects: ['lanzhou-kangfu'] });
    expect(poolsFor([listed], project, '2026-02-15')).toHaveLength(0);
  });

  it('states the rules in plain Chinese, with every cap', () => {
    const text = matchRulesText(tiered, { title: '春节送温暖' }).join('');
    expect(text).toContain('1:1');
    expect(text).toContain('200.00 元');
    expect(text).toContain('拆成多笔捐款不会多得配捐');
    expect(matchRulesText(matchPool({ sponsor: { ...tiered.sponsor, public: false } }), null).join('')).toContain(
      '爱心企业',
    );
  });
});
