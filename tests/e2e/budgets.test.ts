import { describe, expect, inject, it } from 'vitest';
import { filesUnder, sizeOf, textOf, urlPathOf } from './site-files.ts';

/**
 * Weight budgets over every built page, not a sample: project page HTML ≤ 60 KB, all CSS together
 * ≤ 30 KB, no web fonts, and no JavaScript on pages without islands — the one script allowed is
 * the 长辈模式 restore in the layout (one small classic script file, the same on every page; no
 * inline script at all, so the CSP needs no 'unsafe-inline'); pages with a giving island add one
 * module script, ≤ 40 KB up front with its static imports.
 */
const clientDir = inject('clientDir');
const KB = 1024;
/** The layout's 长辈模式 script: a classic (not module) script from /_astro/. */
const ELDER_SCRIPT = /^(?![^>]*type="module")[^>]*\bsrc="\/_astro\/elder-mode\.[\w-]+\.js"/;

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

  it('has no script on any page except the 长辈模式 restore file, and the giving islands where they mount', async () => {
    const pages = await filesUnder(clientDir, '.html');
    const offenders: string[] = [];
    const islandScripts = new Set<string>();
    const searchScripts = new Set<string>();
    const elderScripts = new Set<string>();
    for (const f of pages) {
      const html = await textOf(f);
      // Pages with a giving island (site/islands/): project pages (live totals, donate form), needs
      // and campaign pages with a cause-donation slot, and the donation result page.
      // The search page hosts the search island (its budget is counted apart, below).
      const search = /id="search-app"/.test(html);
      const island = search || /id="live-totals"|data-cause-donate|id="donation-result"/.test(html);
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      const inline = scripts.filter((s) => !/\bsrc\s*=/.test(s[1] ?? ''));
      const elder = scripts.filter((s) => ELDER_SCRIPT.test(s[1] ?? ''));
      const external = scripts.filter((s) => /\bsrc\s*=/.test(s[1] ?? '') && !elder.includes(s));
      const ok =
        inline.length === 0 &&
        elder.length === 1 &&
        (island ? external.length === 1 && /type="module"/.test(external[0]?.[1] ?? '') : external.length === 0);
      if (!ok) offenders.push(`${urlPathOf(clientDir, f)}: ${scripts.length} 个 script`);
      const elderSrc = /src="([^"]+)"/.exec(elder[0]?.[1] ?? '')?.[1];
      if (elderSrc) elderScripts.add(elderSrc);
      for (const s of external)
        (search ? searchScripts : islandScripts).add(/src="([^"]+)"/.exec(s[1] ?? '')?.[1] ?? '');
      if (!island && /<link[^>]+rel="modulepreload"|type="module"/.test(html))
        offenders.push(`${urlPathOf(clientDir, f)}: module script`);
    }
    expect(offenders).toEqual([]);
    // One 长辈模式 file for the whole site, and small: it blocks first paint.
    expect(elderScripts.size).toBe(1);
    for (const src of elderScripts) {
      const text = await textOf(`${clientDir}${src}`);
      expect(text).toContain('xj-elder');
      expect(text.length).toBeLessThan(1600);
    }
    const eagerBytes = async (entries: Set<string>) => {
      let eager = 0;
      for (const src of entries) {
        const file = `${clientDir}${src}`;
        eager += await sizeOf(file);
        for (const m of (await textOf(file)).matchAll(/from\s*"(\.\/[^"]+\.js)"/g)) {
          eager += await sizeOf(`${clientDir}/_astro/${(m[1] ?? '').slice(2)}`);
        }
      }
      return eager;
    };
    // What a project page loads up front (the form's zod checks come later, on first use).
    const eager = await eagerBytes(islandScripts);
    console.info(`页面初始加载的脚本合计 ${(eager / KB).toFixed(1)} KB（${islandScripts.size} 个入口）`);
    expect(eager).toBeLessThanOrEqual(40 * KB);
    // The search page's island (Pagefind's own runtime loads on the first query; bench/search.ts).
    const searchEager = await eagerBytes(searchScripts);
    console.info(`搜索页初始加载的脚本 ${(searchEager / KB).toFixed(1)} KB`);
    expect(searchScripts.size).toBe(1);
    expect(searchEager).toBeLessThanOrEqual(30 * KB);
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
