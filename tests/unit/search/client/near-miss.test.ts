import { describe, expect, it } from 'vitest';
import { nearMissCorrections } from '../../../../search/client/near-miss.ts';

describe('同音字纠错（拼音输入法最常见的错）', () => {
  // A title run covers 助 (as 能老人助 does on the demo), so 助餐 is not a whole uncovered run.
  const vocabulary = ['失能老人', '能老人助', '老人助浴', '助餐', '助浴'];
  const shortWords = ['助餐', '助浴'];
  const sounds = ['参惨残蚕餐', '浴玉育遇'];

  it('助参 → 助餐（cān）在 助浴 之前；没有同音表时仍是原来的 老人助浴', () => {
    const withSounds = nearMissCorrections('失能老人助参', vocabulary, 2, { shortWords, sounds });
    expect(withSounds[0]).toMatchObject({ query: '失能老人助餐', to: '助餐' });
    expect(withSounds.map((c) => c.query)).toContain('失能老人助浴');
    const without = nearMissCorrections('失能老人助参', vocabulary, 2, { shortWords });
    expect(without.map((c) => c.query)).toEqual(['失能老人助浴']);
  });

  it('同音也不改已被已知词覆盖的字，也不纠成地名', () => {
    expect(nearMissCorrections('失能老人助餐', vocabulary, 2, { shortWords, sounds })).toEqual([]);
    const places = ['岷县'];
    const corrections = nearMissCorrections('民县助餐', [...vocabulary, '民政'], 2, {
      shortWords,
      sounds: [...sounds, '民岷敏'],
      places,
    });
    expect(corrections.every((c) => !c.query.includes('岷县'))).toBe(true);
  });
});
