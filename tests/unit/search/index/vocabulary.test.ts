import { describe, expect, it } from 'vitest';
import { buildSearchDocuments } from '../../../../content/search/documents.ts';
import { generateSnapshot } from '../../../../datasets/index.ts';
import { buildVocabulary, dictionaryWords, regionParts, titleTerms } from '../../../../search/index/vocabulary.ts';

describe('vocabulary', () => {
  it.each([
    ['甘肃省定西市岷县', ['甘肃省', '甘肃', '定西市', '定西', '岷县']],
    [
      '新疆维吾尔自治区和田地区洛浦县',
      ['新疆维吾尔自治区', '新疆维吾尔', '新疆', '和田地区', '和田', '洛浦县', '洛浦'],
    ],
    ['甘肃省临夏回族自治州积石山保安族东乡族撒拉族自治县', ['甘肃省', '甘肃', '临夏回族自治州', '临夏回族', '临夏']],
  ])('regionParts(%s)', (name, expected) => {
    expect(regionParts(name)).toEqual(expect.arrayContaining(expected));
  });

  it('从演示数据得到：同义词、标签、地名、标题里的四字词，以及同义词在语料里的文档数', () => {
    const { documents } = buildSearchDocuments(generateSnapshot({ size: 'demo', asOf: '2025-06-15' }));
    const v = buildVocabulary(documents);
    expect(v.terms).toEqual(expect.arrayContaining(['最低生活保障', '残疾人', '透析补助']));
    // Place names are words for the segmenter, never a near-miss correction's target (issue 20).
    expect(v.places).toEqual(expect.arrayContaining(['岷县', '积石山', '甘肃']));
    expect(v.terms).not.toContain('岷县');
    // The user dictionary: labels, policy terms, campaign and award names.
    expect(v.words).toEqual(expect.arrayContaining(['康复训练', '重点帮扶县', '中华慈善日', '中华慈善奖', '慈善楷模']));
    expect(dictionaryWords(v)).toEqual(expect.arrayContaining(['岷县', '访视照料']));
    // Campaign names name the campaign type for the island's ranking.
    expect(v.campaigns).toEqual(expect.arrayContaining(['中华慈善日', '敬老月']));
    expect(v.campaigns).not.toContain('中华慈善奖');
    expect(v.counts.低保).toBeGreaterThan(0);
    expect(v.counts.最低生活保障).toBe(0);
    expect(titleTerms(documents).every((t) => Array.from(t).length === 4)).toBe(true);
    expect(JSON.stringify(v).length).toBeLessThan(45_000);
  });
});
