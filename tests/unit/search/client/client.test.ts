import { describe, expect, it, vi } from 'vitest';
import { createSearchClient, UNAVAILABLE_MESSAGE } from '../../../../search/client/client.ts';
import { MAX_QUERY_LENGTH, normaliseFilters, normaliseQuery } from '../../../../search/client/query.ts';
import type { EngineResult, FacetCounts, NormalisedRequest, SearchEngine } from '../../../../search/client/types.ts';

const RESULT: EngineResult = {
  total: 1,
  hits: [
    { id: 'project-a', type: 'project', title: 'A', url: '/projects/a/', excerptHtml: '<mark>A</mark>', meta: {} },
  ],
  facets: { type: { project: 1 }, province: { 甘肃省: 1 } },
};

function fakeEngine(
  name: SearchEngine['name'],
  impl?: (r: NormalisedRequest) => Promise<EngineResult>,
  counts: (r: NormalisedRequest) => Promise<FacetCounts> = async () => RESULT.facets,
) {
  const calls: NormalisedRequest[] = [];
  const engine: SearchEngine = {
    name,
    search: vi.fn(async (r: NormalisedRequest) => {
      calls.push(r);
      return impl ? impl(r) : RESULT;
    }),
    facetCounts: vi.fn(counts),
    facetValues: vi.fn(async () => ({ province: { 甘肃省: 3, 四川省: 2 }, type: { project: 4, need: 1 } })),
  };
  return { engine, calls };
}

describe('查询规整', () => {
  it('空的、只有空白或不可见字符的、不是字符串的查询都是空查询', () => {
    for (const q of ['', '   ', '\u200b\u3000', null, undefined, 42, { q: 'x' }, ['低保']]) {
      expect(normaliseQuery(q).query).toBe('');
    }
  });

  it('2000 字的查询被截到上限，并标明截断；全角转半角，空白合并', () => {
    const long = '低保'.repeat(1000);
    const { query, truncated } = normaliseQuery(long);
    expect(Array.from(query)).toHaveLength(MAX_QUERY_LENGTH);
    expect(truncated).toBe(true);
    expect(normaliseQuery('  ＡＢＣ１２３\t低保\n\n助学 ')).toEqual({ query: 'ABC123 低保 助学', truncated: false });
    expect(normaliseQuery('😀'.repeat(100)).query).toBe('😀'.repeat(MAX_QUERY_LENGTH));
  });

  it('未知的分面名和值被忽略；布尔分面只认 true/false；类型只认已知类型', () => {
    expect(
      normaliseFilters({
        nope: ['x'],
        __proto__: ['y'],
        type: ['project', 'script', '<b>'],
        acceptingDonations: [true, 'maybe'],
        province: '甘肃省',
        charity: [1, null, {}, ''],
        targetGroup: ['x'.repeat(500)],
      }),
    ).toEqual({ type: ['project'], acceptingDonations: ['true'], province: ['甘肃省'] });
    expect(normaliseFilters('type=project')).toEqual({});
    expect(normaliseFilters({ province: ['甘肃省', '火星'] }, { province: { 甘肃省: 1 } })).toEqual({
      province: ['甘肃省'],
    });
  });
});

