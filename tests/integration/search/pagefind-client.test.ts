import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relevanceDataset } from '../../../bench/relevance/demo-documents.ts';
import type { SearchDocument } from '../../../content/search/documents.ts';
import { pagefindHtml } from '../../../content/search/pagefind-markup.ts';
import type { SearchResponse } from '../../../search/client/index.ts';
import { type PagefindBrowser, startPagefindBrowser } from './pagefind-browser.ts';

/**
 * The search client against a real Pagefind index in Chromium, built the way a release is: a site
 * folder of pages carrying the data-pagefind-* contract (indexed with addDirectory) plus custom
 * records for entries without a page of their own (needs) — with hostile text among them.
 */
const { documents } = relevanceDataset();
const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

const projects = documents.filter((d) => d.type === 'project').slice(0, 40);
const hostileProject: SearchDocument = {
  ...(projects[0] as SearchDocument),
  id: 'project-hostile',
  slug: 'hostile',
  url: '/projects/hostile/',
  title: `恶意标题${HOSTILE}岷县助学`,
  summary: `摘要${HOSTILE}`,
  body: `正文里有脚本 ${HOSTILE} 与助学金`,
};
const needs = documents.filter((d) => d.type === 'need').slice(0, 30);
const hostileNeed: SearchDocument = {
  ...(needs[0] as SearchDocument),
  id: 'need-hostile',
  slug: 'hostile',
  url: '/needs/620000/#need-hostile',
  title: '脚本需求<script>window.__pwned=3</script>',
  body: `自定义记录的原始文本 ${HOSTILE} 助学金`,
};
const pagesOf = (docs: SearchDocument[]) =>
  Object.fromEntries(docs.map((d) => [`${d.url.replace(/^\//, '')}index.html`, pagefindHtml(d)]));

let browser: PagefindBrowser;

/** Renders each excerpt as HTML in the page and reports what the DOM got. */
async function render(response: SearchResponse) {
  return browser.page.evaluate((hits) => {
    const box = document.createElement('div');
    for (const h of hits) {
      const p = document.createElement('p');
      p.innerHTML = h.excerptHtml;
      const t = document.createElement('h3');
      t.textContent = h.title;
      box.append(t, p);
    }
    document.body.append(box);
    const tags = [...box.querySelectorAll('*')].map((e) => e.tagName.toLowerCase());
    return { tags: [...new Set(tags)].sort(), pwned: (window as unknown as { __pwned?: number }).__pwned ?? null };
  }, response.hits);
}

beforeAll(async () => {
  browser = await startPagefindBrowser({
    pages: {
      ...pagesOf([...projects, hostileProject]),
      // No data-pagefind-body: once any page has one, Pagefind indexes only those.
      'about/index.html': '<!doctype html><html lang="zh-CN"><body><main>关于本站 助学金 岷县</main></body></html>',
    },
    records: [...needs, hostileNeed],
  });
});
afterAll(async () => {
  await browser?.close();
});

