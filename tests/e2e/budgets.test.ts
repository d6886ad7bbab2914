import { describe, expect, inject, it } from 'vitest';
import { filesUnder, sizeOf, textOf, urlPathOf } from './site-files.ts';

/**
 * Weight budgets over every built page, not a sample: project page HTML ≤ 60 KB, all CSS together
 * ≤ 30 KB, no web fonts, and no JavaScript on pages without islands — the one script allowed is
 * the inline 长辈模式 restore in the layout (a few hundred bytes, no src).
 */
const clientDir = inject('clientDir');
const KB = 1024;

describe('size and script budgets of the built demo site', () => {
  it('keeps every project page at or under 60 KB of HTML', async () => {
    const pages = (await filesUnder(`${clientDir}/projects`, 'index.html')).filter((f) =>
      /\/projects\/[a-z0-9-]+\/index\.html$/.test(f),
    );
    expect(pages.length).toBeGreaterThan(300);
    const sizes = await Promise.all(pages.map(async (f) => ({ f, size: await sizeOf(f) })));
    const largest = sizes.reduce((a, b) => (b.size > a.size ? b : a));
    console.info(`最大的项目页：${urlPathOf(clientDir, largest.f)} ${(largest.size / KB).toFixed(1)} KB`);
    expect(largest.size).toBeLessThanOrEqual(60 * KB);
  });

  it('ships at most 30 KB of CSS in total, and no web fonts', async () => {
    const css = await filesUnder(clientDir, '.css');
    const total = (await Promise.all(css.map(sizeOf))).reduce((a, b) => a + b, 0);
    console.info(`CSS 合计 ${(total / KB).toFixed(1)} KB（${css.length} 个文件）`);
    expect(total).toBeLessThanOrEqual(30 * KB);
    for (const f of css) expect(await textOf(f)).not.toMatch(/@font-face/);
    for (const ext of ['.woff', '.woff2', '.ttf', '.otf']) expect(await filesUnder(clientDir, ext)).toEqual([]);
  });

  it('has no script on any page except the inline 长辈模式 restore', async () => {
    const pages = await filesUnder(clientDir, '.html');
    const offenders: string[] = [];
    for (const f of pages) {
      const html = await textOf(f);
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      const ok =
        scripts.length === 1 &&
        !/\bsrc\s*=/.test(scripts[0]?.[1] ?? '') &&
        (scripts[0]?.[2] ?? '').includes('xj-elder') &&
        (scripts[0]?.[2] ?? '').length < 1200;
      if (!ok) offenders.push(`${urlPathOf(clientDir, f)}: ${scripts.length} 个 script`);
      if (/<link[^>]+rel="modulepreload"|type="module"/.test(html))
        offenders.push(`${urlPathOf(clientDir, f)}: module script`);
    }
    expect(offenders).toEqual([]);
  });

  it('sets lang="zh-CN" and a skip link on every page', async () => {
    for (const f of await filesUnder(clientDir, '.html')) {
      const html = await textOf(f);
      expect(html, f).toContain('<html lang="zh-CN"');
      expect(html, f).toContain('class="skip-link" href="#main"');
      expect(html, f).toContain('示例数据');
    }
  });
});
