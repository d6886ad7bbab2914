import { XMLParser } from 'fast-xml-parser';

/**
 * What the built sitemap lists. /sitemap.xml is @astrojs/sitemap's index; the pages are in the
 * files it points to (/sitemap-0.xml …). `read` takes a site path (`/sitemap.xml`) and returns the
 * file, from disk or over HTTP.
 */
export interface ListedPage {
  url: string;
  lastmod?: string;
}

const parser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'url' || name === 'sitemap' });

export async function sitemapPages(read: (path: string) => Promise<string>): Promise<ListedPage[]> {
  const index = parser.parse(await read('/sitemap.xml')) as { sitemapindex?: { sitemap: { loc: string }[] } };
  if (!index.sitemapindex) throw new Error('/sitemap.xml 不是站点地图索引（sitemapindex）');
  const pages: ListedPage[] = [];
  for (const { loc } of index.sitemapindex.sitemap) {
    const set = parser.parse(await read(new URL(loc).pathname)) as {
      urlset: { url: { loc: string; lastmod?: string }[] };
    };
    pages.push(...set.urlset.url.map((u) => (u.lastmod ? { url: u.loc, lastmod: u.lastmod } : { url: u.loc })));
  }
  return pages;
}
