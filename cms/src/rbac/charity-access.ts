import type { Core, UID } from '@strapi/strapi';
import { STRAPI_COLLECTIONS } from '../lib/content.ts';
import { type OwnedCollection, ownerPopulate } from './ownership.ts';

/**
 * Database look-ups behind the ownership rules: which charities an admin user edits, which
 * charity an API token is bound to, and the stored versions of a document with their owners.
 * Always `strapi.db.query` (the Query Engine), never the Document Service, so that the owner
 * guard middleware never runs itself.
 */

export const CHARITY_UID = STRAPI_COLLECTIONS.charities.uid;
export const TOKEN_BINDING_UID = 'api::charity-api-token.charity-api-token';

/**
 * Per-request memo: an admin request evaluates the same condition for ~20 permissions (one per
 * action and type) and the guard asks again; one query per request is enough. Keyed by the Koa
 * context, so nothing outlives the request and a later request sees fresh `charity.editors`.
 */
const perRequest = new WeakMap<object, Map<string, Promise<unknown>>>();

function memo<T>(strapi: Core.Strapi, key: string, load: () => Promise<T>): Promise<T> {
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

/**
 * DocumentIds of the charities whose `editors` include the admin user. Read from the DRAFT rows:
 * the draft is what a super admin last saved, so adding or removing an editor takes effect at
 * once instead of at the charity's next publish.
 */
export function charitiesEditedBy(strapi: Core.Strapi, userId: number | string): Promise<string[]> {
  return memo(strapi, `editor:${userId}`, async () => {
    const rows = (await strapi.db.query(CHARITY_UID).findMany({
      where: { publishedAt: null, editors: { id: userId } },
      select: ['documentId'],
    })) as { documentId: string }[];
    return [...new Set(rows.map((r) => r.documentId))];
  });
}

/** The documentId of the charity an API token is bound to, or null for an unbound token. */
export function charityOfToken(strapi: Core.Strapi, tokenId: number | string): Promise<string | null> {
  return memo(strapi, `token:${tokenId}`, async () => {
    const row = (await strapi.db.query(TOKEN_BINDING_UID as UID.Schema).findOne({
      where: { token: { id: tokenId } },
      select: ['charityDocumentId'],
    })) as { charityDocumentId?: string } | null;
    return row?.charityDocumentId ?? null;
  });
}

/** Every stored version (draft and published, all locales) of a document, with what decides its owner. */
export async function loadVersions(
  strapi: Core.Strapi,
  collection: OwnedCollection,
  documentId: string,
): Promise<Record<string, unknown>[]> {
  return (await strapi.db.query(STRAPI_COLLECTIONS[collection].uid).findMany({
    where: { documentId },
    select: ['id', 'documentId', 'publishedAt'],
    populate: ownerPopulate(collection),
  })) as Record<string, unknown>[];
}
