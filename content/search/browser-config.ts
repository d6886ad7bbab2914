/**
 * `search-config.json`, written by the release build next to the site (publisher/releases/
 * build-release.ts) and read by the search island: which engine to ask first. With Meilisearch it
 * carries the search-only key from `searchKey()` — never the admin key. Parsed by hand, not with
 * zod, to keep the island small; anything malformed means Pagefind only.
 */
export const SEARCH_CONFIG_FILE = 'search-config.json';

/**
 * The server engine's JSON endpoint (site/pages/search/results.json.ts): the results page's search
 * as data, rate-limited with it by the portal (publisher/serve/search-rate-limit.ts).
 */
export const SEARCH_ENDPOINT_PATH = '/search/results.json';

export interface BrowserMeilisearchConfig {
  host: string;
  indexUid: string;
  apiKey: string;
  expiresAt: string | null;
}

export interface BrowserSearchConfig {
  /**
   * `server`: the portal's own engine through its JSON endpoint (`serverPath`), for a release too
   * big for Pagefind's budget (search/index/release-index.ts `SERVER_SEARCH_THRESHOLD`).
   */
  engine: 'meilisearch' | 'pagefind' | 'server';
  /** Where the Pagefind bundle is served (always present: it is the fallback). */
  pagefindPath: string;
  meilisearch: BrowserMeilisearchConfig | null;
  /** The same-site path of the server engine's endpoint, with engine `server`. */
  serverPath?: string;
}

export const PAGEFIND_ONLY: BrowserSearchConfig = { engine: 'pagefind', pagefindPath: '/pagefind/', meilisearch: null };

const str = (v: unknown, max = 500): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

export function parseBrowserSearchConfig(json: unknown, now: number = Date.now()): BrowserSearchConfig {
  if (!json || typeof json !== 'object') return PAGEFIND_ONLY;
  const raw = json as Record<string, unknown>;
  const pagefindPath =
    str(raw.pagefindPath, 200) && /^\/[A-Za-z0-9/_-]*\/$/.test(raw.pagefindPath) ? raw.pagefindPath : '/pagefind/';
  if (raw.engine === 'server') {
    const ok =
      str(raw.serverPath, 200) && /^\/[A-Za-z0-9/_.-]*$/.test(raw.serverPath) && !/\/\/|\.\./.test(raw.serverPath);
    return ok
      ? { engine: 'server', pagefindPath, meilisearch: null, serverPath: raw.serverPath as string }
      : { engine: 'pagefind', pagefindPath, meilisearch: null };
  }
  const m = raw.meilisearch as Record<string, unknown> | null | undefined;
  if (raw.engine !== 'meilisearch' || !m || typeof m !== 'object') {
    return { engine: 'pagefind', pagefindPath, meilisearch: null };
  }
  const expiresAt = str(m.expiresAt, 40) ? m.expiresAt : null;
  const expired = expiresAt !== null && Date.parse(expiresAt) <= now;
  if (!str(m.host) || !/^https?:\/\//.test(m.host) || !str(m.indexUid, 200) || !str(m.apiKey) || expired) {
    return { engine: 'pagefind', pagefindPath, meilisearch: null };
  }
  return {
    engine: 'meilisearch',
    pagefindPath,
    meilisearch: { host: m.host, indexUid: m.indexUid, apiKey: m.apiKey, expiresAt },
  };
}
