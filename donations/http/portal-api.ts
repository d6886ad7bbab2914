import type { IncomingMessage, ServerResponse } from 'node:http';
import { REPORTS_PATH, routePattern } from '../../content/index.ts';
import type { DonationsContext } from '../context.ts';
import { donations } from '../runtime.ts';
import { fromNodeRequest, writeNodeAnswer } from './api-exchange.ts';
import { json } from './respond.ts';
import { ownsPath, routeDonations } from './router.ts';

/**
 * The donations API as the portal serves it (issue 14 item 6): straight from the router on Node's
 * request and response, without Astro's route layer in between — that layer cost 0.3–0.45 ms of
 * CPU per order (BENCHMARKS.md), a third of an order's whole cost. The Astro routes under
 * `site/pages/api/` stay for `astro dev` and mount the same handlers.
 *
 * Not served here: the report form (`POST /api/reports`), whose answer to a browser is a page the
 * site renders (site/pages/reports/answer.astro) — it stays with Astro, as does any path the
 * table does not have (a team's poster: the router has no handler for it, the site draws it).
 * Returns false for those, before touching the request's body.
 */
export async function servePortalApi(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (REPORTS.test(path) || !ownsPath(path)) return false;
  let ctx: DonationsContext;
  try {
    ctx = await donations();
  } catch (error) {
    console.error(`捐赠模块无法启动：${(error as Error)?.message ?? String(error)}`);
    writeNodeAnswer(
      json(503, { error: { code: 'SERVICE_UNAVAILABLE', message: '捐赠服务暂时不可用，请稍后再试' } }),
      res,
    );
    return true;
  }
  // The configured site's origin, never the Host header a client wrote: the handlers read only
  // the path and the query from the URL.
  const request = fromNodeRequest(req, originOf(ctx.config.siteUrl));
  const answer = await routeDonations(ctx, request, { socketAddress: req.socket.remoteAddress ?? null });
  // ownsPath said the table has this path, so the router answers (405 for another method).
  writeNodeAnswer(answer ?? json(404, { error: { code: 'NOT_FOUND', message: '接口不存在' } }), res);
  return true;
}

const REPORTS = routePattern(REPORTS_PATH);

/** The site URL's origin, parsed once per URL (it is the same on every request). */
let origin: [string, string] | null = null;
function originOf(siteUrl: string): string {
  if (origin?.[0] !== siteUrl) origin = [siteUrl, new URL(siteUrl).origin];
  return origin[1];
}
