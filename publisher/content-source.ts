import type { Snapshot } from '../content/index.ts';
import { readSnapshotFile } from '../content/node.ts';
import { pullStrapiSnapshot } from '../content/snapshot/strapi-pull.ts';
import type { PublisherConfig } from './config.ts';

/** The loader a release takes its content from: a pull of published entries, or a file. */
export function snapshotLoader(config: PublisherConfig): () => Promise<Snapshot> {
  const source = config.CONTENT_SOURCE;
  if (source.startsWith('file:')) {
    const path = source.slice('file:'.length);
    return () => readSnapshotFile(path);
  }
  // A pull cannot tell generated entries from real ones; the operator says so (XIANJIE_DEMO_CONTENT).
  const demo = config.XIANJIE_DEMO_CONTENT === '1';
  return async () => {
    const snapshot = await pullStrapiSnapshot({ url: config.STRAPI_URL, token: config.STRAPI_TOKEN });
    return demo ? { ...snapshot, demo: true } : snapshot;
  };
}
