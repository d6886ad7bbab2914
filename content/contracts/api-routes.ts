/**
 * The one table of the donations API's paths (DESIGN.md contracts). The Astro routes under
 * `site/pages/api/` are files named after these paths (a unit test holds the two together), the
 * plain-Node router (`donations/http/router.ts`) matches requests with `routePattern`, and the
 * browser and the API build their URLs with `apiPath`. It imports nothing (no zod): the project
 * page's islands build their URLs with it.
 */
export const API_ROUTES = {
  createDonation: { methods: ['POST'], path: '/api/donations' },
  donation: { methods: ['GET'], path: '/api/donations/:donationId' },
  alipayNotify: { methods: ['POST'], path: '/api/payments/alipay/notify' },
  projectStats: { methods: ['GET'], path: '/api/projects/:slug/stats' },
  projectDonations: { methods: ['GET'], path: '/api/projects/:slug/donations' },
  receiptRequests: { methods: ['GET'], path: '/api/charities/:slug/receipt-requests.csv' },
  refunds: { methods: ['POST'], path: '/api/charities/:slug/refunds' },
  report: { methods: ['POST'], path: '/api/reports' },
  sandboxGateway: { methods: ['GET', 'POST'], path: '/api/payments/sandbox/gateway' },
  sandboxCheckout: { methods: ['GET'], path: '/api/payments/sandbox/checkout' },
  sandboxPay: { methods: ['POST'], path: '/api/payments/sandbox/pay' },
} as const satisfies Record<string, { methods: readonly ('GET' | 'POST')[]; path: string }>;

export type ApiRouteName = keyof typeof API_ROUTES;

/** `apiPath('projectStats', { slug })` → `/api/projects/<slug>/stats`, each parameter URI-encoded. */
export function apiPath(name: ApiRouteName, params: Record<string, string> = {}): string {
  return API_ROUTES[name].path.replace(/:([A-Za-z]+)/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`apiPath(${name})：缺少参数 ${key}`);
    return encodeURIComponent(value);
  });
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
