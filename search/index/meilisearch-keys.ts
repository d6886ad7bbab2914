import type { Key, Meilisearch } from 'meilisearch';
import type { MeilisearchConfig, PublicMeilisearchConfig } from './config.ts';

/**
 * The key the browser gets: actions `search` only, indexes exactly our live index, with an expiry.
 * Reused while it has more than half its lifetime left, otherwise a new one is created and the old
 * ones of the same name are deleted. The admin/master key never leaves the server; a build bakes
 * only `publicConfig()` into pages.
 */
export const SEARCH_KEY_ACTIONS = ['search'] as const;

export function searchKeyName(config: Pick<MeilisearchConfig, 'indexPrefix'>): string {
  return `${config.indexPrefix}-browser-search`;
}

const expiryOf = (key: Pick<Key, 'expiresAt'>): number | null =>
  key.expiresAt === null || key.expiresAt === undefined ? null : new Date(key.expiresAt).getTime();

/** A key fit for the browser: search only, our index only, expiring, not too soon. */
export function isUsableSearchKey(key: Key, config: MeilisearchConfig, now: number): boolean {
  const expires = expiryOf(key);
  return (
    key.name === searchKeyName(config) &&
    key.actions.length === 1 &&
    key.actions[0] === 'search' &&
    key.indexes.length === 1 &&
    key.indexes[0] === config.indexUid &&
    expires !== null &&
    expires - now > config.searchKeyTtlMs / 2
  );
}

export async function ensureSearchKey(
  client: Meilisearch,
  config: MeilisearchConfig,
  now: () => number = Date.now,
): Promise<PublicMeilisearchConfig> {
  const name = searchKeyName(config);
  const { results } = await client.getKeys({ limit: 1000 });
  const ours = results.filter((k) => k.name === name);
  let key = ours.find((k) => isUsableSearchKey(k, config, now()));
  if (!key) {
    key = await client.createKey({
      name,
      description: '浏览器端只读搜索密钥（仅 search，仅本门户索引，到期自动失效）',
      actions: [...SEARCH_KEY_ACTIONS],
      indexes: [config.indexUid],
      expiresAt: new Date(now() + config.searchKeyTtlMs),
    });
  }
  // Old keys of ours that are expiring go, so at most one stays in circulation besides the new one.
  for (const old of ours) {
    const expires = expiryOf(old);
    if (old.uid !== key.uid && (expires === null || expires - now() <= config.searchKeyTtlMs / 2)) {
      await client.deleteKey(old.uid);
    }
  }
  const expires = expiryOf(key);
  return {
    host: config.host,
    indexUid: config.indexUid,
    apiKey: key.key,
    expiresAt: expires === null ? null : new Date(expires).toISOString(),
  };
}
