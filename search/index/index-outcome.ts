import { z } from 'zod';

/**
 * What the release index program (release-index-program.ts) writes to its outcome file: the index
 * counts, or the error's code and Chinese message. The publisher parses it with this schema
 * (publisher/releases/build-release.ts, through this part's face).
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

/** The program's path from the repository root, for the publisher to start it. */
export const RELEASE_INDEX_PROGRAM = 'search/index/release-index-program.ts';
