import { describe, expect, it } from 'vitest';
import { Rng } from '../../../datasets/random.ts';
import { SLUG_PATTERN, SlugRegistry, slugOf } from '../../../datasets/slugs.ts';

describe('Rng', () => {
  it('repeats for the same seed and differs for another', () => {
    const draw = (seed: number) => {
      const r = new Rng(seed);
      return Array.from({ length: 20 }, () => r.nextUint32());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('keeps forked streams independent of draws elsewhere', () => {
    const a = new Rng(5);
    const b = new Rng(5);
    b.next();
    expect(a.fork('x').next()).toBe(b.fork('x').next());
    expect(a.fork('x').next()).not.toBe(a.fork('y').next());
  });

  it('stays within bounds', () => {
    const r = new Rng(9);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
      expect(r.next()).toBeLessThan(1);
    }
    expect(r.sample([1, 2, 3], 5).sort()).toEqual([1, 2, 3]);
  });
});

describe('slugs', () => {
  it('turns Chinese parts into pinyin kebab segments', () => {
    expect(slugOf(['岷县', '失能老人', '居家照护'])).toBe('minxian-shinenglaoren-jujiazhaohu');
    expect(slugOf(['2025', '中华慈善日'])).toBe('2025-zhonghuacishanri');
    expect(slugOf(['绿色'])).toBe('lvse');
  });

  it('adds a numeric suffix on clashes and stays within 120 characters', () => {
    const r = new SlugRegistry();
    expect(r.claim('minxian')).toBe('minxian');
    expect(r.claim('minxian')).toBe('minxian-2');
    expect(r.claim('minxian')).toBe('minxian-3');
    const long = r.claim('a'.repeat(200));
    expect(long.length).toBeLessThanOrEqual(120);
    expect(long).toMatch(SLUG_PATTERN);
  });
});
