import { describe, expect, it } from 'vitest';
import { relevanceDataset } from '../../../../bench/relevance/demo-documents.ts';
import type { SearchDocument } from '../../../../content/search/documents.ts';
import { staticSnapshotSource } from '../../../../donations/snapshot-source.ts';
import { MAX_QUERY_LENGTH } from '../../../../search/client/query.ts';
import { excerptOf } from '../../../../search/server/excerpt.ts';
import { createServerSearch, prepareCorpus, searchCorpus } from '../../../../search/server/index.ts';

/**
 * The server search behind /search/results/ (search/server/): AND semantics, the island's
 * synonym and near-miss variants, facets with exact counts, pagination, hostile and overlong
 * input. Hand-made documents pin the rules; the demo snapshot checks them at corpus scale.
 */
function doc(slug: string, fields: Partial<SearchDocument> = {}): SearchDocument {
  const type = fields.type ?? 'project';
  return {
    id: `${type}-${slug}`,
    type,
    slug,
    url: `/projects/${slug}/`,
    title: slug,
    summary: '',
    body: '',
    keywords: [],
    province: [],
    region: [],
    targetGroup: [],
    serviceType: [],
    status: null,
    acceptingDonations: type === 'project' ? true : null,
    keyCounty: false,
    charity: [],
    project: null,
    projectSlug: null,
    publishedOn: '2025-01-01',
    typeRank: 0,
    ...fields,
  };
}

const request = (query: string, extra: Partial<{ filters: Record<string, string[]>; page: number }> = {}) => ({
  query,
  filters: extra.filters ?? {},
  page: extra.page ?? 1,
  pageSize: 10,
});
const ids = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id);
const MARKUP_OTHER_THAN_MARK = /<(?!\/?mark>)/;

