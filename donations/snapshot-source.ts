import type { Campaign, Charity, Disclosure, Project, Snapshot } from '../content/index.ts';
import { followFile, readSnapshotFileIncrementally } from '../content/node/index.ts';
import { DonationError } from './errors.ts';

/**
 * The published snapshot that eligibility is judged against (DESIGN.md "Give": not live Strapi).
 * Followed with `followFile` (content/node): read again when the publisher replaces it, the last
 * good one kept when a new one is broken.
 * The portal serves pages and every API from one event loop, so the file is read in slices
 * (readSnapshotFileIncrementally): at scale a whole-file read blocked every request for ~3.5 s
 * after each release switch. Donation requests arriving meanwhile wait for that one reload.
 */
export interface SnapshotView {
  snapshot: Snapshot;
  projects: Map<string, Project>;
  charities: Map<string, Charity>;
  /** Each project's disclosures (routing reads its money and its overdue status from them). */
  disclosures: Map<string, Disclosure[]>;
  campaigns: Map<string, Campaign>;
  loadedAt: string;
}

export interface SnapshotSource {
  current(): Promise<SnapshotView>;
}

export function indexSnapshot(snapshot: Snapshot, loadedAt = new Date().toISOString()): SnapshotView {
  const disclosures = new Map<string, Disclosure[]>();
  for (const d of snapshot.disclosures) {
    const list = disclosures.get(d.project);
    if (list) list.push(d);
    else disclosures.set(d.project, [d]);
  }
  return {
    snapshot,
    projects: new Map(snapshot.projects.map((p) => [p.slug, p])),
    charities: new Map(snapshot.charities.map((c) => [c.slug, c])),
    disclosures,
    campaigns: new Map(snapshot.campaigns.map((c) => [c.slug, c])),
    loadedAt,
  };
}

/** A fixed snapshot (tests, scripts that already hold one). */
export function staticSnapshotSource(snapshot: Snapshot): SnapshotSource {
  const view = indexSnapshot(snapshot);
  return { current: async () => view };
}

export function fileSnapshotSource(path: string, log: (message: string) => void = console.warn): SnapshotSource {
  return followFile(path, {
    read: async (file) => indexSnapshot(await readSnapshotFileIncrementally(file)),
    missing: () => new DonationError(503, 'SERVICE_UNAVAILABLE', '暂时无法受理捐赠：尚未发布项目数据'),
    invalid: () => new DonationError(503, 'SERVICE_UNAVAILABLE', '暂时无法受理捐赠：项目数据无法读取'),
    keptLast: (cause) => log(`捐赠模块：新快照无法读取，继续使用上一份。${cause.message}`),
  });
}
