import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';

/**
 * Writes a gzip sibling (`<file>.gz`, level 9) next to every script and stylesheet Astro bundles
 * into `_astro/`: the islands' React runtime is ~190 KB as it is and ~60 KB gzipped. The
 * publisher's static handler (publisher/serve/static-files.ts) sends the sibling with
 * `Content-Encoding: gzip` to a browser that accepts it, as it already does for Pagefind's files
 * (search/index/pagefind-index.ts); tests/e2e/budgets.test.ts weighs these siblings. A CDN in front
 * should serve them, or compress the same way.
 */
const ASSETS = /\.(js|mjs|css)$/;

export async function precompressDir(dir: string): Promise<number> {
  let written = 0;
  for (const file of await readdir(dir)) {
    if (!ASSETS.test(file)) continue;
    const raw = await readFile(join(dir, file));
    const gz = gzipSync(raw, { level: 9 });
    if (gz.length >= raw.length) continue;
    await writeFile(join(dir, `${file}.gz`), gz);
    written++;
  }
  return written;
}

export function precompressAssets(): AstroIntegration {
  return {
    name: 'xianjie:precompress-assets',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const assets = join(fileURLToPath(dir), '_astro');
        const written = await precompressDir(assets).catch((error: unknown) => {
          // No _astro/ at all: a build without bundled assets has nothing to compress.
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
          throw error;
        });
        logger.info(`${written} 个脚本和样式已写出 gzip 副本（_astro/*.gz）`);
      },
    },
  };
}
