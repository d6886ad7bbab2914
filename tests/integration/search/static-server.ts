import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

/**
 * A tiny static server for a Pagefind bundle and the test page: files under `root`, plus
 * in-memory routes (the page and the bundled client). Counts the bytes it sends, so a test can
 * tell what a first query costs. Listens on an ephemeral 127.0.0.1 port.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export interface StaticServer {
  url: string;
  bytesSent: () => number;
  close(): Promise<void>;
}

export async function startStaticServer(root: string, routes: Record<string, string> = {}): Promise<StaticServer> {
  const base = resolve(root);
  let sent = 0;
  const server: Server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const inMemory = routes[pathname];
    let body: Buffer | null = inMemory === undefined ? null : Buffer.from(inMemory);
    let type = TYPES[extname(pathname)] ?? (pathname.endsWith('/') ? TYPES['.html'] : 'application/octet-stream');
    if (body === null) {
      const file = normalize(join(base, decodeURIComponent(pathname)));
      if (file.startsWith(base + sep)) body = await readFile(file).catch(() => null);
      type = TYPES[extname(file)] ?? 'application/octet-stream';
    }
    if (body === null) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    sent += body.length;
    res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-cache' }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bytesSent: () => sent,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
