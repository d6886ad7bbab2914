import { type ContentSource, describeContentSource } from '../../content/contracts/content-source.ts';
import type { Snapshot } from '../../content/index.ts';
import { readSnapshotFile } from '../../content/node/index.ts';
import { pullStrapiSnapshot } from '../../content/snapshot/strapi-pull.ts';
import { startPiiGate } from './pii-gate.ts';
import { contentSource } from './site-env.ts';

/** Reads and validates the snapshot of one source. Errors name the entry and the field (parseSnapshot). */
export async function loadSnapshot(source: ContentSource, fetchImpl: typeof fetch = fetch): Promise<Snapshot> {
  if (source.kind === 'file') return readSnapshotFile(source.path);
  return pullStrapiSnapshot({ url: source.url, token: source.token, fetch: fetchImpl });
}

let cached: Promise<Snapshot> | null = null;

/**
 * The build's snapshot, read once: every page of a build imports this module from the same bundle,
 * so the 100 MB scale snapshot is parsed and validated a single time, not once per page. The
 * personal-information lint starts here and runs beside the rendering (lib/pii-gate.ts).
 */
export function getSnapshot(): Promise<Snapshot> {
  if (!cached) {
    const source = contentSource();
    const label = describeContentSource(source);
    cached = loadSnapshot(source)
      .then((snapshot) => {
        startPiiGate(snapshot, label, source.kind === 'file' ? source.path : null);
        return snapshot;
      })
      .catch((error: unknown) => {
        // Astro prints only the message; say where the content came from so the editor can find it.
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`站点构建失败：无法读取内容（${label}）。\n${message}`);
      });
  }
  return cached;
}
