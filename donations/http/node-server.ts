import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { DonationsContext } from '../context.ts';
import { routeDonations } from './router.ts';

/**
 * Serves the donations API from a plain Node HTTP server — for tests over real HTTP, benchmarks,
 * and the reconciliation script (which needs the sandbox gateway reachable while it queries).
 */
export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export function toWebRequest(req: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    // @ts-expect-error Node's fetch needs duplex for a streamed body; lib.dom's RequestInit lacks it.
    duplex: hasBody ? 'half' : undefined,
  });
}

export async function writeWebResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    res.setHeader(name, value);
  });
  res.end(Buffer.from(await response.arrayBuffer()));
}

export async function serveDonations(
  context: DonationsContext | (() => DonationsContext),
  options: { port?: number; host?: string } = {},
): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  let origin = '';
  const server = createServer((req, res) => {
    const ctx = typeof context === 'function' ? context() : context;
    void (async () => {
      try {
        const response = await routeDonations(ctx, toWebRequest(req, origin), {
          socketAddress: req.socket.remoteAddress,
        });
        await writeWebResponse(response ?? new Response('Not Found', { status: 404 }), res);
      } catch (error) {
        ctx.log(`HTTP 服务错误：${(error as Error).message}`);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      }
    })();
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host}:${port}`;
  return {
    url: origin,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
