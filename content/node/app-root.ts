import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder from `start` upwards whose package.json is the app's (`"name": "xianjie"`). */
export function findAppRoot(start: string): string | null {
  let dir = resolve(start);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'xianjie') return dir;
      } catch {
        // Not ours (or unreadable): keep looking upwards.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

let appRootCache: string | undefined;

/**
 * The app root, found from this module's own location: it works from the repository, from a
 * release's bundled server (under `.data/releases/…` inside the app), and from any cwd. Bundles
 * that have no `import.meta.url` (the CMS's CommonJS build passes its root itself) and bundles
 * placed outside the app fall back to the cwd — where `npm start` runs.
 */
export function appRoot(): string {
  if (appRootCache === undefined) {
    const url: unknown = import.meta.url;
    const here = typeof url === 'string' && url.startsWith('file:') ? dirname(fileURLToPath(url)) : null;
    appRootCache = (here && findAppRoot(here)) ?? findAppRoot(process.cwd()) ?? process.cwd();
  }
  return appRootCache;
}
