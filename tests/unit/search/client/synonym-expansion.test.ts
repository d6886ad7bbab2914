import { describe, expect, it } from 'vitest';
import { SYNONYM_GROUPS } from '../../../../content/search/settings.ts';
import { nearMissCorrections } from '../../../../search/client/near-miss.ts';
import { heaviestVariants, queryVariants, VARIANT_WEIGHTS } from '../../../../search/client/query-variants.ts';
import {
  alternativesFor,
  expandSynonyms,
  findSynonymTerms,
  similarity,
} from '../../../../search/client/synonym-expansion.ts';
import { meilisearchSettings, meilisearchSynonyms } from '../../../../search/index/meilisearch-settings.ts';

const sameGroup = (a: string, b: string) => SYNONYM_GROUPS.some((g) => g.includes(a) && g.includes(b));

describe('同义词表（两个引擎共用）', () => {
  it.each([
    ['低保', '最低生活保障'],
    ['特困', '特困人员救助供养'],
    ['特困', '特困供养'],
    ['失能', '生活不能自理'],
    ['失能', '失能半失能'],
    ['重病', '大病'],
    ['残疾人两项补贴', '困难残疾人生活补贴'],
    ['残疾人两项补贴', '重度残疾人护理补贴'],
    ['自闭症', '孤独症'],
    ['助学', '助学金'],
    ['助学', '资助学业'],
    ['老人', '老年人'],
    ['康复', '康复训练'],
  ])('%s ↔ %s', (a, b) => {
    expect(sameGroup(a, b)).toBe(true);
  });

  it('每组至少两个词，没有重复，留守儿童与孤残儿童也在表里', () => {
    for (const g of SYNONYM_GROUPS) {
      expect(g.length).toBeGreaterThanOrEqual(2);
      expect(new Set(g).size).toBe(g.length);
    }
    const words = SYNONYM_GROUPS.flat();
    expect(words).toContain('留守儿童');
    expect(words).toContain('孤残儿童');
  });

  it('Meilisearch 的 synonyms 是多向的：每个词指向同组其他词', () => {
    const map = meilisearchSynonyms();
    expect(map.低保).toEqual(expect.arrayContaining(['最低生活保障']));
    expect(map.最低生活保障).toEqual(expect.arrayContaining(['低保']));
    for (const [word, others] of Object.entries(map)) {
      expect(others).not.toContain(word);
      for (const o of others) expect(map[o]).toContain(word);
    }
    expect(meilisearchSettings().synonyms).toEqual(map);
  });

  it('索引设置：可搜索字段有先后，分面可筛选，可排序字段，中文分词', () => {
    const s = meilisearchSettings();
    expect(s.searchableAttributes?.[0]).toBe('title');
    expect(s.searchableAttributes?.at(-1)).toBe('body');
    expect(s.filterableAttributes).toEqual(
      expect.arrayContaining(['type', 'province', 'targetGroup', 'serviceType', 'acceptingDonations', 'keyCounty']),
    );
    expect(s.sortableAttributes).toEqual(['publishedOn', 'typeRank']);
    expect(JSON.stringify(s.localizedAttributes)).toContain('cmn');
  });
});

