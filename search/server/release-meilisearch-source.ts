import { readFile, stat } from 'node:fs/promises';
import { type BrowserMeilisearchConfig, parseBrowserSearchConfig } from '../../content/search/browser-config.ts';
import type { ServerMeilisearch } from './server-search.ts';

/**
 * Meilisearch for the server search, from the live release's `search-config.json` (written by its
 * index stage beside its documents: search/index/release-index.ts) — host, index and the **search-only
 * key** that release gave the browsers, so public queries never carry the admin key, and each
 * release brings its own key. Read again when the file changes (a release switch); a missing,
 * broken or expired config means no Meilisearch (the in-process search answers), as in the browser.
 */
export function releaseMeilisearchSource(
  path: string,
  now: () => number = Date.now,
): () => Promise<ServerMeilisearch | null> {
  let cached: { key: string; config: BrowserMeilisearchConfig | null } | null = null;
  return async () => {
    let key: string;
    try {
      const s = await stat(path);
      key = `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}`;
    } catch {
      return null;
    }
    if (cached?.key !== key) {
      let json: unknown = null;
      try {
        json = JSON.parse(await readFile(path, 'utf8'));
      } catch {
        // unreadable: no Meilisearch until the file changes
      }
      // Parsed without an expiry check here: expiry is checked on every use below.
      cached = { key, config: parseBrowserSearchConfig(json, Number.NEGATIVE_INFINITY).meilisearch };
    }
    const config = cached.config;
    if (!config || (config.expiresAt !== null && Date.parse(config.expiresAt) <= now())) return null;
    return { host: config.host, indexUid: config.indexUid, apiKey: config.apiKey };
  };
}
