import { link, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Turns each built `og/**.png` into a hard link to the cache file with the same bytes
 * (share-image-cache.ts), so a release whose cards did not change costs no disk for them: at
 * 10,000 projects that is ~500 MB per kept release otherwise, all copies of the previous one.
 *
 * The mapping is found from the bytes alone — cache files grouped by size, then compared byte for
 * byte — so the routes need not record which file they answered with. Safe because cache files are
 * never written in place (a new one is written under a temporary name and renamed), and pruning
 * only removes the cache's own name: a release still linking the inode keeps it. Anything that
 * fails (no cache, another filesystem, a race) leaves that built file as it was.
 */
export interface LinkedShareImages {
  /** Built PNGs now sharing their inode with a cache file. */
  linked: number;
  /** Their bytes: what this release no longer stores twice. */
  bytes: number;
}

export async function linkShareImages(outDir: string, cacheDir: string): Promise<LinkedShareImages> {
  const result: LinkedShareImages = { linked: 0, bytes: 0 };
  const bySize = await cacheFilesBySize(cacheDir);
  if (bySize.size === 0) return result;
  const ogDir = join(outDir, 'og');
  const built = (await readdir(ogDir, { recursive: true }).catch(() => [] as string[]))
    .filter((name) => name.endsWith('.png'))
    .map((name) => join(ogDir, name));
  for (const file of built) {
    const outcome = await linkOne(file, bySize);
    // Another filesystem: no built file can be linked, so stop reading them.
    if (outcome === 'cross-device') break;
    if (typeof outcome === 'number') {
      result.linked += 1;
      result.bytes += outcome;
    }
  }
  return result;
}

async function cacheFilesBySize(cacheDir: string): Promise<Map<number, string[]>> {
  const bySize = new Map<number, string[]>();
  const names = await readdir(cacheDir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.endsWith('.png')) continue;
    const file = join(cacheDir, name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) continue;
    bySize.set(info.size, [...(bySize.get(info.size) ?? []), file]);
  }
  return bySize;
}

/** The bytes saved, or why not. */
async function linkOne(file: string, bySize: Map<number, string[]>): Promise<number | 'cross-device' | 'left'> {
  const info = await stat(file).catch(() => null);
  const candidates = info?.isFile() ? bySize.get(info.size) : undefined;
  if (!info || !candidates) return 'left';
  const bytes = await readFile(file).catch(() => null);
  if (!bytes) return 'left';
  for (const candidate of candidates) {
    const kept = await stat(candidate).catch(() => null);
    if (!kept || kept.size !== info.size) continue;
    if (kept.ino === info.ino && kept.dev === info.dev) return 'left';
    const cached = await readFile(candidate).catch(() => null);
    if (!cached?.equals(bytes)) continue;
    // Linked beside the built file and renamed over it, so the page never lacks its image.
    const temporary = `${file}.${process.pid}.link.tmp`;
    try {
      await link(candidate, temporary);
      await rename(temporary, file);
      return info.size;
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      return (error as NodeJS.ErrnoException).code === 'EXDEV' ? 'cross-device' : 'left';
    }
  }
  return 'left';
}
