import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkShareImages } from '../../../../../site/lib/share-image/link-share-images.ts';
import { tempDirs } from '../../../../support/temp-dirs.ts';

const tempDir = tempDirs();

/** A cache dir and a build output beside it, as a release build leaves them. */
function setUp() {
  const root = tempDir('xianjie-share-link-');
  const cache = join(root, 'cache');
  const out = join(root, 'dist');
  mkdirSync(cache);
  mkdirSync(join(out, 'og', 'projects'), { recursive: true });
  return { cache, out };
}

describe('linking built share images to the cache', () => {
  it('links a built PNG to the cache file with the same bytes, and leaves a differing one alone', async () => {
    const { cache, out } = setUp();
    writeFileSync(join(cache, 'aaa.png'), 'png of 项目甲');
    // Same size as 项目甲's card but other bytes: size alone must not link it.
    writeFileSync(join(cache, 'bbb.png'), 'png of 项目乙');
    const same = join(out, 'og', 'projects', 'a.png');
    const other = join(out, 'og', 'projects', 'c.png');
    writeFileSync(same, 'png of 项目甲');
    writeFileSync(other, 'png of 项目丙');

    expect(await linkShareImages(out, cache)).toEqual({ linked: 1, bytes: statSync(same).size });

    expect(statSync(same).ino).toBe(statSync(join(cache, 'aaa.png')).ino);
    expect(statSync(same).nlink).toBeGreaterThanOrEqual(2);
    expect(readFileSync(same, 'utf8')).toBe('png of 项目甲');
    expect(statSync(other).nlink).toBe(1);
    expect(readFileSync(other, 'utf8')).toBe('png of 项目丙');
    expect(readdirSync(join(out, 'og', 'projects')).sort(), 'no temporary file left').toEqual(['a.png', 'c.png']);

    // A second run finds it linked already.
    expect(await linkShareImages(out, cache)).toEqual({ linked: 0, bytes: 0 });
  });

  it('keeps the release file when the cache drops its name', async () => {
    const { cache, out } = setUp();
    writeFileSync(join(cache, 'aaa.png'), 'png of 项目甲');
    const built = join(out, 'og', 'default.png');
    writeFileSync(built, 'png of 项目甲');
    await linkShareImages(out, cache);
    rmSync(join(cache, 'aaa.png'));
    expect(readFileSync(built, 'utf8')).toBe('png of 项目甲');
    expect(statSync(built).nlink).toBe(1);
  });

  it('leaves the output as it is when there is no cache', async () => {
    const { cache, out } = setUp();
    const built = join(out, 'og', 'default.png');
    writeFileSync(built, 'png');
    expect(await linkShareImages(out, join(cache, 'missing'))).toEqual({ linked: 0, bytes: 0 });
    expect(readFileSync(built, 'utf8')).toBe('png');
    expect(statSync(built).nlink).toBe(1);
  });
});
