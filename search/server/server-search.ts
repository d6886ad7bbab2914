import type { BrowserMeilisearchConfig } from '../../content/search/browser-config.ts';
import type { EngineResult, Filters, NormalisedRequest, SearchRequest, SearchResponse } from '../client/index.ts';
import { createMeilisearchEngine, normaliseFilters, normaliseRequest, UNAVAILABLE_MESSAGE } from '../client/index.ts';
import { prepareCorpusSliced, type ServerCorpus } from './corpus.ts';
import type { DocumentSource, DocumentsView } from './document-source.ts';
import { type InProcessOptions, searchCorpusSliced } from './in-process.ts';
import { type SnapshotDocumentOptions, snapshotDocumentSource } from './snapshot-document-source.ts';
import type { SnapshotSource } from './snapshot-source.ts';

/**
 * Search on the server, for the results page that works without JavaScript
 * (site/pages/search/results.astro). Input is normalised exactly as the island's client does it
 * (search/client/query.ts: empty, overlong and hostile queries, unknown facets and values). With
 * Meilisearch configured it asks Meilisearch (the island's engine code) and answers from the
 * in-process search when Meilisearch fails or is slow; without it, the in-process search over the
 * release's documents (a `DocumentSource`) answers. Never throws.
 *
 * Public queries go to Meilisearch with the **search-only key** the release made for browsers
 * (`ServerMeilisearch` has no room for anything else): the admin key can write and delete indexes
 * and manage keys, and has no business on a path any visitor can drive.
 */
export type ServerEngineName = 'meilisearch' | 'in-process';

export interface ServerSearchResponse extends Omit<SearchResponse, 'engine'> {
  engine: ServerEngineName | null;
  /** The filters searched with: unknown facets and values the release does not hold are gone. */
  filters: Filters;
}

/**
 * The documents come from `documents` (runtime.ts: the release's file), or are projected in this
 * process from `snapshots` with `documentOptions` (tests, scripts).
 */
export type ServerSearchOptions = (
  | { documents: DocumentSource; snapshots?: never; documentOptions?: never }
  | { snapshots: SnapshotSource; documentOptions?: SnapshotDocumentOptions; documents?: never }
) &
  ServerSearchSettings;

/** Where and how to ask Meilisearch: host, index and the search-only key (the release's public config). */
export type ServerMeilisearch = Pick<BrowserMeilisearchConfig, 'host' | 'indexUid' | 'apiKey'>;

/** Fixed, or looked up per search (runtime.ts: the live release's config, which changes with each release). */
export type ServerMeilisearchSource = ServerMeilisearch | (() => Promise<ServerMeilisearch | null>);

export interface ServerSearchSettings {
  meilisearch?: ServerMeilisearchSource | null;
  fetch?: typeof fetch;
  /** Give up on Meilisearch after this long. @default 2500 */
  timeoutMs?: number;
  /** After a Meilisearch failure, skip it for this long. @default 60000 */
  retryAfterMs?: number;
  now?: () => number;
  log?: (message: string) => void;
  inProcess?: InProcessOptions;
}

export interface ServerSearch {
  search(raw: SearchRequest): Promise<ServerSearchResponse>;
  /** The prepared corpus of the current documents (built on first use, then cached). */
  corpus(): Promise<ServerCorpus>;
}

export function createServerSearch(options: ServerSearchOptions): ServerSearch {
  const { timeoutMs = 2500, retryAfterMs = 60_000, now = Date.now, log = (m: string) => console.warn(m) } = options;
  const source = options.meilisearch ?? null;
  let engine: { key: string; engine: ReturnType<typeof createMeilisearchEngine> } | null = null;
  /** The engine for the current config (a new release may bring a new key), or null without Meilisearch. */
  async function meilisearch() {
    const config = typeof source === 'function' ? await source().catch(() => null) : source;
    if (!config) return null;
    const key = `${config.host}\n${config.indexUid}\n${config.apiKey}`;
    if (engine?.key !== key) {
      engine = {
        key,
        engine: createMeilisearchEngine({
          host: config.host,
          apiKey: config.apiKey,
          indexUid: config.indexUid,
          ...(options.fetch ? { fetch: options.fetch } : {}),
        }),
      };
    }
    return engine.engine;
  }
  let meiliDownUntil = 0;
  const documents = options.documents ?? snapshotDocumentSource(options.snapshots, options.documentOptions);
  // One corpus at a time: the current documents'. The source hands out the same view until the
  // documents change, so a new release (or, projected from a snapshot, a new day) builds one once.
  let cached: { view: DocumentsView; corpus: Promise<ServerCorpus> } | null = null;

  async function corpus(): Promise<ServerCorpus> {
    const view = await documents.current();
    if (cached?.view !== view) {
      // Prebuilt at publish time (corpus-file.ts), or built here in slices: at scale that is seconds
      // of work, and the portal serves every other request meanwhile.
      const built = view.corpus ? Promise.resolve(view.corpus) : prepareCorpusSliced(view.documents);
      cached = { view, corpus: built };
      built.catch(() => {
        if (cached?.corpus === built) cached = null;
      });
    }
    return cached.corpus;
  }

  async function askMeilisearch(
    meili: ReturnType<typeof createMeilisearchEngine>,
    request: NormalisedRequest,
  ): Promise<EngineResult> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      return await meili.search(request, controller.signal);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    corpus,
    async search(raw) {
      const { truncated, ...normalised } = normaliseRequest(raw);
      const none = { total: 0, hits: [], facets: {} };
      const { query, page, pageSize } = normalised;
      if (query.length === 0) {
        return {
          query,
          truncated,
          page,
          pageSize,
          filters: {},
          ...none,
          state: 'empty',
          engine: null,
          fellBack: false,
        };
      }

      let prepared: ServerCorpus | null = null;
      try {
        prepared = await corpus();
      } catch (error) {
        log(`站内搜索：发布内容无法读取：${(error as Error).message}`);
      }
      // Filter values the release does not hold are dropped, as the island drops them.
      const request = prepared
        ? { ...normalised, filters: normaliseFilters(normalised.filters, prepared.known) }
        : normalised;
      const base = { query, truncated, page, pageSize, filters: request.filters };
      const answered = (result: EngineResult, engine: ServerEngineName): ServerSearchResponse => ({
        ...base,
        ...result,
        state: result.total > 0 ? 'results' : 'no-results',
        engine,
        fellBack,
      });

      let fellBack = false;
      const meili = await meilisearch();
      if (meili && now() >= meiliDownUntil) {
        try {
          return answered(await askMeilisearch(meili, request), 'meilisearch');
        } catch (error) {
          meiliDownUntil = now() + retryAfterMs;
          log(`站内搜索：Meilisearch 不可用，改用服务器内置搜索：${(error as Error).message}`);
        }
        fellBack = true;
      } else if (meili) {
        fellBack = true;
      }
      if (!prepared) {
        return { ...base, ...none, state: 'unavailable', engine: null, fellBack, message: UNAVAILABLE_MESSAGE };
      }
      try {
        // In slices: one query over the scale corpus scans for a few hundred milliseconds.
        return answered(await searchCorpusSliced(prepared, request, options.inProcess), 'in-process');
      } catch (error) {
        log(`站内搜索失败：${(error as Error).stack ?? String(error)}`);
        return { ...base, ...none, state: 'unavailable', engine: null, fellBack, message: UNAVAILABLE_MESSAGE };
      }
    },
  };
}
