import { rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { ContentError, type Snapshot } from '../../content/index.ts';
import { readSnapshotFile } from '../../content/node/index.ts';
import { pullStrapiSnapshot } from '../../content/snapshot/strapi-pull.ts';
import { formatSnapshotLines } from '../../content/snapshot/write-snapshot.ts';
import { runStageChild } from './outcome-child.ts';
import { summariseSnapshot } from './snapshot-stage.ts';

/**
 * The release's pull-and-validate stage in a process of its own. At scale it is the longest
 * stage (87,000 entries over REST, mapped and validated: minutes of mostly synchronous work), and
 * run inside the portal it delayed page and API requests by seconds; the portal now starts this
 * child and waits, as it does for `astro build` and the search index.
 *
 * `XIANJIE_PULL_SOURCE='<json>' node --import tsx publisher/releases/pull-release-child.ts <snapshot.json> <outcome.json>`
 * The source travels in the environment, not the arguments, because it may carry a CMS token.
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

async function load(source: PullSource): Promise<Snapshot> {
  if (source.kind === 'file') return readSnapshotFile(source.path);
  const snapshot = await pullStrapiSnapshot({ url: source.url, token: source.token });
  return source.demo ? { ...snapshot, demo: true } : snapshot;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runStageChild<Omit<Extract<PullOutcome, { ok: true }>, 'ok'>>({
    usage: `用法：${PULL_SOURCE_ENV}='<json>' pull-release-child.ts <snapshot.json> <outcome.json>`,
    argc: 1,
    work: async ([snapshotPath = '']) => {
      const source = pullSourceSchema.parse(JSON.parse(process.env[PULL_SOURCE_ENV] ?? 'null'));
      const snapshot = await load(source);
      // Written whole or not at all: the build reads this file next. One entry a line, so the
      // portal can read it without blocking its event loop (content/snapshot/write-snapshot.ts).
      await writeFile(`${snapshotPath}.partial`, formatSnapshotLines(snapshot));
      await rename(`${snapshotPath}.partial`, snapshotPath);
      return summariseSnapshot(snapshot);
    },
    knownError: (error): error is ContentError => error instanceof ContentError,
    fallbackCode: 'PULL_FAILED',
  });
}
