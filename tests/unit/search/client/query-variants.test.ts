import { describe, expect, it } from 'vitest';
import {
  queryVariants,
  RARE_WORD_RATIO,
  rareWords,
  VARIANT_WEIGHTS,
} from '../../../../search/client/query-variants.ts';
import { findSynonymTerms } from '../../../../search/client/synonym-expansion.ts';

describe('少见的说法（语料里远少于它的政策用语）', () => {
  // Demo counts: 看病 17 documents, 医疗救助 349, 就医 78; 老人 394, 老年人 92.
  const counts = { 看病: 17, 医疗救助: 349, 就医: 78, 老人: 394, 老年人: 92 };

  it('看病 是少见词：保留它的变体（含原查询）权重降低，换成 医疗救助/就医 的不降', () => {
    expect(rareWords(findSynonymTerms('老人看病'), counts)).toEqual(['看病']);
    const v = queryVariants('老人看病', { hints: { counts }, rareWords: true, max: Number.POSITIVE_INFINITY });
    const weight = (q: string) => v.find((x) => x.query === q)?.weight ?? 0;
    expect(weight('老人看病')).toBe(VARIANT_WEIGHTS.query * VARIANT_WEIGHTS.rareWord);
    expect(weight('老人就医')).toBeGreaterThan(weight('老人看病'));
    expect(weight('老人医疗救助')).toBeGreaterThan(weight('老人看病'));
    expect(weight('老年人看病')).toBeLessThan(weight('老人就医'));
  });

  it('默认不启用（服务器引擎）；比例不到 RARE_WORD_RATIO 不算少见；语料没有的词另有规则', () => {
    const off = queryVariants('老人看病', { hints: { counts } });
    expect(off[0]).toMatchObject({ query: '老人看病', weight: VARIANT_WEIGHTS.query });
    const close = { 看病: Math.ceil(349 / RARE_WORD_RATIO), 医疗救助: 349, 就医: 78 };
    expect(rareWords(findSynonymTerms('看病'), close)).toEqual([]);
    expect(rareWords(findSynonymTerms('看病'), { 看病: 0, 医疗救助: 349 })).toEqual([]);
  });
});
