import type { Core, UID } from '@strapi/strapi';
import { STRAPI_COLLECTIONS } from '../lib/content.ts';
import { type OwnedCollection, ownerPopulate } from './ownership.ts';
import { requestMemo } from './request-memo.ts';

/**
 * Database look-ups behind the ownership rules: which charities an admin user edits, which
 * charity an API token is bound to, and the stored versions of a document with their owners.
 * Always `strapi.db.query` (the Query Engine), never the Document Service, so that the owner
 * guard middleware never runs itself.
 */

export const CHARITY_UID = STRAPI_COLLECTIONS.charities.uid;
export const TOKEN_BINDING_UID = 'api::charity-api-token.charity-api-token';

/**
 * DocumentIds of the charities whose `editors` include the admin user. Read from the DRAFT rows:
 * the draft is what a super admin last saved, so adding or removing an editor takes effect at
 * once instead of at the charity's next publish.
 */
export function charitiesEditedBy(strapi: Core.Strapi, userId: number | string): Promise<string[]> {
  return requestMemo(strapi, `editor:${userId}`, async () => {
    const rows = (await strapi.db.query(CHARITY_UID).findMany({
      where: { publishedAt: null, editors: { id: userId } },
      select: ['documentId'],
    })) as { documentId: string }[];
    return [...new Set(rows.map((r) => r.documentId))];
  });
}

/** The documentId of the charity an API token is bound to, or null for an unbound token. */
export function charityOfToken(strapi: Core.Strapi, tokenId: number | string): Promise<string | null> {
  return requestMemo(strapi, `token:${tokenId}`, async () => {
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
