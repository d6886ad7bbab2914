import type { Core, UID } from '@strapi/strapi';
import { DeferredPublishError, withDeferredPublishChecks } from '../document-middleware/deferred-publish-checks.ts';
import { validationPopulate } from '../document-middleware/publish-validation.ts';
import {
  COLLECTION_LABELS,
  type CollectionName,
  ContentError,
  consentToStrapi,
  fromSnapshotEntry,
  readSnapshotFile,
  type Snapshot,
  type SnapshotEntry,
  STRAPI_COLLECTIONS,
} from '../lib/content.ts';
import { ensureSlugIndexes } from './slug-indexes.ts';
import { withEntryEventsMuted } from './webhooks.ts';

/**
 * Imports a snapshot (the demo dataset, or any file in the snapshot format) through the
 * Document Service, so every entry passes the same publish validation as an editor's publish.
 * Upsert by slug: a second run updates the same documents and creates nothing new.
 *
 * Entries are written in batches inside one transaction each: SQLite pays a sync per commit,
 * and a batch of 50 publishes costs about what one does alone. The publish checks of a batch run
 * together at its end, before the commit (deferred-publish-checks.ts: same populate, same rules,
 * one query per collection instead of one read per entry); a refused entry rolls the batch back.
 * The import sends no webhook (`withEntryEventsMuted`), and the slug indexes keep each publish's
 * uniqueness check from scanning the table (slug-indexes.ts). Measured in BENCHMARKS.md.
 */

/** Referenced collections first; disclosures are ordered so that a correction follows what it corrects. */
export const SEED_ORDER: readonly CollectionName[] = [
  'charities',
  'campaigns',
  'needs',
  'projects',
  'disclosures',
  'caseSummaries',
  'typicalCases',
  'awards',
  'matchingPools',
];

export interface SeedOptions {
  log?: (line: string) => void;
  batchSize?: number;
  /**
   * Leave entries whose slug already exists untouched instead of updating them: finishing an
   * import that was stopped part-way (a large one takes most of an hour) without redoing it.
   * @default false
   */
  resume?: boolean;
}

export interface SeedResult {
  created: Record<CollectionName, number>;
  updated: Record<CollectionName, number>;
  /** Existing entries left as they were (`resume`). */
  skipped: Record<CollectionName, number>;
  seconds: number;
}

type DocumentIds = Record<CollectionName, Map<string, string>>;

async function loadDocumentIds(strapi: Core.Strapi): Promise<DocumentIds> {
  const ids = {} as DocumentIds;
  for (const name of SEED_ORDER) {
    const rows = (await strapi.db
      .query(STRAPI_COLLECTIONS[name].uid as UID.ContentType)
      .findMany({ select: ['documentId', 'slug'] })) as { documentId: string; slug: string }[];
    ids[name] = new Map(rows.map((r) => [r.slug, r.documentId]));
  }
  return ids;
}

/** Disclosures whose `corrects` target comes earlier in the list (the generator already orders them; this makes sure). */
function orderDisclosures(list: Snapshot['disclosures']): Snapshot['disclosures'] {
  const placed = new Set<string>();
  const out: Snapshot['disclosures'] = [];
  let pending = list;
  while (pending.length > 0) {
    const next = pending.filter((d) => d.corrects !== null && !placed.has(d.corrects));
    const ready = pending.filter((d) => d.corrects === null || placed.has(d.corrects));
    if (ready.length === 0) return [...out, ...next]; // a cycle: let the import report it
    for (const d of ready) {
      out.push(d);
      placed.add(d.slug);
    }
    pending = next;
  }
  return out;
}

function entriesOf(snapshot: Snapshot, name: CollectionName): SnapshotEntry<CollectionName>[] {
  if (name === 'disclosures') return orderDisclosures(snapshot.disclosures);
  return snapshot[name] as SnapshotEntry<CollectionName>[];
}

const emptyCounts = (): Record<CollectionName, number> =>
  Object.fromEntries(SEED_ORDER.map((n) => [n, 0])) as Record<CollectionName, number>;

