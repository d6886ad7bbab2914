/**
 * Serves the current release of `XIANJIE_DATA_DIR` (static files + API routes) without the CMS or
 * the rebuild machinery: for tests and benchmarks that need a release served exactly as production
 * serves it, in a process of their own. Its configuration (donations, site URL) comes from this
 * process's environment, so a caller sets it per child instead of changing its own.
 *
 *   node --import tsx publisher/serve/serve-release.ts <port>
 *
 * Prints `READY <url>` on stdout once it accepts connections; SIGTERM closes it.
 */
import { z } from 'zod';
import { readPublisherConfig } from '../config.ts';
import { ReleaseStore } from '../releases/release-store.ts';
import { startPortalServer } from './portal-server.ts';

const host = '127.0.0.1';
const [port] = z.tuple([z.coerce.number().int().min(1).max(65_535)]).parse(process.argv.slice(2));
// Never the default data directory: serving a developer's own `.data` by accident would mislead.
if (!process.env.XIANJIE_DATA_DIR?.trim())
  throw new Error('需要 XIANJIE_DATA_DIR（其中 releases/current 指向要提供的版本）');
const config = readPublisherConfig();

const server = await startPortalServer({
  store: new ReleaseStore(config.XIANJIE_DATA_DIR),
  host,
  port,
  status: async () => ({ release: 'current', cms: null }),
  config,
  webhook: async (_req, res) => {
    res
      .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
      .end('此进程只提供已发布的版本，没有内容管理系统');
  },
});
process.stdout.write(`READY http://${host}:${port}\n`);

process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2_000).unref();
});
