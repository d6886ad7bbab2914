import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { GIFT_VERIFIER_LOCAL, TEAM_MODERATION_PATH } from '../../content/index.ts';
import { servePortalApi, verifyGiftWithDonations } from '../../donations/index.ts';
import { serveWorkbench } from '../../referrals/index.ts';
import type { PublisherConfig } from '../config.ts';
import type { ReleaseStore } from '../releases/release-store.ts';
import { SEARCH_PATHS, searchLimiter } from './search-rate-limit.ts';
import { keepPortalPolicy, releasePolicies, securityHeaders } from './security-headers.ts';
import { serveStatic } from './static-files.ts';
import { fromThisMachine, publicStatus, statusViewOf } from './status-access.ts';

type AstroHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (() => void) | undefined,
  locals: Record<string, unknown>,
) => Promise<void>;

export interface PortalServerOptions {
  store: ReleaseStore;
  host: string;
  port: number;
  /** JSON for `GET /_publisher/status`, for this machine or a holder of `statusToken` only. */
  status: () => Promise<unknown>;
  /** The status token (status-access.ts) and the limit on server-rendered search results. */
  config: Pick<PublisherConfig, 'statusToken' | 'searchRateLimit'>;
  /**
   * The donor mail outbox as a page (`GET /_publisher/outbox`): it shows addresses, so only to a
   * loopback peer with no proxy in front, never with a token from outside.
   */
  outboxPage?: (() => Promise<string>) | undefined;
  /** Strapi's webhook (`POST /webhooks/strapi`). */
  webhook: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** The CMS's 团队处理 (`POST /webhooks/strapi/team-moderation`, publisher/webhook/team-moderation.ts). */
  teamModeration?: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

/**
 * Pages with `prerender = false` (site/pages/search/results.astro and its JSON, results.json.ts):
 * no static file exists for them, and each is a search: rate-limited (search-rate-limit.ts).
 */
const SERVER_PAGES = SEARCH_PATHS;
/** A 捐赠凭证's check (site/pages/verify/[code].astro): rendered per request with the ledger's answer. */
const VERIFY_PAGE = /^\/verify\/[A-Za-z0-9_-]{1,64}\/?$/;

function sendText(res: ServerResponse, status: number, text: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(text);
}

/**
 * One process on 127.0.0.1:4321: the live release's static files, the API routes, the
 * publisher's status (full to this machine or the token holder, the live release to others) and
 * the CMS webhook, every answer with the security headers. The donations API is answered by its own
 * router (`servePortalApi`); Astro renders the rest of `/api/` (the report form's answer pages)
 * and the server pages. The current release is looked up per request, so a
 * switch takes effect at once and requests in flight finish on the release they started with.
 *
 * The API's code is the same in every release (only content differs, and the API reads the live
 * snapshot through `releases/current/snapshot.json`), so its handler is loaded once: importing a
 * fresh server bundle per release would keep every old one in memory (ESM cannot be unloaded).
 * The release it came from is pinned against pruning (its route chunks load lazily). New API code
 * therefore takes effect on restart, which is how code is deployed anyway.
 */
export function startPortalServer(options: PortalServerOptions): Promise<Server> {
  let astro: Promise<AstroHandler> | null = null;
  const loadAstro = async (): Promise<AstroHandler> => {
    const id = await options.store.currentId();
    if (!id) throw new Error('尚无可用的线上版本');
    // The bundle imports each route's chunk on first use, from its own folder: that release must
    // outlive pruning for as long as this process serves from it.
    options.store.pin(id);
    const entry = options.store.serverEntryOf(id);
    const mod = (await import(pathToFileURL(entry).href)) as { handler: AstroHandler };
    return mod.handler;
  };

  const notFound = async (req: IncomingMessage, res: ServerResponse, root: string | null): Promise<void> => {
    if (root && (await serveStatic(root, req, res, { path: '/404.html', status: 404 }))) return;
    sendText(res, 404, '页面不存在');
  };

  const policyOf = releasePolicies();
  // Made now, not on the first outside request: a fresh data directory gets its token at start.
  const statusToken = options.config.statusToken();
  const limiter = searchLimiter(options.config.searchRateLimit);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const id = await options.store.currentId();
    const root = id ? options.store.clientDirOf(id) : null;
    // On every answer, whoever writes it (static files, Astro's handler, this file): set before
    // any of them calls writeHead, which keeps them.
    for (const [name, value] of Object.entries(securityHeaders(await policyOf(id, root)))) res.setHeader(name, value);

    if (path === '/_publisher/status' && req.method === 'GET') {
      const full = statusViewOf(req, statusToken) === 'full';
      const body = full ? await options.status() : await publicStatus(options.store);
      return sendText(res, 200, JSON.stringify(body, null, 2), 'application/json; charset=utf-8');
    }
    if (path === '/_publisher/outbox' && req.method === 'GET' && options.outboxPage) {
      if (!fromThisMachine(req)) return sendText(res, 403, '发件箱只对本机开放');
      return sendText(res, 200, await options.outboxPage(), 'text/html; charset=utf-8');
    }
    if (path === '/webhooks/strapi') return options.webhook(req, res);
    if (path === TEAM_MODERATION_PATH && options.teamModeration) return options.teamModeration(req, res);
    // The 衔接 workbench (/workbench/…): pages its own router renders per request, with their own
    // CSP and no-store; nothing of it is ever in a release.
    if (await serveWorkbench(req, res)) return;

    // Pages rendered per request (search results without JavaScript) go to Astro like the API.
    const verifyPage = VERIFY_PAGE.test(path);
    if (path.startsWith('/api/') || SERVER_PAGES.has(path) || verifyPage) {
      if (!id) return sendText(res, 503, '站点正在构建首个版本，请稍后再试');
      if (SERVER_PAGES.has(path)) {
        // Each one is a search on this process's CPU: a client gets its share, then waits.
        const decision = await limiter.hit(req);
        if (!decision.allowed) {
          res.setHeader('retry-after', String(decision.retryAfterSeconds));
          return sendText(res, 429, `搜索过于频繁，请 ${decision.retryAfterSeconds} 秒后再试。`);
        }
      }
      keepPortalPolicy(res);
      // The donations API from its own router on Node's request (its cost per order halves);
      // the report form's page answers and the server pages go on to Astro.
      if (!SERVER_PAGES.has(path) && !verifyPage && (await servePortalApi(req, res))) return;
      astro ??= loadAstro();
      const handler = await astro.catch((error: unknown) => {
        astro = null;
        throw error;
      });
      return handler(req, res, () => void notFound(req, res, root), {
        socketAddress: req.socket.remoteAddress ?? null,
        // The page may not import donations/ (DESIGN.md arrows): the portal hands it the verifier.
        ...(verifyPage ? { [GIFT_VERIFIER_LOCAL]: verifyGiftWithDonations } : {}),
      });
    }
    if (!root) return sendText(res, 503, '站点正在构建首个版本，请稍后再试');
    if (await serveStatic(root, req, res)) return;
    return notFound(req, res, root);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      process.stderr.write(`[portal] ${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}\n`);
      if (!res.headersSent) sendText(res, 500, '服务器内部错误');
      else res.destroy();
    });
  });
  server.on('close', () => void limiter.close());
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve(server));
  });
}
