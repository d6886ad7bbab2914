import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { builtPageUrl, SitemapBuildError, siteSitemap } from '../../../../site/integrations/sitemap.ts';
import { SITEMAP_ENTRIES_FILE, type SitemapEntries } from '../../../../site/lib/sitemap-entries.ts';

/** The three hooks run for real, @astrojs/sitemap included, over a fake build directory. */
const SITE = 'https://xianjie.example.org/';
const logger = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {}, fork: () => logger };

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

type Hook = (options: unknown) => Promise<void> | void;
const hook = (integration: AstroIntegration, name: string) => integration.hooks[name] as Hook | undefined;

async function build(pages: string[], entries: SitemapEntries | null): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'xianjie-sitemap-'));
  dirs.push(dir);
  if (entries) await writeFile(join(dir, SITEMAP_ENTRIES_FILE), JSON.stringify(entries));
  const integrations = siteSitemap();
  const config = { site: SITE, base: '/', trailingSlash: 'ignore', build: { format: 'directory' } };
  for (const i of integrations) await hook(i, 'astro:config:done')?.({ config, logger });
  for (const i of integrations) await hook(i, 'astro:routes:resolved')?.({ routes: [], logger });
  const done = { dir: pathToFileURL(`${dir}/`), pages: pages.map((pathname) => ({ pathname })), logger };
  for (const i of integrations) await hook(i, 'astro:build:done')?.(done);
  return dir;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (n) => n === 'url' || n === 'sitemap',
});

describe('/sitemap.xml by @astrojs/sitemap', () => {
  const pages = [
    '',
    'projects/',
    'projects/p/2/',
    'projects/a-b/',
    'cases/c/',
    'search/',
    'feed.xml',
    SITEMAP_ENTRIES_FILE,
  ];
  const entries: SitemapEntries = {
    version: 1,
    entries: [
      { url: `${SITE}` },
      { url: `${SITE}projects/` },
      { url: `${SITE}projects/a-b/`, lastmod: '2026-11-20' },
      { url: `${SITE}cases/c/`, lastmod: '2026-10-01' },
    ],
  };

  it('lists exactly the chosen pages with their days, behind an index at /sitemap.xml', async () => {
    const out = await build(pages, entries);
    const index = await readFile(join(out, 'sitemap.xml'), 'utf8');
    expect(XMLValidator.validate(index)).toBe(true);
    const sitemaps = (parser.parse(index) as { sitemapindex: { sitemap: { loc: string }[] } }).sitemapindex.sitemap;
    expect(sitemaps.map((s) => s.loc)).toEqual([`${SITE}sitemap-0.xml`]);

    const map = await readFile(join(out, 'sitemap-0.xml'), 'utf8');
    expect(XMLValidator.validate(map)).toBe(true);
    const urlset = (parser.parse(map) as { urlset: { '@_xmlns': string; url: { loc: string; lastmod?: string }[] } })
      .urlset;
    expect(urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const listed = Object.fromEntries(urlset.url.map((u) => [u.loc, u.lastmod?.slice(0, 10)]));
    expect(listed).toEqual({
      [SITE]: undefined,
      [`${SITE}projects/`]: undefined,
      [`${SITE}projects/a-b/`]: '2026-11-20',
      [`${SITE}cases/c/`]: '2026-10-01',
    });
  });

  it('leaves neither the hand-off file nor a second index in the release', async () => {
    const out = await build(pages, entries);
    expect(await exists(join(out, SITEMAP_ENTRIES_FILE))).toBe(false);
    expect(await exists(join(out, 'sitemap-index.xml'))).toBe(false);
  });

  it('fails the build when a chosen page was not built', async () => {
    const missing = { version: 1 as const, entries: [...entries.entries, { url: `${SITE}projects/gone/` }] };
    await expect(build(pages, missing)).rejects.toMatchObject({
      name: 'SitemapBuildError',
      code: 'SITEMAP_PAGE_NOT_BUILT',
    });
    await expect(build(pages, missing)).rejects.toBeInstanceOf(SitemapBuildError);
  });

  it('fails the build on a malformed hand-off', async () => {
    const bad = { version: 1, entries: [{ url: 'not a url' }] } as unknown as SitemapEntries;
    await expect(build(pages, bad)).rejects.toMatchObject({ code: 'SITEMAP_ENTRIES_INVALID' });
  });

  it('writes no sitemap for a build without the site’s pages (API routes only)', async () => {
    const out = await build(['api/x'], null);
    expect(await exists(join(out, 'sitemap.xml'))).toBe(false);
    expect(await exists(join(out, 'sitemap-0.xml'))).toBe(false);
  });

  it('forms page URLs as @astrojs/sitemap does', () => {
    expect(builtPageUrl('', new URL(SITE))).toBe(SITE);
    expect(builtPageUrl('/projects/', new URL(SITE))).toBe(`${SITE}projects/`);
    expect(builtPageUrl('projects/', new URL(SITE))).toBe(`${SITE}projects/`);
  });
});
