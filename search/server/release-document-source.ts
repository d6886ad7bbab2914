import { stat } from 'node:fs/promises';
// Deep, not through search/index's face, which carries Pagefind and the Meilisearch admin client.
import { readReleaseDocumentsIncrementally } from '../index/release-documents-lines.ts';
import type { DocumentSource, DocumentsView } from './document-source.ts';

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
 */
export interface ReleaseDocumentSourceOptions {
  /** `search-documents.json` of the live release (`releaseDocumentsPathOf(snapshotPath)`). */
  path: string;
  fallback: DocumentSource;
  log?: (message: string) => void;
}

export function releaseDocumentSource(options: ReleaseDocumentSourceOptions): DocumentSource {
  const { path, fallback, log = (m: string) => console.warn(m) } = options;
  let cached: { key: string; view: DocumentsView } | null = null;
  let failedKey: string | null = null;
  let missingLogged = false;
  let loading: Promise<DocumentsView | null> | null = null;

  /** The file's documents, or null to use the fallback. */
  async function load(): Promise<DocumentsView | null> {
    let key: string;
    try {
      const s = await stat(path);
      key = `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}`;
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
    if (cached?.key === key) return cached.view;
    if (failedKey === key) return cached?.view ?? null;
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

  return {
    async current() {
      return (await resolve()) ?? fallback.current();
    },
    async demo() {
      const view = await resolve();
      return view ? view.demo : fallback.demo();
    },
  };
}