describe('服务器端搜索：匹配规则（手工文档）', () => {
  const corpus = prepareCorpus([
    doc('both', { title: '甘肃失能老人助餐', province: ['甘肃省'], region: ['甘肃省定西市岷县'] }),
    doc('elders', { title: '四川失能老人照护', province: ['四川省'], region: ['四川省成都市'] }),
    doc('gansu', { title: '甘肃儿童助学', province: ['甘肃省'], region: ['甘肃省兰州市'] }),
    doc('dibao', { title: '低保家庭温暖包', summary: '为低保家庭送去冬衣。' }),
    doc('full-term', { title: '困难家庭帮扶', body: '对象为享受最低生活保障的家庭。' }),
    doc('autism', { title: '自闭症儿童康复训练', type: 'typical-case', url: '/cases/autism/' }),
    doc('hostile', {
      title: '<b>粗体</b>标题',
      body: '说明：<script>alert(1)</script>康复服务<img src=x onerror=alert(2)>。\ue000私用\ue001',
    }),
  ]);

  it('每个词都必须出现（AND）：“甘肃 失能老人”只找到两者都有的', () => {
    const r = searchCorpus(corpus, request('甘肃 失能老人'));
    expect(ids(r)).toEqual(['project-both']);
    expect(r.total).toBe(1);
    // Written together, the query is split into known words and still needs both.
    expect(ids(searchCorpus(corpus, request('甘肃失能老人')))).toEqual(['project-both']);
    // Nothing holds both (issue 20): the entries holding the word that exists, none holding neither.
    const partial = searchCorpus(corpus, request('甘肃 火星'));
    expect(ids(partial)).toEqual(expect.arrayContaining(['project-both', 'project-gansu']));
    expect(partial.hits.every((h) => h.title.includes('甘肃') || h.meta.region?.includes('甘肃'))).toBe(true);
  });

  it('同义词双向：低保 ↔ 最低生活保障', () => {
    expect(ids(searchCorpus(corpus, request('最低生活保障')))).toEqual(
      expect.arrayContaining(['project-dibao', 'project-full-term']),
    );
    expect(ids(searchCorpus(corpus, request('低保')))).toEqual(
      expect.arrayContaining(['project-dibao', 'project-full-term']),
    );
    // The document that says what was typed comes first.
    expect(ids(searchCorpus(corpus, request('低保')))[0]).toBe('project-dibao');
  });

  it('错一个字也能找到（near-miss）：自闭征儿童康复 → 自闭症', () => {
    const r = searchCorpus(corpus, request('自闭征儿童康复'));
    expect(ids(r)).toContain('typical-case-autism');
    expect(r.hits[0]?.excerptHtml ?? '').not.toMatch(MARKUP_OTHER_THAN_MARK);
  });

  it('索引文本里的 <script>、<img> 只作为转义文字出现在摘要中；标题是纯文本', () => {
    const r = searchCorpus(corpus, request('康复服务'));
    const hit = r.hits.find((h) => h.id === 'project-hostile');
    expect(hit).toBeDefined();
    expect(hit?.excerptHtml).toContain(
      'script&gt;alert(1)&lt;/script&gt;<mark>康复服务</mark>&lt;img src=x onerror=alert(2)&gt;',
    );
    expect(hit?.excerptHtml).not.toMatch(MARKUP_OTHER_THAN_MARK);
    expect(hit?.excerptHtml).not.toMatch(/[\ue000-\uf8ff]/);
    expect(hit?.title).toBe('<b>粗体</b>标题'); // rendered as text by the page
  });

  it('查询里的 <script> 不会变成标记，也不会因为其中的“1”匹配一切', () => {
    const r = searchCorpus(corpus, request('<script>alert(1)</script>'));
    // Only the one document whose text really says script, alert and 1.
    expect(ids(r)).toEqual(['project-hostile']);
    expect(r.hits[0]?.excerptHtml).not.toMatch(MARKUP_OTHER_THAN_MARK);
    expect(r.hits[0]?.excerptHtml).toContain('<mark>script</mark>');
  });

  it('摘要围绕第一个匹配截取，两端加省略号', () => {
    const text = `${'前文'.repeat(40)}失能老人${'后文'.repeat(80)}`;
    const out = excerptOf(text, ['失能老人']);
    expect(out.startsWith('…')).toBe(true);
    expect(out.endsWith('…')).toBe(true);
    expect(out).toContain('<mark>失能老人</mark>');
    expect(excerptOf('没有匹配', ['失能'])).toBe('没有匹配');
    // A surrogate pair is never cut in half.
    expect(excerptOf(`${'😀'.repeat(30)}失能${'😀'.repeat(80)}`, ['失能'])).not.toMatch(
      /[\ud800-\udfff](?![\udc00-\udfff])/u,
    );
  });
});

