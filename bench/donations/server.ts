/**
 * One server under load, in its own process (so the load generator and the server do not share an
 * event loop), bundled for plain `node` by `child.ts`:
 *
 *   node .data/bench/donations/server-plain.mjs <bare|floor|node> <port>
 *
 * - `bare`:   a bare Node HTTP handler: reads the body, parses it (JSON or form, as sent) and
 *             answers 201 with a small JSON — the baseline of what HTTP and JSON cost here;
 * - `floor`:  the same-work floor of order creation (`floor.ts`): parse, validate, sign, one
 *             SQLite insert, 201 — what a minimal correct endpoint costs;
 * - `node`:   `donations/http/node-server.ts`, the plain Node server the integration tests and the
 *             reconciliation script use — the same handlers without Astro, for comparison.
 *
 * The portal rows do not start here: they run the publisher's own `serve-release` program, built
 * as production runs it or under tsx (`child.ts`).
 *
 * The donations configuration comes from the environment (`donations/config.ts`), set by the parent.
 * Prints one line `READY <url>` on stdout when it accepts connections.
 */
import { createServer, type Server } from 'node:http';
import { z } from 'zod';

const argsSchema = z.tuple([z.enum(['bare', 'floor', 'node']), z.coerce.number().int().min(1).max(65_535)]);
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

async function startNode(): Promise<Server> {
  const { readDonationsConfig } = await import('../../donations/config.ts');
  const { createDonationsContext } = await import('../../donations/context.ts');
  const { serveDonations } = await import('../../donations/http/node-server.ts');
  const ctx = await createDonationsContext(readDonationsConfig());
  const running = await serveDonations(ctx, { port, host });
  return running.server;
}

const server =
  mode === 'bare'
    ? await startBare()
    : mode === 'floor'
      ? await (await import('./floor.ts')).startFloor(port, host)
      : await startNode();
process.stdout.write(`READY http://${host}:${port}\n`);

// The parent ends us with SIGTERM; in-flight requests are not waited for (the parent has stopped
// sending and checks the ledger itself).
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2_000).unref();
});
