import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Snapshot } from '../../content/index.ts';
import {
  type BrowserSearchConfig,
  SEARCH_CONFIG_FILE,
  SEARCH_ENDPOINT_PATH,
} from '../../content/search/browser-config.ts';
import { buildSearchDocuments, type DocumentOptions, defaultRuleDay } from '../../content/search/documents.ts';
// Deep, as search/server imports this room's readers: the corpus is the server engine's structure.
import { prepareCorpus } from '../server/corpus.ts';
import { SEARCH_CORPUS_FILE, writeCorpusFile } from '../server/corpus-file.ts';
import { loadSearchConfig, type SearchConfig } from './config.ts';
import { createMeilisearchAdapter } from './meilisearch-adapter.ts';
import { buildPagefindIndex } from './pagefind-index.ts';
import { RELEASE_SEARCH_CONFIG_FILE, writeReleaseDocuments } from './release-documents.ts';
import { buildVocabulary } from './vocabulary.ts';

/**
 * The search step of a release, after the site is built (publisher/releases/build-release.ts;
 * the e2e set-up and bench/search.ts call it too):
 * 1. search documents from the release's snapshot (the same projection the pages were marked up from);
 * 2. Pagefind over `<client>/` — the pages with `data-pagefind-body` — plus the needs and
 *    disclosures as records (no page of their own), with `vocabulary.json`, into `<client>/pagefind/`;
 * 3. with `MEILI_HOST`: a full reindex of every document into Meilisearch (atomic swap) and the
 *    browser's search-only key;
 * 4. `<client>/search-config.json` for the island: the engine, the Pagefind path and, with
 *    Meilisearch, host, index and search-only key — never the admin key;
 * 5. with `documentsFile`: the documents of step 1, for the server search behind /search/results/
 *    (search/index/release-documents.ts), so the portal does not project the snapshot again, and beside
 *    them the same `search-config.json`, from which the server search takes the search-only key,
 *    and the server search's corpus built from them (`search-corpus.bin`, search/server/corpus-file.ts:
 *    folded texts, vocabulary, bigram index), which the portal loads on a switch instead of
 *    building it on the first query (45 s at scale; issue 20).
 * Any failure throws a `SearchIndexError` with a Chinese message; the caller fails the release.
 */
/**
 * Disclosures go into the Pagefind index only up to this many. They have no page of their own,
 * so each is a record — at scale 68,000 of them, six records in seven: the index then took 9 min
 * and ~10 GB to build and a first query moved 1.9 MB (BENCHMARKS.md "Search"). Above the limit
 * Pagefind leaves them out; Meilisearch (production) still has them, and so do the project pages.
 */
export const PAGEFIND_MAX_DISCLOSURES = 5000;

/**
 * Above this many Pagefind entries (pages + records) the island asks the portal's server engine
 * (`/search/results.json`, engine `server` in search-config.json) and keeps Pagefind as its fallback
 * (issue 20, step 5). Measured (BENCHMARKS.md, issue 5's runs): 2,416 entries (demo) → first query
 * 189 KB, p95 95 ms — at the 100 ms line already; 13,800 (scale) → 312 KB, p95 1.7 s. Pagefind's
 * first-query bytes and latency grow with its entries (one metadata entry per page, more pages per
 * common word), so the line sits at twice the demo: a release between the two measured sizes is
 * past Pagefind's latency target long before its byte budget.
 */
export const SERVER_SEARCH_THRESHOLD = 5000;

export interface ReleaseIndexOptions {
  clientDir: string;
  snapshot: Snapshot;
  /** @default loadSearchConfig(process.env) */
  config?: SearchConfig;
  /** Must match what the pages were built with (site/lib/merchant.ts, the rules day). */
  documentOptions?: DocumentOptions;
  /** @default PAGEFIND_MAX_DISCLOSURES */
  pagefindMaxDisclosures?: number;
  /** Where to write the documents (`<release>/search-documents.json`); not written when absent. */
  documentsFile?: string;
}

export interface ReleaseIndexResult {
  documents: number;
  pagefind: { pages: number; records: number; ms: number; disclosures: boolean };
  meilisearch: { indexUid: string; documents: number; ms: number } | null;
  /** The prebuilt server corpus (with `documentsFile`): build and write time, size on disk. */
  corpus: { ms: number; bytes: number } | null;
  browserConfig: BrowserSearchConfig;
}

