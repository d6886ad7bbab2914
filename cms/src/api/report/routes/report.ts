/**
 * Reports have no core routes (nothing can list or read them over the Content API). The intake
 * authenticates the portal itself (a bearer secret of its own, not an API token: tokens are
 * managed by people in the admin, this one by the two programs); the counts are public — they
 * are printed on the transparency page anyway.
 */
export default {
  type: 'content-api',
  routes: [
    {
      method: 'POST',
      path: '/reports/intake',
      handler: 'api::report.report.intake',
      config: { auth: false },
    },
    {
      method: 'GET',
      path: '/reports/stats',
      handler: 'api::report.report.stats',
      config: { auth: false },
    },
  ],
};
