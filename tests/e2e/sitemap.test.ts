import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { sitemapPages } from '../support/e2e/sitemap-files.ts';

/**
 * The sitemap @astrojs/sitemap writes lists the pages the hand-written one listed: every built page
 * except later pages of a listing (`…/p/2/`), listings with two filters, listings in another order
 * (`…/sort/ending/`, the same projects as the listing itself), the search page and the payment
 * result page — each once, projects and typical cases with the day they last changed.
 */
const clientDir = inject('clientDir');

async function builtPages(): Promise<string[]> {
  const entries = await readdir(clientDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name === 'index.html')
    .map((e) => relative(clientDir, e.parentPath).split(sep).join('/'))
    .map((dir) => (dir ? `/${dir}/` : '/'))
    .sort();
}

describe('the built sitemap', () => {
  it('lists every page but later listing pages, two-filter and sorted listings, search, the payment result, the pages subscription mails link to, the donor pages and the team shells', async () => {
    const listed = await sitemapPages((path) => readFile(join(clientDir, path), 'utf8'));
    const paths = listed.map((p) => new URL(p.url).pathname);
    expect(new Set(paths).size).toBe(paths.length);
    const expected = (await builtPages()).filter(
      (p) =>
        !/\/p\/\d+\/$/.test(p) &&
        !/\/sort\/[a-z]+\/$/.test(p) &&
        !/^\/projects\/[a-z]+\/[^/]+\/[a-z]+\/[^/]+\/$/.test(p) &&
        p !== '/search/' &&
        p !== '/donations/result/' &&
        // the pages the subscription mails link to: nothing there without the mail's token
        !p.startsWith('/subscriptions/') &&
        // a donor's own pages (我的捐赠, a monthly gift's private link) and the team pages, which are
        // shells filled from the live API for the team (?id=) or project (?project=) in the link
        !['/my/', '/monthly/manage/', '/teams/', '/teams/new/'].includes(p),
    );
    expect([...paths].sort()).toEqual(expected);
  });

  it('gives projects and typical cases the day they last changed, and nothing else a day', async () => {
    const listed = await sitemapPages((path) => readFile(join(clientDir, path), 'utf8'));
    const dated = listed.filter((p) => p.lastmod !== undefined).map((p) => new URL(p.url).pathname);
    const projects = listed.filter((p) => /^\/projects\/[a-z0-9-]+\/$/.test(new URL(p.url).pathname));
    const cases = listed.filter((p) => /^\/cases\/[a-z0-9-]+\/$/.test(new URL(p.url).pathname));
    expect(dated).toHaveLength(projects.length + cases.length);
    for (const p of [...projects, ...cases]) expect(p.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/);
  });

  it('is what robots.txt points to, and leaves no build hand-off file in the release', async () => {
    expect(await readFile(join(clientDir, 'robots.txt'), 'utf8')).toMatch(/^Sitemap: https?:\/\/[^/]+\/sitemap\.xml$/m);
    await expect(readFile(join(clientDir, 'sitemap-entries.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
