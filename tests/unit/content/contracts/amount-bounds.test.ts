import { describe, expect, it } from 'vitest';
import { amountRangeMessage, DEFAULT_AMOUNT_BOUNDS, isWithinBounds } from '../../../../content/index.ts';

describe('amount bounds (one contract for the API and the donate form)', () => {
  it('says the range in one sentence, money written the one way people read it', () => {
    expect(amountRangeMessage(DEFAULT_AMOUNT_BOUNDS)).toBe('单笔捐赠金额应在 1.00 元至 50,000.00 元之间');
    expect(amountRangeMessage({ minFen: 1, maxFen: 10_000_000_000 })).toBe(
      '单笔捐赠金额应在 0.01 元至 100,000,000.00 元之间',
    );
  });

  it('includes both ends', () => {
    expect(isWithinBounds(100, DEFAULT_AMOUNT_BOUNDS)).toBe(true);
    expect(isWithinBounds(5_000_000, DEFAULT_AMOUNT_BOUNDS)).toBe(true);
    expect(isWithinBounds(99, DEFAULT_AMOUNT_BOUNDS)).toBe(false);
    expect(isWithinBounds(5_000_001, DEFAULT_AMOUNT_BOUNDS)).toBe(false);
  });
});
