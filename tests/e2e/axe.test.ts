import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../bench/harness/browser.ts';
import { type Templates, templateUrls } from '../support/e2e/templates.ts';

/** axe-core (WCAG 2.0/2.1 A and AA rules) finds nothing on any template, in normal and 长辈模式. */
const baseUrl = inject('baseUrl');
const clientDir = inject('clientDir');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let browser: Browser;
let templates: Templates;

beforeAll(async () => {
  browser = await launchChromium();
  templates = await templateUrls(clientDir);
});
afterAll(async () => {
  await browser?.close();
});

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} 处，例如 ${v.nodes[0]?.target.join(' ')}`,
  );
}

// One test walks every template (~20 pages, axe on each): ~50 s on a quiet two-core machine.
describe('axe on every template', { timeout: 300_000 }, () => {
  it('finds no violations in normal mode', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const found: string[] = [];
    try {
      for (const [name, path] of Object.entries(templates)) {
        const response = await page.goto(baseUrl + path);
        expect(response?.status(), `${name} ${path}`).toBe(name === 'not found' ? 404 : 200);
        for (const v of await violations(page)) found.push(`${name} ${path}: ${v}`);
      }
    } finally {
      await context.close();
    }
    expect(found).toEqual([]);
  });

  it('finds no violations in 长辈模式 either (bigger text, higher contrast)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const found: string[] = [];
    try {
      await page.goto(`${baseUrl}/`);
      await page.getByRole('switch', { name: '长辈模式' }).check();
      for (const [name, path] of Object.entries(templates)) {
        await page.goto(baseUrl + path);
        expect(await page.evaluate(() => document.documentElement.classList.contains('elder')), name).toBe(true);
        for (const v of await violations(page)) found.push(`${name} ${path}: ${v}`);
      }
    } finally {
      await context.close();
    }
    expect(found).toEqual([]);
  });
});
