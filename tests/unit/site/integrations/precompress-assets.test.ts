import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompressDir } from '../../../../site/integrations/precompress-assets.ts';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('gzip siblings for _astro/', () => {
  it('writes <file>.gz for scripts and stylesheets that shrink, byte for byte, and nothing else', async () => {
    dir = await mkdtemp(join(tmpdir(), 'xianjie-precompress-'));
    const script = `export const a = ${JSON.stringify('捐赠'.repeat(2000))};\n`;
    await writeFile(join(dir, 'island.abc.js'), script);
    await writeFile(join(dir, 'site.abc.css'), 'body{margin:0}\n'.repeat(200));
    await writeFile(join(dir, 'tiny.abc.js'), 'x');
    await writeFile(join(dir, 'logo.svg'), '<svg/>'.repeat(500));
    expect(await precompressDir(dir)).toBe(2);
    expect((await readdir(dir)).filter((f) => f.endsWith('.gz')).sort()).toEqual([
      'island.abc.js.gz',
      'site.abc.css.gz',
    ]);
    expect(gunzipSync(await readFile(join(dir, 'island.abc.js.gz'))).toString('utf8')).toBe(script);
  });
});
