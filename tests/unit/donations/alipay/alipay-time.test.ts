import { describe, expect, it } from 'vitest';
import { fromAlipayTime, toAlipayTime } from '../../../../donations/alipay/alipay-time.ts';

describe('Alipay wire times (Beijing, yyyy-MM-dd HH:mm:ss)', () => {
  it('converts both ways across midnight and the year', () => {
    expect(toAlipayTime(new Date('2026-02-15T04:00:00Z'))).toBe('2026-02-15 12:00:00');
    expect(toAlipayTime(new Date('2025-12-31T16:30:05Z'))).toBe('2026-01-01 00:30:05');
    expect(fromAlipayTime('2026-01-01 00:30:05')).toBe('2025-12-31T16:30:05.000Z');
    expect(fromAlipayTime('2026-02-15 12:01:00')).toBe('2026-02-15T04:01:00.000Z');
  });

  it('reads refund times with milliseconds (gmt_refund)', () => {
    expect(fromAlipayTime('2026-02-15 13:00:00.123')).toBe('2026-02-15T05:00:00.123Z');
  });

  it.each([
    undefined,
    '',
    '2026-02-30 12:00:00',
    '2026-02-15T12:00:00',
    '2026-02-15 24:00:00',
    '2026-2-5 1:00:00',
    '2026-02-15 12:00:00.1',
  ])('%j is not a wire time', (text) => {
    expect(fromAlipayTime(text)).toBeNull();
  });
});