// The first search builds the demo corpus (a second or more on a busy machine).
describe('服务器端搜索：演示数据上的分面、分页和输入校验', { timeout: 30_000 }, () => {
  const { snapshot, documents } = relevanceDataset();
  const byId = new Map(documents.map((d) => [d.id, d]));
  const search = createServerSearch({ snapshots: staticSnapshotSource(snapshot), log: () => undefined });

  it('AND：“甘肃 助学”的每条结果都同时含有两个词', async () => {
    const r = await search.search({ query: '甘肃 助学', pageSize: 50 });
    expect(r.state).toBe('results');
    expect(r.engine).toBe('in-process');
    for (const hit of r.hits) {
      const d = byId.get(hit.id);
      if (!d) throw new Error(hit.id);
      const text = [
        d.title,
        d.summary,
        d.body,
        d.project,
        ...d.region,
        ...d.keywords,
        ...d.targetGroup,
        ...d.serviceType,
        ...d.charity,
      ].join(' ');
      expect(text, hit.id).toContain('甘肃');
      expect(text, hit.id).toMatch(/助学|助学金|资助学业|学业支持/);
    }
  });

  it('分面计数等于结果中各值的文档数；筛选只留匹配的值，计数随之变化', async () => {
    const all = await search.search({ query: '失能老人', pageSize: 50 });
    const typeCounts = all.facets.type ?? {};
    expect(Object.values(typeCounts).reduce((a, b) => a + b, 0)).toBe(all.total);
    const projects = typeCounts.project ?? 0;
    expect(projects).toBeGreaterThan(0);

    const onlyProjects = await search.search({ query: '失能老人', filters: { type: ['project'] }, pageSize: 50 });
    expect(onlyProjects.total).toBe(projects);
    expect(onlyProjects.hits.every((h) => h.type === 'project')).toBe(true);
    expect(onlyProjects.facets.type).toEqual({ project: projects });

    const [province, count] = Object.entries(onlyProjects.facets.province ?? {})[0] ?? ['', 0];
    const narrowed = await search.search({
      query: '失能老人',
      filters: { type: ['project'], province: [province] },
      pageSize: 50,
    });
    expect(narrowed.total).toBe(count);
    expect(narrowed.hits.every((h) => byId.get(h.id)?.province.includes(province))).toBe(true);
  });

  it('未知的分面和值被丢弃（与交互式搜索相同），不报错', async () => {
    const plain = await search.search({ query: '失能老人' });
    const odd = await search.search({
      query: '失能老人',
      filters: { province: ['火星'], type: ['bogus'], nope: ['1'], acceptingDonations: ['maybe'] },
    });
    expect(odd.total).toBe(plain.total);
    expect(odd.filters).toEqual({});
    expect(ids(odd)).toEqual(ids(plain));
  });

  it('分页：第二页接着第一页，不重复；超出末页时没有结果但总数不变', async () => {
    const p1 = await search.search({ query: '低保', page: 1 });
    const p2 = await search.search({ query: '低保', page: '2' });
    expect(p1.total).toBeGreaterThan(20);
    expect(p2.total).toBe(p1.total);
    expect(p1.hits).toHaveLength(10);
    expect(p2.hits).toHaveLength(10);
    expect(ids(p2).filter((id) => ids(p1).includes(id))).toEqual([]);
    const both = await search.search({ query: '低保', pageSize: 20 });
    expect(ids(both)).toEqual([...ids(p1), ...ids(p2)]);
    const past = await search.search({ query: '低保', page: 99 });
    expect(past.hits).toEqual([]);
    expect(past.total).toBe(p1.total);
    expect((await search.search({ query: '低保', page: 'x' })).page).toBe(1);
  });

  it('同义词（演示数据）：“最低生活保障 助学”找到标题写“低保”的项目', async () => {
    const r = await search.search({ query: '最低生活保障 助学' });
    expect(r.hits.slice(0, 5).some((h) => /低保/.test(h.title))).toBe(true);
  });

  it('空查询、只有空白的查询：empty，不搜索', async () => {
    for (const query of ['', '   ', null, 42]) {
      const r = await search.search({ query });
      expect(r.state).toBe('empty');
      expect(r.hits).toEqual([]);
    }
  });

  it('2000 字的查询被截到 64 字并标明，不报错', async () => {
    const long = '失能老人照护'.repeat(334).slice(0, 2000);
    const r = await search.search({ query: long });
    expect(r.truncated).toBe(true);
    expect(Array.from(r.query)).toHaveLength(MAX_QUERY_LENGTH);
    expect(['results', 'no-results']).toContain(r.state);
  });

  it('<script> 查询：结果和摘要中没有标记', async () => {
    const r = await search.search({ query: '<script>alert(1)</script>' });
    expect(['results', 'no-results']).toContain(r.state);
    for (const hit of r.hits) expect(hit.excerptHtml).not.toMatch(MARKUP_OTHER_THAN_MARK);
  });

  it('同一快照只建一次语料', async () => {
    expect(await search.corpus()).toBe(await search.corpus());
  });
});

describe('服务器端搜索：读不到发布内容时', () => {
  it('给出中文的“暂时不可用”，不抛错', async () => {
    const search = createServerSearch({
      snapshots: { current: () => Promise.reject(new Error('no file')) },
      log: () => undefined,
    });
    const r = await search.search({ query: '低保' });
    expect(r.state).toBe('unavailable');
    expect(r.message).toContain('搜索暂时不可用');
  });
});
