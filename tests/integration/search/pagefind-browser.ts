import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { build } from 'esbuild';
import { launchChromium } from '../../../bench/harness/browser.ts';
import type { SearchDocument } from '../../../content/search/documents.ts';
import type { SearchClient, SearchRequest, SearchResponse } from '../../../search/client/index.ts';
import { buildPagefindIndex } from '../../../search/index/pagefind-index.ts';
import { buildVocabulary } from '../../../search/index/vocabulary.ts';
import { type StaticServer, startStaticServer } from './static-server.ts';

/**
 * Pagefind's real search in Chromium, without the site: a Pagefind index built from search
 * documents (custom records, or the reference HTML the templates will emit), the search client
 * bundled with esbuild, both served by a tiny static server, and a page that loads
 * `/pagefind/pagefind.js` through the client. `search()` runs the client in the page.
 */
export interface PagefindBrowserOptions {
  /** Added with addCustomRecord. */
  records?: readonly SearchDocument[];
  /** Rendered with the reference markup (`pagefindHtml`) and added with addHTMLFile. */
  htmlRecords?: readonly SearchDocument[];
  /** HTML files (path → content) written to the site folder, which is then indexed with addDirectory. */
  pages?: Record<string, string>;
  /** Serialisable `PagefindEngineOptions` for the page's client (bundlePath is always `/pagefind/`). */
  engine?: Record<string, unknown>;
}

export interface PagefindBrowser {
  page: Page;
  server: StaticServer;
  /** Through the page's client, with the facets counted (`client.facets()` when they were pending). */
  search(request: SearchRequest): Promise<SearchResponse>;
  /**
   * Pagefind alone (issue 20's "Pagefind-only"): the query as typed, Pagefind's default options, no
   * variants, type classes or fusion — a second instance of `pagefind.js`, so the client's options
   * do not apply. The ids of the first `limit` results.
   */
  pagefindOnly(query: string, limit?: number): Promise<string[]>;
  close(): Promise<void>;
}

const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>search test</title></head>
<body><main id="out"></main><script type="module">
import * as search from '/client.js';
const options = { ...(window.engineOptions ?? {}), bundlePath: '/pagefind/' };
window.searchClient = search.createSearchClient({ fallback: search.createPagefindEngine(options) });
window.searchReady = true;
</script></body></html>`;

export async function bundleClient(): Promise<string> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, '../../../search/client/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

export async function startPagefindBrowser(options: PagefindBrowserOptions): Promise<PagefindBrowser> {
  const dir = await mkdtemp(join(tmpdir(), 'xianjie-pagefind-'));
  let browser: Browser | null = null;
  let server: StaticServer | null = null;
  try {
    for (const [path, html] of Object.entries(options.pages ?? {})) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), html);
    }
    const documents = [...(options.records ?? []), ...(options.htmlRecords ?? [])];
    await buildPagefindIndex({
      ...(options.pages ? { siteDir: dir } : {}),
      records: options.records ?? [],
      htmlRecords: options.htmlRecords ?? [],
      outputPath: join(dir, 'pagefind'),
      vocabulary: buildVocabulary(documents),
    });
    server = await startStaticServer(dir, { '/': PAGE, '/client.js': await bundleClient() });
    browser = await launchChromium();
    const page = await browser.newPage();
    await page.addInitScript((engine) => {
      (window as unknown as { engineOptions: unknown }).engineOptions = engine;
    }, options.engine ?? {});
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => (window as unknown as { searchReady?: boolean }).searchReady === true);
    const b = browser;
    const s = server;
    return {
      page,
      server: s,
      // The response with its facets counted: a first query leaves them pending (`facets()`).
      search: (request) =>
        page.evaluate(
          async (r) => {
            const client = (window as unknown as { searchClient: SearchClient }).searchClient;
            const response = await client.search(r);
            return { ...response, facets: await client.facets(response), facetsPending: false };
          },
          request as Record<string, unknown>,
        ),
      pagefindOnly: (query, limit = 10) =>
        page.evaluate(
          async ([q, n]) => {
            type Pf = {
              options(o: Record<string, unknown>): Promise<unknown>;
              search(
                t: string,
              ): Promise<{ results: { data(): Promise<{ url: string; meta: Record<string, string> }> }[] }>;
            };
            const w = window as unknown as { plainPagefind?: Promise<Pf> };
            w.plainPagefind ??= (async () => {
              // A different URL is a different module instance: its own options, its own state.
              // Through Function: the test runner rewrites a literal import() in this source.
              const load = new Function('url', 'return import(url)') as (url: string) => Promise<Pf>;
              const pf = await load('/pagefind/pagefind.js?plain');
              await pf.options({ bundlePath: '/pagefind/', noWorker: true });
              return pf;
            })();
            const pf = await w.plainPagefind;
            const found = await pf.search(q);
            const data = await Promise.all(found.results.slice(0, n).map((r) => r.data()));
            return data.map((d) => d.meta.id ?? d.url);
          },
          [query, limit] as const,
        ),
      async close() {
        await b.close();
        await s.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
