/**
 * `search-config.json`, written by the release build next to the site (publisher/releases/
 * build-release.ts) and read by the search island: which engine to ask first. With Meilisearch it
 * carries the search-only key from `searchKey()` — never the admin key. Parsed by hand, not with
 * zod, to keep the island small; anything malformed means Pagefind only.
 */
export const SEARCH_CONFIG_FILE = 'search-config.json';

export interface BrowserMeilisearchConfig {
  host: string;
  indexUid: string;
  apiKey: string;
  expiresAt: string | null;
}

export interface BrowserSearchConfig {
  engine: 'meilisearch' | 'pagefind';
  /** Where the Pagefind bundle is served (always present: it is the fallback). */
  pagefindPath: string;
  meilisearch: BrowserMeilisearchConfig | null;
}

export const PAGEFIND_ONLY: BrowserSearchConfig = { engine: 'pagefind', pagefindPath: '/pagefind/', meilisearch: null };

const str = (v: unknown, max = 500): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

export function parseBrowserSearchConfig(json: unknown, now: number = Date.now()): BrowserSearchConfig {
  if (!json || typeof json !== 'object') return PAGEFIND_ONLY;
  const raw = json as Record<string, unknown>;
  const pagefindPath =
    str(raw.pagefindPath, 200) && /^\/[A-Za-z0-9/_-]*\/$/.test(raw.pagefindPath) ? raw.pagefindPath : '/pagefind/';
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
