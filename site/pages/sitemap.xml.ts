import type { APIRoute } from 'astro';
import { absoluteUrl, paths } from '../../content/paths.ts';
import { FACETS, listingPath } from '../lib/facets.ts';
import { facetOptions } from '../lib/project-facets.ts';
import { getSiteData } from '../lib/site-data.ts';
import { renderSitemap, type SitemapUrl } from '../lib/sitemap.ts';

/**
 * Every page a search engine should know: section pages, every project, charity, typical case,
 * campaign, award year and province of needs, and the first page of each single-filter listing.
 * Later pages and two-filter listings are reachable by links and left out to keep the map short.
 */
export const prerender = true;

export const GET: APIRoute = async ({ site }) => {
  const data = await getSiteData();
  const urls: SitemapUrl[] = [];
  const add = (path: string, lastmod?: string) => urls.push({ loc: absoluteUrl(path, site), lastmod });
  for (const path of [
    paths.home(),
    paths.projects(),
    paths.needs(),
    paths.charities(),
    paths.typicalCases(),
    paths.awards(),
    paths.campaigns(),
    paths.transparency(),
    paths.overdue(),
    paths.openData(),
    paths.about(),
  ]) {
    add(path);
  }
  const optionsOf = facetOptions(data);
  for (const facet of FACETS) {
    for (const { value } of optionsOf(facet)) {
      const path = listingPath({ [facet]: value });
      if (data.projectCombos.has(path.slice('/projects/'.length, -1))) add(path);
    }
  }
  for (const v of data.projects) add(paths.project(v.project.slug), v.money.asOf ?? v.project.publishedOn);
  for (const c of data.charities) add(paths.charity(c.charity.slug));
  for (const t of data.typicalCases) add(paths.typicalCase(t.slug), t.publishedOn);
  for (const c of data.campaigns) add(paths.campaign(c.slug));
  for (const year of new Set(data.awards.map((a) => a.year))) add(paths.awardYear(year));
  for (const code of new Set(data.needs.map((n) => n.need.region.provinceCode))) add(paths.needsInProvince(code));
  return new Response(renderSitemap(urls), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
