import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A throwaway Astro project that renders `pages` trivial pages, the baseline our build is compared
 * with. It lives under the repo's `.data/` so it resolves the repo's node_modules (same Astro,
 * same Vite), and uses Astro's plain static output: no adapter, no integrations, no data.
 */
export async function writeTrivialProject(dir: string, pages: number): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'src', 'pages'), { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'trivial-bench', private: true, type: 'module' }));
  await writeFile(
    join(dir, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nexport default defineConfig({ build: { format: 'directory' } });\n",
  );
  await writeFile(
    join(dir, 'src', 'pages', '[n].astro'),
    `---
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { n: String(i + 1) } }));
}
const { n } = Astro.params;
---
<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8" /><title>第 {n} 页</title></head><body><h1>第 {n} 页</h1></body></html>
`,
  );
}
