import { describe, expect, it } from 'vitest';
import { createSegmenter } from '../../../../search/server/segmenter.ts';

describe('jieba 分词（用户词典）', () => {
  it('按词切分，不跨词；用户词典里的词保持完整', () => {
    const segment = createSegmenter(['康复训练', '重点帮扶县', '中华慈善日', '访视照料']);
    expect(segment('残疾人康复训练')).toEqual(['残疾人', '康复训练']);
    expect(segment('甘肃重点帮扶县')).toContain('重点帮扶县');
    expect(segment('中华慈善日活动')).toContain('中华慈善日');
    expect(segment('养老培训')).toEqual(['养老', '培训']);
    // No HMM: an unknown pair stays two characters, not a made-up word that must occur verbatim.
    expect(segment('项日')).toEqual(['项', '日']);
  });

  it('空白不成词；带空白或单字的“词”不进词典', () => {
    const segment = createSegmenter(['带 空格', '单', '']);
    expect(segment('  残疾人  ')).toEqual(['残疾人']);
    expect(segment('带 空格')).not.toContain('带 空格');
  });
});
