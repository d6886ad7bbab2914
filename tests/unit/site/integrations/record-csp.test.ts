import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pagePolicyOf } from '../../../../site/integrations/record-csp.ts';

const META =
  "script-src 'self' 'wasm-unsafe-eval' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='; style-src 'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";
const pageWith = (meta: string | null) =>
  `<!doctype html><html lang="zh-CN"><head>${meta === null ? '' : `<meta http-equiv="content-security-policy" content="${meta}">`}</head><body></body></html>`;

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function site(pages: Record<string, string>): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'xianjie-record-csp-'));
  for (const [path, html] of Object.entries(pages)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), html);
  }
  return dir;
}

describe('the page policy a build records', () => {
  it('is the script-src and style-src every page’s <meta> carries', async () => {
    const client = await site({
      'index.html': pageWith(META),
      'projects/a/index.html': pageWith(META),
      '404.html': pageWith(META),
    });
    expect(await pagePolicyOf(client)).toEqual({
      scriptSrc: ["'self'", "'wasm-unsafe-eval'", "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"],
      styleSrc: ["'self'", "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"],
    });
  });

  it('is nothing for a build with no page (API routes only), so the portal keeps its strict default', async () => {
    const client = await site({ '_astro/app.js': 'export {};' });
    expect(await pagePolicyOf(client)).toBeNull();
  });

  it('reads a meta whose quotes are escaped as entities', async () => {
    const client = await site({ 'index.html': pageWith(META.replaceAll("'", '&#39;')) });
    expect((await pagePolicyOf(client))?.scriptSrc[0]).toBe("'self'");
  });

  it('fails the build when one page’s policy differs: the header can carry only one', async () => {
    const client = await site({
      'index.html': pageWith(META),
      'search/index.html': pageWith(`${META.replace("style-src 'self'", "style-src 'self' 'sha256-AAAA'")}`),
    });
    await expect(pagePolicyOf(client)).rejects.toThrow(/CSP 与 .* 不同/);
  });

  it('fails the build when a page has no policy <meta>', async () => {
    const client = await site({ 'index.html': pageWith(META), 'about/index.html': pageWith(null) });
    await expect(pagePolicyOf(client)).rejects.toThrow(/没有 CSP <meta>/);
  });

  it('refuses a policy that allows inline scripts wholesale', async () => {
    const client = await site({ 'index.html': pageWith("script-src 'self' 'unsafe-inline'; style-src 'self'") });
    await expect(pagePolicyOf(client)).rejects.toThrow();
  });
});