describe('createSearchClient', () => {
  it('空查询：空状态，不问任何引擎', async () => {
    const { engine } = fakeEngine('pagefind');
    const client = createSearchClient({ fallback: engine });
    const r = await client.search({ query: '   ', filters: { type: ['project'] } });
    expect(r).toMatchObject({ state: 'empty', total: 0, hits: [], facets: {}, engine: null });
    expect(engine.search).not.toHaveBeenCalled();
  });

  it('2000 字的查询照常搜索截短后的文字', async () => {
    const { engine, calls } = fakeEngine('pagefind');
    const r = await createSearchClient({ fallback: engine }).search({ query: 'x'.repeat(2000) });
    expect(r.truncated).toBe(true);
    expect(calls[0]?.query).toHaveLength(MAX_QUERY_LENGTH);
    expect(r.state).toBe('results');
  });

  it('未知的分面值按引擎已有的值过滤掉；全部未知就等于不筛选', async () => {
    const { engine, calls } = fakeEngine('pagefind');
    const client = createSearchClient({ fallback: engine });
    await client.search({ query: '低保', filters: { province: ['火星', '甘肃省'], bogus: ['1'] } });
    expect(calls[0]?.filters).toEqual({ province: ['甘肃省'] });
    await client.search({ query: '低保', filters: { province: ['火星'] } });
    expect(calls[1]?.filters).toEqual({});
    expect(engine.facetValues).toHaveBeenCalledTimes(1);
  });

  it('页码与每页条数：非法值取默认，过大取上限', async () => {
    const { engine, calls } = fakeEngine('pagefind');
    const client = createSearchClient({ fallback: engine });
    await client.search({ query: 'a', page: -3, pageSize: 'lots' });
    await client.search({ query: 'a', page: '2', pageSize: 1000 });
    expect(calls.map((c) => [c.page, c.pageSize])).toEqual([
      [1, 10],
      [2, 50],
    ]);
  });

  it('有 Meilisearch 时用它；连不上时改用 Pagefind，并在一段时间内不再尝试', async () => {
    let t = 0;
    const meili = fakeEngine('meilisearch', async () => {
      throw new Error('ECONNREFUSED');
    });
    const pagefind = fakeEngine('pagefind');
    const onFallback = vi.fn();
    const client = createSearchClient({
      primary: meili.engine,
      fallback: pagefind.engine,
      now: () => t,
      retryAfterMs: 1000,
      onFallback,
    });
    const first = await client.search({ query: '低保' });
    expect(first).toMatchObject({ engine: 'pagefind', fellBack: true, state: 'results' });
    expect(onFallback).toHaveBeenCalledTimes(1);
    await client.search({ query: '助学' });
    expect(meili.engine.search).toHaveBeenCalledTimes(1);
    t = 2000;
    await client.search({ query: '康复' });
    expect(meili.engine.search).toHaveBeenCalledTimes(2);
  });

  it('Meilisearch 超时也改用 Pagefind', async () => {
    const meili = fakeEngine('meilisearch', () => new Promise(() => undefined));
    const pagefind = fakeEngine('pagefind');
    const r = await createSearchClient({ primary: meili.engine, fallback: pagefind.engine, timeoutMs: 20 }).search({
      query: '低保',
    });
    expect(r).toMatchObject({ engine: 'pagefind', fellBack: true });
  });

  it('Meilisearch 正常时不碰 Pagefind', async () => {
    const meili = fakeEngine('meilisearch');
    const pagefind = fakeEngine('pagefind');
    const r = await createSearchClient({ primary: meili.engine, fallback: pagefind.engine }).search({ query: '低保' });
    expect(r).toMatchObject({ engine: 'meilisearch', fellBack: false, total: 1 });
    expect(pagefind.engine.search).not.toHaveBeenCalled();
  });

  it('两个引擎都不可用：说明原因的“暂不可用”状态，不抛错', async () => {
    const broken = fakeEngine('pagefind', async () => {
      throw new Error('404 pagefind.js');
    });
    const r = await createSearchClient({ fallback: broken.engine }).search({ query: '低保' });
    expect(r).toMatchObject({ state: 'unavailable', message: UNAVAILABLE_MESSAGE, hits: [], engine: null });
    const none = await createSearchClient({}).search({ query: '低保' });
    expect(none.state).toBe('unavailable');
  });

  it('没有结果：no-results 状态', async () => {
    const empty = fakeEngine('pagefind', async () => ({ total: 0, hits: [], facets: {} }));
    expect((await createSearchClient({ fallback: empty.engine }).search({ query: 'zzz' })).state).toBe('no-results');
  });

  it('请求本身是 null 或奇怪的对象也不出错', async () => {
    const { engine } = fakeEngine('pagefind');
    const client = createSearchClient({ fallback: engine });
    // @ts-expect-error: hostile input from untyped callers
    expect((await client.search(null)).state).toBe('empty');
    // @ts-expect-error: hostile input from untyped callers
    expect((await client.search('低保')).state).toBe('empty');
  });

  it('分面稍后统计：先回答结果（facetsPending），facets() 用同一引擎、同一查询与筛选去数', async () => {
    const pagefind = fakeEngine(
      'pagefind',
      async () => ({ ...RESULT, facets: {}, facetsPending: true }),
      async (r) => ({ province: { [r.filters.province?.[0] ?? '?']: 1 } }),
    );
    const client = createSearchClient({ fallback: pagefind.engine });
    const r = await client.search({ query: '低保', filters: { province: ['甘肃省', '火星'] } });
    expect(r).toMatchObject({ state: 'results', facetsPending: true, facets: {}, filters: { province: ['甘肃省'] } });
    expect(await client.facets(r)).toEqual({ province: { 甘肃省: 1 } });
    expect(pagefind.engine.facetCounts).toHaveBeenCalledWith({
      query: '低保',
      filters: { province: ['甘肃省'] },
      page: 1,
      pageSize: 10,
    });
  });

  it('分面已随结果返回（Meilisearch）就不再请求；统计失败时给空分面，不抛错', async () => {
    const meili = fakeEngine('meilisearch');
    const client = createSearchClient({ primary: meili.engine });
    const r = await client.search({ query: '低保' });
    expect(r.facetsPending).toBe(false);
    expect(await client.facets(r)).toEqual(RESULT.facets);
    expect(meili.engine.facetCounts).not.toHaveBeenCalled();

    const failing = fakeEngine(
      'pagefind',
      async () => ({ ...RESULT, facets: {}, facetsPending: true }),
      async () => {
        throw new Error('filter chunk 404');
      },
    );
    const other = createSearchClient({ fallback: failing.engine });
    expect(await other.facets(await other.search({ query: '低保' }))).toEqual({});
  });
});
