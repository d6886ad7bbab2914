import { rename, writeFile } from 'node:fs/promises';
import { ContentError, type Snapshot } from '../../content/index.ts';
import { readSnapshotFile, runStageChild } from '../../content/node/index.ts';
import { pullStrapiSnapshot } from '../../content/snapshot/strapi-pull.ts';
import { formatSnapshotLines } from '../../content/snapshot/write-snapshot.ts';
import { withReferralAggregates } from '../referrals/referral-aggregates.ts';
import { referralFactSource } from '../referrals/referral-fact-source.ts';
import { PULL_SOURCE_ENV, type PullOutcome, type PullSource, pullSourceSchema } from './pull-outcome.ts';
import { summariseSnapshot } from './snapshot-stage.ts';

/**
 * The release's pull-and-validate stage in a process of its own. At scale it is the longest
 * stage (87,000 entries over REST, mapped and validated: minutes of mostly synchronous work), and
 * run inside the portal it delayed page and API requests by seconds; the portal now starts this
 * child and waits, as it does for `astro build` and the search index.
 *
 * A program, not a module: importing it runs it (what the portal shares with it is in
 * pull-outcome.ts). Built, it is `pull-release.js` (publisher/programs.ts); from source:
 * `XIANJIE_PULL_SOURCE='<json>' node --import tsx publisher/releases/pull-release-child.ts <snapshot.json> <outcome.json>`
 */
async function load(source: PullSource): Promise<Snapshot> {
  if (source.kind === 'file') return readSnapshotFile(source.path);
  const snapshot = await pullStrapiSnapshot({ url: source.url, token: source.token });
  return source.demo ? { ...snapshot, demo: true } : snapshot;
}

runStageChild<Omit<Extract<PullOutcome, { ok: true }>, 'ok'>>({
  usage: `用法：${PULL_SOURCE_ENV}='<json>' pull-release-child.ts <snapshot.json> <outcome.json>`,
  argc: 1,
  work: async ([snapshotPath = '']) => {
    const source = pullSourceSchema.parse(JSON.parse(process.env[PULL_SOURCE_ENV] ?? 'null'));
    // The workbench's facts become suppressed aggregates here; the facts go no further.
    const snapshot = await withReferralAggregates(await load(source), await referralFactSource());
    // Written whole or not at all: the build reads this file next. One entry a line, so the
    // portal can read it without blocking its event loop (content/snapshot/write-snapshot.ts).
    await writeFile(`${snapshotPath}.partial`, formatSnapshotLines(snapshot));
    await rename(`${snapshotPath}.partial`, snapshotPath);
    return summariseSnapshot(snapshot);
  },
  knownError: (error): error is ContentError => error instanceof ContentError,
  fallbackCode: 'PULL_FAILED',
});
