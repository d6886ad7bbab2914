import { writeFile } from 'node:fs/promises';
import type { Snapshot } from '../../content/index.ts';
import { formatSnapshotLines } from '../../content/snapshot/write-snapshot.ts';

/**
 * The first stage of a release: put a validated snapshot at `targetPath` and say what it holds.
 * The portal never parses the snapshot itself — at scale that is 87,000 entries of pulling,
 * mapping and validating, which would stall every request it serves — so the stage returns only
 * the summary the release record needs. `npm start` runs it in a child process
 * (pull-release-child.ts); tests and the file benchmark may run it in-process.
 */
export interface SnapshotSummary {
  demo: boolean;
  counts: { charities: number; projects: number; disclosures: number };
}

export type SnapshotStage = (targetPath: string) => Promise<SnapshotSummary>;

export function summariseSnapshot(snapshot: Snapshot): SnapshotSummary {
  return {
    demo: snapshot.demo,
    counts: {
      charities: snapshot.charities.length,
      projects: snapshot.projects.length,
      disclosures: snapshot.disclosures.length,
    },
  };
}

/** A stage that loads in this process: for tests that swap content between releases, and small files. */
export function inProcessSnapshotStage(load: () => Promise<Snapshot>): SnapshotStage {
  return async (targetPath) => {
    const snapshot = await load();
    // The layout the pull child writes, so the portal reads a test's release as it reads a real one.
    await writeFile(targetPath, formatSnapshotLines(snapshot));
    return summariseSnapshot(snapshot);
  };
}
