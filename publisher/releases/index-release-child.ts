import { z } from 'zod';
import { merchantConfigured, readSnapshotFile } from '../../content/node/index.ts';
import { releaseDocumentsPathOf } from '../../search/release-documents.ts';
import { indexRelease, SearchIndexError } from '../../search/release-index.ts';
import { runStageChild } from './outcome-child.ts';

/**
 * The release's search step in a process of its own. Building the search documents for 87,000
 * entries is synchronous work measured at 5–10 s at scale: done inside the portal process it
 * stalled every page and API request for that long (a publish-to-live benchmark saw its
 * requests time out), so the portal starts this child and waits, the way it runs `astro build`.
 *
 * `node --import tsx publisher/releases/index-release-child.ts <clientDir> <snapshot.json> <outcome.json>`
 * writes the outcome — the index counts, or the error's code and Chinese message — to
 * `<outcome.json>`, which the portal reads back (outcome-child.ts). The documents it projects go to
 * `search-documents.json` beside `<snapshot.json>` (the release directory), where the portal's
 * server search reads them (search/server-search/release-document-source.ts) instead of
 * projecting the snapshot again in its own process.
 */
export const indexOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    documents: z.number().int(),
    pagefind: z.object({ pages: z.number(), records: z.number() }),
  }),
  z.object({
    ok: z.literal(false),
    code: z.enum(['PAGEFIND_FAILED', 'MEILISEARCH_FAILED', 'SEARCH_CONFIG_INVALID', 'INDEX_FAILED']),
    message: z.string(),
  }),
]);
export type IndexOutcome = z.infer<typeof indexOutcomeSchema>;

if (import.meta.url === `file://${process.argv[1]}`) {
  runStageChild<Omit<Extract<IndexOutcome, { ok: true }>, 'ok'>>({
    usage: '用法：index-release-child.ts <clientDir> <snapshot.json> <outcome.json>',
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
}
