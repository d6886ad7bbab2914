import type { Core } from '@strapi/strapi';

/**
 * Per-request memo: an admin request evaluates the same condition for ~20 permissions (one per
 * action and type), the guard asks again, and a list response checks the same related entries
 * once per row; one look-up per request is enough. Keyed by the Koa context, so nothing outlives
 * the request and a later request sees fresh data. Outside a request (bootstrap, scripts) nothing
 * is remembered.
 */

const perRequest = new WeakMap<object, Map<string, Promise<unknown>>>();

export function requestMemo<T>(strapi: Core.Strapi, key: string, load: () => Promise<T>): Promise<T> {
  const ctx = strapi.requestContext.get() as object | undefined;
  if (!ctx) return load();
  let cache = perRequest.get(ctx);
  if (!cache) {
    cache = new Map();
    perRequest.set(ctx, cache);
  }
  const hit = cache.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const value = load();
  cache.set(key, value);
  // A failed look-up must not be remembered for the rest of the request.
  value.catch(() => cache.delete(key));
  return value;
}
