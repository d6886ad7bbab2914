import { describe, expect, it } from 'vitest';
import { TermCache } from '../../../../search/server/term-cache.ts';

const list = (n: number) => ({ docs: new Int32Array(n), values: new Float64Array(n) });

describe('per-release term cache', () => {
  it('keeps the listed documents within the budget, dropping the least recently used first', () => {
    const cache = new TermCache(10);
    cache.set('a', list(4));
    cache.set('b', list(4));
    cache.get('a');
    cache.set('c', list(4));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.docs.length).toBe(4);
    expect(cache.get('c')?.docs.length).toBe(4);
    expect(cache.listed).toBe(8);
  });

  it('keeps a list longer than the whole budget alone (its query uses it now)', () => {
    const cache = new TermCache(10);
    cache.set('a', list(3));
    cache.set('big', list(25));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.listed).toBe(25);
  });
});
