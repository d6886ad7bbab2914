import { describe, expect, it } from 'vitest';
import { sitemapEntries } from '../../../../site/lib/sitemap.ts';
import { sitemapEntriesSchema } from '../../../../site/lib/sitemap-entries.ts';
import { demoSite } from '../../../support/fixtures/site.ts';

const SITE = 'https://xianjie.example.org';

describe('the pages the sitemap lists', () => {
  const data = demoSite();
  const entries = sitemapEntries(data, SITE);
  const paths = entries.map((e) => new URL(e.url).pathname);

  it('are valid entries of the build hand-off, each once', () => {
    expect(sitemapEntriesSchema.parse({ version: 1, entries }).entries).toHaveLength(entries.length);
    expect(new Set(paths).size).toBe(paths.length);
    for (const e of entries) expect(e.url.startsWith(`${SITE}/`)).toBe(true);
  });

  it('are the section pages, every project, charity, typical case, campaign, award year and province of needs', () => {
    for (const path of [
      '/',
      '/projects/',
      '/needs/',
      '/charities/',
      '/cases/',
      '/awards/',
      '/campaigns/',
      '/transparency/',
      '/transparency/overdue/',
      '/data/',
      '/about/',
    ]) {
      expect(paths).toContain(path);
    }
    // Listings with one filter: /projects/<facet>/<value>/ (a project is /projects/<slug>/).
    const single = paths.filter((p) => /^\/projects\/[a-z]+\/[a-z0-9-]+\/$/.test(p));
    const awardYears = new Set(data.awards.map((a) => a.year)).size;
    const needProvinces = new Set(data.needs.map((n) => n.need.region.provinceCode)).size;
    expect(single.length).toBeGreaterThan(10);
    expect(entries).toHaveLength(
      11 +
        single.length +
        data.projects.length +
        data.charities.length +
        data.typicalCases.length +
        data.campaigns.length +
        awardYears +
        needProvinces,
    );
  });

  it('leave out later pages of a listing and listings with two filters', () => {
    expect(paths.filter((p) => /\/p\/\d+\/$/.test(p))).toEqual([]);
    expect(paths.filter((p) => /^\/projects\/[a-z]+\/[^/]+\/[a-z]+\/[^/]+\//.test(p))).toEqual([]);
  });

  it('give the day a project or typical case last changed, and no day for the rest', () => {
    for (const v of data.projects) {
      const e = entries.find((x) => x.url === `${SITE}/projects/${v.project.slug}/`);
      expect(e?.lastmod).toBe(v.money.asOf ?? v.project.publishedOn);
    }
    for (const t of data.typicalCases) {
      expect(entries.find((x) => x.url === `${SITE}/cases/${t.slug}/`)?.lastmod).toBe(t.publishedOn);
    }
    expect(entries.filter((e) => e.lastmod !== undefined)).toHaveLength(
      data.projects.length + data.typicalCases.length,
    );
  });
});