describe('Pagefind 客户端（Chromium，站点目录 + 自定义记录）', () => {
  it('站点页面与自定义记录都能搜到；没有 data-pagefind-body 的页面不进索引', async () => {
    const r = await browser.search({ query: '助学金', pageSize: 50 });
    expect(r.state).toBe('results');
    expect(r.engine).toBe('pagefind');
    const urls = r.hits.map((h) => h.url);
    expect(urls).toContain('/projects/hostile/');
    expect(urls).toContain('/needs/620000/#need-hostile');
    expect(urls).not.toContain('/about/');
    expect(r.hits.find((h) => h.url === '/projects/hostile/')).toMatchObject({
      id: 'project-hostile',
      type: 'project',
      meta: { typeLabel: '慈善项目' },
    });
  });

  it('索引里的 <script> 和 onerror 永远不会成为标记：摘要只有 <mark>，渲染后无脚本执行', async () => {
    for (const query of ['恶意标题', '脚本', 'onerror', 'script', '<script>']) {
      const r = await browser.search({ query, pageSize: 50 });
      for (const h of r.hits) expect(h.excerptHtml.replace(/<\/?mark>/g, '')).not.toMatch(/<|>/);
      const dom = await render(r);
      expect(dom.tags.filter((t) => !['div', 'p', 'h3', 'mark'].includes(t))).toEqual([]);
      expect(dom.pwned).toBeNull();
    }
  });

  it('查询里的 <script> 不出错、不注入', async () => {
    const r = await browser.search({ query: '<script>alert(1)</script>助学' });
    expect(['results', 'no-results']).toContain(r.state);
    expect((await render(r)).pwned).toBeNull();
  });

  it('空查询是空状态；2000 字的查询被截短后照常回答', async () => {
    expect(await browser.search({ query: '' })).toMatchObject({ state: 'empty', hits: [], engine: null });
    const long = await browser.search({ query: '岷县助学'.repeat(500) });
    expect(long.truncated).toBe(true);
    expect(['results', 'no-results']).toContain(long.state);
  });

  it('分面：按类型筛选只返回该类型，计数与结果一致；未知的分面值被忽略', async () => {
    const all = await browser.search({ query: '助学金', pageSize: 50 });
    expect(all.facets.type?.need).toBeGreaterThan(0);
    const onlyNeeds = await browser.search({ query: '助学金', filters: { type: ['need'] }, pageSize: 50 });
    expect(onlyNeeds.hits.every((h) => h.type === 'need')).toBe(true);
    expect(onlyNeeds.total).toBe(all.facets.type?.need);
    const unknown = await browser.search({
      query: '助学金',
      filters: { province: ['火星'], bogus: ['x'], type: ['<script>'] },
      pageSize: 50,
    });
    expect(unknown.total).toBe(all.total);
    const gansu = await browser.search({ query: '助学金', filters: { province: ['甘肃省'] }, pageSize: 50 });
    expect(gansu.total).toBeLessThan(all.total);
    expect(gansu.facets.province).toEqual({ 甘肃省: gansu.total });
  });

  it('首次查询先给结果、不加载筛选块；分面随后统计，与之后带分面的查询一致', async () => {
    // A fresh page: Pagefind's module (and what it has loaded) is per page. The script is a
    // string, so the test runner does not rewrite its import().
    const chromium = browser.page.context().browser();
    if (!chromium) throw new Error('no browser');
    const fresh = await chromium.newPage();
    await fresh.goto(`${browser.server.url}/`);
    const r = (await fresh.evaluate(`(async () => {
      const search = await import('/client.js');
      const client = search.createSearchClient({ fallback: search.createPagefindEngine({ bundlePath: '/pagefind/' }) });
      const seen = () => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/filter/'));
      performance.clearResourceTimings();
      const first = await client.search({ query: '助学金', pageSize: 50 });
      const filtersBefore = seen();
      const facets = await client.facets(first);
      const filtersAfter = seen();
      const second = await client.search({ query: '助学金', pageSize: 50 });
      return { first, filtersBefore, facets, filtersAfter, second };
    })()`)) as {
      first: SearchResponse;
      filtersBefore: string[];
      facets: SearchResponse['facets'];
      filtersAfter: string[];
      second: SearchResponse;
    };
    await fresh.close();
    expect(r.first).toMatchObject({ state: 'results', facetsPending: true, facets: {} });
    expect(r.first.hits.length).toBeGreaterThan(0);
    // Only the chunk of the type filter the type classes search with, not every facet's.
    expect(r.filtersBefore.length).toBeLessThanOrEqual(1);
    expect(r.filtersAfter.length).toBeGreaterThan(r.filtersBefore.length);
    expect(r.facets.type?.need).toBeGreaterThan(0);
    expect(r.second.facetsPending).toBe(false);
    expect(r.second.facets).toEqual(r.facets);
    expect(r.second.total).toBe(r.first.total);
  });

  it('Meilisearch 连不上时由 Pagefind 回答', async () => {
    // A string, so the test runner does not rewrite the page's dynamic import().
    const r = (await browser.page.evaluate(`(async () => {
      const search = await import('/client.js');
      const client = search.createSearchClient({
        primary: search.createMeilisearchEngine({ host: 'http://127.0.0.1:9', apiKey: 'k', indexUid: 'x' }),
        fallback: search.createPagefindEngine({ bundlePath: '/pagefind/' }),
        timeoutMs: 3000,
      });
      return client.search({ query: '助学金' });
    })()`)) as SearchResponse;
    expect(r).toMatchObject({ engine: 'pagefind', fellBack: true, state: 'results' });
  });
});
