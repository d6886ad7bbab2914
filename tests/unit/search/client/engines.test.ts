import { describe, expect, it } from 'vitest';
import { createMeilisearchEngine, meiliFilter, meiliSearchBody } from '../../../../search/client/meilisearch-engine.ts';
import {
  createPagefindEngine,
  type PagefindModule,
  type PagefindResponse,
  parseVocabulary,
  typeClasses,
} from '../../../../search/client/pagefind-engine.ts';
import { MEILI_MARK_CLOSE, MEILI_MARK_OPEN } from '../../../../search/client/sanitise-excerpt.ts';

const request = { query: '低保', filters: {}, page: 1, pageSize: 10 };

/** A stand-in for pagefind.js whose index holds hostile text. */
function fakePagefind(searches: { term: string; filters: unknown }[] = []): PagefindModule {
  const data = (i: number) => ({
    url: i === 2 ? 'javascript:alert(1)' : `/projects/p${i}/`,
    excerpt: `<script>alert(${i})</script><mark>低保</mark><img src=x onerror=alert(1)>`,
    meta: {
      title: `<b>项目${i}</b>`,
      id: `project-p${i}`,
      type: 'project',
      typeLabel: '慈善项目',
      charity: '<i>某会</i>',
    },
  });
  return {
    options: async () => undefined,
    search: async (term, options): Promise<PagefindResponse> => {
      searches.push({ term, filters: options?.filters });
      const type = (options?.filters as { type?: { any: string[] } })?.type?.any ?? [];
      if (!type.includes('project')) return { results: [], filters: {} };
      return {
        results: [0, 1, 2].map((i) => ({ id: `r${i}`, score: 3 - i, data: async () => data(i) })),
        filters: { type: { project: 3 }, province: { 甘肃省: 2, 四川省: 0 } },
      };
    },
    filters: async () => ({ type: { project: 3, need: 1 }, province: { 甘肃省: 2 } }),
  };
}

