import { describe, expect, it } from 'vitest';
import { relevanceDataset } from '../../../../bench/relevance/demo-documents.ts';
import { JUDGED_QUERIES } from '../../../../bench/relevance/judged-queries.ts';
import type { SearchDocument } from '../../../../content/search/documents.ts';
import { staticSnapshotSource } from '../../../../donations/snapshot-source.ts';
import { createServerSearch, prepareCorpus, searchCorpus } from '../../../../search/server/index.ts';
import { projectDocument } from '../../../support/search/project-document.ts';

/**
 * Issue 20's ranking and findability rules of the in-process engine: campaigns and awards are found
 * by their names, a structured match outranks a text mention, projects accepting gifts come
 * before closed ones and overdue ones lower, typos get a "did you mean" toward vocabulary words
 * only, never toward another place.
 */
const request = (query: string) => ({ query, filters: {}, page: 1, pageSize: 10 });
const ids = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id);

const doc = (slug: string, fields: Partial<SearchDocument>): SearchDocument => ({
  ...projectDocument(slug),
  province: [],
  region: [],
  keyCounty: false,
  ...fields,
  id: `${fields.type ?? 'project'}-${slug}`,
});

describe('专题活动和表彰页可以按名称找到（演示数据）', () => {
  const search = createServerSearch({ snapshots: staticSnapshotSource(relevanceDataset().snapshot) });

  it.each([
    ['中华慈善日', 'campaign-2025-zhonghuacishanri', '/campaigns/2025-zhonghuacishanri/'],
    ['全国助残日', 'campaign-2025-quanguozhucanri', '/campaigns/2025-quanguozhucanri/'],
    ['敬老月', 'campaign-2025-jinglaoyue', '/campaigns/2025-jinglaoyue/'],
  ])('%s → 活动页', async (query, id, url) => {
    const r = await search.search({ query });
    const top = r.hits.slice(0, 3);
    expect(top.map((h) => h.id)).toContain(id);
    expect(top.find((h) => h.id === id)?.url).toBe(url);
    expect(r.hits[0]?.type).toBe('campaign');
  });

  it('中华慈善奖 → 表彰条目，链接到当年表彰页上的该条目', async () => {
    const r = await search.search({ query: '中华慈善奖' });
    const top = r.hits.slice(0, 5);
    expect(top.length).toBe(5);
    for (const hit of top) {
      expect(hit.type).toBe('award');
      expect(hit.title).toContain('中华慈善奖');
      expect(hit.url).toMatch(/^\/awards\/\d{4}\/#award-[a-z0-9-]+$/);
    }
  });

  it('“项日”有结果，并建议“项目”；“中华慈善曰”建议“中华慈善日”', async () => {
    const typo = await search.search({ query: '项日' });
    expect(typo.suggestion).toBe('项目');
    expect(typo.hits[0]?.type).toBe('project');
    expect((await search.search({ query: '中华慈善曰' })).suggestion).toBe('中华慈善日');
    // Nothing to suggest for a query the corpus answers as typed.
    expect((await search.search({ query: '残疾人康复训练' })).suggestion).toBeUndefined();
  });

  it('纠错不会造出另一个地名', async () => {
    const r = await search.search({ query: '宕昌县特困人源' });
    expect(r.suggestion ?? '').not.toMatch(/岷县|定西/u);
    const corpus = await search.corpus();
    const places = corpus.hints.places ?? [];
    const suggestion = r.suggestion ?? '宕昌县特困人员';
    for (const place of places) if (suggestion.includes(place)) expect('宕昌县特困人源').toContain(place);
  });
});

describe('按结构排序（手工文档）', () => {
  it('项目带重点帮扶县标记，胜过只在简介里提到的慈善组织', () => {
    const corpus = prepareCorpus([
      doc('mention', { type: 'charity', title: '某基金会', summary: '长期在国家乡村振兴重点帮扶县开展帮扶。' }),
      doc('tagged', { title: '某县助学项目', keyCounty: true, region: ['甘肃省定西市岷县'] }),
    ]);
    expect(ids(searchCorpus(corpus, request('重点帮扶县')))).toEqual(['project-tagged', 'charity-mention']);
  });

  it('同样匹配：可捐赠的项目在已结束的前面，逾期未披露的在后面', () => {
    const corpus = prepareCorpus([
      doc('closed', { title: '失能老人助餐', acceptingDonations: false }),
      doc('overdue', { title: '失能老人助餐', acceptingDonations: true, overdue: true }),
      doc('open', { title: '失能老人助餐', acceptingDonations: true }),
    ]);
    expect(ids(searchCorpus(corpus, request('失能老人助餐')))).toEqual([
      'project-open',
      'project-closed',
      'project-overdue',
    ]);
  });

  it('帮扶对象字段匹配胜过正文里提到', () => {
    const corpus = prepareCorpus([
      doc('body', { title: '助学项目', body: '也照顾残疾人家庭的孩子。' }),
      doc('field', { title: '助学项目', targetGroup: ['残疾人'] }),
    ]);
    expect(ids(searchCorpus(corpus, request('残疾人 助学')))).toEqual(['project-field', 'project-body']);
  });
});

describe('the fast paths answer exactly as reading the text does (演示数据)', () => {
  const corpus = prepareCorpus(relevanceDataset().documents);
  // The same corpus without the bigram index's field bits: every term is checked in the documents' text.
  const plain = { ...corpus, pairs: { rows: corpus.pairs.rows, postings: corpus.pairs.postings } };
  const queries = [...JUDGED_QUERIES.map((q) => q.query), '项日', '老老', '县', '养老 培训'];

  it('field bits and the per-release cache change no score, order, count or facet', () => {
    expect(corpus.pairs.fields).toBeDefined();
    for (const query of queries) {
      for (const r of [
        request(query),
        { ...request(query), page: 2 },
        { ...request(query), filters: { type: ['project'] } },
      ]) {
        const expected = searchCorpus(plain, r);
        expect(searchCorpus(corpus, r)).toEqual(expected);
        // Again, from the cache.
        expect(searchCorpus(corpus, r)).toEqual(expected);
      }
    }
  });
});
