import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/**
 * Types a release may hold a precompressed `<file>.gz` sibling for (search/index/pagefind-index.ts
 * writes them for Pagefind's JS and JSON). Pagefind's `.pf_*` chunks and its wasm are gzipped
 * already and have no sibling; a `.gz` requested by its own name is served as it is, unencoded
 * (the search client inflates `vocabulary.json.gz` itself).
 */
const PRECOMPRESSED = new Set(['.html', '.css', '.js', '.mjs', '.json', '.csv', '.xml', '.txt', '.svg', '.wasm']);

/** True when `Accept-Encoding` allows gzip (`gzip` or `*` with a non-zero q, and gzip not refused). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  let gzip: number | null = null;
  let star: number | null = null;
  for (const part of value.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    const weight = Number.isFinite(q) ? q : 0;
    if (name.trim() === 'gzip' || name.trim() === 'x-gzip') gzip = Math.max(gzip ?? 0, weight);
    else if (name.trim() === '*') star = weight;
  }
  return gzip !== null ? gzip > 0 : (star ?? 0) > 0;
}

/** A regular file at exactly `path` (no index.html lookup), or null. */
async function regularFile(path: string): Promise<{ path: string; size: number; mtime: Date } | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? { path, size: s.size, mtime: s.mtime } : null;
  } catch {
    return null;
  }
}

async function fileAt(path: string): Promise<{ path: string; size: number; mtime: Date } | null> {
  try {
    const s = await stat(path);
    if (s.isFile()) return { path, size: s.size, mtime: s.mtime };
    if (s.isDirectory()) return fileAt(join(path, 'index.html'));
  } catch {
    // Not there.
  }
  return null;
}

/**
 * Serves one release's static files. `root` is resolved per request by the caller, so a release
 * switch takes effect for the next request while streams already open keep reading the old
 * release's files (old releases are kept, never deleted under a reader).
 * Returns false when nothing matched, so the caller can try the API or answer 404.
 */
export async function serveStatic(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
  /** `path` serves another file than the URL names (the 404 page), with `status`. */
  options: { path?: string; status?: number } = {},
): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  let pathname: string;
  try {
    pathname = options.path ?? decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  } catch {
    return false;
  }
  const target = normalize(join(root, pathname));
  if (target !== root && !target.startsWith(root + sep)) return false;
  const file = await fileAt(target);
  if (!file) return false;
  if (
    !options.path &&
    !pathname.endsWith('/') &&
    file.path.endsWith(`${sep}index.html`) &&
    !target.endsWith('index.html')
  ) {
    // Directory without a trailing slash: redirect, so relative links inside resolve.
    const url = new URL(req.url ?? '/', 'http://x');
    res.writeHead(308, { location: `${url.pathname}/${url.search}` });
    res.end();
    return true;
  }
  // Pagefind's index chunks, fragments and filters are named by content hash, like /_astro/.
  const immutable = pathname.startsWith('/_astro/') || /^\/pagefind\/(fragment|index|filter)\//.test(pathname);
  // A precompressed sibling, when the client takes gzip. `file.path` is inside the root already,
  // so the sibling is too; the same URL then varies by Accept-Encoding, whichever is sent.
  const compressible = PRECOMPRESSED.has(extname(file.path));
  const gz = compressible ? await regularFile(`${file.path}.gz`) : null;
  const sent = gz && acceptsGzip(req.headers['accept-encoding']) ? gz : file;
  res.writeHead(options.status ?? 200, {
    'content-type': TYPES[extname(file.path)] ?? 'application/octet-stream',
    'content-length': sent.size,
    'last-modified': file.mtime.toUTCString(),
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
    'x-content-type-options': 'nosniff',
    ...(gz ? { vary: 'Accept-Encoding' } : {}),
    ...(sent === gz ? { 'content-encoding': 'gzip' } : {}),
  });
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  await new Promise<void>((done) => {
    const stream = createReadStream(sent.path);
    stream.on('error', () => {
      res.destroy();
      done();
    });
    stream.on('end', done);
    stream.pipe(res);
  });
  return true;
}