describe('查询时扩展（Pagefind）', () => {
  it('最长匹配优先、互不重叠、按位置排序', () => {
    expect(findSynonymTerms('低保家庭助学').map((m) => m.term)).toEqual(['低保家庭', '助学']);
    expect(findSynonymTerms('农村留守儿童').map((m) => m.term)).toEqual(['农村留守儿童']);
    expect(findSynonymTerms('甘肃岷县')).toEqual([]);
  });

  it('替换为同组的词，写法相近的优先，不生成包含原词的重复', () => {
    const [m] = findSynonymTerms('孤残儿童');
    if (!m) throw new Error('no match');
    expect(alternativesFor(m)[0]).toBe('孤困儿童');
    const [d] = findSynonymTerms('低保');
    if (!d) throw new Error('no match');
    expect(alternativesFor(d, 10)).not.toContain('低保户');
    expect(similarity('孤残儿童', '孤困儿童')).toBe(0.75);
  });

  it('两个词的查询两个词都会扩展，数量有上限', () => {
    const variants = expandSynonyms('低保家庭助学', { max: 4 });
    expect(variants.length).toBeLessThanOrEqual(4);
    expect(variants.some((v) => v.endsWith('助学') && !v.startsWith('低保家庭'))).toBe(true);
    expect(variants.some((v) => v.startsWith('低保家庭') && !v.endsWith('助学'))).toBe(true);
    expect(variants).not.toContain('低保家庭助学');
    expect(expandSynonyms('最低生活保障', { keep: (w) => w !== '低保' })).not.toContain('低保');
  });

  it('语料里没有的词：原查询降权，用语料里有的同义词；整组都没有时去掉这个词', () => {
    const counts = {
      最低生活保障: 0,
      低保: 320,
      低保户: 23,
      低保家庭: 93,
      低保对象: 0,
      自闭症: 0,
      孤独症: 0,
      孤独症谱系障碍: 0,
    };
    const v = queryVariants('最低生活保障 助学', { hints: { counts } });
    expect(v[0]).toMatchObject({ query: '最低生活保障 助学', weight: VARIANT_WEIGHTS.absentQuery });
    expect(v.map((x) => x.query)).toContain('低保 助学');
    expect(v.map((x) => x.query)).not.toContain('低保对象 助学');
    const autism = queryVariants('自闭症儿童康复', { hints: { counts } });
    expect(autism.find((x) => x.reason === 'dropped-term')?.query).toBe('儿童康复');
    expect(queryVariants('岷县', { hints: { counts } })).toEqual([{ query: '岷县', weight: 1, reason: 'query' }]);
    expect(queryVariants('低保 老人 助学 康复', { max: 3 })).toHaveLength(3);
  });
});

describe('错一个字或少一个字', () => {
  const vocabulary = [
    '积石山',
    '留守儿童',
    '防返贫监测户',
    '残疾人两项补贴',
    '低保家庭',
    '助学',
    '低保',
    '特困人员',
    '岷县',
  ];

  it.each([
    ['积石山留手儿童', '积石山留守儿童'],
    ['防返贫检测户', '防返贫监测户'],
    ['残疾人两项补帖', '残疾人两项补贴'],
    ['低保家助学', '低保家庭助学'],
    ['岷县特困人源', '岷县特困人员'],
  ])('%s → %s', (query, corrected) => {
    expect(nearMissCorrections(query, vocabulary)[0]?.query).toBe(corrected);
  });

  it('拼写正确的词不改；词尾少字交给前缀匹配；两个字的词不纠正', () => {
    expect(nearMissCorrections('积石山留守儿童', vocabulary)).toEqual([]);
    expect(nearMissCorrections('留守儿', vocabulary)).toEqual([]);
    expect(nearMissCorrections('助雪', vocabulary)).toEqual([]);
    expect(nearMissCorrections('abc', vocabulary)).toEqual([]);
  });

  it('纠正后的查询与它的同义词一起搜索，原查询仍然在列', () => {
    const v = queryVariants('积石山留手儿童', { hints: { terms: vocabulary } });
    expect(v[0]?.query).toBe('积石山留手儿童');
    expect(v[1]).toMatchObject({ query: '积石山留守儿童', reason: 'near-miss' });
    expect(v.slice(2).every((x) => !x.query.includes('留手'))).toBe(true);
  });
});

describe('变体上限：保留原查询和最重的几个', () => {
  it('原查询总在第一；其余按权重取，同权重按原顺序；上限至少为 1', () => {
    const v = (query: string, weight: number) => ({ query, weight, reason: 'synonym' as const });
    const all = [
      { ...v('原词', 0.6), reason: 'query' as const },
      v('甲', 0.85),
      v('乙', 0.9),
      v('丙', 0.85),
      v('丁', 0.8),
    ];
    expect(heaviestVariants(all, 3).map((x) => x.query)).toEqual(['原词', '乙', '甲']);
    expect(heaviestVariants(all, 4).map((x) => x.query)).toEqual(['原词', '乙', '甲', '丙']);
    expect(heaviestVariants(all, 0).map((x) => x.query)).toEqual(['原词']);
    expect(heaviestVariants([], 3)).toEqual([]);
  });

  it('孤残儿童助学：最重的同义替换（孤儿助学）比排在前面的轻替换先保留', () => {
    const all = queryVariants('孤残儿童助学', { max: Number.POSITIVE_INFINITY });
    const kept = heaviestVariants(all, 3);
    expect(kept[0]?.query).toBe('孤残儿童助学');
    const dropped = all.filter((x) => !kept.includes(x));
    for (const d of dropped) for (const k of kept.slice(1)) expect(k.weight).toBeGreaterThanOrEqual(d.weight);
  });
});