export async function seedSnapshot(
  strapi: Core.Strapi,
  snapshot: Snapshot,
  options: SeedOptions = {},
): Promise<SeedResult> {
  const log = options.log ?? ((line: string) => strapi.log.info(line));
  const batchSize = options.batchSize ?? 50;
  const started = performance.now();
  const result: SeedResult = { created: emptyCounts(), updated: emptyCounts(), skipped: emptyCounts(), seconds: 0 };
  const consents = new Map(snapshot.seedConsents.map((c) => [c.caseSummary, c]));

  // Each publish checks its slug is unique: without these, a scan of the table per entry.
  const indexed = await ensureSlugIndexes(strapi);
  if (indexed.length > 0) log(`已为 slug 建立索引：${indexed.join('、')}`);

  await withEntryEventsMuted(strapi, async () => {
    const ids = await loadDocumentIds(strapi);
    const lookup = (collection: CollectionName, slug: string) => ids[collection].get(slug);
    const slugOf = (collection: CollectionName, documentId: string) =>
      [...ids[collection]].find(([, id]) => id === documentId)?.[0] ?? documentId;

    for (const name of SEED_ORDER) {
      const entries = entriesOf(snapshot, name);
      const documents = strapi.documents(STRAPI_COLLECTIONS[name].uid as UID.ContentType);
      // About ten progress lines per collection, at batch boundaries.
      const step = Math.max(batchSize, Math.ceil(entries.length / 10 / batchSize) * batchSize);
      let nextReport = step;
      for (let start = 0; start < entries.length; start += batchSize) {
        const batch = entries
          .slice(start, start + batchSize)
          .filter((entry) => !(options.resume && ids[name].has(entry.slug)));
        result.skipped[name] += Math.min(batchSize, entries.length - start) - batch.length;
        if (batch.length === 0) continue;
        // One transaction per batch; its publish checks run at its end, before the commit
        // (deferred-publish-checks.ts), so a refused entry rolls the whole batch back.
        const created: [string, string][] = [];
        try {
          await withDeferredPublishChecks(strapi, validationPopulate, async () => {
            for (const entry of batch) {
              const data = fromSnapshotEntry(name, entry, lookup);
              if (name === 'caseSummaries') {
                const consent = consents.get(entry.slug);
                if (consent) data.consent = consentToStrapi(consent);
              }
              const existing = ids[name].get(entry.slug);
              try {
                if (existing) {
                  await documents.update({ documentId: existing, data: data as never, status: 'published' });
                } else {
                  const doc = await documents.create({ data: data as never, status: 'published' });
                  created.push([entry.slug, doc.documentId]);
                  // A later entry of the same batch may refer to it (a correction to its disclosure).
                  ids[name].set(entry.slug, doc.documentId);
                }
              } catch (error) {
                throw new ContentError(
                  'SEED_ENTRY_FAILED',
                  `导入${COLLECTION_LABELS[name]} “${entry.slug}” 失败：${(error as Error).message}`,
                );
              }
            }
          });
        } catch (error) {
          // Rolled back: its new documents no longer exist.
          for (const [slug] of created) ids[name].delete(slug);
          if (!(error instanceof DeferredPublishError)) throw error;
          const slug =
            created.find(([, id]) => id === error.documentId)?.[0] ?? slugOf(error.collection, error.documentId);
          throw new ContentError(
            'SEED_ENTRY_FAILED',
            `导入${COLLECTION_LABELS[error.collection]} “${slug}” 失败：${error.message}`,
          );
        }
        result.created[name] += created.length;
        result.updated[name] += batch.length - created.length;
        const done = Math.min(start + batchSize, entries.length);
        if (done === entries.length || done >= nextReport) {
          log(`导入示例数据：${COLLECTION_LABELS[name]} ${done}/${entries.length}`);
          nextReport = done + step;
        }
      }
    }
  });

  result.seconds = Math.round((performance.now() - started) / 100) / 10;
  return result;
}

/** Reads, validates and imports a snapshot file. */
export async function seedFromFile(strapi: Core.Strapi, path: string, options: SeedOptions = {}): Promise<SeedResult> {
  const snapshot = await readSnapshotFile(path);
  return seedSnapshot(strapi, snapshot, options);
}
