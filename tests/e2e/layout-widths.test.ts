import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LayoutProbe, probeLayout } from '../support/e2e/layout-probe.ts';
import { siteBrowser } from '../support/e2e/site-browser.ts';

/**
 * Every page template at phone widths (320, 360, 414 px) and on a laptop (1366 px), normal and in
 * 长辈模式 (issue 15 item 3): the page never scrolls sideways; no visible text is drawn under 12 px
 * (chart labels included, and chart labels at least 18 px in 长辈模式) nor cut off at a chart's
 * edge; and no table is squeezed until its cells hold a character or two per line. Full-page
 * screenshots at 360 and 1366 px are kept under .data/e2e-shots/layout/ for a person to look at.
 */
const site = siteBrowser();
const { baseUrl } = site;

const SHOTS = fileURLToPath(new URL('../../.data/e2e-shots/layout/', import.meta.url));
const WIDTHS = [320, 360, 414, 1366] as const;
const SHOT_WIDTHS: readonly number[] = [360, 1366];
const MODES = [
  { name: 'normal', elder: false, limits: { minPx: 12, minChartPx: 12 } },
  { name: 'elder', elder: true, limits: { minPx: 12, minChartPx: 18 } },
] as const;

/** Pages rendered per request, which the sitemap's templates do not list. */
const PER_REQUEST: Record<string, string> = {
  'search results (no JavaScript)': `/search/results/?q=${encodeURIComponent('失能老人')}`,
  'donation result': '/donations/result/?id=unknown',
};

const fileName = (template: string) => template.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
});

// Each test opens ~24 pages (and screenshots them at 360 and 1366 px): 5–45 s each on a busy two-core machine.
describe('every template at 320–1366 px, normal and in 长辈模式', { timeout: 300_000 }, () => {
  for (const mode of MODES) {
    for (const width of WIDTHS) {
      describe(`${width} px, ${mode.name}`, () => {
        let context: BrowserContext;
        beforeAll(async () => {
          const phone = width < 800;
          context = await site.browser.newContext({
            viewport: { width, height: phone ? 740 : 900 },
            isMobile: phone,
            hasTouch: phone,
          });
          if (mode.elder) await context.addInitScript(() => localStorage.setItem('xj-elder', '1'));
        });
        afterAll(async () => {
          await context?.close();
        });

        it('fits the screen and draws no text too small to read', async () => {
          const page = await context.newPage();
          const found: Record<string, Partial<LayoutProbe>> = {};
          const templates = { ...site.urls, ...PER_REQUEST };
          for (const [template, url] of Object.entries(templates)) {
            await page.goto(`${baseUrl}${url}`, { waitUntil: 'load' });
            expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(mode.elder);
            const probe = await page.evaluate(probeLayout, mode.limits);
            const wrong: Partial<LayoutProbe> = {};
            if (probe.overflowPx > 0) {
              wrong.overflowPx = probe.overflowPx;
              wrong.widest = probe.widest;
            }
            if (probe.small.length > 0) wrong.small = probe.small.slice(0, 6);
            if (probe.clipped.length > 0) wrong.clipped = probe.clipped;
            if (probe.squeezed.length > 0) wrong.squeezed = probe.squeezed;
            if (Object.keys(wrong).length > 0) found[template] = wrong;
            if (SHOT_WIDTHS.includes(width)) {
              await page.screenshot({
                path: join(SHOTS, `${mode.name}-${width}`, `${fileName(template)}.png`),
                fullPage: true,
              });
            }
          }
          await page.close();
          expect(found).toEqual({});
        });
      });
    }
  }
});
