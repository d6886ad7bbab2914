import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DonationsContext } from '../context.ts';
import { fromNodeRequest, writeNodeAnswer } from './api-exchange.ts';
import { text } from './respond.ts';
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
        const answer = await routeDonations(ctx, fromNodeRequest(req, origin), {
          socketAddress: req.socket.remoteAddress,
        });
        writeNodeAnswer(answer ?? text(404, 'Not Found', 'text/plain; charset=utf-8'), res);
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
