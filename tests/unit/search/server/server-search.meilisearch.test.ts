import { describe, expect, it } from 'vitest';
import { relevanceDataset } from '../../../../bench/relevance/demo-documents.ts';
import { staticSnapshotSource } from '../../../../donations/snapshot-source.ts';
import { MEILI_MARK_CLOSE, MEILI_MARK_OPEN } from '../../../../search/client/sanitise-excerpt.ts';
import { loadSearchConfig } from '../../../../search/index/config.ts';
import { createServerSearch } from '../../../../search/server/index.ts';

/**
 * With Meilisearch in the release, the results page asks it on the server (the island's engine
 * code, with the release's search-only key — never the admin key) and answers from the in-process
 * search when Meilisearch fails. A real
 * Meilisearch cannot run here: these tests use a FAKE Meilisearch (an injected `fetch` answering
 * the search endpoint's JSON shape and recording each request); meilisearch-live.test.ts covers a
 * real one when MEILI_HOST is set.
 */
const { snapshot } = relevanceDataset();
const admin = loadSearchConfig({
  MEILI_HOST: 'http://meili.test:7700',
  MEILI_ADMIN_KEY: 'admin-key',
  MEILI_INDEX: 'xj',
}).meilisearch;
/** What the release's index stage writes for browsers and the server: the search-only key. */
const release = { host: 'http://meili.test:7700', indexUid: 'xj-content', apiKey: 'search-only-key' };

interface Recorded {
  url: string;
  authorization: string | null;
  body: Record<string, unknown>;
}

function fakeMeilisearch(answer: (body: Record<string, unknown>) => Response | Promise<Response>) {
  const requests: Recorded[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
    requests.push({ url: String(input), authorization: new Headers(init?.headers).get('authorization'), body });
    return answer(body);
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

const meiliHits = (body: Record<string, unknown>) =>
  Response.json({
    hits: [
      {
        id: 'project-a',
        type: 'project',
        url: '/projects/a/',
        title: '<b>甲</b>项目',
        _formatted: { body: `前文${MEILI_MARK_OPEN}${String(body.q)}${MEILI_MARK_CLOSE}<script>x</script>` },
      },
    ],
    totalHits: 1,
    facetDistribution: { type: { project: 1 }, province: { 甘肃省: 1 } },
  });

// Each search builds the demo corpus once (a second or more on a busy machine).
describe('服务器端搜索 + fake Meilisearch（假的 Meilisearch：注入的 fetch，只模拟 /search 的响应格式）', {
  timeout: 30_000,
}, () => {
  it('发布含 Meilisearch 时由它回答；用只读搜索密钥（不是管理密钥）；未知筛选值先被丢弃；摘要只留 <mark>', async () => {
    const fake = fakeMeilisearch(meiliHits);
    const search = createServerSearch({
      snapshots: staticSnapshotSource(snapshot),
      meilisearch: release,
      fetch: fake.fetch,
      log: () => undefined,
    });
    const r = await search.search({ query: '低保', filters: { province: ['甘肃省', '火星'], type: ['project'] } });
    expect(r.engine).toBe('meilisearch');
    expect(r.fellBack).toBe(false);
    expect(r.total).toBe(1);
    expect(r.hits[0]?.excerptHtml).toBe('前文<mark>低保</mark>&lt;script&gt;x&lt;/script&gt;');
    expect(r.hits[0]?.title).toBe('<b>甲</b>项目');
    expect(r.filters).toEqual({ province: ['甘肃省'], type: ['project'] });
    const [request] = fake.requests;
    expect(request?.url).toBe('http://meili.test:7700/indexes/xj-content/search');
    expect(request?.authorization).toBe('Bearer search-only-key');
    expect(fake.requests.some((r) => r.authorization?.includes(admin?.adminKey ?? 'admin-key'))).toBe(false);
    expect(request?.body.filter).toEqual([['province = "甘肃省"'], ['type = "project"']]);
  });

  it('Meilisearch 出错时改用服务器内置搜索（fellBack），随后 60 秒内不再请求它', async () => {
    const fake = fakeMeilisearch(() => new Response('down', { status: 503 }));
    let now = 1_000_000;
    const logs: string[] = [];
    const search = createServerSearch({
      snapshots: staticSnapshotSource(snapshot),
      meilisearch: release,
      fetch: fake.fetch,
      now: () => now,
      log: (m) => logs.push(m),
    });
    const first = await search.search({ query: '失能老人' });
    expect(first.engine).toBe('in-process');
    expect(first.fellBack).toBe(true);
    expect(first.state).toBe('results');
    expect(first.total).toBeGreaterThan(5);
    expect(logs.join('\n')).toContain('Meilisearch 不可用');
    await search.search({ query: '低保' });
    expect(fake.requests).toHaveLength(1);
    now += 61_000;
    await search.search({ query: '低保' });
    expect(fake.requests).toHaveLength(2);
  });

  it('Meilisearch 不响应时超时后改用服务器内置搜索', async () => {
    const fake = fakeMeilisearch(() => new Promise<Response>(() => undefined));
    const search = createServerSearch({
      snapshots: staticSnapshotSource(snapshot),
      meilisearch: release,
      fetch: (input, init) =>
        new Promise((resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
          void fake.fetch(input, init).then(resolve);
        }),
      timeoutMs: 50,
      log: () => undefined,
    });
    const r = await search.search({ query: '失能老人' });
    expect(r.engine).toBe('in-process');
    expect(r.fellBack).toBe(true);
  });
});
