import { describe, expect, it } from 'vitest';
import { commonCharacters, homophoneGroups } from '../../../../search/index/homophones.ts';

describe('同音字组（随词表发给岛）', () => {
  it('GB 2312 一级字 3755 个，首尾是 啊 和 座', () => {
    const chars = commonCharacters();
    expect(chars).toHaveLength(3755);
    expect(chars[0]).toBe('啊');
    expect(chars.at(-1)).toBe('座');
  });

  it('只给词表字的读音成组（不计声调，多音字进每个读音的组）；结果有序、可重现', () => {
    const groups = homophoneGroups(['助餐', '项目']);
    const of = (c: string) => groups.filter((g) => g.includes(c));
    // 参 (cān / shēn / cēn) sits with 餐 in the cān group.
    expect(of('餐').some((g) => g.includes('参'))).toBe(true);
    expect(of('目').some((g) => g.includes('木'))).toBe(true);
    // No vocabulary character reads hǎo: that syllable is not shipped.
    expect(groups.some((g) => g.includes('好'))).toBe(false);
    expect(homophoneGroups(['项目', '助餐'])).toEqual(groups);
    for (const g of groups) expect(Array.from(g).length).toBeGreaterThanOrEqual(2);
  });
});
