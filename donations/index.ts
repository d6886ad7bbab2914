/**
 * The face of `donations/` for the two rooms that may reach it (DESIGN.md "Arrows point one way"):
 * the thin Astro API routes under `site/pages/api/` mount its request handlers, and the publisher
 * (which serves those routes) shares its client-limit rules and empties its report outbox. Nothing
 * else of donations is imported from outside; what the browser needs (the request schema, amount
 * bounds, the error shape, API paths) is a contract in `content/`.
 */

// After the gift: the portal passes the 凭证 verifier to the /verify/<code> page (site/pages/verify/).
export {
  getVerifyGift,
  postMyErase,
  postMyGift,
  postMyLookup,
  postMyStatement,
  postMyVoucher,
  postReceiptStatuses,
} from './after-gift/handlers.ts';
export { verifyGiftWithDonations } from './after-gift/verify-page.ts';
export { clientKey, normaliseIp } from './client-ip.ts';
// The publisher: configuration, the same client rules for its own limit, the report outbox.
export { type ClientLimits, type DonationsConfig, readClientLimits, readDonationsConfig } from './config.ts';
// The API routes: one process-wide context per handler call, and the handlers themselves.
export { socketAddressOf, withDonations } from './http/astro-glue.ts';
export {
  getCampaignStats,
  getMatchingOpenData,
  getPoolSettlement,
  getTeamAnswer,
  getTeamPoster,
  postCloseTeam,
  postHideTeam,
  postTeam,
  postTeamModeration,
} from './http/campaign-handlers.ts';
export {
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
} from './http/handlers.ts';
// The portal (publisher/serve): the API straight on Node's request, without Astro's route layer.
export { servePortalApi } from './http/portal-api.ts';
export type { MailDeliveryOptions, MailDeliveryRun } from './mail/deliver.ts';
// Mail to donors (issue 16 item 5): the subscription routes; the publisher's queue and outbox page.
export { postSubscription, postSubscriptionChange } from './mail/handlers.ts';
export { type MailQueue, openMailQueue } from './mail/mail-queue.ts';
export { type OutboxMessage, readOutbox } from './mail/outbox-view.ts';
export { getMonthlyOpenData, getMonthlyPlan, postMonthlyPlan, sandboxSign } from './monthly/handlers.ts';
export { createRateLimiter, type RateDecision } from './rate-limit.ts';
export { receiveReport } from './reports/handlers.ts';
export {
  type DeliveryOptions,
  deliverDueReports,
  openReportOutbox,
  type ReportSink,
} from './reports/outbox.ts';
// The publisher's 团队处理 route (CMS → portal, webhook secret): the process-wide context.
export { donations } from './runtime.ts';
export type { PublicTeam } from './teams/store.ts';
