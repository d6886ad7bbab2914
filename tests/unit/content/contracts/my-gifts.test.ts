import { describe, expect, it } from 'vitest';
import { giftLookupRequestSchema, statementRequestSchema } from '../../../../content/contracts/my-gifts.ts';

describe('my gifts contracts', () => {
  it('takes a trade number or an order number with an amount in fen, nothing else', () => {
    expect(giftLookupRequestSchema.parse({ tradeNo: ' 2026021522001412341234567890 ', amountFen: 5000 })).toEqual({
      tradeNo: '2026021522001412341234567890',
      amountFen: 5000,
    });
    expect(giftLookupRequestSchema.parse({ outTradeNo: 'xj20260215120100abcdef0123456789', amountFen: 1 })).toEqual({
      outTradeNo: 'XJ20260215120100ABCDEF0123456789',
      amountFen: 1,
    });
    for (const bad of [
      { tradeNo: '12ab', amountFen: 100 },
      { tradeNo: '2026021522001412341234567890', amountFen: 1.5 },
      { tradeNo: '2026021522001412341234567890', amountFen: 0 },
      { outTradeNo: 'XJ1', amountFen: 100 },
      { tradeNo: '2026021522001412341234567890', outTradeNo: 'XJ20260215120100ABCDEF0123456789', amountFen: 100 },
      { amountFen: 100 },
    ]) {
      expect(giftLookupRequestSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('a year statement names tokens, a year and csv or pdf', () => {
    const token = 'a'.repeat(43);
    expect(statementRequestSchema.safeParse({ tokens: [token], year: 2026, format: 'pdf' }).success).toBe(true);
    expect(statementRequestSchema.safeParse({ tokens: [], year: 2026, format: 'pdf' }).success).toBe(false);
    expect(statementRequestSchema.safeParse({ tokens: ['short'], year: 2026, format: 'csv' }).success).toBe(false);
    expect(statementRequestSchema.safeParse({ tokens: [token], year: 2026, format: 'xlsx' }).success).toBe(false);
  });
});
