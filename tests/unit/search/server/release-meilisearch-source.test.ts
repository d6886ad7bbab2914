import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  RELEASE_SEARCH_CONFIG_FILE,
  SEARCH_DOCUMENTS_FILE,
  writeReleaseDocuments,
} from '../../../../search/index/release-documents.ts';
import { releaseMeilisearchSource } from '../../../../search/server/release-meilisearch-source.ts';
import { projectDocument } from '../../../support/search/project-document.ts';

/**
 * The server search takes Meilisearch's host, index and **search-only key** from the live
 * release's `search-config.json` (what its index stage gave the browsers) — never the admin key,
 * even when `MEILI_ADMIN_KEY` is in the portal's environment. Meilisearch is a FAKE here: a
 * stubbed global `fetch` that records each request and answers the search endpoint's shape.
 */
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xianjie-release-meili-'));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  vi.resetModules();
  await rm(dir, { recursive: true, force: true });
});

const config = (apiKey: string, expiresAt: string | null = '2099-01-01T00:00:00.000Z') =>
  JSON.stringify({
    engine: 'meilisearch',
    pagefindPath: '/pagefind/',
    meilisearch: { host: 'http://meili.test:7700', indexUid: 'xj-content', apiKey, expiresAt },
  });

describe('the release’s Meilisearch config for the server search', () => {
  it('gives the search-only key, follows a new release, and nothing when missing, broken or expired', async () => {
    const path = join(dir, RELEASE_SEARCH_CONFIG_FILE);
    let now = Date.parse('2026-02-15T00:00:00Z');
    const source = releaseMeilisearchSource(path, () => now);
    expect(await source()).toBeNull();
    await writeFile(path, config('key-of-release-1'));
    expect(await source()).toEqual({
      host: 'http://meili.test:7700',
      indexUid: 'xj-content',
      apiKey: 'key-of-release-1',
    });
    await writeFile(path, config('key-of-release-2-longer'));
    expect((await source())?.apiKey).toBe('key-of-release-2-longer');
    await writeFile(path, config('key-expiring', '2026-03-01T00:00:00.000Z'));
    expect((await source())?.apiKey).toBe('key-expiring');
    now = Date.parse('2026-03-02T00:00:00Z');
    expect(await source()).toBeNull();
    await writeFile(path, '{ broken');
    expect(await source()).toBeNull();
    await writeFile(path, JSON.stringify({ engine: 'pagefind', pagefindPath: '/pagefind/', meilisearch: null }));
    expect(await source()).toBeNull();
  });

  it('the portal’s server search sends public queries with that key, not MEILI_ADMIN_KEY', async () => {
    const doc = projectDocument('a', '低保对象助学项目');
    // The live release as the portal names it (search/server/config.ts).
    const release = join(dir, 'releases', 'current');
    await mkdir(release, { recursive: true });
    await writeReleaseDocuments(join(release, SEARCH_DOCUMENTS_FILE), {
      demo: true,
      ruleDay: '2026-02-15',
      documents: [doc],
    });
    await writeFile(join(release, RELEASE_SEARCH_CONFIG_FILE), config('search-only-key'));
    vi.stubEnv('XIANJIE_RELEASE_DIR', release);
    vi.stubEnv('MEILI_HOST', 'http://meili.test:7700');
    vi.stubEnv('MEILI_ADMIN_KEY', 'the-admin-key');
    const seen: { url: string; authorization: string | null }[] = [];
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push({ url: String(input), authorization: new Headers(init?.headers).get('authorization') });
      return Response.json({
        hits: [{ id: 'project-a', type: 'project', url: '/projects/a/', title: '低保对象助学项目' }],
        totalHits: 1,
        facetDistribution: {},
      });
    });
    const { serverSearch } = await import('../../../../search/server/runtime.ts');
    const r = await serverSearch().search({ query: '低保' });
    expect(r.engine).toBe('meilisearch');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toEqual({
      url: 'http://meili.test:7700/indexes/xj-content/search',
      authorization: 'Bearer search-only-key',
    });
  });
});