describe('Pagefind 引擎（用假的 pagefind.js）', () => {
  it('结果被净化：标题是文本，摘要只有 <mark>，危险链接的结果被丢弃', async () => {
    const engine = createPagefindEngine({ loadModule: async () => fakePagefind(), vocabularyUrl: false });
    const r = await engine.search(request);
    expect(r.total).toBe(3);
    expect(r.hits.map((h) => h.url)).toEqual(['/projects/p0/', '/projects/p1/']);
    for (const h of r.hits) {
      expect(h.excerptHtml.replace(/<\/?mark>/g, '')).not.toContain('<');
      expect(h.excerptHtml).toContain('<mark>低保</mark>');
      // Titles and meta are plain text for the island to render as text: markup in them stays visible text.
      expect(h.title).toMatch(/^<b>项目\d<\/b>$/);
      expect(h.meta).toMatchObject({ typeLabel: '慈善项目', charity: '<i>某会</i>' });
      expect(h.type).toBe('project');
    }
    // The first query answers before the filter chunks load; its facets are counted after.
    expect(r).toMatchObject({ facets: {}, facetsPending: true });
    expect(await engine.facetCounts(request)).toEqual({ type: { project: 3 }, province: { 甘肃省: 2 } });
  });

  it('首次查询不等筛选块：结果先回，facetCounts() 加载全部筛选块再数；之后的查询直接带分面', async () => {
    const calls: string[] = [];
    const fake = fakePagefind();
    const engine = createPagefindEngine({
      vocabularyUrl: false,
      loadModule: async () => ({
        ...fake,
        search: (term, options) => {
          calls.push('search');
          return fake.search(term, options);
        },
        filters: () => {
          calls.push('filters');
          return fake.filters();
        },
      }),
    });
    const first = await engine.search(request);
    expect(first.facetsPending).toBe(true);
    expect(calls).not.toContain('filters');
    calls.length = 0;
    expect(await engine.facetCounts(request)).toEqual({ type: { project: 3 }, province: { 甘肃省: 2 } });
    expect(calls[0]).toBe('filters');
    const second = await engine.search(request);
    expect(second.facetsPending).toBeUndefined();
    expect(second.facets).toEqual({ type: { project: 3 }, province: { 甘肃省: 2 } });
    expect(calls.filter((c) => c === 'filters')).toHaveLength(1);

    const eager = createPagefindEngine({
      vocabularyUrl: false,
      loadModule: async () => fakePagefind(),
      facetsWithFirstQuery: true,
    });
    expect((await eager.search(request)).facets).toEqual({ type: { project: 3 }, province: { 甘肃省: 2 } });
  });

  it('按类型权重分组搜索，每组带 type 筛选；用户选了类型就只搜那些类型', async () => {
    const searches: { term: string; filters: unknown }[] = [];
    const engine = createPagefindEngine({ loadModule: async () => fakePagefind(searches), vocabularyUrl: false });
    await engine.search({ ...request, query: '岷县' });
    // Two classes by default (PAGEFIND_TYPE_WEIGHTS): charities and disclosures share one.
    expect(searches.map((s) => (s.filters as { type: { any: string[] } }).type.any)).toEqual([
      ['project', 'typical-case', 'need', 'campaign', 'award'],
      ['charity', 'disclosure'],
    ]);
    searches.length = 0;
    await engine.search({ ...request, query: '岷县', filters: { type: ['need'], province: ['甘肃省'] } });
    expect(searches).toEqual([{ term: '岷县', filters: { type: { any: ['need'] }, province: { any: ['甘肃省'] } } }]);
    expect(typeClasses({ disclosure: 0.5 }, ['disclosure', 'project'])).toEqual([
      { weight: 1, types: ['project'] },
      { weight: 0.5, types: ['disclosure'] },
    ]);
  });

  it('vocabulary.json 格式不对就忽略', () => {
    expect(parseVocabulary(null)).toBeUndefined();
    expect(parseVocabulary({ terms: ['低保', 3, 'x'.repeat(50)], counts: { 低保: 3, 坏: 'x' } })).toEqual({
      terms: ['低保'],
      counts: { 低保: 3 },
    });
    expect(parseVocabulary({ sounds: ['参餐', 7, '字'.repeat(401)], campaigns: ['敬老月', null] })).toEqual({
      sounds: ['参餐'],
      campaigns: ['敬老月'],
    });
  });

  it('查询点名的类型（项目、活动名）自成一类，按本类最好的结果缩放：文字更像的别类不再排在前面', async () => {
    // 慈善项目: typical cases say 慈善 often and score far above any project, which says 项目 like
    // every record; the person asked for projects.
    const hit = (id: string, type: string, score: number) => ({
      id,
      score,
      data: async () => ({ url: `/x/${id}/`, excerpt: '', meta: { id: `${type}-${id}`, type, title: id } }),
    });
    const module: PagefindModule = {
      options: async () => undefined,
      filters: async () => ({}),
      search: async (_term, options) => {
        const type = (options?.filters as { type?: { any: string[] } })?.type?.any ?? [];
        const results = [
          ...(type.includes('typical-case') ? [hit('c1', 'typical-case', 14), hit('c2', 'typical-case', 13)] : []),
          ...(type.includes('project') ? [hit('p1', 'project', 4.6), hit('p2', 'project', 4.4)] : []),
        ];
        return { results, filters: {} };
      },
    };
    const engine = createPagefindEngine({ loadModule: async () => module, vocabularyUrl: false, maxVariants: 1 });
    const named = await engine.search({ ...request, query: '慈善项目' });
    expect(named.hits.map((h) => h.id).slice(0, 2)).toEqual(['project-p1', 'project-p2']);
    // Without a type word the better text match leads, as before.
    const plain = await engine.search({ ...request, query: '慈善' });
    expect(plain.hits[0]?.id).toBe('typical-case-c1');
    // A campaign's name (the vocabulary's `campaigns`) names the campaign type.
    const campaigns = createPagefindEngine({
      loadModule: async () => ({
        ...module,
        search: async (_t, options) => {
          const type = (options?.filters as { type?: { any: string[] } })?.type?.any ?? [];
          const results = [
            ...(type.includes('award') ? [hit('a1', 'award', 78)] : []),
            ...(type.includes('campaign') ? [hit('k1', 'campaign', 59)] : []),
          ];
          return { results, filters: {} };
        },
      }),
      vocabulary: { campaigns: ['中华慈善日'] },
      maxVariants: 1,
    });
    expect((await campaigns.search({ ...request, query: '中华慈善日' })).hits[0]?.id).toBe('campaign-k1');
  });

  it('pagefind.js 加载失败会抛出（由客户端转成“暂不可用”），下次再试', async () => {
    let attempts = 0;
    const engine = createPagefindEngine({
      vocabularyUrl: false,
      loadModule: async () => {
        attempts++;
        if (attempts === 1) throw new Error('404');
        return fakePagefind();
      },
    });
    await expect(engine.search(request)).rejects.toThrow('404');
    await expect(engine.search(request)).resolves.toMatchObject({ total: 3 });
  });
});

