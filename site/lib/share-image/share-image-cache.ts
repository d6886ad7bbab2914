import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appRoot, type Env, resolveDataDir } from '../../../content/node/index.ts';
import type { ShareCard } from './share-card.ts';

/**
 * Share images kept between builds, one PNG per content hash, in `<data>/cache/share-images/`:
 * a release rebuilds every page, but a card only changes when its title or figures do, so a
 * rebuild renders only the changed ones (the scale dataset's 10,000 projects would otherwise cost
 * ~15 minutes of every release). Files are written under a temporary name and renamed, so two
 * builds sharing the folder (a release and an e2e run) never read half a file.
 */

/** Bump when share-card.ts draws differently, or fonts or renderer change what a card looks like. */
export const SHARE_CARD_VERSION = 3;

export function shareCacheDir(env: Env = process.env): string {
  return join(resolveDataDir(env, appRoot()), 'cache', 'share-images');
}

export function shareCardKey(card: ShareCard): string {
  const { kind, title, subtitle, figures, note } = card;
  const canonical = JSON.stringify([
    SHARE_CARD_VERSION,
    kind,
    title,
    subtitle ?? null,
    figures.map((f) => [f.label, f.value]),
    note ?? null,
    // Only a poster has a QR: every other card keeps the key (and the cached PNG) it had.
    ...(card.qr ? [card.qr.image, card.qr.caption] : []),
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex').slice(0, 32);
}

/** The PNG of a card from the cache, or rendered by `render` and kept. */
export async function cachedShareImage(
  card: ShareCard,
  render: (card: ShareCard) => Promise<Buffer>,
  dir: string,
): Promise<Buffer> {
  const file = join(dir, `${shareCardKey(card)}.png`);
  const kept = await readFile(file).catch(() => null);
  if (kept) {
    // Marks it as still in use, for pruneShareCache.
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined);
    return kept;
  }
  const png = await render(card);
  await mkdir(dir, { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, png);
  await rename(temporary, file);
  return png;
}

/** How long a card no build has drawn or reused stays in the cache. */
export const SHARE_CACHE_KEEP_DAYS = 30;

/**
 * Removes cached cards no build has used for `keepDays` (every build touches what it reuses), so
 * the cache holds about one release's cards and not every title a project ever had. Returns how
 * many files went.
 */
export async function pruneShareCache(
  dir: string,
  keepDays = SHARE_CACHE_KEEP_DAYS,
  now = Date.now(),
): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const file = join(dir, name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile() || now - info.mtimeMs <= keepDays * 86_400_000) continue;
    await rm(file, { force: true });
    removed += 1;
  }
  return removed;
}
