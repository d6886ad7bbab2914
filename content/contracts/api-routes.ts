// In their own module so that only the subscription islands' chunks carry them.

/**
 * The one table of the donations API's paths (DESIGN.md contracts). The Astro routes under
 * `site/pages/api/` are files named after these paths (a unit test holds the two together), the
 * plain-Node router (`donations/http/router.ts`) matches requests with `routePattern`, and the
 * browser and the API build their URLs with `fillPath` / `apiPath`. It imports nothing but its
 * sibling path constants (no zod): the project page's islands build their URLs with it.
 */
/*
 * Each path is its own constant so a browser bundle carries only the paths it uses (the project
 * page's up-front script is within a few hundred bytes of its 70 KB budget).
 */
// After the gift (issue 16): /my/'s paths live beside its other contracts, so the project page's
// bundle (which shares this module with /my/'s island) does not carry them.
import {
  MY_ERASE_PATH,
  MY_GIFT_PATH,
  MY_LOOKUP_PATH,
  MY_STATEMENT_PATH,
  MY_VOUCHER_PATH,
  VERIFY_GIFT_PATH,
} from './my-gift-link.ts';
import {
  PROJECT_SUBSCRIPTIONS_PATH,
  SUBSCRIPTION_CONFIRM_PATH,
  SUBSCRIPTION_UNSUBSCRIBE_PATH,
} from './subscription-routes.ts';

export const CREATE_DONATION_PATH = '/api/donations';
export const DONATION_PATH = '/api/donations/:donationId';
export const ALIPAY_NOTIFY_PATH = '/api/payments/alipay/notify';
export const PROJECT_STATS_PATH = '/api/projects/:slug/stats';
export const PROJECT_DONATIONS_PATH = '/api/projects/:slug/donations';
export const RECEIPT_REQUESTS_PATH = '/api/charities/:slug/receipt-requests.csv';
export const REFUNDS_PATH = '/api/charities/:slug/refunds';
export const REPORTS_PATH = '/api/reports';
export const CAMPAIGN_STATS_PATH = '/api/campaigns/:slug/stats';
export const POOL_SETTLEMENT_PATH = '/api/matching-pools/:slug/settlement.csv';
export const MATCHING_OPEN_DATA_PATH = '/api/open-data/matching.json';
export const TEAMS_PATH = '/api/teams';
export const TEAM_PATH = '/api/teams/:teamId';
export const TEAM_CLOSE_PATH = '/api/teams/:teamId/close';
/** A team's poster (PNG): drawn by the site's share-image renderer, so Astro serves it. */
export const TEAM_POSTER_PATH = '/api/teams/:teamId/poster.png';
export const TEAM_HIDE_PATH = '/api/charities/:slug/teams/:teamId/hide';
export { PROJECT_SUBSCRIPTIONS_PATH, SUBSCRIPTION_CONFIRM_PATH, SUBSCRIPTION_UNSUBSCRIBE_PATH };
export const SANDBOX_GATEWAY_PATH = '/api/payments/sandbox/gateway';
export const SANDBOX_CHECKOUT_PATH = '/api/payments/sandbox/checkout';
export const SANDBOX_PAY_PATH = '/api/payments/sandbox/pay';
export const RECEIPT_STATUSES_PATH = '/api/charities/:slug/receipt-statuses';
export const MONTHLY_PLAN_PATH = '/api/monthly/:token';
export const SANDBOX_SIGN_PATH = '/api/payments/sandbox/sign';
export const MONTHLY_OPEN_DATA_PATH = '/api/open-data/monthly.json';

export const API_ROUTES = {
  createDonation: { methods: ['POST'], path: CREATE_DONATION_PATH },
  donation: { methods: ['GET'], path: DONATION_PATH },
  alipayNotify: { methods: ['POST'], path: ALIPAY_NOTIFY_PATH },
  projectStats: { methods: ['GET'], path: PROJECT_STATS_PATH },
  projectDonations: { methods: ['GET'], path: PROJECT_DONATIONS_PATH },
  receiptRequests: { methods: ['GET'], path: RECEIPT_REQUESTS_PATH },
  refunds: { methods: ['POST'], path: REFUNDS_PATH },
  report: { methods: ['POST'], path: REPORTS_PATH },
  campaignStats: { methods: ['GET'], path: CAMPAIGN_STATS_PATH },
  poolSettlement: { methods: ['GET'], path: POOL_SETTLEMENT_PATH },
  matchingOpenData: { methods: ['GET'], path: MATCHING_OPEN_DATA_PATH },
  createTeam: { methods: ['POST'], path: TEAMS_PATH },
  team: { methods: ['GET'], path: TEAM_PATH },
  closeTeam: { methods: ['POST'], path: TEAM_CLOSE_PATH },
  teamPoster: { methods: ['GET'], path: TEAM_POSTER_PATH },
  hideTeam: { methods: ['POST'], path: TEAM_HIDE_PATH },
  projectSubscriptions: { methods: ['POST'], path: PROJECT_SUBSCRIPTIONS_PATH },
  subscriptionConfirm: { methods: ['POST'], path: SUBSCRIPTION_CONFIRM_PATH },
  subscriptionUnsubscribe: { methods: ['POST'], path: SUBSCRIPTION_UNSUBSCRIBE_PATH },
  sandboxGateway: { methods: ['GET', 'POST'], path: SANDBOX_GATEWAY_PATH },
  sandboxCheckout: { methods: ['GET'], path: SANDBOX_CHECKOUT_PATH },
  sandboxPay: { methods: ['POST'], path: SANDBOX_PAY_PATH },
  myGift: { methods: ['POST'], path: MY_GIFT_PATH },
  myLookup: { methods: ['POST'], path: MY_LOOKUP_PATH },
  myErase: { methods: ['POST'], path: MY_ERASE_PATH },
  myVoucher: { methods: ['POST'], path: MY_VOUCHER_PATH },
  myStatement: { methods: ['POST'], path: MY_STATEMENT_PATH },
  verifyGift: { methods: ['GET'], path: VERIFY_GIFT_PATH },
  receiptStatuses: { methods: ['POST'], path: RECEIPT_STATUSES_PATH },
  monthlyPlan: { methods: ['GET', 'POST'], path: MONTHLY_PLAN_PATH },
  sandboxSign: { methods: ['POST'], path: SANDBOX_SIGN_PATH },
  monthlyOpenData: { methods: ['GET'], path: MONTHLY_OPEN_DATA_PATH },
} as const satisfies Record<string, { methods: readonly ('GET' | 'POST')[]; path: string }>;

export type ApiRouteName = keyof typeof API_ROUTES;

/** `fillPath(PROJECT_STATS_PATH, { slug })` → `/api/projects/<slug>/stats`, each parameter URI-encoded. */
export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`${path}：缺少参数 ${key}`);
    return encodeURIComponent(value);
  });
}

/** `apiPath('projectStats', { slug })`: the same, by the table's name. */
export function apiPath(name: ApiRouteName, params: Record<string, string> = {}): string {
  return fillPath(API_ROUTES[name].path, params);
}

/**
 * The pattern a request path is matched with: each `:param` is one segment (captured, in order);
 * a trailing slash is allowed except after a file name (`.csv`).
 */
export function routePattern(path: string): RegExp {
  const body = path
    .split('/')
    .map((part) => (part.startsWith(':') ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('\\/');
  return new RegExp(`^${body}${/\.[a-z]+$/.test(path) ? '' : '\\/?'}$`);
}
