import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import type { SearchDocument } from '../../content/search/documents.ts';
import { pagefindContent, pagefindFilters, pagefindHtml, pagefindMeta } from '../../content/search/pagefind-markup.ts';
import { homophoneGroups } from './homophones.ts';
import type { Vocabulary } from './vocabulary.ts';

/**
 * Builds the embedded Pagefind index with its Node API: the built release's HTML (pages that carry
 * `data-pagefind-body`, see search/README.md), plus search documents added as custom records
 * (for things that have no page of their own, and for tests that run without the site), written
 * to `<client>/pagefind/` where the browser loads `/pagefind/pagefind.js`.
 */
export const PAGEFIND_LANGUAGE = 'zh-cn';

export interface PagefindBuildOptions {
  /** The release's client folder (static HTML). Omit to index records only. */
  siteDir?: string;
  /** Glob inside `siteDir`. @default all HTML files */
  glob?: string;
  /** Documents added with `addCustomRecord` (plain text, filters and meta from pagefind-markup.ts). */
  records?: readonly SearchDocument[];
  /** Documents rendered with `pagefindHtml()` and added with `addHTMLFile`: the site's markup contract. */
  htmlRecords?: readonly SearchDocument[];
  /** Where the bundle goes. @default `<siteDir>/pagefind` (required without siteDir) */
  outputPath?: string;
  /** The client's corpus knowledge (search/index/vocabulary.ts), written as `<outputPath>/vocabulary.json`. */
  vocabulary?: Vocabulary;
  /** Records added at once over the service's pipe. @default 64 */
  concurrency?: number;
}

export const VOCABULARY_FILE = 'vocabulary.json';
export const VOCABULARY_GZ_FILE = 'vocabulary.json.gz';
/** Pagefind's default UI files (`pagefind-ui.js`, `pagefind-component-ui.css`, …), unused here. */
const UNUSED_UI = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;

/**
 * Pagefind's runtime is plain JS and JSON (`pagefind.js` 46 KB on every first query;
 * `pagefind-worker.js` 43 KB when the client runs it in its worker); its chunks and wasm are
 * gzipped already. Each gets a
 * `<file>.gz` sibling that the publisher's static handler (publisher/serve/static-files.ts) sends
 * with `Content-Encoding: gzip` to a client that accepts it — a CDN should do the same
 * (docs/production.md).
 */
const PRECOMPRESS = /\.(js|json)$/;

async function precompress(outputPath: string): Promise<void> {
  for (const file of await readdir(outputPath)) {
    if (!PRECOMPRESS.test(file) || file === VOCABULARY_FILE) continue;
    const path = join(outputPath, file);
    const raw = await readFile(path);
    const gz = gzipSync(raw, { level: 9 });
    if (gz.length < raw.length) await writeFile(`${path}.gz`, gz);
  }
}

async function inBatches<T>(items: readonly T[], size: number, add: (item: T) => Promise<string[]>): Promise<void> {
  for (let i = 0; i < items.length; i += size) {
    const errors = (await Promise.all(items.slice(i, i + size).map(add))).flat();
    check('添加记录', errors);
  }
}

export interface PagefindBuildResult {
  outputPath: string;
  pages: number;
  records: number;
  ms: number;
}

export class PagefindBuildError extends Error {
  constructor(
    message: string,
    readonly errors: string[],
  ) {
    super(`${message}：${errors.join('；')}`);
    this.name = 'PagefindBuildError';
  }
}

function check(step: string, errors: string[]): void {
  if (errors.length > 0) throw new PagefindBuildError(`Pagefind ${step} 失败`, errors);
}

export function pagefindRecord(doc: SearchDocument): pagefind.CustomRecord {
  return {
    url: doc.url,
    content: pagefindContent(doc),
    language: PAGEFIND_LANGUAGE,
    meta: pagefindMeta(doc),
    filters: pagefindFilters(doc),
    sort: { publishedOn: doc.publishedOn, typeRank: String(doc.typeRank) },
  };
}

export async function buildPagefindIndex(options: PagefindBuildOptions): Promise<PagefindBuildResult> {
  const started = performance.now();
  const outputPath = options.outputPath ?? (options.siteDir ? join(options.siteDir, 'pagefind') : undefined);
  if (!outputPath) throw new PagefindBuildError('Pagefind 参数无效', ['没有 siteDir 时必须给出 outputPath']);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: PAGEFIND_LANGUAGE });
  if (!index) throw new PagefindBuildError('Pagefind 索引创建失败', errors);
  try {
    let pages = 0;
    if (options.siteDir) {
      const added = await index.addDirectory({
        path: options.siteDir,
        ...(options.glob ? { glob: options.glob } : {}),
      });
      check('添加目录', added.errors);
      pages = added.page_count;
    }
    const size = Math.max(1, options.concurrency ?? 64);
    await inBatches(
      options.records ?? [],
      size,
      async (doc) => (await index.addCustomRecord(pagefindRecord(doc))).errors,
    );
    await inBatches(
      options.htmlRecords ?? [],
      size,
      async (doc) => (await index.addHTMLFile({ url: doc.url, content: pagefindHtml(doc) })).errors,
    );
    const records = (options.records?.length ?? 0) + (options.htmlRecords?.length ?? 0);
    // A stale bundle must not survive next to a fresh one (old fragments would be served).
    await rm(outputPath, { recursive: true, force: true });
    await mkdir(outputPath, { recursive: true });
    check('写入', (await index.writeFiles({ outputPath })).errors);
    // Pagefind also writes its ready-made UIs; the site has its own island, so they would only be
    // dead weight in every release (and count against the CSS budget).
    for (const file of await readdir(outputPath)) {
      if (UNUSED_UI.test(file)) await rm(join(outputPath, file), { force: true });
    }
    if (options.vocabulary) {
      // The homophone groups travel with the vocabulary (+7 KB gzipped on the demo), not in it:
      // the server engine builds its vocabulary on every release switch and has no use for them.
      const { terms, words } = options.vocabulary;
      const json = JSON.stringify({ ...options.vocabulary, sounds: homophoneGroups([...terms, ...words]) });
      await writeFile(join(outputPath, VOCABULARY_FILE), json);
      // Gzipped like Pagefind's own chunks (26 KB → 8 KB on the demo): the client inflates it with
      // DecompressionStream, whatever the host's compression; the plain file serves older browsers.
      // (It is also the plain file's precompressed sibling, below.)
      await writeFile(join(outputPath, VOCABULARY_GZ_FILE), gzipSync(json, { level: 9 }));
    }
    await precompress(outputPath);
    return { outputPath, pages, records, ms: Math.round(performance.now() - started) };
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}
