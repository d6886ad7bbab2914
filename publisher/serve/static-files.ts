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
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

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
  res.writeHead(options.status ?? 200, {
    'content-type': TYPES[extname(file.path)] ?? 'application/octet-stream',
    'content-length': file.size,
    'last-modified': file.mtime.toUTCString(),
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  await new Promise<void>((done) => {
    const stream = createReadStream(file.path);
    stream.on('error', () => {
      res.destroy();
      done();
    });
    stream.on('end', done);
    stream.pipe(res);
  });
  return true;
}
