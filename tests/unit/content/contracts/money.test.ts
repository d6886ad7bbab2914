import { describe, expect, it } from 'vitest';
import {
  formatMoney,
  formatMoneyIn,
  formatMoneyTogether,
  formatWan,
  formatYi,
  formatYuan,
  groupThousands,
  moneyUnit,
  percentOf,
  sharedMoneyUnit,
} from '../../../../content/contracts/money.ts';

describe('money formatting from integer fen', () => {
  it('shows 元 with two decimals and thousands separators', () => {
    expect(formatYuan(0)).toBe('0.00 元');
    expect(formatYuan(1)).toBe('0.01 元');
    expect(formatYuan(10)).toBe('0.10 元');
    expect(formatYuan(12345)).toBe('123.45 元');
    expect(formatYuan(11367953)).toBe('113,679.53 元');
    expect(formatYuan(100_000_000_00)).toBe('100,000,000.00 元');
  });

  it('shows 万元 and 亿元 rounded half up, without floating point', () => {
    expect(formatWan(120_100_000)).toBe('120.10 万元');
    expect(formatWan(1_234_500)).toBe('1.23 万元');
    expect(formatWan(1_235_000)).toBe('1.24 万元');
    expect(formatWan(1_234_999)).toBe('1.23 万元');
    expect(formatYi(1_234_500_000_000)).toBe('123.45 亿元');
    expect(formatYi(16_100_000_000)).toBe('1.61 亿元');
  });

  it('stays exact beyond 2^53 / 100 fen, where fen * 100 would lose precision', () => {
    const fen = Number.MAX_SAFE_INTEGER; // 90,071,992,547,409.91 元
    expect(formatYi(fen)).toBe('900,719.93 亿元');
    expect(formatYuan(fen)).toBe('90,071,992,547,409.91 元');
  });

  it('picks the readable unit', () => {
    expect(formatMoney(999_999)).toBe('9,999.99 元');
    expect(formatMoney(1_000_000)).toBe('1.00 万元');
    expect(formatMoney(9_999_999_999)).toBe('10,000.00 万元');
    expect(formatMoney(10_000_000_000)).toBe('1.00 亿元');
  });

  it('refuses what is not a non-negative integer of fen', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(() => formatMoney(bad)).toThrow(RangeError);
      expect(() => formatYuan(bad)).toThrow(RangeError);
    }
  });

  it('groups thousands', () => {
    expect(groupThousands(0)).toBe('0');
    expect(groupThousands(999)).toBe('999');
    expect(groupThousands(1000)).toBe('1,000');
    expect(groupThousands(1234567)).toBe('1,234,567');
  });

  it('gives progress in whole percent, floored, and null without a goal', () => {
    expect(percentOf(0, 100)).toBe(0);
    expect(percentOf(996, 1000)).toBe(99);
    expect(percentOf(1000, 1000)).toBe(100);
    expect(percentOf(2500, 1000)).toBe(250);
    expect(percentOf(5, 0)).toBeNull();
  });

  it('gives figures shown together one unit: that of the largest', () => {
    // Issue 15: "7.60 万元" beside "3,198.75 元", "1.57 亿元" beside "9,851.69 万元".
    expect(formatMoneyTogether([7_600_000, 319_875])).toEqual(['7.60 万元', '0.32 万元']);
    expect(formatMoneyTogether([15_700_000_000, 9_851_690_000])).toEqual(['1.57 亿元', '0.99 亿元']);
    expect(formatMoneyTogether([18_770_000, 0])).toEqual(['18.77 万元', '0.00 万元']);
    expect(formatMoneyTogether([319_875, 12_345])).toEqual(['3,198.75 元', '123.45 元']);
    expect(formatMoneyTogether([])).toEqual([]);
    expect(sharedMoneyUnit([1, 99_999_999_999, 5])).toBe('亿元');
    expect(sharedMoneyUnit([])).toBe('元');
  });

  it('names the readable unit, and formats in a given one', () => {
    expect(moneyUnit(999_999)).toBe('元');
    expect(moneyUnit(1_000_000)).toBe('万元');
    expect(moneyUnit(10_000_000_000)).toBe('亿元');
    expect(formatMoneyIn(319_875, '万元')).toBe('0.32 万元');
    expect(formatMoneyIn(319_875, '元')).toBe('3,198.75 元');
    expect(formatMoneyIn(319_875, '亿元')).toBe('0.00 亿元');
    expect(() => formatMoneyTogether([1, -1])).toThrow(RangeError);
  });
});
