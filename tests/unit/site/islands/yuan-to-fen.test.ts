import { describe, expect, it } from 'vitest';
import { amountRangeMessage } from '../../../../content/contracts/amount-bounds.ts';
import { boundsProblem, parseYuan } from '../../../../site/islands/yuan-to-fen.ts';

const fen = (text: string) => {
  const r = parseYuan(text);
  return r.ok ? r.fen : r.message;
};

describe('yuan typed by a donor → integer fen', () => {
  it('reads whole yuan, one or two decimals, exactly (no float rounding)', () => {
    expect(fen('50')).toBe(5000);
    expect(fen('50.5')).toBe(5050);
    expect(fen('0.29')).toBe(29);
    expect(fen('1.10')).toBe(110);
    expect(fen('19.99')).toBe(1999);
    expect(fen('50.')).toBe(5000);
    expect(fen('  88 ')).toBe(8800);
    expect(fen('50000.00')).toBe(5_000_000);
    for (let cents = 0; cents < 100; cents++) {
      expect(fen(`123.${String(cents).padStart(2, '0')}`)).toBe(12_300 + cents);
    }
  });

  it('accepts what Chinese input methods type: full-width digits and point, separators, 元', () => {
    expect(fen('５０')).toBe(5000);
    expect(fen('１２．５')).toBe(1250);
    expect(fen('1,000')).toBe(100_000);
    expect(fen('1，000')).toBe(100_000);
    expect(fen('200 元')).toBe(20_000);
    expect(fen('200元')).toBe(20_000);
  });

  it('refuses everything else with a Chinese message', () => {
    expect(fen('')).toBe('请填写捐赠金额');
    expect(fen('   ')).toBe('请填写捐赠金额');
    expect(fen('-5')).toBe('捐赠金额不能为负数');
    expect(fen('1.234')).toBe('金额最多保留两位小数（精确到分）');
    for (const bad of ['abc', '1e3', '0x10', '5.5.5', '.5', 'NaN', 'Infinity', '一百', '50块']) {
      const r = parseYuan(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fff]/);
    }
    // Past a safe integer of fen nothing is exact any more; below it, the API bounds speak.
    expect(fen('90071992547409.92')).toBe('金额过大');
    const huge = parseYuan('9999999999999');
    expect(huge.ok && boundsProblem(huge.fen, { minFen: 100, maxFen: 5_000_000 })).toMatch(/^单笔捐赠金额应在/);
  });

  it('states the API bounds in the same words as the API', () => {
    const bounds = { minFen: 100, maxFen: 5_000_000 };
    expect(boundsProblem(100, bounds)).toBeNull();
    expect(boundsProblem(5_000_000, bounds)).toBeNull();
    expect(boundsProblem(0, bounds)).toBe('捐赠金额应大于 0 元');
    expect(boundsProblem(99, bounds)).toBe(amountRangeMessage(bounds));
    expect(boundsProblem(5_000_001, bounds)).toBe(amountRangeMessage(bounds));
  });
});
