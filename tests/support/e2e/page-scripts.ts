import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { sizeOf, textOf } from './site-files.ts';

/**
 * What a built page runs, read from its HTML as a browser would: the inline scripts (the 长辈模式
 * restore and Astro's island hydration), the React islands (`<astro-island>` with the module URLs it
 * imports), the Content-Security-Policy <meta>, and the weight of the scripts — up front (what a
 * page loads without anyone touching it) and on first use (dynamic `import()`s, e.g. the donate
 * form's checks) — gzipped, as the portal sends them (the `.gz` siblings of `_astro/`).
 */
export interface InlineScript {
  text: string;
  kind: 'elder' | 'hydration' | 'other';
}

export interface PageScripts {
  inline: InlineScript[];
  /** `src` of every `<script src>`. */
  external: string[];
  modulePreloads: number;
  /**
   * Module URLs the islands import when they hydrate (component and renderer), but for islands
   * hydrated only when they scroll into view (`client:visible`): those are in `lazyIslandModules`.
   */
  islandModules: string[];
  /** Component URLs of `client:visible` islands (loaded when the island comes into view). */
  lazyIslandModules: string[];
  islands: number;
  /** The CSP <meta>'s script-src sources, or null when the page has none. */
  scriptSrc: string[] | null;
}

/** Astro's hydration runtime: the astro-island element and the client:* directive loaders. */
const HYDRATION = [
  /customElements\.define\("astro-island"/,
  /\(self\.Astro\|\|\(self\.Astro=\{\}\)\)\.(idle|load|visible|media)=/,
];

export function pageScripts(html: string): PageScripts {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  const inline = scripts
    .filter((s) => !/\bsrc\s*=/.test(s[1] ?? ''))
    .map((s): InlineScript => {
      const text = s[2] ?? '';
      const kind = text.includes('xj-elder') ? 'elder' : HYDRATION.some((r) => r.test(text)) ? 'hydration' : 'other';
      return { text, kind };
    });
  const external = scripts
    .filter((s) => /\bsrc\s*=/.test(s[1] ?? ''))
    .map((s) => /src="([^"]+)"/.exec(s[1] ?? '')?.[1] ?? '');
  const islandTags = [...html.matchAll(/<astro-island\b([^>]*)>/g)].map((m) => m[1] ?? '');
  const islandModules = new Set<string>();
  const lazyIslandModules = new Set<string>();
  for (const tag of islandTags) {
    const lazy = /\bclient="visible"/.test(tag);
    for (const attr of ['component-url', 'renderer-url', 'before-hydration-url']) {
      const url = new RegExp(`\\b${attr}="([^"]+)"`).exec(tag)?.[1];
      if (url) (lazy && attr === 'component-url' ? lazyIslandModules : islandModules).add(url);
    }
  }
  for (const url of islandModules) lazyIslandModules.delete(url);
  const csp = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1];
  const scriptSrc = csp
    ? (csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .find((d) => d[0] === 'script-src')
        ?.slice(1) ?? [])
    : null;
  return {
    inline,
    external,
    modulePreloads: (html.match(/<link[^>]+rel="modulepreload"/g) ?? []).length,
    islandModules: [...islandModules],
    lazyIslandModules: [...lazyIslandModules],
    islands: islandTags.length,
    scriptSrc,
  };
}

export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export interface Weight {
  /** Bytes as stored. */
  raw: number;
  /** Bytes as sent to a browser that takes gzip. */
  gzip: number;
}

const add = (a: Weight, b: Weight): Weight => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });
export const NOTHING: Weight = { raw: 0, gzip: 0 };

export function inlineWeight(text: string): Weight {
  return { raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length };
}

/** A module's imports: static (`from"./x.js"`, `import"./x.js"`) and dynamic (`import("./x.js")`). */
function importsOf(code: string): { staticImports: string[]; dynamicImports: string[] } {
  const staticImports = [...code.matchAll(/(?:\bfrom|\bimport)\s*"(\.\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const dynamicImports = [...code.matchAll(/\bimport\(\s*"(\.\/[^"]+\.js)"\s*\)/g)].map((m) => m[1] ?? '');
  return { staticImports, dynamicImports };
}

export interface ModuleWeights {
  /** Everything the entries load with their static imports. */
  upFront: Weight;
  /** What their `import()`s add when used, with their own static imports. */
  onFirstUse: Weight;
  /** Files that should have a gzip sibling and have none. */
  missingGzip: string[];
}

/** Weighs `/_astro/…` module URLs from the client dir: each file once, however often imported. */
export async function moduleWeights(clientDir: string, entries: readonly string[]): Promise<ModuleWeights> {
  const seen = new Set<string>();
  const missingGzip: string[] = [];
  const weigh = async (urls: readonly string[]): Promise<{ weight: Weight; dynamic: string[] }> => {
    let weight = NOTHING;
    const dynamic: string[] = [];
    const queue = [...urls];
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      if (seen.has(url)) continue;
      seen.add(url);
      const file = `${clientDir}${url}`;
      const raw = await sizeOf(file);
      const gz = existsSync(`${file}.gz`) ? await sizeOf(`${file}.gz`) : null;
      if (gz === null && raw > 1024) missingGzip.push(url);
      weight = add(weight, { raw, gzip: gz ?? raw });
      const dir = url.slice(0, url.lastIndexOf('/') + 1);
      const { staticImports, dynamicImports } = importsOf(await textOf(file));
      queue.push(...staticImports.map((s) => dir + s.slice(2)));
      dynamic.push(...dynamicImports.map((s) => dir + s.slice(2)));
    }
    return { weight, dynamic };
  };
  const first = await weigh(entries);
  let onFirstUse = NOTHING;
  let pending = first.dynamic;
  while (pending.length > 0) {
    const next = await weigh(pending);
    onFirstUse = add(onFirstUse, next.weight);
    pending = next.dynamic;
  }
  return { upFront: first.weight, onFirstUse, missingGzip };
}

export const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
