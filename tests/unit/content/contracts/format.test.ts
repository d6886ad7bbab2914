import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDate,
  formatDateTime,
  formatRange,
  formatShare,
} from '../../../../content/contracts/format.ts';

describe('formats for people', () => {
  it('writes dates the Chinese way', () => {
    expect(formatDate('2025-07-06')).toBe('2025年7月6日');
    expect(formatRange({ start: '2025-07-16', end: '2026-08-07' })).toBe('2025年7月16日至2026年8月7日');
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('writes shares with at most one decimal, and null when nothing counts', () => {
    expect(formatShare(628, 711)).toBe('88.3%');
    expect(formatShare(1, 2)).toBe('50%');
    expect(formatShare(0, 5)).toBe('0%');
    expect(formatShare(3, 0)).toBeNull();
  });

  it('groups counts', () => {
    expect(formatCount(488206)).toBe('488,206');
  });

  it('writes instants in Beijing time, whatever the zone they come in', () => {
    expect(formatDateTime('2026-12-04T14:39:00Z')).toBe('2026年12月4日 22:39');
    expect(formatDateTime('2026-12-04T20:05:00Z')).toBe('2026年12月5日 04:05');
    expect(formatDateTime('2026-09-05T08:00:00+08:00')).toBe('2026年9月5日 08:00');
    expect(formatDateTime('not a time')).toBeNull();
  });
});
