import { stat } from 'node:fs/promises';
import type { Snapshot } from '../../content/index.ts';
import { readSnapshotFileIncrementally } from '../../content/node/index.ts';

/**
 * The live release's snapshot, for a release without `search-documents.json` (projected in this
 * process: snapshot-document-source.ts). Read once, cached, and read again when the file's size or
 * modification time changes (a release switch); a broken new file keeps the last good one in
 * service. Read in slices (`readSnapshotFileIncrementally`): the portal serves pages and every API
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
  let cached: { key: string; view: SnapshotView } | null = null;
  let failedKey: string | null = null;
  let loading: Promise<SnapshotView> | null = null;

  async function load(): Promise<SnapshotView> {
    let key: string;
    try {
      const s = await stat(path);
      key = `${s.size}:${s.mtimeMs}`;
    } catch {
      if (cached) return cached.view;
      throw new ReleaseSnapshotError('SNAPSHOT_MISSING', `尚未发布内容：找不到快照 ${path}`);
    }
    if (cached?.key === key || (cached && failedKey === key)) return cached.view;
    try {
      const view = { snapshot: await readSnapshotFileIncrementally(path) };
      cached = { key, view };
      return view;
    } catch (error) {
      failedKey = key;
      if (cached) {
        log(`站内搜索：新快照无法读取，继续使用上一份。${(error as Error).message}`);
        return cached.view;
      }
      throw new ReleaseSnapshotError('SNAPSHOT_INVALID', `快照无法读取（${path}）：${(error as Error).message}`);
    }
  }

  return {
    current() {
      // One reload at a time: concurrent requests share it.
      loading ??= load().finally(() => {
        loading = null;
      });
      return loading;
    },
  };
}
