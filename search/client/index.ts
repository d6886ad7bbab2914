/**
 * search/client — the one search client, for the island and for search/server (which asks
 * Meilisearch with the island's engine and normalises requests, fuses and excerpts as it does).
 * Browser-safe: imports nothing from Node, and of content/ only content/search/settings.ts.
 *
 *   const client = createSearchClient({
 *     primary: meili ? createMeilisearchEngine(meili) : undefined,
 *     fallback: createPagefindEngine({ bundlePath: '/pagefind/' }),
 *   });
 *   const { state, total, hits, facets } = await client.search({ query, filters, page });
 */
export { createSearchClient, type SearchClient, type SearchClientOptions, UNAVAILABLE_MESSAGE } from './client.ts';
export { fuse, type Ranked, type WeightedList } from './fusion.ts';
export { hitMetaLine, pickMeta } from './hit-meta.ts';
export {
  createMeilisearchEngine,
  type MeilisearchEngineOptions,
  MeilisearchUnavailableError,
} from './meilisearch-engine.ts';
export { nearMissCorrections } from './near-miss.ts';
export {
  createPagefindEngine,
  DEFAULT_PAGEFIND_RANKING,
  DEFAULT_TYPE_WEIGHTS,
  type PagefindEngineOptions,
  type PagefindModule,
  parseVocabulary,
} from './pagefind-engine.ts';
export {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  MAX_QUERY_LENGTH,
  normaliseFilters,
  normaliseQuery,
  normaliseRequest,
} from './query.ts';
export { type CorpusHints, queryVariants, type Variant } from './query-variants.ts';
export {
  MEILI_MARK_CLOSE,
  MEILI_MARK_OPEN,
  plainText,
  safePath,
  sanitiseMeiliExcerpt,
  sanitisePagefindExcerpt,
} from './sanitise-excerpt.ts';
export {
  createServerEngine,
  type ServerEngineOptions,
  ServerSearchUnavailableError,
  serverSearchQuery,
} from './server-engine.ts';
export { expandSynonyms, findSynonymTerms } from './synonym-expansion.ts';
export type * from './types.ts';
