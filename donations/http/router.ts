import type { DonationsContext } from '../context.ts';
import { postReport } from '../reports/handlers.ts';
import {
  getDonation,
  getProjectDonations,
  getReceiptCsv,
  getStats,
  postAlipayNotify,
  postDonation,
  postRefund,
  type RequestMeta,
  sandboxCheckout,
  sandboxGateway,
  sandboxPay,
} from './handlers.ts';
import { json } from './respond.ts';

/**
 * The same paths as the Astro routes under site/pages/api/, for a plain Node server (tests,
 * benchmarks, the reconciliation script's sandbox gateway). Returns null for paths it does not own.
 */
type Handler = (
  ctx: DonationsContext,
  request: Request,
  url: URL,
  params: string[],
  meta: RequestMeta,
) => Promise<Response>;

const ROUTES: [string, RegExp, Handler][] = [
  ['POST', /^\/api\/donations\/?$/, (ctx, req, _u, _p, meta) => postDonation(ctx, req, meta)],
  ['POST', /^\/api\/reports\/?$/, (ctx, req, _u, _p, meta) => postReport(ctx, req, meta)],
  ['GET', /^\/api\/donations\/([^/]+)\/?$/, (ctx, _r, _u, [id]) => getDonation(ctx, id ?? '')],
  ['POST', /^\/api\/payments\/alipay\/notify\/?$/, (ctx, req, _u, _p, meta) => postAlipayNotify(ctx, req, meta)],
  ['GET', /^\/api\/projects\/([^/]+)\/stats\/?$/, (ctx, _r, _u, [slug]) => getStats(ctx, slug ?? '')],
  [
    'GET',
    /^\/api\/projects\/([^/]+)\/donations\/?$/,
    (ctx, _r, url, [slug]) => getProjectDonations(ctx, slug ?? '', url),
  ],
  [
    'GET',
    /^\/api\/charities\/([^/]+)\/receipt-requests\.csv$/,
    (ctx, req, _u, [slug]) => getReceiptCsv(ctx, slug ?? '', req),
  ],
  ['POST', /^\/api\/charities\/([^/]+)\/refunds\/?$/, (ctx, req, _u, [slug]) => postRefund(ctx, slug ?? '', req)],
  ['GET', /^\/api\/payments\/sandbox\/gateway\/?$/, (ctx, req) => sandboxGateway(ctx, req)],
  ['POST', /^\/api\/payments\/sandbox\/gateway\/?$/, (ctx, req) => sandboxGateway(ctx, req)],
  ['GET', /^\/api\/payments\/sandbox\/checkout\/?$/, (ctx, _r, url) => sandboxCheckout(ctx, url)],
  ['POST', /^\/api\/payments\/sandbox\/pay\/?$/, (ctx, req) => sandboxPay(ctx, req)],
];

export async function routeDonations(
  ctx: DonationsContext,
  request: Request,
  meta: RequestMeta = {},
): Promise<Response | null> {
  const url = new URL(request.url);
  let pathMatched = false;
  for (const [method, pattern, handler] of ROUTES) {
    const m = pattern.exec(url.pathname);
    if (!m) continue;
    pathMatched = true;
    if (method !== request.method) continue;
    const params = m.slice(1).map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
    return handler(ctx, request, url, params, meta);
  }
  return pathMatched ? json(405, { error: { code: 'METHOD_NOT_ALLOWED', message: '不支持的请求方法' } }) : null;
}
