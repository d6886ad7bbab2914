import { readServerSearchFiles } from './config.ts';
import type { DocumentSource } from './document-source.ts';
import { releaseDocumentSource } from './release-document-source.ts';
import { releaseMeilisearchSource } from './release-meilisearch-source.ts';
import { createServerSearch, type ServerSearch } from './server-search.ts';
import { type SnapshotDocumentOptions, snapshotDocumentSource } from './snapshot-document-source.ts';
import { releaseSnapshotSource, type SnapshotSource } from './snapshot-source.ts';

/**
 * The process-wide server search for the results page, created on first use. Where the live
 * release is comes from this part's own config (config.ts: `XIANJIE_RELEASE_DIR`, which the
 * portal sets to `releases/current`): its documents are `search-documents.json`, written by the
 * release's index stage (release-document-source.ts: reloaded when the file changes, the last
 * good one kept when a new one is broken). A release without that file projects its
 * `snapshot.json` here instead (snapshot-source.ts). Meilisearch from the release's
 * `search-config.json` beside them (host, index, search-only key — never the admin key of
 * `MEILI_*`, which stays with the index stage). A bad setting is logged and leaves the page
 * working: no release → a Chinese "unavailable" message; no usable Meilisearch config → the
 * in-process search alone.
 */
let current: ServerSearch | null = null;
let documents: DocumentSource | null = null;
let projected: DocumentSource | null = null;
/** Set by the first `serverSearch()`: the page's merchant rule, for projecting a snapshot. */
let projectionOptions: SnapshotDocumentOptions = {};

const log = (message: string) => console.warn(message);

interface Located {
  snapshots: SnapshotSource;
  documentsPath: string | null;
  searchConfigPath: string | null;
}
let located: Located | null = null;

function locate(): Located {
  located ??= find();
  return located;
}

function find(): Located {
  try {
    const files = readServerSearchFiles();
    return {
      snapshots: releaseSnapshotSource(files.snapshotPath, log),
      documentsPath: files.documentsPath,
      searchConfigPath: files.searchConfigPath,
    };
  } catch (error) {
    log(`站内搜索：无法确定发布内容的位置：${(error as Error).message}`);
    return { snapshots: { current: () => Promise.reject(error) }, documentsPath: null, searchConfigPath: null };
  }
}

function releaseDocuments(): DocumentSource {
  if (documents) return documents;
  const located = locate();
  const releaseSnapshots = located.snapshots;
  // Created on first need, so it takes the options of the first serverSearch() even when
  // releaseIsDemo() ran before it (demo() never projects).
  const fallback: DocumentSource = {
    current: () => {
      projected ??= snapshotDocumentSource(releaseSnapshots, projectionOptions);
      return projected.current();
    },
    demo: async () => (await releaseSnapshots.current()).snapshot.demo,
  };
  documents = located.documentsPath ? releaseDocumentSource({ path: located.documentsPath, fallback, log }) : fallback;
  return documents;
}

/** Whether the live release holds generated data (the page frame then says so); null when unreadable. */
export async function releaseIsDemo(): Promise<boolean | null> {
  try {
    return await releaseDocuments().demo();
  } catch {
    return null;
  }
}

/**
 * How often the live release is looked at (two `stat`s) once the search is in use, so that after a
 * release switch its corpus is loaded (search-corpus.bin, corpus-load.ts) before a visitor's first
 * query asks for it, not on that query (issue 20). The switch is a rename of the `current` link
 * (publisher/releases/release-store.ts), and the server bundle cannot be told about it: it looks.
 */
export const RELEASE_WATCH_MS = 1000;

/**
 * Keeps `search`'s corpus that of the live release: every `everyMs`, `corpus()` (a no-op while
 * the documents file is the same; a load in slices when it changed). The timer does not keep the
 * process alive. Returns the stop function.
 */
export function watchRelease(search: Pick<ServerSearch, 'corpus'>, everyMs = RELEASE_WATCH_MS): () => void {
  const timer = setInterval(() => {
    // Errors are the sources' to log (once per file); the next query reports them too.
    search.corpus().catch(() => undefined);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** `options` apply when the instance is created (the first call); later calls get the same one. */
export function serverSearch(options: { documentOptions?: SnapshotDocumentOptions } = {}): ServerSearch {
  if (!current) {
    projectionOptions = options.documentOptions ?? {};
    const { searchConfigPath } = locate();
    current = createServerSearch({
      documents: releaseDocuments(),
      meilisearch: searchConfigPath ? releaseMeilisearchSource(searchConfigPath) : null,
      log,
    });
    watchRelease(current);
  }
  return current;
}
