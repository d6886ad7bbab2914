import { readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { SITEMAP_ENTRIES_FILE, sitemapEntriesSchema } from '../lib/sitemap-entries.ts';

/**
 * /sitemap.xml by @astrojs/sitemap, listing exactly the pages site/lib/sitemap.ts chooses (it
 * reads them from the build's sitemap-entries.json) with their last-changed day.
 *
 * @astrojs/sitemap names its files `<base>-index.xml` and `<base>-0.xml` …; the index is renamed
 * to /sitemap.xml, the address robots.txt, the footer and the open-data page have always given,
 * so nobody's link or search-console registration breaks. The index points at /sitemap-0.xml
 * (and -1, -2 … past 45,000 pages, which the one hand-written file could not do).
 */
const FILENAME_BASE = 'sitemap';
const INDEX_NAME = 'sitemap.xml';

export class SitemapBuildError extends Error {
  constructor(
    readonly code: 'SITEMAP_ENTRIES_INVALID' | 'SITEMAP_PAGE_NOT_BUILT',
    message: string,
  ) {
    super(message);
    this.name = 'SitemapBuildError';
  }
}

/** The absolute URL of a built page, as @astrojs/sitemap forms it (`pages[].pathname` has no leading slash). */
export function builtPageUrl(pathname: string, site: URL): string {
  return new URL(pathname.replace(/^\//, ''), site).href;
}

export function siteSitemap(): AstroIntegration[] {
  /** URL → the day it last changed ('' when the page does not say). Filled at build:done, before @astrojs/sitemap runs. */
  const chosen = new Map<string, string>();
  let site: URL | undefined;

  const entries: AstroIntegration = {
    name: 'xianjie:sitemap-entries',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.base, config.site) : undefined;
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        chosen.clear();
        const file = join(fileURLToPath(dir), SITEMAP_ENTRIES_FILE);
        const text = await readFile(file, 'utf8').catch((error: unknown) => {
          // A build without the site's pages (the API-only build of the donations route test) has no map.
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
          throw error;
        });
        if (text === null || !site) {
          logger.info('没有站点地图条目（sitemap-entries.json），不生成站点地图');
          return;
        }
        await rm(file);
        const parsed = sitemapEntriesSchema.safeParse(JSON.parse(text));
        if (!parsed.success) {
          throw new SitemapBuildError('SITEMAP_ENTRIES_INVALID', `站点地图条目无效：${parsed.error.message}`);
        }
        const built = new Set(pages.map((p) => builtPageUrl(p.pathname, site as URL)));
        const missing = parsed.data.entries.filter((e) => !built.has(e.url)).map((e) => e.url);
        if (missing.length > 0) {
          throw new SitemapBuildError(
            'SITEMAP_PAGE_NOT_BUILT',
            `站点地图列出了未生成的页面（${missing.length} 个），例如 ${missing.slice(0, 3).join('、')}`,
          );
        }
        for (const e of parsed.data.entries) chosen.set(e.url, e.lastmod ?? '');
      },
    },
  };

  const renameIndex: AstroIntegration = {
    name: 'xianjie:sitemap-index-name',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (chosen.size === 0) return;
        const root = fileURLToPath(dir);
        await rename(join(root, `${FILENAME_BASE}-index.xml`), join(root, INDEX_NAME));
        logger.info(`站点地图：${chosen.size} 个页面，索引 /${INDEX_NAME}`);
      },
    },
  };

  return [
    entries,
    sitemap({
      filenameBase: FILENAME_BASE,
      // Plain <urlset>: the site has no news, image, video or hreflang entries.
      namespaces: { news: false, xhtml: false, image: false, video: false },
      filter: (url) => chosen.has(url),
      serialize: (item) => ({ ...item, lastmod: chosen.get(item.url) || undefined }),
    }),
    renameIndex,
  ];
}
