import { API_ROUTES, type ApiRouteName, apiErrorBody, routePattern } from '../../content/index.ts';
import {
  getVerifyGift,
  postMyErase,
  postMyGift,
  postMyLookup,
  postMyStatement,
  postMyVoucher,
  postReceiptStatuses,
} from '../after-gift/handlers.ts';
import type { DonationsContext } from '../context.ts';
import { postSubscription, postSubscriptionChange } from '../mail/handlers.ts';
import { getMonthlyOpenData, getMonthlyPlan, postMonthlyPlan, sandboxSign } from '../monthly/handlers.ts';
import { postReport } from '../reports/handlers.ts';
import type { ApiAnswer, ApiRequest } from './api-exchange.ts';
import {
  getCampaignStats,
  getMatchingOpenData,
  getPoolSettlement,
  getTeamAnswer,
  postCloseTeam,
  postHideTeam,
  postTeam,
} from './campaign-handlers.ts';
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
 * The paths of content/contracts/api-routes.ts (the Astro routes under site/pages/api/ are the same
 * table as files), for a plain Node server (tests,
 * benchmarks, the reconciliation script's sandbox gateway). Returns null for paths it does not own.
 */
type Handler = (
  ctx: DonationsContext,
  request: ApiRequest,
  url: URL,
  params: string[],
  meta: RequestMeta,
) => Promise<ApiAnswer>;

/** Each path of the table (content/contracts/api-routes.ts) with its handler per method. */
const HANDLERS: { [N in ApiRouteName]: Partial<Record<(typeof API_ROUTES)[N]['methods'][number], Handler>> } = {
  createDonation: { POST: (ctx, req, _u, _p, meta) => postDonation(ctx, req, meta) },
  report: { POST: (ctx, req, _u, _p, meta) => postReport(ctx, req, meta) },
  donation: { GET: (ctx, _r, _u, [id]) => getDonation(ctx, id ?? '') },
  alipayNotify: { POST: (ctx, req, _u, _p, meta) => postAlipayNotify(ctx, req, meta) },
  projectStats: { GET: (ctx, _r, _u, [slug]) => getStats(ctx, slug ?? '') },
  projectDonations: { GET: (ctx, _r, url, [slug]) => getProjectDonations(ctx, slug ?? '', url) },
  receiptRequests: { GET: (ctx, req, _u, [slug]) => getReceiptCsv(ctx, slug ?? '', req) },
  refunds: { POST: (ctx, req, _u, [slug]) => postRefund(ctx, slug ?? '', req) },
  campaignStats: { GET: (ctx, _r, _u, [slug]) => getCampaignStats(ctx, slug ?? '') },
  poolSettlement: { GET: (ctx, req, url, [slug]) => getPoolSettlement(ctx, slug ?? '', req, url) },
  matchingOpenData: { GET: (ctx) => getMatchingOpenData(ctx) },
  createTeam: { POST: (ctx, req, _u, _p, meta) => postTeam(ctx, req, meta) },
  team: { GET: (ctx, _r, _u, [id]) => getTeamAnswer(ctx, id ?? '') },
  closeTeam: { POST: (ctx, req, _u, [id]) => postCloseTeam(ctx, id ?? '', req) },
  // Drawn by the site's share-image renderer: its Astro route serves it (portal-api.ts).
  teamPoster: {},
  hideTeam: { POST: (ctx, req, _u, [slug, id]) => postHideTeam(ctx, slug ?? '', id ?? '', req) },
  projectSubscriptions: { POST: (ctx, req, _u, [slug], meta) => postSubscription(ctx, slug ?? '', req, meta) },
  subscriptionConfirm: { POST: (ctx, req, _u, [id]) => postSubscriptionChange(ctx, 'confirm', id ?? '', req) },
  subscriptionUnsubscribe: { POST: (ctx, req, _u, [id]) => postSubscriptionChange(ctx, 'unsubscribe', id ?? '', req) },
  sandboxGateway: { GET: (ctx, req) => sandboxGateway(ctx, req), POST: (ctx, req) => sandboxGateway(ctx, req) },
  sandboxCheckout: { GET: (ctx, req) => sandboxCheckout(ctx, req) },
  sandboxPay: { POST: (ctx, req) => sandboxPay(ctx, req) },
  myGift: { POST: (ctx, req, _u, _p, meta) => postMyGift(ctx, req, meta) },
  myLookup: { POST: (ctx, req, _u, _p, meta) => postMyLookup(ctx, req, meta) },
  myErase: { POST: (ctx, req, _u, _p, meta) => postMyErase(ctx, req, meta) },
  myVoucher: { POST: (ctx, req, _u, _p, meta) => postMyVoucher(ctx, req, meta) },
  myStatement: { POST: (ctx, req, _u, _p, meta) => postMyStatement(ctx, req, meta) },
  verifyGift: { GET: (ctx, _r, _u, [code]) => getVerifyGift(ctx, code ?? '') },
  receiptStatuses: { POST: (ctx, req, _u, [slug]) => postReceiptStatuses(ctx, slug ?? '', req) },
  monthlyPlan: {
    GET: (ctx, _r, _u, [token]) => getMonthlyPlan(ctx, token ?? ''),
    POST: (ctx, req, _u, [token]) => postMonthlyPlan(ctx, token ?? '', req),
  },
  sandboxSign: { POST: (ctx, req) => sandboxSign(ctx, req) },
  monthlyOpenData: { GET: (ctx) => getMonthlyOpenData(ctx) },
};

const ROUTES: [string, RegExp, Handler][] = (Object.keys(API_ROUTES) as ApiRouteName[]).flatMap((name) =>
  Object.entries(HANDLERS[name] as Record<string, Handler>).map(([method, handler]): [string, RegExp, Handler] => [
    method,
    routePattern(API_ROUTES[name].path),
    handler,
  ]),
);

/** Whether the table has `pathname` (any method): the router answers it, 405 for a method it lacks. */
export function ownsPath(pathname: string): boolean {
  return ROUTES.some(([, pattern]) => pattern.test(pathname));
}

export async function routeDonations(
  ctx: DonationsContext,
  request: ApiRequest,
  meta: RequestMeta = {},
): Promise<ApiAnswer | null> {
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
  return pathMatched ? json(405, apiErrorBody('METHOD_NOT_ALLOWED', '不支持的请求方法')) : null;
}
