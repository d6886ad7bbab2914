import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CoverMediaError,
  coverFiles,
  mediaFileName,
  mediaPath,
  readCoverMedia,
} from '../../../../site/lib/cover-media.ts';
import { demoSnapshot } from '../../../support/fixtures/site.ts';
import { tempDirs } from '../../../support/temp-dirs.ts';

const tempDir = tempDirs();

const file = (name: string, width: number) => ({ url: `http://cms.example/uploads/${name}`, width, height: width / 2 });

describe('cover pictures in the release', () => {
  it('names each picture by its address, with a served image extension', () => {
    const name = mediaFileName('http://cms.example/uploads/a.JPEG?v=2');
    expect(name).toMatch(/^[0-9a-f]{20}\.jpg$/);
    expect(mediaFileName('http://cms.example/uploads/a.JPEG?v=2')).toBe(name);
    expect(mediaFileName('http://cms.example/uploads/b.jpeg')).not.toBe(name);
    expect(mediaPath('/uploads/c.webp')).toMatch(/^\/media\/[0-9a-f]{20}\.webp$/);
    expect(() => mediaFileName('http://cms.example/uploads/d.svg')).toThrow(CoverMediaError);
  });

  it('lists every size of every cover of projects and typical cases once', () => {
    const snapshot = demoSnapshot();
    expect(coverFiles(snapshot).size).toBe(0);
    const shared = {
      image: { ...file('x.jpg', 2000), formats: [file('small_x.jpg', 500)] },
      alt: '外景',
      noIdentifiableBeneficiary: true as const,
    };
    const [p0, p1] = snapshot.projects;
    const [t0] = snapshot.typicalCases;
    if (!p0 || !p1 || !t0) throw new Error('the demo data has projects and typical cases');
    const files = coverFiles({
      projects: [{ ...p0, cover: shared }, p1],
      typicalCases: [{ ...t0, cover: { ...shared, image: { ...file('y.png', 800), formats: [] } } }],
    });
    expect([...files.values()].sort()).toEqual([
      'http://cms.example/uploads/small_x.jpg',
      'http://cms.example/uploads/x.jpg',
      'http://cms.example/uploads/y.png',
    ]);
    for (const [name, url] of files) expect(name).toBe(mediaFileName(url));
  });

  it('reads a picture over HTTP or from a file: address, and says which one it could not read', async () => {
    const okFetch = (async () => new Response(new Uint8Array([1, 2, 3]))) as typeof fetch;
    expect([...(await readCoverMedia('http://cms.example/uploads/x.jpg', okFetch))]).toEqual([1, 2, 3]);
    const missing = (async () => new Response('no', { status: 404 })) as typeof fetch;
    await expect(readCoverMedia('http://cms.example/uploads/x.jpg', missing)).rejects.toMatchObject({
      code: 'COVER_MEDIA_UNREADABLE',
      message: '无法读取封面图片 http://cms.example/uploads/x.jpg：HTTP 404',
    });
    const path = join(tempDir('xianjie-cover-'), 'a.png');
    writeFileSync(path, Buffer.from([9, 8]));
    expect([...(await readCoverMedia(pathToFileURL(path).href))]).toEqual([9, 8]);
  });
});
