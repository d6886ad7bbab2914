import { describe, expect, it } from 'vitest';
import { matchesCause, regionContains } from '../../../content/index.ts';
import {
  compareCandidates,
  describeCause,
  portalGiftsSince,
  type RankedCandidate,
  routeCause,
  toCandidate,
} from '../../../donations/routing.ts';
import { ROUTING_RULES } from '../../../donations/routing-reason.ts';
import { defaultSnapshot, mulberry32, project, REGIONS } from '../../support/fixtures/donations.ts';

/** A candidate whose total is all portal gifts unless told otherwise. */
const c = (slug: string, o: Partial<RankedCandidate> = {}): RankedCandidate => ({
  slug,
  title: `项目 ${slug}`,
  keyCounty: false,
  goalFen: 1_000_000,
  disclosedFen: 0,
  disclosedOn: null,
  coversTo: null,
  portalSinceFen: o.raisedFen ?? 0,
  raisedFen: 0,
  windowEnd: '2026-03-31',
  unit: '万元',
  ...o,
});
const NOTHING = { raisedFen: 0, spentFen: 0, asOf: null, coversTo: null };

describe('routing a cause to one project', () => {
  it('regions contain each other by GB/T 2260 level', () => {
    expect(regionContains('620000', '621126')).toBe(true);
    expect(regionContains('621100', '621126')).toBe(true);
    expect(regionContains('621126', '621126')).toBe(true);
    expect(regionContains('621126', '620000')).toBe(false);
    expect(regionContains('530000', '621126')).toBe(false);
  });

  it('matches a cause by target group and region (either containing the other)', () => {
    const minxian = project('a', { regions: [REGIONS.minxian], targetGroups: ['minors'] });
    const gansuWide = project('b', { regions: [REGIONS.gansu], targetGroups: ['disabled'] });
    expect(matchesCause(minxian, { targetGroup: 'minors', region: '620000' })).toBe(true);
    expect(matchesCause(minxian, { targetGroup: 'disabled' })).toBe(false);
    expect(matchesCause(minxian, { region: '530000' })).toBe(false);
    expect(matchesCause(gansuWide, { region: '621126' })).toBe(true);
    expect(matchesCause(gansuWide, {})).toBe(true);
    // Key county counts only for a region that matches the cause.
    const both = project('c', { regions: [REGIONS.zhenxiong, REGIONS.chengguan] });
    expect(toCandidate(both, { region: '620000' }, NOTHING, 0).keyCounty).toBe(false);
    expect(toCandidate(both, { region: '530000' }, NOTHING, 0).keyCounty).toBe(true);
    expect(toCandidate(both, {}, NOTHING, 0).keyCounty).toBe(true);
  });

  it.each([
    [
      'key county first, even when nearly funded',
      [c('b', { keyCounty: true, raisedFen: 990_000 }), c('a')],
      'b',
      'key-county',
    ],
    [
      'then the larger unmet share',
      [c('a', { raisedFen: 500_000 }), c('b', { raisedFen: 100_000 })],
      'b',
      'unmet-share',
    ],
    [
      'unmet share, not unmet amount',
      [c('big', { goalFen: 100_000_000, raisedFen: 60_000_000 }), c('small', { goalFen: 100_000, raisedFen: 10_000 })],
      'small',
      'unmet-share',
    ],
    [
      'overfunded counts as 0% unmet',
      [c('a', { raisedFen: 2_000_000 }), c('b', { raisedFen: 999_999 })],
      'b',
      'unmet-share',
    ],
    [
      'then the earlier window end',
      [c('a', { windowEnd: '2026-06-30' }), c('b', { windowEnd: '2026-03-01' })],
      'b',
      'window-end',
    ],
    ['then the slug', [c('zeta'), c('alpha')], 'alpha', 'slug'],
    ['a single candidate', [c('only')], 'only', 'only-candidate'],
  ] as [string, RankedCandidate[], string, string][])('%s', (_label, candidates, expected, decidedBy) => {
    const choice = routeCause('测试', candidates);
    expect(choice?.chosen.slug).toBe(expected);
    expect(choice?.decidedBy).toBe(decidedBy);
  });

  it('compares unmet shares exactly (no float rounding at 1/3 vs 333,333/1,000,000)', () => {
    const third = c('third', { goalFen: 3, raisedFen: 2 }); // 1/3 unmet
    const almost = c('almost', { goalFen: 1_000_000, raisedFen: 666_667 }); // 333,333/1,000,000 < 1/3
    expect(compareCandidates(third, almost)).toBeLessThan(0);
    expect(routeCause('x', [almost, third])?.chosen.slug).toBe('third');
  });

  it('is deterministic: any order of the same candidates gives the same choice', () => {
    const random = mulberry32(7);
    const pool = Array.from({ length: 40 }, (_, i) =>
      c(`p${String(i).padStart(2, '0')}`, {
        keyCounty: random() < 0.3,
        raisedFen: Math.floor(random() * 4) * 250_000,
        windowEnd: random() < 0.5 ? '2026-03-31' : '2026-04-30',
      }),
    );
    const expected = routeCause('x', pool);
    for (let i = 0; i < 50; i++) {
      const shuffled = [...pool].sort(() => random() - 0.5);
      const got = routeCause('x', shuffled);
      expect(got?.chosen.slug).toBe(expected?.chosen.slug);
      expect(got?.ranking.map((r) => r.slug)).toEqual(expected?.ranking.map((r) => r.slug));
    }
  });

  it('ranks on the best known total: the latest disclosure plus portal gifts after it', () => {
    const p = project('hy', { goalFen: 1_835_000_00, regions: [REGIONS.chengguan] });
    const money = { raisedFen: 548_800_00, spentFen: 120_000_00, asOf: '2026-10-05', coversTo: '2026-09-30' };
    const candidate = toCandidate(p, {}, money, 50_00);
    expect(candidate).toMatchObject({ disclosedFen: 548_800_00, portalSinceFen: 50_00, raisedFen: 548_850_00 });
    // 29.9% raised outranks nothing disclosed and 10% given here: the latter is further from its goal.
    const fresh = c('fresh', { goalFen: 1_835_000_00, raisedFen: 183_500_00 });
    expect(routeCause('x', [candidate, fresh])?.chosen.slug).toBe('fresh');
    expect(portalGiftsSince(money)).toBe('2026-09-30T16:00:00.000Z');
    expect(portalGiftsSince({ coversTo: null })).toBeNull();
  });

  it("writes the reason in plain Chinese: the page's figures, 元 and Chinese dates, no slugs", () => {
    const choice = routeCause(
      '困境未成年人 · 甘肃省',
      [
        c('minxian', {
          title: '岷县助学',
          keyCounty: true,
          goalFen: 183_500_000,
          disclosedFen: 54_880_000,
          disclosedOn: '2026-10-05',
          coversTo: '2026-09-30',
          portalSinceFen: 5_000,
          raisedFen: 54_885_000,
        }),
        c('lanzhou', { title: '兰州康复' }),
      ],
      2,
    );
    expect(choice?.reason).toBe(
      '按捐赠方向「困境未成年人 · 甘肃省」，正在接受捐赠且信息公开没有逾期的救助帮扶项目共 2 个（另有 2 个项目有逾期未披露的信息公开，不参与分配）。' +
        '选定「岷县助学」：实施地区在国家乡村振兴重点帮扶县；募捐目标 183.50 万元；据2026年10月5日的信息公开，已公开募得 54.88 万元，已达目标的 29%；' +
        '2026年9月30日之后本站在线捐赠 50.00 元；两项合计 54.89 万元，已达目标的 29%；募捐期至2026年3月31日。' +
        '与排在第二的「兰州康复」相比，它的实施地区在国家乡村振兴重点帮扶县，后者不在。' +
        ROUTING_RULES,
    );
    expect(choice?.reason).not.toMatch(/minxian|\d{4}-\d{2}-\d{2}|字母序/);
    const only = routeCause('x', [c('a', { title: '甲', raisedFen: 250_000 })]);
    expect(only?.reason).toContain('项目尚未发布信息公开，本站在线捐赠 2,500.00 元，已达目标的 25%');
    expect(only?.reason).toContain('它是唯一符合条件的项目。');
    expect(routeCause('x', [])).toBeNull();
  });

  it('names the cause from the snapshot', () => {
    const s = defaultSnapshot();
    expect(describeCause({ targetGroup: 'minors', region: '621126' }, s)).toBe('困境未成年人 · 甘肃省定西市岷县');
    expect(describeCause({ region: '620000' }, s)).toBe('甘肃省');
    expect(describeCause({ region: '110000' }, s)).toBe('地区 110000');
    expect(describeCause({}, s)).toBe('不限方向');
  });
});
