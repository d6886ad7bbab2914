import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Snapshot } from '../../content/index.ts';
import { SearchIndexError } from '../../search/release-index.ts';
import { runToEnd } from '../children.ts';
import { REPO_ROOT } from '../config.ts';
import { readIndexOutcome } from './index-release-child.ts';
import type { ReleaseMeta, ReleaseStore } from './release-store.ts';

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
  /** Pulls and validates the snapshot; throws a ContentError naming the entry and field when invalid. */
  loadSnapshot: () => Promise<Snapshot>;
  /** How many releases to keep for rollback. */
  keep: number;
  onStage?: (stage: ReleaseStage) => void;
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
const indexChild = resolve(REPO_ROOT, 'publisher/releases/index-release-child.ts');

/**
 * Pull → validate → build into a staging folder → search index (Pagefind into
 * `<release>/site/client/pagefind/`, Meilisearch when `MEILI_HOST` is set, `search-config.json`
 * for the island; search/release-index.ts) → promote and switch. Any failure removes the staging
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
    const snapshot = await options.loadSnapshot();
    const snapshotPath = join(staging, 'snapshot.json');
    await mkdir(dirname(snapshotPath), { recursive: true });
    await writeFile(snapshotPath, JSON.stringify(snapshot));

    stage = 'build';
    options.onStage?.(stage);
    // Astro empties its outDir first, so the site goes beside the snapshot, not around it.
    await runToEnd('site', process.execPath, [astroBin, 'build', '--outDir', join(staging, 'site')], {
      CONTENT_SOURCE: `file:${snapshotPath}`,
      ASTRO_TELEMETRY_DISABLED: '1',
    });

    stage = 'index';
    options.onStage?.(stage);
    // In a child process, like the build: the portal keeps serving while the documents are built.
    const outcomePath = join(staging, 'search-index.json');
    const indexed = runToEnd('index', process.execPath, [
      '--import',
      'tsx',
      indexChild,
      join(staging, 'site', 'client'),
      snapshotPath,
      outcomePath,
    ]);
    const exited = await indexed.then(
      () => null,
      (error: unknown) => error,
    );
    const outcome = await readIndexOutcome(outcomePath).catch(() => null);
    if (outcome && !outcome.ok) {
      throw outcome.code === 'INDEX_FAILED'
        ? new Error(outcome.message)
        : new SearchIndexError(outcome.code, outcome.message);
    }
    if (exited || !outcome) throw exited ?? new Error('搜索索引进程没有报告结果');

    stage = 'switch';
    options.onStage?.(stage);
    const meta: ReleaseMeta = {
      id,
      createdAt: new Date().toISOString(),
      source: options.sourceLabel,
      demo: snapshot.demo,
      counts: {
        charities: snapshot.charities.length,
        projects: snapshot.projects.length,
        disclosures: snapshot.disclosures.length,
      },
      buildSeconds: Math.round((Date.now() - started) / 100) / 10,
    };
    await writeFile(join(staging, 'release.json'), JSON.stringify(meta, null, 2));
    await store.promote(id);
    await store.prune(options.keep);
    return meta;
  } catch (error) {
    await store.discardStaging(id);
    throw new ReleaseError(stage, error);
  }
}
