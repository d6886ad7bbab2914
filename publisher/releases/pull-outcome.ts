import { z } from 'zod';

/**
 * What the portal and its pull child (pull-release-child.ts) agree on: the source, passed in the
 * environment (not the arguments, because it may carry a CMS token), and the outcome file.
 */
export const PULL_SOURCE_ENV = 'XIANJIE_PULL_SOURCE';

export const pullSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), path: z.string().min(1) }),
  z.object({
    kind: z.literal('strapi'),
    url: z.url(),
    token: z.string().optional(),
    /** A pull cannot tell generated entries from real ones; the operator says so (XIANJIE_DEMO_CONTENT). */
    demo: z.boolean(),
  }),
]);
export type PullSource = z.infer<typeof pullSourceSchema>;

export const pullOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    demo: z.boolean(),
    counts: z.object({ charities: z.number().int(), projects: z.number().int(), disclosures: z.number().int() }),
  }),
  z.object({ ok: z.literal(false), code: z.string(), message: z.string() }),
]);
export type PullOutcome = z.infer<typeof pullOutcomeSchema>;
