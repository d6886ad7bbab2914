import type { Snapshot } from '../../content/index.ts';
import { followFile, readSnapshotFileIncrementally } from '../../content/node/index.ts';

/**
 * The live release's snapshot, for a release without `search-documents.json` (projected in this
 * process: snapshot-document-source.ts), followed with `followFile` (content/node): read again at a
 * release switch, the last good one kept when a new one is broken. Read in slices (`readSnapshotFileIncrementally`): the portal serves pages and every API
 * from one event loop. The same object is returned while the file is unchanged, so the projection
 * is made once per snapshot.
 */
export interface SnapshotView {
  snapshot: Snapshot;
}

export interface SnapshotSource {
  current(): Promise<SnapshotView>;
}

export class ReleaseSnapshotError extends Error {
  constructor(
    readonly code: 'SNAPSHOT_MISSING' | 'SNAPSHOT_INVALID',
    message: string,
  ) {
    super(message);
    this.name = 'ReleaseSnapshotError';
  }
}

export function releaseSnapshotSource(path: string, log: (message: string) => void = console.warn): SnapshotSource {
  return followFile(path, {
    read: async (file) => ({ snapshot: await readSnapshotFileIncrementally(file) }),
    missing: () => new ReleaseSnapshotError('SNAPSHOT_MISSING', `尚未发布内容：找不到快照 ${path}`),
    invalid: (cause) => new ReleaseSnapshotError('SNAPSHOT_INVALID', `快照无法读取（${path}）：${cause.message}`),
    keptLast: (cause) => log(`站内搜索：新快照无法读取，继续使用上一份。${cause.message}`),
  });
}