export class SearchIndexError extends Error {
  constructor(
    readonly code: 'PAGEFIND_FAILED' | 'MEILISEARCH_FAILED' | 'SEARCH_CONFIG_INVALID',
    message: string,
  ) {
    super(message);
    this.name = 'SearchIndexError';
  }
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function indexRelease(options: ReleaseIndexOptions): Promise<ReleaseIndexResult> {
  let config: SearchConfig;
  try {
    config = options.config ?? loadSearchConfig(process.env);
  } catch (error) {
    throw new SearchIndexError('SEARCH_CONFIG_INVALID', `搜索配置无效：${reason(error)}`);
  }
  // One rule day for the whole step, so a build that runs past midnight writes the day it used.
  const ruleDay = options.documentOptions?.today ?? defaultRuleDay(options.snapshot);
  const { documents } = buildSearchDocuments(options.snapshot, { ...options.documentOptions, today: ruleDay });
  const disclosureCount = documents.filter((d) => d.type === 'disclosure').length;
  const withDisclosures = disclosureCount <= (options.pagefindMaxDisclosures ?? PAGEFIND_MAX_DISCLOSURES);
  let pagefind: Awaited<ReturnType<typeof buildPagefindIndex>>;
  try {
    pagefind = await buildPagefindIndex({
      siteDir: options.clientDir,
      // Campaign and award pages carry no `data-pagefind-body` (their lists are other entries): records, like needs.
      htmlRecords: documents.filter(
        (d) =>
          d.type === 'need' ||
          d.type === 'campaign' ||
          d.type === 'award' ||
          (withDisclosures && d.type === 'disclosure'),
      ),
      vocabulary: buildVocabulary(documents),
    });
  } catch (error) {
    throw new SearchIndexError('PAGEFIND_FAILED', `Pagefind 索引构建失败：${reason(error)}`);
  }
  if (pagefind.pages === 0) {
    throw new SearchIndexError('PAGEFIND_FAILED', 'Pagefind 索引构建失败：站点中没有带 data-pagefind-body 的页面');
  }

  let meilisearch: ReleaseIndexResult['meilisearch'] = null;
  let browserConfig: BrowserSearchConfig =
    pagefind.pages + pagefind.records > SERVER_SEARCH_THRESHOLD
      ? { engine: 'server', pagefindPath: '/pagefind/', meilisearch: null, serverPath: SEARCH_ENDPOINT_PATH }
      : { engine: 'pagefind', pagefindPath: '/pagefind/', meilisearch: null };
  if (config.meilisearch) {
    try {
      const adapter = createMeilisearchAdapter(config.meilisearch);
      const result = await adapter.reindexAll(documents);
      const key = await adapter.searchKey();
      meilisearch = { indexUid: result.indexUid, documents: result.documents, ms: result.ms };
      // Only the four public fields, picked by name: nothing else of the adapter's config can leak.
      browserConfig = {
        engine: 'meilisearch',
        pagefindPath: '/pagefind/',
        meilisearch: { host: key.host, indexUid: key.indexUid, apiKey: key.apiKey, expiresAt: key.expiresAt },
      };
      if (key.apiKey === config.meilisearch.adminKey) throw new Error('搜索密钥与管理密钥相同，拒绝写入页面');
    } catch (error) {
      throw new SearchIndexError(
        'MEILISEARCH_FAILED',
        `同步 Meilisearch（${config.meilisearch.host}）失败：${reason(error)}`,
      );
    }
  }
  let corpus: ReleaseIndexResult['corpus'] = null;
  if (options.documentsFile) {
    const meta = { demo: options.snapshot.demo, ruleDay };
    let bytes: Buffer;
    try {
      bytes = await writeReleaseDocuments(options.documentsFile, { ...meta, documents });
      await writeFile(join(dirname(options.documentsFile), RELEASE_SEARCH_CONFIG_FILE), JSON.stringify(browserConfig));
    } catch (error) {
      throw new Error(`搜索文档文件写入失败（${options.documentsFile}）：${reason(error)}`);
    }
    const corpusFile = join(dirname(options.documentsFile), SEARCH_CORPUS_FILE);
    try {
      const started = performance.now();
      const written = await writeCorpusFile(corpusFile, prepareCorpus(documents), meta, bytes);
      corpus = { ms: Math.round(performance.now() - started), bytes: written };
    } catch (error) {
      throw new Error(`搜索语料文件写入失败（${corpusFile}）：${reason(error)}`);
    }
  }
  await writeFile(join(options.clientDir, SEARCH_CONFIG_FILE), JSON.stringify(browserConfig));
  return {
    documents: documents.length,
    pagefind: { pages: pagefind.pages, records: pagefind.records, ms: pagefind.ms, disclosures: withDisclosures },
    meilisearch,
    corpus,
    browserConfig,
  };
}
