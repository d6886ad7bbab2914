import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { describe, expect, inject, it } from 'vitest';
import { shareCacheDir } from '../../site/lib/share-image/share-image-cache.ts';
import { siteBrowser } from '../support/e2e/site-browser.ts';
import { filesUnder, textOf, urlPathOf } from '../support/e2e/site-files.ts';

/**
 * Link previews: every page carries Open Graph and a large-image Twitter card; a project, a typical
 * case and a campaign point og:image at their own share image, a 1200×630 PNG the release serves;
 * every other page at the default one.
 */
const site = siteBrowser();
const clientDir = inject('clientDir');

async function meta(page: Page, key: string): Promise<string | null> {
  return page.locator(`head meta[property="${key}"], head meta[name="${key}"]`).first().getAttribute('content');
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex'), 'a PNG signature').toBe('89504e470d0a1a0a');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function ogOf(path: string) {
  const context = await site.browser.newContext({ viewport: { width: 1366, height: 900 } });
  try {
    const page = await context.newPage();
    const response = await page.goto(new URL(path, site.baseUrl).href);
    expect(response?.status()).toBe(200);
    const og = {
      type: await meta(page, 'og:type'),
      title: await meta(page, 'og:title'),
      description: await meta(page, 'og:description'),
      url: await meta(page, 'og:url'),
      image: await meta(page, 'og:image'),
      width: await meta(page, 'og:image:width'),
      height: await meta(page, 'og:image:height'),
      card: await meta(page, 'twitter:card'),
      heading: await page.locator('h1').first().textContent(),
    };
    if (!og.image) throw new Error(`${path} 没有 og:image`);
    // og:image is absolute on the configured site; fetch its path from where the release is served.
    const image = await context.request.get(new URL(new URL(og.image).pathname, site.baseUrl).href);
    return { og, image: { status: image.status(), type: image.headers()['content-type'], body: await image.body() } };
  } finally {
    await context.close();
  }
}

describe('share images and Open Graph', () => {
  it('points a project page at its own 1200×630 PNG, absolute, with its title', async () => {
    const path = site.urls['project accepting donations'] ?? '';
    const { og, image } = await ogOf(path);
    const slug = path.split('/')[2];
    expect(new URL(og.image ?? '').pathname).toBe(`/og/projects/${slug}.png`);
    expect(og.image).toMatch(/^https?:\/\//);
    expect(new URL(og.url ?? '').pathname).toBe(path);
    expect(og.type).toBe('article');
    expect(og.title).toContain(og.heading?.trim());
    expect(og.description).toBeTruthy();
    expect(og.card).toBe('summary_large_image');
    expect([og.width, og.height]).toEqual(['1200', '630']);
    expect(image.status).toBe(200);
    expect(image.type).toBe('image/png');
    expect(pngSize(image.body)).toEqual({ width: 1200, height: 630 });
  });

  it('gives a typical case and a campaign their own image, and the home page the default', async () => {
    for (const [name, prefix] of [
      ['typical case', '/og/cases/'],
      ['campaign', '/og/campaigns/'],
      ['home', '/og/default.png'],
    ] as const) {
      const { og, image } = await ogOf(site.urls[name] ?? '');
      expect(new URL(og.image ?? '').pathname.startsWith(prefix), `${name}: ${og.image}`).toBe(true);
      expect(image.status).toBe(200);
      expect(pngSize(image.body)).toEqual({ width: 1200, height: 630 });
    }
  });

  it('builds every share image as a hard link to its cache file, so a release stores no copy', async () => {
    const cacheDir = shareCacheDir();
    const cached = new Set<number>();
    for (const name of await readdir(cacheDir)) cached.add((await stat(join(cacheDir, name))).ino);
    const pngs = await filesUnder(join(clientDir, 'og'), '.png');
    const copies: string[] = [];
    for (const file of pngs) {
      const info = await stat(file);
      if (info.nlink < 2 || !cached.has(info.ino)) copies.push(urlPathOf(clientDir, file));
    }
    expect(pngs.length).toBeGreaterThan(100);
    expect(copies).toEqual([]);
  });

  it('puts og:title, og:description, og:type, og:url, og:image and twitter:card on every built page', async () => {
    const pages = await filesUnder(clientDir, 'index.html');
    const missing: string[] = [];
    for (const file of pages) {
      const html = await textOf(file);
      for (const key of ['og:title', 'og:description', 'og:type', 'og:url', 'og:image']) {
        if (!new RegExp(`<meta property="${key}" content="[^"]+"`).test(html))
          missing.push(`${urlPathOf(clientDir, file)} ${key}`);
      }
      if (!html.includes('<meta name="twitter:card" content="summary_large_image"')) {
        missing.push(`${urlPathOf(clientDir, file)} twitter:card`);
      }
    }
    expect(pages.length).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });
});
