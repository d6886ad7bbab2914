import { dirname, join } from 'node:path';
import type { PublisherConfig } from './config.ts';
import { PROGRAMS } from './programs.ts';
import { runOutcomeChild } from './releases/outcome-child.ts';
import { PULL_SOURCE_ENV, type PullSource, pullOutcomeSchema } from './releases/pull-outcome.ts';
import type { SnapshotStage } from './releases/snapshot-stage.ts';

/** Where a release takes its content from: a pull of published entries, or a file (CONTENT_SOURCE). */
export function pullSource(config: PublisherConfig): PullSource {
  const source = config.contentSource;
  if (source.kind === 'file') return { kind: 'file', path: source.path };
  return {
    kind: 'strapi',
    url: config.STRAPI_URL,
    ...(config.STRAPI_TOKEN ? { token: config.STRAPI_TOKEN } : {}),
    demo: config.XIANJIE_DEMO_CONTENT === '1',
  };
}

/** The release's first stage, from the configured source. */
export function snapshotStage(config: PublisherConfig): SnapshotStage {
  return childSnapshotStage(pullSource(config));
}

/** Pull and validate `source` in a child process (pull-release-child.ts says why). */
export function childSnapshotStage(pull: PullSource): SnapshotStage {
  const source = JSON.stringify(pull);
  return async (targetPath) => {
    const outcome = await runOutcomeChild({
      name: 'pull',
      script: PROGRAMS['pull-release'],
      args: [targetPath],
      outcomePath: join(dirname(targetPath), 'pull-outcome.json'),
      schema: pullOutcomeSchema,
      env: { [PULL_SOURCE_ENV]: source },
    });
    if (!outcome.ok) throw new Error(outcome.message);
    return { demo: outcome.demo, counts: outcome.counts };
  };
}
