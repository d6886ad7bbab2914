import { describe, expect, it } from 'vitest';
import {
  buyerCookie,
  buyerFromCookie,
  buyerIdSchema,
  newBuyerId,
  SANDBOX_BUYER_COOKIE,
} from '../../../../donations/sandbox/sandbox-buyer.ts';

describe("the sandbox cashier's paying account", () => {
  it('is a fresh 2088… 16-digit id per browser', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newBuyerId()));
    for (const id of ids) expect(id).toMatch(/^2088\d{12}$/);
    expect(ids.size).toBe(50);
  });

  it('accepts only the shape of an Alipay user id, with a Chinese reason', () => {
    expect(buyerIdSchema.parse(' 2088000000000001 ')).toBe('2088000000000001');
    for (const bad of ['2088', '1088000000000001', '20880000000000011', '2088abcd00000001', '']) {
      const parsed = buyerIdSchema.safeParse(bad);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toContain('2088 开头的 16 位数字');
    }
  });

  it('is read back from its cookie among others, and ignored when it is not an id', () => {
    expect(buyerFromCookie(`a=1; ${SANDBOX_BUYER_COOKIE}=2088000000000002; b=2`)).toBe('2088000000000002');
    expect(buyerFromCookie(`${SANDBOX_BUYER_COOKIE}=<script>`)).toBeNull();
    expect(buyerFromCookie('a=1')).toBeNull();
    expect(buyerFromCookie(null)).toBeNull();
  });

  it("is kept for the sandbox's paths only, HttpOnly, Lax, Secure on https", () => {
    const http = buyerCookie('2088000000000003', 'http://127.0.0.1:4321/api/payments/sandbox');
    expect(http).toBe(
      `${SANDBOX_BUYER_COOKIE}=2088000000000003; Path=/api/payments/sandbox; Max-Age=31536000; HttpOnly; SameSite=Lax`,
    );
    expect(buyerCookie('2088000000000003', 'https://example.org/api/payments/sandbox')).toMatch(/; Secure$/);
  });
});
