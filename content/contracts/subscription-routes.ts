/**
 * The subscription API's paths (issue 16 item 5), part of the one table in api-routes.ts. Apart so
 * a browser bundle carries them only in the subscription islands' chunks, not in the API client
 * every project page loads up front.
 */
export const PROJECT_SUBSCRIPTIONS_PATH = '/api/projects/:slug/subscriptions';
export const SUBSCRIPTION_CONFIRM_PATH = '/api/subscriptions/:id/confirm';
export const SUBSCRIPTION_UNSUBSCRIBE_PATH = '/api/subscriptions/:id/unsubscribe';
