import type { APIRoute } from 'astro';
import { getSiteData } from '../lib/site-data.ts';
import { sitemapEntries } from '../lib/sitemap.ts';
import type { SitemapEntries } from '../lib/sitemap-entries.ts';

/**
 * The sitemap's page list for site/integrations/sitemap.ts, which turns it into /sitemap.xml and
 * deletes this file at the end of the build (it is never part of a release).
 */
export const prerender = true;

export const GET: APIRoute = async ({ site }) => {
  const body: SitemapEntries = { version: 1, entries: sitemapEntries(await getSiteData(), site) };
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
