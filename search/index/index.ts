/**
 * search/index — content → search indexes, at publish time (Node only). The publisher starts
 * `release-index-program.ts` as a program (`RELEASE_INDEX_PROGRAM`) and reads its outcome with
 * `indexOutcomeSchema`; the e2e set-up and the benchmarks call `indexRelease` in-process. It
 * writes the release's Pagefind bundle, `search-config.json` and `search-documents.json` (read
 * back by search/server through this face), and with `MEILI_HOST` reindexes Meilisearch.
 *
 *   const result = await indexRelease({ clientDir, snapshot, documentsFile });
 */
export {
  loadSearchConfig,
  type MeilisearchConfig,
  type PublicMeilisearchConfig,
  type SearchConfig,
  SearchConfigError,
} from './config.ts';
export { type IndexOutcome, indexOutcomeSchema, RELEASE_INDEX_PROGRAM } from './index-outcome.ts';
export {
  type AdapterOptions,
  createMeilisearchAdapter,
  type EntryRef,
  type MeilisearchAdapter,
  type ReindexResult,
  type SyncResult,
} from './meilisearch-adapter.ts';
export { meilisearchSettings, meilisearchSynonyms } from './meilisearch-settings.ts';
export { MeilisearchTaskError } from './meilisearch-tasks.ts';
export {
  buildPagefindIndex,
  PagefindBuildError,
  type PagefindBuildOptions,
  type PagefindBuildResult,
} from './pagefind-index.ts';
export {
  type ReleaseDocuments,
  ReleaseDocumentsError,
  readReleaseDocuments,
  releaseDocumentsPathOf,
  releaseSearchConfigPathOf,
  SEARCH_DOCUMENTS_FILE,
  writeReleaseDocuments,
} from './release-documents.ts';
export { type DocumentsReadOptions, readReleaseDocumentsIncrementally } from './release-documents-lines.ts';
export {
  indexRelease,
  PAGEFIND_MAX_DISCLOSURES,
  type ReleaseIndexOptions,
  type ReleaseIndexResult,
  SearchIndexError,
} from './release-index.ts';
export { buildVocabulary, type Vocabulary, vocabularySteps } from './vocabulary.ts';
