import type { Core } from '@strapi/strapi';

/**
 * Strapi 5's Content API lets any caller pass `?status=draft` and read drafts of whatever it may
 * `find`. For anonymous callers (users-permissions' public role: authenticated with `credentials:
 * null`) we force `status=published`. Callers with an API token or a user keep the parameter:
 * their permissions are their own business.
 *
 * Runs as a route middleware (after authentication) on the find/findOne routes of our types.
 */
const forcePublished: Core.MiddlewareFactory = () => async (ctx, next) => {
  const credentials = (ctx.state.auth as { credentials?: unknown } | undefined)?.credentials;
  if (credentials === null || credentials === undefined) {
    // Mutated in place: Strapi caches the parsed query per querystring, and assigning `ctx.query`
    // would re-stringify it (qs) and lose strict null handling.
    const query = ctx.query as Record<string, unknown>;
    if (query.status !== undefined && query.status !== 'published') query.status = 'published';
  }
  await next();
};

export default forcePublished;
