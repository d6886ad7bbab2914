import { describe, expect, it } from 'vitest';
import { rulesToday } from '../../../../site/lib/rules-today.ts';

describe('the day rules are judged on', () => {
  it('is the snapshot day for generated data, so the demo always shows the same flags', () => {
    expect(rulesToday({ demo: true, asOf: '2025-01-01' }, new Date('2026-06-01T00:00:00Z'))).toBe('2025-01-01');
  });

  it('is today in Beijing for real content', () => {
    expect(rulesToday({ demo: false, asOf: '2025-01-01' }, new Date('2026-06-01T17:00:00Z'))).toBe('2026-06-02');
  });
});
