import { describe, expect, it } from 'vitest';
import { matchesCause, regionContains } from '../../../content/index.ts';
import {
  compareCandidates,
  describeCause,
  type RankedCandidate,
  routeCause,
  toCandidate,
  unmetPercent,
} from '../../../donations/routing.ts';
import { defaultSnapshot, mulberry32, project, REGIONS } from '../../support/fixtures/donations.ts';

const c = (slug: string, o: Partial<RankedCandidate> = {}): RankedCandidate => ({
  slug,
  title: `项目 ${slug}`,
  keyCounty: false,
  goalFen: 1_000_000,
  raisedFen: 0,
  windowEnd: '2026-03-31',
  ...o,
});

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
    expect(toCandidate(both, { region: '620000' }, 0).keyCounty).toBe(false);
    expect(toCandidate(both, { region: '530000' }, 0).keyCounty).toBe(true);
    expect(toCandidate(both, {}, 0).keyCounty).toBe(true);
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

  it('writes the reason in Chinese, with the numbers', () => {
    const choice = routeCause('困境未成年人 · 甘肃省', [
      c('minxian', { title: '岷县助学', keyCounty: true, goalFen: 10_000_000, raisedFen: 1_750_000 }),
      c('lanzhou', { title: '兰州康复' }),
    ]);
    expect(choice?.reason).toBe(
      '按捐赠方向「困境未成年人 · 甘肃省」，符合条件且正在接受捐赠的救助帮扶项目共 2 个。' +
        '分配规则依次为：①实施地区在国家乡村振兴重点帮扶县者优先；②尚未筹得的目标比例高者优先；③募捐期先结束者优先；④项目标识字母序。' +
        '选定「岷县助学」（minxian）：实施地区含重点帮扶县，尚未筹得目标的 82.5%（已筹 17,500.00 元，目标 100,000.00 元），募捐期至2026年3月31日。' +
        '与第二位「兰州康复」相比，决定因素是：它的实施地区在国家乡村振兴重点帮扶县。',
    );
    expect(routeCause('x', [])).toBeNull();
    expect(unmetPercent(c('a', { goalFen: 3, raisedFen: 1 }))).toBe('66.6%');
  });

  it('names the cause from the snapshot', () => {
    const s = defaultSnapshot();
    expect(describeCause({ targetGroup: 'minors', region: '621126' }, s)).toBe('困境未成年人 · 甘肃省定西市岷县');
    expect(describeCause({ region: '620000' }, s)).toBe('甘肃省');
    expect(describeCause({ region: '110000' }, s)).toBe('地区 110000');
    expect(describeCause({}, s)).toBe('不限方向');
  });
});
