import { describe, expect, it } from 'vitest';
import { parseBrowserSearchConfig, SEARCH_ENDPOINT_PATH } from '../../../../content/search/browser-config.ts';
import type { SearchEngine } from '../../../../search/client/index.ts';
import { createSearchClient, createServerEngine, serverSearchQuery } from '../../../../search/client/index.ts';

/**
 * The island's engine over the portal's JSON (issue 20, step 5): the request in the site's URL
 * scheme, the answer checked like any engine's, and Pagefind when the portal says no (429).
 */
const reply = (status: number, body: unknown) =>
  (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;

const pagefind: SearchEngine = {
  name: 'pagefind',
  search: async () => ({ total: 1, hits: [], facets: {} }),
  facetCounts: async () => ({}),
  facetValues: async () => ({}),
};

describe('server engine (browser side)', () => {
  it('asks with the query, filters and page as the results page’s URL does', () => {
    expect(
      serverSearchQuery({
        query: '失能 老人',
        filters: { province: ['甘肃省'], type: ['project'] },
        page: 2,
        pageSize: 10,
      }),
    ).toBe('q=%E5%A4%B1%E8%83%BD+%E8%80%81%E4%BA%BA&type=project&province=%E7%94%98%E8%82%83%E7%9C%81&page=2');
  });

  it('keeps only same-site links, plain titles and <mark> from the answer', async () => {
    const engine = createServerEngine({
      fetch: reply(200, {
        state: 'results',
        total: 2,
        hits: [
          {
            id: 'a',
            type: 'project',
            url: '/projects/a/',
            title: '<b>甲</b>',
            excerptHtml: '<img src=x onerror=1><mark>老人</mark>',
            meta: { region: '<i>甘肃</i>', n: 3 },
          },
          { id: 'b', type: 'project', url: 'javascript:alert(1)', title: '乙', excerptHtml: '', meta: {} },
        ],
        facets: { province: { 甘肃省: 1, bad: 'x' } },
        suggestion: '失能老人',
      }),
    });
    const result = await engine.search({ query: '失能老人', filters: {}, page: 1, pageSize: 10 });
    expect(result.hits.map((h) => h.id)).toEqual(['a']);
    expect(result.hits[0]?.excerptHtml).not.toMatch(/<(?!\/?mark>)/);
    expect(result.hits[0]?.excerptHtml).toContain('<mark>老人</mark>');
    // Titles and meta are plain text the island renders as text; non-strings are dropped.
    expect(result.hits[0]?.meta).toEqual({ region: '<i>甘肃</i>' });
    expect(result.facets).toEqual({ province: { 甘肃省: 1 } });
    expect(result.suggestion).toBe('失能老人');
  });

  it('a rate-limited answer (429) makes the client answer from Pagefind', async () => {
    const client = createSearchClient({ primary: createServerEngine({ fetch: reply(429, {}) }), fallback: pagefind });
    const response = await client.search({ query: '助学' });
    expect(response.engine).toBe('pagefind');
    expect(response.fellBack).toBe(true);
  });

  it('search-config.json names it with a same-site path only', () => {
    const config = parseBrowserSearchConfig({
      engine: 'server',
      pagefindPath: '/pagefind/',
      serverPath: SEARCH_ENDPOINT_PATH,
    });
    expect(config).toEqual({
      engine: 'server',
      pagefindPath: '/pagefind/',
      meilisearch: null,
      serverPath: SEARCH_ENDPOINT_PATH,
    });
    for (const serverPath of ['//evil.example/x', 'https://evil.example/', '/a/../b', '/x?y'])
      expect(parseBrowserSearchConfig({ engine: 'server', serverPath }).engine).toBe('pagefind');
  });
});
