/**
 * The search client for the island. Browser-safe: imports nothing from Node or content/.
 *
 *   const client = createSearchClient({
 *     primary: meili ? createMeilisearchEngine(meili) : undefined,
 *     fallback: createPagefindEngine({ bundlePath: '/pagefind/' }),
 *   });
 *   const { state, total, hits, facets } = await client.search({ query, filters, page });
 */
export { createSearchClient, type SearchClient, type SearchClientOptions, UNAVAILABLE_MESSAGE } from './client.ts';
export {
  createMeilisearchEngine,
  type MeilisearchEngineOptions,
  MeilisearchUnavailableError,
} from './meilisearch-engine.ts';
export { nearMissCorrections } from './near-miss.ts';
export {
  createPagefindEngine,
  DEFAULT_PAGEFIND_RANKING,
  type PagefindEngineOptions,
  type PagefindModule,
  parseVocabulary,
} from './pagefind-engine.ts';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_QUERY_LENGTH, normaliseFilters, normaliseQuery } from './query.ts';
export { type CorpusHints, queryVariants, type Variant } from './query-variants.ts';
export { sanitiseMeiliExcerpt, sanitisePagefindExcerpt } from './sanitise-excerpt.ts';
export { expandSynonyms, findSynonymTerms } from './synonym-expansion.ts';
export type * from './types.ts';
