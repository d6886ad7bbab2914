import { merchantConfigured, readSnapshotFile, runStageChild } from '../../content/node/index.ts';
import type { IndexOutcome } from './index-outcome.ts';
import { releaseDocumentsPathOf } from './release-documents.ts';
import { indexRelease, SearchIndexError } from './release-index.ts';

/**
 * The release's search step in a process of its own. Building the search documents for 87,000
 * entries is synchronous work measured at 5–10 s at scale: done inside the portal process it
 * stalled every page and API request for that long (a publish-to-live benchmark saw its
 * requests time out), so the portal starts this program and waits, the way it runs `astro build`.
 *
 * `node --import tsx search/index/release-index-program.ts <clientDir> <snapshot.json> <outcome.json>`
 * writes the outcome (index-outcome.ts) — the index counts, or the error's code and Chinese
 * message — to `<outcome.json>`, which the portal reads back (`runStageChild`, content/node.ts).
 * The documents it projects go to `search-documents.json` beside `<snapshot.json>` (the release
 * directory), where the portal's server search reads them (search/server/release-document-source.ts)
 * instead of projecting the snapshot again in its own process.
 */
runStageChild<Omit<Extract<IndexOutcome, { ok: true }>, 'ok'>>({
  usage: '用法：release-index-program.ts <clientDir> <snapshot.json> <outcome.json>',
  argc: 2,
  work: async ([clientDir = '', snapshotPath = '']) => {
    const snapshot = await readSnapshotFile(snapshotPath);
    // The same merchant rule the pages were built with, so the acceptingDonations facet agrees.
    const result = await indexRelease({
      clientDir,
      snapshot,
      documentOptions: { merchantConfigured },
      documentsFile: releaseDocumentsPathOf(snapshotPath),
    });
    return { documents: result.documents, pagefind: result.pagefind };
  },
  knownError: (error): error is SearchIndexError => error instanceof SearchIndexError,
  fallbackCode: 'INDEX_FAILED',
});
