import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core, UID } from '@strapi/strapi';
import type { errors } from '@strapi/utils';
import { type CollectionName, STRAPI_COLLECTIONS } from '../lib/content.ts';
import { publishIssues, toValidationError } from '../lib/validation.ts';

/**
 * Bulk imports (the seed) publish thousands of entries. Checking each one right after its write
 * costs a Document Service `findOne` with the validation populate per entry (one query per
 * populated relation and component). Inside `withDeferredPublishChecks`, publish validation
 * instead records the document and checks the whole batch at the end, still inside the batch's
 * transaction: ONE `findMany` per collection with the SAME populate, and the SAME `publishIssues`
 * on each published version. A failure throws before the commit, so the whole batch rolls back —
 * as a per-entry failure did. What is checked is the published version as committed (after every
 * write of the batch), never the input.
 */

interface Pending {
  documents: Map<CollectionName, Set<string>>;
}

const scope = new AsyncLocalStorage<Pending>();

/** A deferred check that failed: which document, and the ValidationError an editor would get. */
export class DeferredPublishError extends Error {
  constructor(
    readonly collection: CollectionName,
    readonly documentId: string,
    readonly validation: errors.ValidationError,
  ) {
    super(validation.message);
    this.name = 'DeferredPublishError';
  }
}

/**
 * True inside `withDeferredPublishChecks`, that is during a snapshot import: the entries come with
 * their published history (correction notes included), which is imported as it is.
 */
export function inBulkImport(): boolean {
  return scope.getStore() !== undefined;
}

/** Called by the publish-validation middleware: true when the check was queued for the batch end. */
export function deferPublishCheck(collection: CollectionName, documentId: string): boolean {
  const pending = scope.getStore();
  if (!pending) return false;
  const set = pending.documents.get(collection) ?? new Set<string>();
  set.add(documentId);
  pending.documents.set(collection, set);
  return true;
}

/** The populate a publish check reads: the mapping's populate plus the private consent. */
export type PopulateFor = (collection: CollectionName) => Record<string, unknown>;

const CHUNK = 200;

async function checkCollection(
  strapi: Core.Strapi,
  collection: CollectionName,
  documentIds: string[],
  populate: PopulateFor,
): Promise<void> {
  const uid = STRAPI_COLLECTIONS[collection].uid as UID.ContentType;
  for (let i = 0; i < documentIds.length; i += CHUNK) {
    const ids = documentIds.slice(i, i + CHUNK);
    const entries = (await strapi.documents(uid).findMany({
      filters: { documentId: { $in: ids } } as never,
      status: 'published',
      populate: populate(collection) as never,
      limit: ids.length,
    })) as (Record<string, unknown> & { documentId: string })[];
    // Same as the per-entry check: a document with no published version has nothing to check.
    for (const entry of entries) {
      const issues = publishIssues(collection, entry);
      if (issues.length > 0) {
        throw new DeferredPublishError(collection, entry.documentId, toValidationError(collection, issues));
      }
    }
  }
}

/**
 * Runs `work` in one transaction with publish checks deferred to its end, then checks every
 * document `work` published; throws `DeferredPublishError` (rolling everything back) on the first
 * that breaks a rule.
 */
export async function withDeferredPublishChecks<T>(
  strapi: Core.Strapi,
  populate: PopulateFor,
  work: () => Promise<T>,
): Promise<T> {
  let result: T | undefined;
  await strapi.db.transaction(async () => {
    const pending: Pending = { documents: new Map() };
    result = await scope.run(pending, work);
    for (const [collection, ids] of pending.documents) {
      await checkCollection(strapi, collection, [...ids], populate);
    }
  });
  return result as T;
}
