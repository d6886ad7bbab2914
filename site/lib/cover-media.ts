import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { CoverImage, Snapshot } from '../../content/index.ts';

/**
 * Cover pictures in the release. The snapshot names each picture by the address the CMS gave
 * (content/snapshot/media-urls.ts makes it absolute); the build copies every size into
 * `/media/<hash><ext>` (site/pages/media/[file].ts), because the portal serves images from 'self'
 * only and the site keeps working while the CMS is down.
 */

const EXTENSIONS: Record<string, string> = {
  '.jpg': '.jpg',
  '.jpeg': '.jpg',
  '.png': '.png',
  '.webp': '.webp',
  '.gif': '.gif',
  '.avif': '.avif',
};

export class CoverMediaError extends Error {
  constructor(
    readonly code: 'COVER_MEDIA_UNREADABLE' | 'COVER_MEDIA_TYPE',
    message: string,
  ) {
    super(message);
    this.name = 'CoverMediaError';
  }
}

/** The release file name of a picture: its address's hash and a served image extension. */
export function mediaFileName(url: string): string {
  let pathname = url;
  try {
    pathname = new URL(url).pathname;
  } catch {
    // A bare path: its own extension still decides.
  }
  const ext = EXTENSIONS[/\.[a-z0-9]+$/i.exec(pathname)?.[0]?.toLowerCase() ?? ''];
  if (!ext) throw new CoverMediaError('COVER_MEDIA_TYPE', `封面图片只能是 JPEG、PNG、WebP、GIF 或 AVIF：${url}`);
  return `${createHash('sha256').update(url, 'utf8').digest('hex').slice(0, 20)}${ext}`;
}

export function mediaPath(url: string): string {
  return `/media/${mediaFileName(url)}`;
}

/** Every size of every cover in the snapshot: release file name → the address to copy it from. */
export function coverFiles(snapshot: Pick<Snapshot, 'projects' | 'typicalCases'>): Map<string, string> {
  const files = new Map<string, string>();
  const covers: (CoverImage | undefined)[] = [
    ...snapshot.projects.map((p) => p.cover),
    ...snapshot.typicalCases.map((t) => t.cover),
  ];
  for (const cover of covers) {
    if (!cover) continue;
    for (const file of [cover.image, ...cover.image.formats]) files.set(mediaFileName(file.url), file.url);
  }
  return files;
}

/** The bytes of a picture: over HTTP from the CMS or its storage, or a `file:` address (tests, local use). */
export async function readCoverMedia(url: string, fetchImpl: typeof fetch = fetch): Promise<Uint8Array<ArrayBuffer>> {
  try {
    if (url.startsWith('file:')) return new Uint8Array(await readFile(fileURLToPath(url)));
    const response = await fetchImpl(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new CoverMediaError('COVER_MEDIA_UNREADABLE', `无法读取封面图片 ${url}：${why}`);
  }
}
