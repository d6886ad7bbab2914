/**
 * One server under load, in its own process (so the load generator and the server do not share an
 * event loop). Started by `bench/donations.ts` as
 *
 *   node --import tsx bench/donations/server.ts <bare|portal|node> <port>
 *
 * - `bare`:   a bare Node HTTP handler: reads the body, parses it (JSON or form, as sent) and
 *             answers 201 with a small JSON — the baseline every row is compared with;
 * - `portal`: what production runs: the publisher's portal server (`publisher/serve/portal-server.ts`)
 *             mounting the built Astro server bundle, whose API routes call `donations/http/handlers.ts`;
 * - `node`:   `donations/http/node-server.ts`, the plain Node server the integration tests and the
 *             reconciliation script use — the same handlers without Astro, for comparison.
 *
 * The donations configuration comes from the environment (`donations/config.ts`), set by the parent.
 * Prints one line `READY <url>` on stdout when it accepts connections.
 */
import { createServer, type Server } from 'node:http';
import { z } from 'zod';

const argsSchema = z.tuple([z.enum(['bare', 'portal', 'node']), z.coerce.number().int().min(1).max(65_535)]);
const [mode, port] = argsSchema.parse(process.argv.slice(2));
const host = '127.0.0.1';

function startBare(): Promise<Server> {
  let served = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let fields = 0;
      try {
        fields = /json/.test(req.headers['content-type'] ?? '')
          ? Object.keys(JSON.parse(text) as object).length
          : [...new URLSearchParams(text).keys()].length;
      } catch {
        res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' }).end('{"error":"bad body"}');
        return;
      }
      served++;
      res
        .writeHead(201, { 'content-type': 'application/json; charset=utf-8' })
        .end(JSON.stringify({ id: served, fields }));
    });
  });
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

async function startPortal(): Promise<Server> {
  const dataDir = process.env.XIANJIE_DATA_DIR;
  if (!dataDir) throw new Error('portal 模式需要 XIANJIE_DATA_DIR（其中 releases/current 指向构建结果）');
  const { ReleaseStore } = await import('../../publisher/releases/release-store.ts');
  const { startPortalServer } = await import('../../publisher/serve/portal-server.ts');
  const { readPublisherConfig } = await import('../../publisher/config.ts');
  return startPortalServer({
    store: new ReleaseStore(dataDir),
    host,
    port,
    status: async () => ({ bench: true }),
    config: readPublisherConfig(),
    webhook: async (_req, res) => {
      res.writeHead(404).end();
    },
  });
}

async function startNode(): Promise<Server> {
  const { readDonationsConfig } = await import('../../donations/config.ts');
  const { createDonationsContext } = await import('../../donations/context.ts');
  const { serveDonations } = await import('../../donations/http/node-server.ts');
  const ctx = await createDonationsContext(readDonationsConfig());
  const running = await serveDonations(ctx, { port, host });
  return running.server;
}

const server = mode === 'bare' ? await startBare() : mode === 'portal' ? await startPortal() : await startNode();
process.stdout.write(`READY http://${host}:${port}\n`);

// The parent ends us with SIGTERM; in-flight requests are not waited for (the parent has stopped
// sending and checks the ledger itself).
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2_000).unref();
});
