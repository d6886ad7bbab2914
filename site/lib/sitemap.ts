import { escapeXml } from '../../content/contracts/escape.ts';

/** A sitemap (sitemaps.org 0.9). One file holds up to 50,000 URLs; the scale build has ~13,000. */
export interface SitemapUrl {
  loc: string;
  lastmod?: string | undefined;
}

export const SITEMAP_LIMIT = 50_000;

export function renderSitemap(urls: readonly SitemapUrl[]): string {
  if (urls.length > SITEMAP_LIMIT) throw new Error(`站点地图超过 ${SITEMAP_LIMIT} 个地址，需要拆分为索引`);
  const body = urls
    .map(
      (u) =>
        `<url><loc>${escapeXml(u.loc)}</loc>${u.lastmod ? `<lastmod>${escapeXml(u.lastmod)}</lastmod>` : ''}</url>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}
