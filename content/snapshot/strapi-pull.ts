import { todayIso } from '../rules/dates.ts';
import { parseSnapshot } from './parse-snapshot.ts';
import {
  COLLECTION_LABELS,
  type CollectionName,
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  type Snapshot,
} from './snapshot-schema.ts';
import { STRAPI_COLLECTIONS, STRAPI_POPULATE, toSnapshotEntry } from './strapi-mapping.ts';
import { strapiQuery } from './strapi-query.ts';

/**
 * Pulls every published entry from Strapi's REST API into a snapshot (DESIGN.md "Publish"):
 * one collection at a time, page by page, with the explicit populate the mapping needs (never
 * `populate=*`, which would drag in private components such as a case's consent), then maps and
 * validates the result with the same `parseSnapshot` a file goes through. Used by the publisher
 * (every release) and by `npm run build` with `CONTENT_SOURCE=strapi`.
 */
export interface StrapiPullOptions {
  url: string;
  token?: string | undefined;
  /** Strapi's default `maxLimit` is 100 entries per page. */
  pageSize?: number;
  fetch?: typeof fetch;
  now?: Date;
}

interface StrapiPage {
  data?: unknown;
  meta?: { pagination?: { page?: number; pageCount?: number; total?: number } };
}

/** A runaway pagination (a proxy that ignores `page`) must not loop forever. */
const MAX_PAGES = 10_000;

async function fetchCollection(
  collection: CollectionName,
  options: Required<Pick<StrapiPullOptions, 'url' | 'pageSize' | 'fetch'>> & { token?: string | undefined },
): Promise<Record<string, unknown>[]> {
  const { pluralName } = STRAPI_COLLECTIONS[collection];
  const label = `${COLLECTION_LABELS[collection]}（/api/${pluralName}）`;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const entries: Record<string, unknown>[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const query = strapiQuery({
      status: 'published',
      populate: STRAPI_POPULATE[collection],
      sort: ['slug:asc'],
      pagination: { page, pageSize: options.pageSize },
    });
    const url = `${options.url}/api/${pluralName}?${query}`;
    let response: Response;
    try {
      response = await options.fetch(url, { headers });
    } catch (error) {
      throw new Error(`无法连接内容管理系统，读取${label}失败：${(error as Error).message}`);
    }
    if (!response.ok) {
      const body = (await response.text().catch(() => '')).slice(0, 300);
      throw new Error(`读取${label}失败：HTTP ${response.status}${body ? ` ${body}` : ''}`);
    }
    const json = (await response.json()) as StrapiPage;
    if (!Array.isArray(json.data)) throw new Error(`读取${label}失败：响应中没有 data 数组`);
    entries.push(...(json.data as Record<string, unknown>[]));
    const pageCount = json.meta?.pagination?.pageCount ?? 1;
    if (page >= pageCount || json.data.length === 0) return entries;
  }
  throw new Error(`读取${label}失败：分页超过 ${MAX_PAGES} 页`);
}

export async function pullStrapiSnapshot(options: StrapiPullOptions): Promise<Snapshot> {
  const now = options.now ?? new Date();
  const base = {
    url: options.url.replace(/\/+$/, ''),
    token: options.token,
    pageSize: options.pageSize ?? 100,
    fetch: options.fetch ?? fetch,
  };
  const raw: Record<string, unknown> = {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    generatedAt: now.toISOString(),
    asOf: todayIso(now),
    source: 'strapi',
    demo: false,
    seedConsents: [],
  };
  // Sequential on purpose: a CMS that feeds builds should not be hit by eight parallel scans.
  for (const collection of Object.keys(STRAPI_COLLECTIONS) as CollectionName[]) {
    const entries = await fetchCollection(collection, base);
    raw[collection] = entries.map((entry) => toSnapshotEntry(collection, entry));
  }
  return parseSnapshot(raw, `内容管理系统（${base.url}）的快照`);
}