describe('Meilisearch 引擎（浏览器端，用假的 fetch）', () => {
  it('筛选值加引号转义，不拼接进表达式；同一分面内为“或”', () => {
    expect(
      meiliFilter({ province: ['甘肃省', 'a" OR type = "x'], acceptingDonations: ['true'], keyCounty: ['false'] }),
    ).toEqual([
      ['province = "甘肃省"', 'province = "a\\" OR type = \\"x"'],
      ['acceptingDonations = true'],
      ['keyCounty = false'],
    ]);
    const body = meiliSearchBody({ query: '低保', filters: { type: ['project'] }, page: 2, pageSize: 5 });
    expect(body).toMatchObject({ q: '低保', page: 2, hitsPerPage: 5, highlightPreTag: MEILI_MARK_OPEN });
    expect(body.attributesToRetrieve).not.toContain('body');
  });

  it('用 search-only key 调用 /indexes/<uid>/search，结果被净化', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const engine = createMeilisearchEngine({
      host: 'http://meili.test/',
      apiKey: 'search-only',
      indexUid: 'xianjie-content',
      fetch: (async (url: string, init: RequestInit) => {
        seen.push({ url, init });
        return new Response(
          JSON.stringify({
            totalHits: 7,
            hits: [
              {
                id: 'project-a',
                type: 'project',
                url: '/projects/a/',
                title: '<script>t</script>',
                _formatted: { body: `x${MEILI_MARK_OPEN}<img onerror=1>${MEILI_MARK_CLOSE}`, summary: 's' },
              },
              { id: 'bad', type: 'project', url: 'https://evil.example/' },
            ],
            facetDistribution: { type: { project: 7 }, bogus: { x: 1 } },
          }),
          { status: 200, headers: { 'content-type': 'application/json' } },
        );
      }) as typeof fetch,
    });
    const r = await engine.search(request);
    expect(seen[0]?.url).toBe('http://meili.test/indexes/xianjie-content/search');
    expect(new Headers(seen[0]?.init.headers).get('authorization')).toBe('Bearer search-only');
    expect(r.total).toBe(7);
    expect(r.hits).toHaveLength(1);
    expect(r.hits[0]?.excerptHtml).toBe('x<mark>&lt;img onerror=1&gt;</mark>');
    expect(r.hits[0]?.title).toBe('<script>t</script>');
    expect(r.facets).toEqual({ type: { project: 7 } });
  });

  it('分面随结果一次返回（不会 facetsPending）；facetCounts() 是同一查询与筛选、不取结果的计数', async () => {
    const bodies: Record<string, unknown>[] = [];
    const engine = createMeilisearchEngine({
      host: 'http://meili.test',
      apiKey: 'search-only',
      indexUid: 'xianjie-content',
      fetch: (async (_url: string, init: RequestInit) => {
        bodies.push(JSON.parse(String(init.body)));
        return new Response(
          JSON.stringify({ totalHits: 2, hits: [], facetDistribution: { province: { 甘肃省: 2 } } }),
          {
            status: 200,
          },
        );
      }) as typeof fetch,
    });
    const r = await engine.search({ ...request, filters: { type: ['project'] } });
    expect(r.facetsPending).toBeUndefined();
    expect(r.facets).toEqual({ province: { 甘肃省: 2 } });
    expect(await engine.facetCounts({ ...request, filters: { type: ['project'] } })).toEqual({
      province: { 甘肃省: 2 },
    });
    expect(bodies[1]).toMatchObject({ q: '低保', filter: [['type = "project"']], limit: 0 });
  });

  it('网络错误、非 2xx、非 JSON 都成为 MeilisearchUnavailableError（客户端据此回退）', async () => {
    const make = (impl: () => Promise<Response>) =>
      createMeilisearchEngine({ host: 'http://x', apiKey: 'k', indexUid: 'i', fetch: impl as typeof fetch });
    await expect(make(() => Promise.reject(new TypeError('fetch failed'))).search(request)).rejects.toThrow(
      'Meilisearch 无法连接',
    );
    await expect(make(async () => new Response('no', { status: 403 })).search(request)).rejects.toThrow('403');
    await expect(make(async () => new Response('<html>', { status: 200 })).search(request)).rejects.toThrow('JSON');
  });
});
