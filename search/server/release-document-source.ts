import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
// Deep, not through search/index's face, which carries Pagefind and the Meilisearch admin client.
import { readReleaseDocumentsIncrementally } from '../index/release-documents-lines.ts';
import { segmenterOf } from './corpus.ts';
import { SEARCH_CORPUS_FILE } from './corpus-file.ts';
import { loadCorpusFile } from './corpus-load.ts';
import type { DocumentSource, DocumentsView } from './document-source.ts';
import { warmCorpus } from './in-process.ts';

/**
 * The live release's documents as its index stage wrote them (`releases/current/search-documents.json`,
 * search/index/release-documents.ts): read and validated once, then read again when the file's identity,
 * size or modification time changes — a release switch points `current` at another directory, so
 * the inode changes even when the size happens not to. The same rules as the snapshot
 * (snapshot-source.ts): one reload at a time, and a broken new file keeps the last good one in
 * service (logged once per file).
 *
 * No file — a release built before the index stage wrote one — falls back to `fallback`, which
 * projects the snapshot in this process as the server search always did (logged once; a new
 * publish removes the cost). A broken file with nothing good before it falls back the same way.
 *
 * The documents are the release's, judged as of its rule day, like the pages, Pagefind and
 * Meilisearch of that release: for real data the `acceptingDonations` facet moves to a new day
 * at the next publish, not at midnight.
 *
 * The file is read a document per line in ~10 ms slices (release-documents-lines.ts), so the
 * portal keeps serving while it loads; a file from a release written before that layout is read
 * whole, which blocks the event loop for the length of one JSON.parse.
 *
 * With `search-corpus.bin` beside the documents (issue 20: the index stage builds the server
 * search's corpus at publish time, corpus-file.ts) the view carries that corpus, loaded in slices
 * (corpus-load.ts), and no document is parsed up front. A release without it, or one whose corpus
 * file is unusable (another version, built from other documents), reads the documents as above
 * and the server search builds the corpus itself (logged once per file).
 */
export interface ReleaseDocumentSourceOptions {
  /** `search-documents.json` of the live release (`releaseDocumentsPathOf(snapshotPath)`). */
  path: string;
  fallback: DocumentSource;
  log?: (message: string) => void;
  /** How long a query waits for a switched-to release's documents (default `STALE_AFTER_MS`). */
  staleAfterMs?: number;
}

/**
 * How long a query waits for the documents of a release just switched to before it is answered
 * from the release before it. Loading a prebuilt corpus takes 1–2 s at 10,000 projects (BENCHMARKS.md,
 * issue 20); the watcher (runtime.ts) starts it within a second of the switch, so only queries in
 * that window see the previous release's results — for at most the length of the load — instead
 * of waiting seconds for the new one. A first load (nothing before it) is always waited for.
 */
export const STALE_AFTER_MS = 200;

const STILL_LOADING = Symbol('still loading');

export function releaseDocumentSource(options: ReleaseDocumentSourceOptions): DocumentSource {
  const { path, fallback, log = (m: string) => console.warn(m), staleAfterMs = STALE_AFTER_MS } = options;
  let cached: { key: string; view: DocumentsView } | null = null;
  let failedKey: string | null = null;
  let missingLogged = false;
  let loading: Promise<DocumentsView | null> | null = null;

  const corpusPath = join(dirname(path), SEARCH_CORPUS_FILE);
  const identity = async (p: string) => {
    const s = await stat(p);
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}`;
  };
  let corpusFailedKey: string | null = null;

  /** The prebuilt corpus's view, or null to read the documents and build it here. */
  async function prebuilt(key: string): Promise<DocumentsView | null> {
    if (corpusFailedKey === key) return null;
    try {
      const loaded = await loadCorpusFile(corpusPath, path);
      // jieba learns the release's words now, not on the first query (its first load is ~0.25 s).
      segmenterOf(loaded.corpus);
      await new Promise((next) => setImmediate(next));
      // And its per-corpus tables, which the first query would otherwise build (~0.4 s at scale).
      warmCorpus(loaded.corpus);
      const documents = loaded.corpus.documents.map((p) => p.doc);
      return { documents, demo: loaded.demo, ruleDay: loaded.ruleDay, corpus: loaded.corpus };
    } catch (error) {
      corpusFailedKey = key;
      log(`站内搜索：搜索语料文件无法使用，改为在本进程内构建（大数据量时要等几十秒）。${(error as Error).message}`);
      return null;
    }
  }

  /** The file's documents, or null to use the fallback. */
  async function load(): Promise<DocumentsView | null> {
    let key: string;
    try {
      key = await identity(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        log(`站内搜索：搜索文档文件无法访问（${path}）：${(error as Error).message}`);
        return cached?.view ?? null;
      }
      // Missing is normal for an older release (or after a rollback to one): project the snapshot.
      if (!missingLogged) {
        log(
          `站内搜索：当前发布没有搜索文档文件（${path}），多半是在索引阶段写出该文件之前构建的发布；` +
            '改为在本进程内从快照生成搜索文档（大数据量时首个搜索请求要等几秒），重新发布一次即可免去。',
        );
        missingLogged = true;
      }
      return null;
    }
    missingLogged = false;
    // An older release has no corpus file: the documents alone, and the corpus is built here.
    const corpusKey = await identity(corpusPath).catch(() => 'none');
    key = `${key}|${corpusKey}`;
    if (cached?.key === key) return cached.view;
    if (failedKey === key) return cached?.view ?? null;
    if (corpusKey !== 'none') {
      const view = await prebuilt(key);
      if (view) {
        cached = { key, view };
        failedKey = null;
        return view;
      }
    }
    try {
      const file = await readReleaseDocumentsIncrementally(path);
      const view: DocumentsView = { documents: file.documents, demo: file.demo, ruleDay: file.ruleDay };
      cached = { key, view };
      failedKey = null;
      return view;
    } catch (error) {
      failedKey = key;
      const message = (error as Error).message;
      log(
        cached
          ? `站内搜索：新的搜索文档文件无法使用，继续使用上一份。${message}`
          : `站内搜索：搜索文档文件无法使用，改为在本进程内从快照生成。${message}`,
      );
      return cached?.view ?? null;
    }
  }

  function resolve(): Promise<DocumentsView | null> {
    // One reload at a time: concurrent requests share it.
    loading ??= load().finally(() => {
      loading = null;
    });
    return loading;
  }

  /** The live view, or the one before it when the live one is still loading after `staleAfterMs`. */
  async function answer(): Promise<DocumentsView | null> {
    const previous = cached?.view;
    const next = resolve();
    if (!previous) return next;
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<typeof STILL_LOADING>((done) => {
      timer = setTimeout(() => done(STILL_LOADING), staleAfterMs);
    });
    const first = await Promise.race([next, waited]).finally(() => clearTimeout(timer));
    return first === STILL_LOADING ? previous : first;
  }

  return {
    async current() {
      return (await answer()) ?? fallback.current();
    },
    async demo() {
      const view = await answer();
      return view ? view.demo : fallback.demo();
    },
  };
}
