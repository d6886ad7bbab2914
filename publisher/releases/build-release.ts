import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { indexOutcomeSchema, SearchIndexError } from '../../search/index/index.ts';
import { runToEnd } from '../children.ts';
import { REPO_ROOT } from '../config.ts';
import { PROGRAMS } from '../programs.ts';
import { runOutcomeChild } from './outcome-child.ts';
import type { ReleaseMeta, ReleaseStore } from './release-store.ts';
import type { SnapshotStage } from './snapshot-stage.ts';

export type ReleaseStage = 'pull' | 'build' | 'index' | 'switch';
export const STAGE_LABELS: Record<ReleaseStage, string> = {
  pull: '拉取并校验内容快照',
  build: '构建静态站点',
  index: '构建搜索索引',
  switch: '切换线上版本',
};

export interface BuildReleaseOptions {
  store: ReleaseStore;
  /** Describes the content source in the release record, e.g. `file:.data/snapshots/demo.json`. */
  sourceLabel: string;
  /**
   * Pulls and validates the snapshot into the path it is given; throws naming the entry and field
   * when the content is invalid (content-source.ts runs it in a child process).
   */
  writeSnapshot: SnapshotStage;
  /** How many releases to keep for rollback. */
  keep: number;
  onStage?: (stage: ReleaseStage) => void;
  /**
   * Called once the new release is live and before old ones are pruned (so the previous
   * release's snapshot is still there to compare with): the donor mail queue's hook. It must not
   * throw; it is awaited but only writes queue rows, so mail never holds up or fails a release.
   */
  onSwitched?: (id: string, previousId: string | null) => Promise<void>;
}

export class ReleaseError extends Error {
  readonly stage: ReleaseStage;
  constructor(stage: ReleaseStage, cause: unknown) {
    super(`${STAGE_LABELS[stage]}失败：${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'ReleaseError';
    this.stage = stage;
  }
}

const astroBin = resolve(REPO_ROOT, 'node_modules/astro/astro.js');

/**
 * Pull → validate (in a child process) → build into a staging folder → search index (Pagefind into
 * `<release>/site/client/pagefind/`, Meilisearch when `MEILI_HOST` is set, `search-config.json`
 * for the island; search/index/release-index.ts) → promote and switch. Any failure removes the staging
 * folder and leaves the live release exactly as it was.
 */
export async function buildRelease(options: BuildReleaseOptions): Promise<ReleaseMeta> {
  const { store } = options;
  const id = store.newId();
  const staging = store.stagingDirOf(id);
  const started = Date.now();
  let stage: ReleaseStage = 'pull';
  try {
    options.onStage?.(stage);
    await mkdir(staging, { recursive: true });
    const snapshotPath = join(staging, 'snapshot.json');
    const snapshot = await options.writeSnapshot(snapshotPath);

    stage = 'build';
    options.onStage?.(stage);
    // Astro empties its outDir first, so the site goes beside the snapshot, not around it.
    await runToEnd('site', process.execPath, [astroBin, 'build', '--outDir', join(staging, 'site')], {
      CONTENT_SOURCE: `file:${snapshotPath}`,
      ASTRO_TELEMETRY_DISABLED: '1',
      // A release is a production build whatever the portal runs under (a test runner sets
      // NODE_ENV=test, which would bundle React's development build into the islands).
      NODE_ENV: 'production',
    });

    stage = 'index';
    options.onStage?.(stage);
    // In a child process, like the build: the portal keeps serving while the documents are built.
    const outcomePath = join(staging, 'search-index.json');
    const outcome = await runOutcomeChild({
      name: 'index',
      script: PROGRAMS['index-release'],
      args: [join(staging, 'site', 'client'), snapshotPath],
      outcomePath,
      schema: indexOutcomeSchema,
    });
    if (!outcome.ok) {
      throw outcome.code === 'INDEX_FAILED'
        ? new Error(outcome.message)
        : new SearchIndexError(outcome.code, outcome.message);
    }

    stage = 'switch';
    options.onStage?.(stage);
    const meta: ReleaseMeta = {
      id,
      createdAt: new Date().toISOString(),
      source: options.sourceLabel,
      demo: snapshot.demo,
      counts: snapshot.counts,
      buildSeconds: Math.round((Date.now() - started) / 100) / 10,
    };
    await writeFile(join(staging, 'release.json'), JSON.stringify(meta, null, 2));
    const previousId = await store.currentId();
    await store.promote(id);
    await options.onSwitched?.(id, previousId);
    await store.prune(options.keep);
    return meta;
  } catch (error) {
    await store.discardStaging(id);
    throw new ReleaseError(stage, error);
  }
}
