/**
 * The subscription API's paths (issue 16 item 5), part of the one table in api-routes.ts. Apart so
 * a browser bundle carries them only in the subscription islands' chunks, not in the API client
 * every project page loads up front.
 */
export const PROJECT_SUBSCRIPTIONS_PATH = '/api/projects/:slug/subscriptions';
export const SUBSCRIPTION_CONFIRM_PATH = '/api/subscriptions/:id/confirm';
export const SUBSCRIPTION_UNSUBSCRIBE_PATH = '/api/subscriptions/:id/unsubscribe';

/**
 * The subscription pages: `subscribe` (`?project=<slug>`, linked from every project page) holds the
 * form; the mails link to the other two, which read `id` and `token` and ask before acting.
 */
export const SUBSCRIPTION_PAGES = {
  subscribe: '/subscriptions/',
  confirm: '/subscriptions/confirm/',
  unsubscribe: '/subscriptions/unsubscribe/',
} as const;
