import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsGzip, serveStatic } from '../../../../publisher/serve/static-files.ts';

/**
 * The publisher's static handler over a real HTTP server on 127.0.0.1 and a temporary release
 * folder: precompressed `.gz` siblings go out with Content-Encoding only to clients that accept
 * gzip, and never from outside the release.
 */
const JS = `export const x = "${'衔接'.repeat(500)}";\n`;
let dir: string;
let root: string;
let server: Server;
let base: string;

interface Got {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A raw request (no automatic decompression), with the path sent exactly as given. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers, path }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xianjie-static-'));
  root = join(dir, 'release');
  await mkdir(join(root, 'pagefind', 'fragment'), { recursive: true });
  await writeFile(join(root, 'pagefind', 'pagefind.js'), JS);
  await writeFile(join(root, 'pagefind', 'pagefind.js.gz'), gzipSync(JS));
  await writeFile(join(root, 'pagefind', 'plain.js'), 'export {};\n');
  await writeFile(join(root, 'pagefind', 'vocabulary.json.gz'), gzipSync('{"terms":[]}'));
  // Already gzipped by Pagefind: a stray sibling must not make it gzip-in-gzip.
  await writeFile(join(root, 'pagefind', 'fragment', 'a.pf_fragment'), gzipSync('fragment'));
  await writeFile(join(root, 'pagefind', 'fragment', 'a.pf_fragment.gz'), gzipSync(gzipSync('fragment')));
  // A directory where a sibling would be: ignored.
  await writeFile(join(root, 'dir.js'), 'export {};\n');
  await mkdir(join(root, 'dir.js.gz'));
  await writeFile(join(root, 'dir.js.gz', 'index.html'), '<p>not a sibling</p>');
  // Outside the release root.
  await writeFile(join(dir, 'secret.js'), 'secret');
  await writeFile(join(dir, 'secret.js.gz'), gzipSync('secret'));
  server = createServer((req, res) => {
    serveStatic(root, req, res).then(
      (served) => {
        if (!served) res.writeHead(404).end();
      },
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
  await rm(dir, { recursive: true, force: true });
});

describe('静态文件：预压缩的 .gz', () => {
  it('客户端接受 gzip：发送 .gz，Content-Encoding: gzip、Vary、长度是压缩后的，解压后与原文件相同', async () => {
    const r = await get('/pagefind/pagefind.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(r.headers.vary).toBe('Accept-Encoding');
    expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    expect(r.body.length).toBeLessThan(Buffer.byteLength(JS));
    expect(gunzipSync(r.body).toString()).toBe(JS);
  });

  it('不接受 gzip（没有 Accept-Encoding、gzip;q=0、只要 br）：原文件，不带 Content-Encoding，仍带 Vary', async () => {
    const cases: Record<string, string>[] = [{}, { 'accept-encoding': 'gzip;q=0, br' }, { 'accept-encoding': 'br' }];
    for (const headers of cases) {
      const r = await get('/pagefind/pagefind.js', headers);
      expect(r.headers['content-encoding'], JSON.stringify(headers)).toBeUndefined();
      expect(r.headers.vary).toBe('Accept-Encoding');
      expect(r.body.toString()).toBe(JS);
    }
  });

  it('HEAD 给出压缩后的长度，没有正文', async () => {
    const r = await get('/pagefind/pagefind.js', { 'accept-encoding': 'gzip' }, 'HEAD');
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(Number(r.headers['content-length'])).toBeLessThan(Buffer.byteLength(JS));
    expect(r.body.length).toBe(0);
  });

  it('没有 .gz 兄弟文件的照常发送，不带 Vary；兄弟“文件”是目录时也一样', async () => {
    for (const path of ['/pagefind/plain.js', '/dir.js']) {
      const r = await get(path, { 'accept-encoding': 'gzip' });
      expect(r.headers['content-encoding'], path).toBeUndefined();
      expect(r.headers.vary, path).toBeUndefined();
      expect(r.body.toString()).toBe('export {};\n');
    }
  });

  it('直接请求 .gz 文件：按原样发送，不加 Content-Encoding（客户端自己解压 vocabulary.json.gz）', async () => {
    const r = await get('/pagefind/vocabulary.json.gz', { 'accept-encoding': 'gzip' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(gunzipSync(r.body).toString()).toBe('{"terms":[]}');
  });

  it('Pagefind 已压缩的块不会再被压缩一次', async () => {
    const r = await get('/pagefind/fragment/a.pf_fragment', { 'accept-encoding': 'gzip' });
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(gunzipSync(r.body).toString()).toBe('fragment');
  });

  it('路径穿越拿不到发布目录以外的文件，也拿不到它的 .gz', async () => {
    for (const path of ['/../secret.js', '/%2e%2e/secret.js', '/pagefind/..%2f..%2fsecret.js', '/..%2fsecret.js.gz']) {
      const r = await get(path, { 'accept-encoding': 'gzip' });
      expect(r.status, path).toBe(404);
      expect(r.body.toString(), path).not.toContain('secret');
      expect(r.headers['content-encoding'], path).toBeUndefined();
    }
  });
});

describe('acceptsGzip', () => {
  it.each([
    ['gzip', true],
    ['GZIP', true],
    ['deflate, gzip;q=0.5', true],
    ['x-gzip', true],
    ['*', true],
    ['br, *;q=0.1', true],
    ['gzip;q=0', false],
    ['*, gzip;q=0', false],
    ['*;q=0', false],
    ['br', false],
    ['identity', false],
    ['', false],
    ['gzip;q=abc', false],
  ])('%j → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
  it('没有头或多个头', () => {
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip(['br', 'gzip'])).toBe(true);
  });
});
