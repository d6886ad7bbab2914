import { z } from 'zod';

/** The outcome file of the release's search index child (index-release-child.ts), as the portal reads it. */
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
