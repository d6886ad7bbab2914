import type { Core, UID } from '@strapi/strapi';
import { STRAPI_COLLECTIONS } from '../lib/content.ts';
import { CHARITY_UID, TOKEN_BINDING_UID } from './charity-access.ts';

/**
 * Content API tokens for charities: a charity publishes its disclosures from its own systems
 * with a token that can write ONLY its own projects, disclosures and case summaries.
 *
 * Binding: one row of the internal type `api::charity-api-token.charity-api-token`
 * (token → charity documentId), chosen over a `charity.apiTokens` relation because
 * - a relation on the charity lives on both its draft and published rows: publish copies it from
 *   the draft and "discard draft" copies it back from the published row, so a token bound since
 *   the last publish would silently lose its binding (or a revoked one come back);
 * - the charity's edit form would list API tokens (Strapi shows private relations in the admin);
 * - a token belongs to exactly one charity (one-to-one), looked up in one query per request.
 * A token whose binding row is missing is simply unbound, which can't write charity-owned types.
 *
 * Strapi 5 has no separate "publish" Content API action: POST / PUT publish unless
 * `?status=draft` (core service default `status: 'published'`). Reading `charity` is granted
 * because a token may only set a relation to types it can `find` (Content API input sanitizer,
 * remove-restricted-relations), and a new project names its charity.
 */

const WRITABLE = [STRAPI_COLLECTIONS.projects, STRAPI_COLLECTIONS.disclosures, STRAPI_COLLECTIONS.caseSummaries];

export const CHARITY_TOKEN_PERMISSIONS: readonly string[] = [
  ...WRITABLE.flatMap((c) => ['find', 'findOne', 'create', 'update', 'delete'].map((a) => `${c.uid}.${a}`)),
  `${CHARITY_UID}.find`,
  `${CHARITY_UID}.findOne`,
];

export interface CharityApiToken {
  tokenId: number;
  name: string;
  /** The secret; Strapi stores only its hash (and an encrypted copy), show it once. */
  accessKey: string;
  charitySlug: string;
  charityDocumentId: string;
}

interface ContentApiTokenService {
  create(attributes: Record<string, unknown>): Promise<{ id: number; name: string; accessKey: string }>;
}

/** Creates a custom Content API token for the charity `charitySlug` and binds it, in one transaction. */
export async function createCharityApiToken(
  strapi: Core.Strapi,
  charitySlug: string,
  name?: string,
): Promise<CharityApiToken> {
  const charity = (await strapi.db.query(CHARITY_UID).findOne({
    where: { slug: charitySlug, publishedAt: null },
    select: ['documentId', 'name'],
  })) as { documentId: string; name: string } | null;
  if (!charity) throw new Error(`找不到慈善组织「${charitySlug}」（按 slug 查找）`);
  const tokenName = name ?? `${charitySlug}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  const tokens = strapi.service('admin::api-token-content-api') as unknown as ContentApiTokenService;
  return strapi.db.transaction(async () => {
    const token = await tokens.create({
      name: tokenName,
      description: `「${charity.name}」的信息公开接口令牌：只能写入本组织的项目、信息公开和帮扶案例`,
      type: 'custom',
      lifespan: null,
      permissions: [...CHARITY_TOKEN_PERMISSIONS],
    });
    await strapi.db.query(TOKEN_BINDING_UID as UID.Schema).create({
      data: { token: token.id, charityDocumentId: charity.documentId },
    });
    return {
      tokenId: token.id,
      name: token.name,
      accessKey: token.accessKey,
      charitySlug,
      charityDocumentId: charity.documentId,
    };
  });
}
