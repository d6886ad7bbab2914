import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  type BrowserSearchConfig,
  parseBrowserSearchConfig,
  SEARCH_CONFIG_FILE,
  SEARCH_ENDPOINT_PATH,
} from '../content/search/browser-config.ts';
import { serveStatic } from '../publisher/serve/static-files.ts';
import { createServerSearch, isPrebuilt, releaseDocumentSource, searchJson } from '../search/server/index.ts';
import { readSearchUrl } from '../site/islands/search-url.ts';

/**
 * The release as the search benchmark's Chromium sees it (bench/search.ts): the built client
 * through the publisher's own static file handler (its cache headers, gzip from the precompressed
 * siblings) and — as the portal answers it (site/pages/search/results.json.ts behind
 * publisher/serve/portal-server.ts) — `GET /search/results.json`: the search room's server engine
 * over the release's `search-documents.json` + `search-corpus.bin` (`releaseDocumentSource`), the
 * island's URL read with `readSearchUrl`, the answer made by `searchJson`, sent uncompressed with
 * the same headers. Without it the island at scale (engine `server` in search-config.json) got a
 * 404 on its first query and fell back to Pagefind for the rest of the run: the Chromium numbers
 * at scale were never the server path.
 *
 * Left out on purpose: the portal's rate limit (a benchmark typing 47 queries × 4 passes would hit
 * it; it is one Redis/memory count per request) and Astro's request handling around the route.
 *
 * `forceConfig` answers `/search-config.json` with that config instead of the release's file: the
 * demo site's pages with the island told to use the server engine (bench/search.ts `--scale-pages=demo`).
 */
export interface ReleaseServerOptions {
  /** The release's `search-documents.json` (its `search-corpus.bin` beside it); no endpoint without it. */
  documentsPath?: string | undefined;
  forceConfig?: BrowserSearchConfig | undefined;
}

export interface RequestCounts {
  /** `/search/results.json` answered with 200. */
  endpoint: number;
  /** Pagefind's index traffic (entry, wasm, chunks, fragments, filters, vocabulary; not `pagefind.js`). */
  pagefindIndex: number;
}

export interface ReleaseServer {
  url: string;
  /** The island's engine as the page will read it (the forced config, else the release's file). */
  configuredEngine: BrowserSearchConfig['engine'];
  /** Requests since the last call (the counts then start again). */
  takeCounts(): RequestCounts;
  close(): Promise<void>;
}

export async function startReleaseServer(root: string, options: ReleaseServerOptions = {}): Promise<ReleaseServer> {
  const configured = options.forceConfig
    ? options.forceConfig
    : parseBrowserSearchConfig(JSON.parse(await readFile(join(root, SEARCH_CONFIG_FILE), 'utf8')));
  const fallback = {
    current: () => Promise.reject(new Error('基准测试的发布目录没有快照可用')),
    demo: async () => true,
  };
  const search = options.documentsPath
    ? createServerSearch({
        documents: releaseDocumentSource({ path: options.documentsPath, fallback }),
        log: (m) => process.stderr.write(`${m}\n`),
      })
    : null;
  // The portal's watcher loads a switched-to release's corpus before its first query asks
  // (search/server/runtime.ts); the first query after a switch is bench/search-endpoint.ts's row.
  if (search && !isPrebuilt(await search.corpus())) throw new Error('发布目录没有可用的 search-corpus.bin');

  let counts: RequestCounts = { endpoint: 0, pagefindIndex: 0 };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/pagefind/') && url.pathname !== '/pagefind/pagefind.js') counts.pagefindIndex++;
    if (options.forceConfig && url.pathname === `/${SEARCH_CONFIG_FILE}`) {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' });
      res.end(JSON.stringify(options.forceConfig));
      return;
    }
    if (search && url.pathname === SEARCH_ENDPOINT_PATH) {
      const requested = readSearchUrl(url.search);
      search.search({ query: requested.q, filters: requested.filters, page: requested.page }).then(
        (response) => {
          counts.endpoint++;
          res.writeHead(200, {
            'content-type': 'application/json; charset=utf-8',
            'cache-control': 'no-store',
            'x-robots-tag': 'noindex',
          });
          res.end(JSON.stringify(searchJson(response)));
        },
        () => res.writeHead(500).end(),
      );
      return;
    }
    serveStatic(root, req, res).then(
      (served) => {
        if (!served) res.writeHead(404).end();
      },
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    configuredEngine: configured.engine,
    takeCounts() {
      const taken = counts;
      counts = { endpoint: 0, pagefindIndex: 0 };
      return taken;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
