import { describe, expect, it } from 'vitest';
import { SYNONYM_GROUPS } from '../../../../content/search/settings.ts';
import { queryVariants } from '../../../../search/client/query-variants.ts';
import { ONE_WAY_SYNONYMS } from '../../../../search/client/synonym-table.ts';

/**
 * The one-way synonym table (search/client/synonym-table.ts), a case per entry: the `from` word
 * is searched as its `to` words too, and a `to` word is never widened back to `from`.
 */
const variantsOf = (query: string) => queryVariants(query, { max: 10 }).map((v) => v.query);

describe('单向同义词表：每一条', () => {
  it.each(ONE_WAY_SYNONYMS.map((e) => [e.from, e.to, e.note] as const))('%s → %s（%s）', (from, to) => {
    const forward = variantsOf(from);
    expect(forward[0]).toBe(from);
    expect(forward.some((q) => to.includes(q))).toBe(true);
    for (const word of to) {
      // A `to` word may belong to a two-way group, but never leads back to the `from` word.
      expect(variantsOf(word)).not.toContain(from);
    }
  });

  it('条目不含地名，`from` 不重复，也不与双向组重叠（避免方向被双向组抵消）', () => {
    const froms = ONE_WAY_SYNONYMS.map((e) => e.from);
    expect(new Set(froms).size).toBe(froms.length);
    for (const from of froms) expect(SYNONYM_GROUPS.flat()).not.toContain(from);
    for (const e of ONE_WAY_SYNONYMS)
      for (const w of [e.from, ...e.to]) expect(w).not.toMatch(/(?:省|市|县|区|州|旗)$/u);
  });

  it('老年助餐只找老人的助餐，不再换成所有人群的“助餐”', () => {
    const v = variantsOf('老年助餐');
    expect(v).not.toContain('助餐');
    expect(v).not.toContain('爱心助餐');
    expect(v.slice(1).every((q) => /老/u.test(q))).toBe(true);
  });
});
