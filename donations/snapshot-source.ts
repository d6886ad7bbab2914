import { statSync } from 'node:fs';
import type { Charity, Project, Snapshot } from '../content/index.ts';
import { readSnapshotFileIncrementally } from '../content/node/index.ts';
import { DonationError } from './errors.ts';

/**
 * The published snapshot that eligibility is judged against (DESIGN.md "Give": not live Strapi).
 * Read once, cached, and read again when the file's size or modification time changes — the
 * publisher replaces it on every release. A broken new file keeps the last good one in service.
 * The portal serves pages and every API from one event loop, so the file is read in slices
 * (readSnapshotFileIncrementally): at scale a whole-file read blocked every request for ~3.5 s
 * after each release switch. Donation requests arriving meanwhile wait for that one reload.
 */
export interface SnapshotView {
  snapshot: Snapshot;
  projects: Map<string, Project>;
  charities: Map<string, Charity>;
  loadedAt: string;
}

export interface SnapshotSource {
  current(): Promise<SnapshotView>;
}

export function indexSnapshot(snapshot: Snapshot, loadedAt = new Date().toISOString()): SnapshotView {
  return {
    snapshot,
    projects: new Map(snapshot.projects.map((p) => [p.slug, p])),
    charities: new Map(snapshot.charities.map((c) => [c.slug, c])),
    loadedAt,
  };
}

/** A fixed snapshot (tests, scripts that already hold one). */
export function staticSnapshotSource(snapshot: Snapshot): SnapshotSource {
  const view = indexSnapshot(snapshot);
  return { current: async () => view };
}

export function fileSnapshotSource(path: string, log: (message: string) => void = console.warn): SnapshotSource {
  let cached: { key: string; view: SnapshotView } | null = null;
  let failedKey: string | null = null;
  let loading: Promise<SnapshotView> | null = null;

  async function load(): Promise<SnapshotView> {
    let key: string;
    try {
      // Synchronous on purpose: this runs for every order, and one stat(2) of a local file takes
      // microseconds, while a promise stat is a round trip through libuv's thread pool that cost
      // about a tenth of a millisecond of CPU per order (issue 14's profile).
      const s = statSync(path);
      key = `${s.size}:${s.mtimeMs}`;
    } catch {
      if (cached) return cached.view;
      throw new DonationError(503, 'SERVICE_UNAVAILABLE', '暂时无法受理捐赠：尚未发布项目数据');
    }
    if (cached?.key === key) return cached.view;
    if (cached && failedKey === key) return cached.view;
    try {
      const view = indexSnapshot(await readSnapshotFileIncrementally(path));
      cached = { key, view };
      return view;
    } catch (error) {
      failedKey = key;
      if (cached) {
        log(`捐赠模块：新快照无法读取，继续使用上一份。${(error as Error).message}`);
        return cached.view;
      }
      throw new DonationError(503, 'SERVICE_UNAVAILABLE', '暂时无法受理捐赠：项目数据无法读取');
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
