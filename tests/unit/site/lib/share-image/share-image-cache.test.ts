import { readdir, readFile, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ShareCard } from '../../../../../site/lib/share-image/share-card.ts';
import {
  cachedShareImage,
  pruneShareCache,
  shareCacheDir,
  shareCardKey,
} from '../../../../../site/lib/share-image/share-image-cache.ts';
import { tempDirs } from '../../../../support/temp-dirs.ts';

const tempDir = tempDirs();

const card: ShareCard = {
  kind: '慈善项目',
  title: '标题',
  subtitle: '副标题',
  figures: [{ label: '状态', value: '募捐中' }],
};

describe('the share image cache', () => {
  it('keys a card by everything it draws', () => {
    const key = shareCardKey(card);
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(shareCardKey({ ...card })).toBe(key);
    expect(shareCardKey({ ...card, title: '标题二' })).not.toBe(key);
    expect(shareCardKey({ ...card, subtitle: undefined })).not.toBe(key);
    expect(shareCardKey({ ...card, figures: [{ label: '状态', value: '已结项' }] })).not.toBe(key);
    expect(shareCardKey({ ...card, kind: '典型案例' })).not.toBe(key);
    expect(shareCardKey({ ...card, note: '截至2026年9月20日' })).not.toBe(key);
  });

  it('renders a card once and reuses the file after, leaving no temporary file', async () => {
    {
      const dir = tempDir('xianjie-share-');
      let renders = 0;
      const render = async (c: ShareCard) => {
        renders += 1;
        return Buffer.from(`png of ${c.title}`);
      };
      const first = await cachedShareImage(card, render, dir);
      const second = await cachedShareImage(card, render, dir);
      expect(renders).toBe(1);
      expect(second.equals(first)).toBe(true);
      expect(await readdir(dir)).toEqual([`${shareCardKey(card)}.png`]);
      expect(await readFile(join(dir, `${shareCardKey(card)}.png`), 'utf8')).toBe('png of 标题');
      await cachedShareImage({ ...card, title: '另一个' }, render, dir);
      expect(renders).toBe(2);
    }
  });

  it('lives in the data directory', () => {
    expect(shareCacheDir({ XIANJIE_DATA_DIR: '/srv/xianjie-data' })).toBe('/srv/xianjie-data/cache/share-images');
  });
});

describe('pruning the share image cache', () => {
  it('removes cards no build used for the keep period, and keeps those a build reused', async () => {
    const dir = tempDir('xianjie-share-prune-');
    const render = async (c: ShareCard) => Buffer.from(c.title);
    const old = { ...card, title: '旧标题' };
    await cachedShareImage(old, render, dir);
    await cachedShareImage(card, render, dir);
    const day = 86_400_000;
    const longAgo = new Date(Date.now() - 40 * day);
    await utimes(join(dir, `${shareCardKey(old)}.png`), longAgo, longAgo);
    await utimes(join(dir, `${shareCardKey(card)}.png`), longAgo, longAgo);
    // A build reuses `card`: it is touched and survives.
    await cachedShareImage(card, render, dir);
    expect(await pruneShareCache(dir, 30)).toBe(1);
    expect(await readdir(dir)).toEqual([`${shareCardKey(card)}.png`]);
    expect(await pruneShareCache(join(dir, 'missing'))).toBe(0);
  });
});
