import { absoluteUrl, paths } from '../../content/paths.ts';
import { FACETS, listingPath } from './facets.ts';
import { facetOptions } from './project-facets.ts';
import type { SiteData } from './site-data.ts';
import type { SitemapEntry } from './sitemap-entries.ts';

/**
 * Every page a search engine should know: section pages, every project, charity, typical case,
 * campaign, award year and province of needs, and the first page of each single-filter listing.
 * Later pages and two-filter listings are reachable by links and left out to keep the map short.
 * @astrojs/sitemap writes the XML (site/integrations/sitemap.ts); this decides what it lists.
 */
export function sitemapEntries(data: SiteData, site: URL | string | undefined): SitemapEntry[] {
  const entries: SitemapEntry[] = [];
  const add = (path: string, lastmod?: string) =>
    entries.push(lastmod ? { url: absoluteUrl(path, site), lastmod } : { url: absoluteUrl(path, site) });
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
  return entries;
}
