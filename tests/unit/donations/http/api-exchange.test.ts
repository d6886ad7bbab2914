import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DonationError } from '../../../../donations/errors.ts';
import {
  type ApiRequest,
  fromNodeRequest,
  fromWebRequest,
  toWebResponse,
  writeNodeAnswer,
} from '../../../../donations/http/api-exchange.ts';
import { readLimitedText } from '../../../../donations/http/body.ts';

/**
 * Sends one request to a real Node server whose handler reads it through `fromNodeRequest`
 * (the portal's path) and answers with what `inspect` returns.
 */
async function overNode(
  send: { method?: string; path?: string; headers?: Record<string, string | string[]>; chunks?: string[] },
  inspect: (request: ApiRequest) => Promise<unknown>,
): Promise<{ status: number; body: string; connection: string | undefined }> {
  const server = createServer((req: IncomingMessage, res) => {
    void inspect(fromNodeRequest(req, 'https://xianjie.example'))
      .then((value) =>
        writeNodeAnswer(
          { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) },
          res,
        ),
      )
      .catch((error: unknown) => {
        const e = error as DonationError;
        writeNodeAnswer({ status: e.status ?? 500, headers: {}, body: e.code ?? String(error) }, res);
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: send.method ?? 'POST',
          path: send.path ?? '/api/x?a=1',
          headers: send.headers,
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => {
            body += c;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection }));
        },
      );
      req.on('error', reject);
      for (const chunk of send.chunks ?? []) req.write(chunk);
      req.end();
    });
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

describe('fromNodeRequest (the portal serves the API on Node’s request)', () => {
  it('gives the method, the URL on the given origin (never the Host header) and headers by any case', async () => {
    const seen = await overNode(
      {
        method: 'GET',
        path: '/api/projects/a/stats?x=%E4%B8%AD',
        headers: { host: 'evil.example', 'X-Forwarded-For': '1.2.3.4' },
      },
      async (r) => ({
        method: r.method,
        url: r.url,
        xff: r.header('X-FORWARDED-FOR'),
        none: r.header('authorization'),
      }),
    );
    expect(JSON.parse(seen.body)).toEqual({
      method: 'GET',
      url: 'https://xianjie.example/api/projects/a/stats?x=%E4%B8%AD',
      xff: '1.2.3.4',
      none: null,
    });
  });

  it('reads a body sent in several chunks as one UTF-8 text', async () => {
    const seen = await overNode({ chunks: ['{"name":"', '张', '三"}'] }, (r) => readLimitedText(r, 1024));
    expect(JSON.parse(seen.body)).toBe('{"name":"张三"}');
  });

  it('refuses a chunked body past the limit with 413 BODY_TOO_LARGE and closes the connection', async () => {
    const seen = await overNode({ chunks: ['x'.repeat(600), 'y'.repeat(600)] }, (r) => readLimitedText(r, 1000));
    expect(seen).toMatchObject({ status: 413, body: 'BODY_TOO_LARGE', connection: 'close' });
  });

  it('refuses a declared Content-Length past the limit before reading', async () => {
    let read = false;
    const seen = await overNode({ headers: { 'content-length': '2000' }, chunks: ['z'.repeat(2000)] }, async (r) => {
      const limited = {
        ...r,
        bytes: (limit: number) => {
          read = true;
          return r.bytes(limit);
        },
      };
      return readLimitedText(limited, 1000);
    });
    expect(seen.status).toBe(413);
    expect(read).toBe(false);
  });

  it('refuses bytes that are not UTF-8 with 400 INVALID_BODY', async () => {
    const r: ApiRequest = {
      ...fromWebRequest(new Request('https://x.example/', { method: 'POST', body: new Uint8Array([0xff, 0xfe]) })),
    };
    await expect(readLimitedText(r, 100)).rejects.toMatchObject({ status: 400, code: 'INVALID_BODY' });
  });
});

describe('fromWebRequest and toWebResponse (the Astro routes)', () => {
  it('reads the same body and headers as the web request has', async () => {
    const r = fromWebRequest(
      new Request('https://x.example/api/donations', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"a":1}',
      }),
    );
    expect(r.header('content-type')).toBe('application/json');
    expect(await readLimitedText(r, 100)).toBe('{"a":1}');
  });

  it('refuses a streamed body past the limit', async () => {
    const r = fromWebRequest(new Request('https://x.example/', { method: 'POST', body: 'x'.repeat(200) }));
    await expect(r.bytes(100)).rejects.toBeInstanceOf(DonationError);
  });

  it('turns an answer into a Response with its status, headers and body', async () => {
    const response = toWebResponse({
      status: 409,
      headers: { 'content-type': 'application/json', 'retry-after': '3' },
      body: '{"e":1}',
    });
    expect(response.status).toBe(409);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(await response.text()).toBe('{"e":1}');
  });
});
