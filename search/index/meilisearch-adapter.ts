import { Meilisearch, MeilisearchApiError } from 'meilisearch';
import type { Snapshot } from '../../content/index.ts';
import { buildSearchDocuments, type DocumentOptions, type SearchDocument } from '../../content/search/documents.ts';
import type { SearchType } from '../../content/search/settings.ts';
import type { MeilisearchConfig, PublicMeilisearchConfig } from './config.ts';
import { ensureSearchKey } from './meilisearch-keys.ts';
import { meilisearchSettings } from './meilisearch-settings.ts';
import { settle, settleAll } from './meilisearch-tasks.ts';

/**
 * Meilisearch, the production engine (server side; the browser talks to it with the search-only
 * key through search/client/meilisearch-engine.ts). Every write waits for its task:
 * - `reindexAll`: a fresh index gets the settings first, then the documents in batches, and is
 *   swapped in for the live one atomically (`swapIndexes`); the old contents are then deleted.
 *   Searches never see a half-built index, and a failure leaves the live index as it was.
 * - `syncEntry`: one changed or unpublished entry, upserted or deleted in the live index.
 * - `searchKey`: the browser's search-only key (meilisearch-keys.ts).
 */
export const PRIMARY_KEY = 'id';

export interface ReindexResult {
  indexUid: string;
  documents: number;
  batches: number;
  ms: number;
}

export interface EntryRef {
  type: SearchType;
  slug: string;
}

export interface SyncResult {
  upserted: string[];
  deleted: string[];
}

export interface MeilisearchAdapter {
  readonly config: MeilisearchConfig;
  readonly client: Meilisearch;
  reindexAll(documents: readonly SearchDocument[]): Promise<ReindexResult>;
  upsert(documents: readonly SearchDocument[]): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
  syncEntry(snapshot: Snapshot, ref: EntryRef, options?: DocumentOptions): Promise<SyncResult>;
  searchKey(): Promise<PublicMeilisearchConfig>;
}

export interface AdapterOptions {
  /** Names the fresh index (`<live>-next-<stamp>`). @default Date.now */
  now?: () => number;
  /** Task polling interval. @default 100 */
  pollMs?: number;
}

const isNotFound = (error: unknown) =>
  error instanceof MeilisearchApiError &&
  (error.response?.status === 404 || (error.cause as { code?: string } | undefined)?.code === 'index_not_found');

/** Documents that depend on an entry: a project's disclosures carry its title, a charity's projects its name. */
export function affectedDocuments(snapshot: Snapshot, ref: EntryRef, options: DocumentOptions = {}): SearchDocument[] {
  const { documents } = buildSearchDocuments(snapshot, options);
  const projectSlugs = new Set<string>();
  if (ref.type === 'project') projectSlugs.add(ref.slug);
  if (ref.type === 'charity') for (const p of snapshot.projects) if (p.charity === ref.slug) projectSlugs.add(p.slug);
  const disclosureProject = new Map(snapshot.disclosures.map((d) => [d.slug, d.project]));
  return documents.filter(
    (d) =>
      (d.type === ref.type && d.slug === ref.slug) ||
      (d.type === 'project' && projectSlugs.has(d.slug)) ||
      (d.type === 'disclosure' && projectSlugs.has(disclosureProject.get(d.slug) ?? '')),
  );
}

export function createMeilisearchAdapter(config: MeilisearchConfig, options: AdapterOptions = {}): MeilisearchAdapter {
  const client = new Meilisearch({ host: config.host, apiKey: config.adminKey });
  const wait = { timeout: config.taskTimeoutMs, interval: options.pollMs ?? 100 };
  const now = options.now ?? Date.now;
  const live = config.indexUid;

  async function exists(uid: string): Promise<boolean> {
    try {
      await client.getRawIndex(uid);
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async function ensureLive(): Promise<void> {
    if (await exists(live)) return;
    await settle(client.createIndex(live, { primaryKey: PRIMARY_KEY }), `创建索引 ${live}`, wait);
    await settle(client.index(live).updateSettings(meilisearchSettings()), `设置索引 ${live}`, wait);
  }

  const adapter: MeilisearchAdapter = {
    config,
    client,
    async reindexAll(documents) {
      const started = now();
      const fresh = `${live}-next-${started}`;
      await settle(client.createIndex(fresh, { primaryKey: PRIMARY_KEY }), `创建索引 ${fresh}`, wait);
      try {
        const index = client.index<SearchDocument & Record<string, unknown>>(fresh);
        // Settings first: set after the documents, they would make Meilisearch index everything twice.
        await settle(index.updateSettings(meilisearchSettings()), `设置索引 ${fresh}`, wait);
        const batches = index.addDocumentsInBatches(
          documents as (SearchDocument & Record<string, unknown>)[],
          config.batchSize,
          { primaryKey: PRIMARY_KEY },
        );
        await settleAll(batches, `写入文档 ${fresh}`, wait);
        await ensureLive();
        await settle(client.swapIndexes([{ indexes: [live, fresh], rename: false }]), `切换索引 ${live}`, wait);
        // `fresh` now holds the previous contents.
        await settle(client.deleteIndex(fresh), `删除旧索引 ${fresh}`, wait);
        return { indexUid: live, documents: documents.length, batches: batches.length, ms: now() - started };
      } catch (error) {
        await client.deleteIndexIfExists(fresh).catch(() => undefined);
        throw error;
      }
    },
    async upsert(documents) {
      if (documents.length === 0) return;
      await ensureLive();
      const index = client.index<SearchDocument & Record<string, unknown>>(live);
      // Whole documents replace the stored ones, so a field that went away goes away.
      await settle(
        index.addDocuments(documents as (SearchDocument & Record<string, unknown>)[], { primaryKey: PRIMARY_KEY }),
        `更新文档 ${live}`,
        wait,
      );
    },
    async remove(ids) {
      if (ids.length === 0) return;
      await ensureLive();
      const index = client.index(live);
      if (ids.length === 1) await settle(index.deleteDocument(ids[0] as string), `删除文档 ${live}`, wait);
      else await settle(index.deleteDocuments([...ids]), `删除文档 ${live}`, wait);
    },
    async syncEntry(snapshot, ref, documentOptions) {
      const docs = affectedDocuments(snapshot, ref, documentOptions);
      const id = `${ref.type}-${ref.slug}`;
      const deleted = docs.some((d) => d.id === id) ? [] : [id];
      await adapter.upsert(docs);
      await adapter.remove(deleted);
      // An unpublished project takes its disclosures with it.
      if (deleted.length > 0 && ref.type === 'project') {
        const filter = `projectSlug = "${ref.slug.replace(/["\\]/g, '')}"`;
        await settle(client.index(live).deleteDocuments({ filter }), `删除项目 ${ref.slug} 的信息公开`, wait);
        deleted.push(`disclosure-${ref.slug}-*`);
      }
      return { upserted: docs.map((d) => d.id), deleted };
    },
    searchKey: () => ensureSearchKey(client, config, now),
  };
  return adapter;
}
