/**
 * search/server — server-side search for the results page without JavaScript (search/README.md
 * "Without JavaScript"). Node only: it reads the live release's files (config.ts says where:
 * `XIANJIE_RELEASE_DIR`, set by the portal) — its documents file, or its snapshot — and nothing
 * of another room's config.
 *
 *   const response = await serverSearch({ documentOptions: { merchantConfigured } })
 *     .search({ query: '失能老人', filters: { province: ['甘肃省'] }, page: 1 });
 */
export { readServerSearchFiles, type ServerSearchFiles } from './config.ts';
export { FIELD_WEIGHTS, prepareCorpus, prepareCorpusSliced, type ServerCorpus } from './corpus.ts';
export { SEARCH_CORPUS_FILE, writeCorpusFile } from './corpus-file.ts';
export { CorpusFileError, isPrebuilt, type LoadedCorpus, loadCorpusFile } from './corpus-load.ts';
export { type DocumentSource, type DocumentsView, staticDocumentSource } from './document-source.ts';
export { documentExcerpt, excerptOf } from './excerpt.ts';
export { type InProcessOptions, searchCorpus, searchCorpusSliced } from './in-process.ts';
export { type ReleaseDocumentSourceOptions, releaseDocumentSource } from './release-document-source.ts';
export { RELEASE_WATCH_MS, releaseIsDemo, serverSearch, watchRelease } from './runtime.ts';
export { MAX_FACET_VALUES, SEARCH_ENDPOINT_PATH, type SearchJson, searchJson, trimFacets } from './search-json.ts';
export {
  createServerSearch,
  type ServerEngineName,
  type ServerSearch,
  type ServerSearchOptions,
  type ServerSearchResponse,
  type ServerSearchSettings,
} from './server-search.ts';
export { type SnapshotDocumentOptions, snapshotDocumentSource } from './snapshot-document-source.ts';
export {
  ReleaseSnapshotError,
  releaseSnapshotSource,
  type SnapshotSource,
  type SnapshotView,
} from './snapshot-source.ts';
export { queryTerms } from './terms.ts';
