import type { APIRoute } from 'astro';
import { merchantConfigured } from '../../../content/node/index.ts';
import { searchJson, serverSearch } from '../../../search/server/index.ts';
import { readSearchUrl } from '../../islands/search-url.ts';

/**
 * GET /search/results.json?q=…&type=…&province=…&page=… — the search of /search/results/ (the same
 * process-wide engine, its corpus cached per release) as JSON, for the island when the release is
 * too big for Pagefind (search-config.json engine `server`; issue 20, step 5). Rate-limited with
 * the results page by the portal. Any input gives a 200 with JSON (hostile, overlong or empty
 * queries are normalised as the page does); a release it cannot read gives state `unavailable`.
 */
export const prerender = false;

export const GET: APIRoute = async ({ url }) => {
  const requested = readSearchUrl(url.search);
  const response = await serverSearch({ documentOptions: { merchantConfigured } }).search({
    query: requested.q,
    filters: requested.filters,
    page: requested.page,
  });
  return new Response(JSON.stringify(searchJson(response)), {
    status: 200,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      // Depends on the live release; never cached by a browser or a CDN, never indexed.
      'cache-control': 'no-store',
      'x-robots-tag': 'noindex',
    },
  });
};
