import type { Core, Modules, UID } from '@strapi/strapi';
import type { ModelOf } from '../lib/choice-check.ts';
import {
  type CollectionName,
  collectionOfUid,
  isCorrectedCollection,
  STRAPI_COLLECTIONS,
  STRAPI_POPULATE,
} from '../lib/content.ts';
import { checkChoicesOnSave, checkCreditCodeOnSave, publishIssues, toValidationError } from '../lib/validation.ts';
import {
  forgetHistory,
  keepFingerprint,
  keepHistoryOnSave,
  publishedBaseline,
  recordCorrection,
  rememberPublished,
} from './correction-history.ts';
import { deferPublishCheck, inBulkImport } from './deferred-publish-checks.ts';

/**
 * Publish-time validation for every path that publishes (admin UI, Content API, seed import,
 * scripts): all of them go through the Document Service, so one `strapi.documents.use`
 * middleware (registered in `register()`) sees them all.
 *
 * A publish runs inside `strapi.db.transaction`: the write happens, the PUBLISHED version is read
 * back with full populate and checked against content/, and a failure throws, which rolls the
 * whole write back. Checking the published version (not the draft) also catches relations to
 * unpublished entries, which Strapi silently drops from the published version. Strapi emits
 * `entry.publish` (and so the webhook) only on commit, so a refused publish notifies nobody.
 *
 * Projects and disclosures also keep their 更正说明 here (correction-history.ts): a changed
 * published entry is published again only with a correction note, recorded in the same
 * transaction; a snapshot import brings its history along and is left alone.
 */

type Params = Record<string, unknown> & { documentId?: string; status?: string; data?: Record<string, unknown> };

/** The Document Service populate for a publish check: the mapping's populate, plus the private consent. */
export function validationPopulate(collection: CollectionName): Record<string, unknown> {
  const populate: Record<string, unknown> = { ...STRAPI_POPULATE[collection] };
  if (collection === 'caseSummaries') populate.consent = true;
  if (collection === 'matchingPools') {
    // The campaign's window and each project's campaigns, for the pool's cross-checks (validation.ts).
    populate.campaign = { fields: ['slug', 'title'], populate: { window: true } };
    populate.projects = { fields: ['slug'], populate: { campaigns: { fields: ['slug'] } } };
  }
  return populate;
}

/** Throws Strapi's ValidationError when the published version of `documentId` breaks a content/ rule. */
export async function assertPublishable(
  strapi: Core.Strapi,
  collection: CollectionName,
  documentId: string,
): Promise<void> {
  const uid = STRAPI_COLLECTIONS[collection].uid as UID.ContentType;
  const entry = await strapi.documents(uid).findOne({
    documentId,
    status: 'published',
    populate: validationPopulate(collection) as never,
  });
  if (!entry) return;
  const issues = publishIssues(collection, entry as Record<string, unknown>);
  if (issues.length > 0) throw toValidationError(collection, issues);
}

function isPublishing(action: string, params: Params): boolean {
  return action === 'publish' || ((action === 'create' || action === 'update') && params.status === 'published');
}

export function publishValidation(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    const collection = collectionOfUid(context.uid);
    if (!collection) return next();
    const action = context.action as string;
    const params = (context.params ?? {}) as Params;

    if ((action === 'create' || action === 'update') && params.data) {
      const modelOf: ModelOf = (uid) => strapi.getModel(uid as UID.Schema) as ReturnType<ModelOf>;
      checkChoicesOnSave(collection, modelOf, context.uid, params.data);
    }
    if (collection === 'charities' && (action === 'create' || action === 'update') && params.data) {
      const code = checkCreditCodeOnSave(params.data.creditCode);
      if (code !== undefined) params.data.creditCode = code;
    }
    const corrected = isCorrectedCollection(collection) && !inBulkImport() ? collection : undefined;
    if (corrected && (action === 'create' || action === 'update')) {
      await keepHistoryOnSave(strapi, corrected, action, params);
    }
    if (corrected && (action === 'unpublish' || action === 'clone')) {
      return strapi.db.transaction(async () => {
        const withdrawn = action === 'unpublish' ? await rememberPublished(strapi, corrected, params.documentId) : null;
        const result = await next();
        const documentId = (result as { documentId?: string } | null | undefined)?.documentId ?? params.documentId;
        if (withdrawn && documentId) await keepFingerprint(strapi, corrected, documentId, withdrawn);
        if (action === 'clone' && documentId && documentId !== params.documentId) {
          await forgetHistory(strapi, corrected, documentId);
        }
        return result;
      });
    }
    if (!isPublishing(action, params)) return next();

    return strapi.db.transaction(async () => {
      const baseline = corrected ? await publishedBaseline(strapi, corrected, params.documentId) : null;
      const result = await next();
      const documentId =
        params.documentId ?? (result as { documentId?: string } | null | undefined)?.documentId ?? undefined;
      if (corrected && documentId) await recordCorrection(strapi, corrected, documentId, baseline);
      // A bulk import checks its batch at the end, with the same rules (deferred-publish-checks.ts).
      if (documentId && !deferPublishCheck(collection, documentId)) {
        await assertPublishable(strapi, collection, documentId);
      }
      return result;
    });
  };
}
