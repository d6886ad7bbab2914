import { todayIso } from '../rules/dates.ts';
import { REPORT_STATS_PATH } from '../schemas/report-intake.ts';
import { withAbsoluteCover } from './media-urls.ts';
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
  /**
   * Pages of one collection requested at once after the first (which tells the page count).
   * Strapi spends most of a page's time populating components, so a few requests in flight keep
   * it busy while the puller maps the previous page; more would only queue. @default 4
   */
  concurrency?: number;
  fetch?: typeof fetch;
  now?: Date;
}

interface StrapiPage {
  data?: unknown;
  meta?: { pagination?: { page?: number; pageCount?: number; total?: number } };
}

/** A page count past this is a misbehaving server or proxy, not content: refuse it rather than fetch on. */
const MAX_PAGES = 10_000;

type PullContext = Required<Pick<StrapiPullOptions, 'url' | 'pageSize' | 'concurrency' | 'fetch'>> & {
  token?: string | undefined;
};

/** GET a JSON document from Strapi; errors say what was being read (`label`). */
async function getJson(url: string, label: string, options: PullContext): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
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
  return response.json();
}

async function fetchPage(collection: CollectionName, page: number, options: PullContext): Promise<StrapiPage> {
  const { pluralName } = STRAPI_COLLECTIONS[collection];
  const label = `${COLLECTION_LABELS[collection]}（/api/${pluralName}）`;
  const query = strapiQuery({
    status: 'published',
    populate: STRAPI_POPULATE[collection],
    sort: ['slug:asc'],
    pagination: { page, pageSize: options.pageSize },
  });
  const json = (await getJson(`${options.url}/api/${pluralName}?${query}`, label, options)) as StrapiPage;
  if (!Array.isArray(json.data)) throw new Error(`读取${label}第 ${page} 页失败：响应中没有 data 数组`);
  return json;
}

/** Page 1 first (it carries the page count), then the rest with `concurrency` in flight, kept in page order. */
async function fetchCollection(collection: CollectionName, options: PullContext): Promise<Record<string, unknown>[]> {
  const first = await fetchPage(collection, 1, options);
  const pageCount = first.meta?.pagination?.pageCount ?? 1;
  if (pageCount > MAX_PAGES) {
    throw new Error(`读取${COLLECTION_LABELS[collection]}失败：分页超过 ${MAX_PAGES} 页`);
  }
  const pages: unknown[][] = [first.data as unknown[]];
  let next = 2;
  const worker = async () => {
    while (next <= pageCount) {
      const page = next++;
      pages[page - 1] = (await fetchPage(collection, page, options)).data as unknown[];
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, Math.max(0, pageCount - 1)) }, worker));
  return pages.flat() as Record<string, unknown>[];
}

/**
 * The counts of reports per quarter (举报/投诉, transparency page). The CMS computes them: the
 * pull never sees a report, only these numbers. parseSnapshot checks their shape.
 */
async function fetchReportStats(options: PullContext): Promise<unknown> {
  const label = `举报投诉统计（${REPORT_STATS_PATH}）`;
  return ((await getJson(`${options.url}${REPORT_STATS_PATH}`, label, options)) as { data?: unknown }).data;
}

export async function pullStrapiSnapshot(options: StrapiPullOptions): Promise<Snapshot> {
  const now = options.now ?? new Date();
  const base = {
    url: options.url.replace(/\/+$/, ''),
    token: options.token,
    pageSize: options.pageSize ?? 100,
    concurrency: Math.max(1, options.concurrency ?? 4),
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
  // One collection at a time: a CMS that editors are using should not take eight scans at once.
  for (const collection of Object.keys(STRAPI_COLLECTIONS) as CollectionName[]) {
    const entries = await fetchCollection(collection, base);
    raw[collection] = entries.map((entry) => withAbsoluteCover(toSnapshotEntry(collection, entry), base.url));
  }
  raw.reportStats = await fetchReportStats(base);
  return parseSnapshot(raw, `内容管理系统（${base.url}）的快照`);
}
