import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentError } from '../../../../content/index.ts';
import type { CollectionName } from '../../../../content/snapshot/snapshot-schema.ts';
import {
  fromSnapshotEntry,
  STRAPI_COLLECTIONS,
  type StrapiRecord,
} from '../../../../content/snapshot/strapi-mapping.ts';
import { pullStrapiSnapshot } from '../../../../content/snapshot/strapi-pull.ts';
import { strapiQuery } from '../../../../content/snapshot/strapi-query.ts';
import { loadSnapshot } from '../../../../site/lib/load-snapshot.ts';
import { demoSnapshot } from '../../../support/fixtures/site.ts';

/**
 * The `strapi` content source against a FAKE Strapi REST server (node:http serving the demo
 * snapshot in Strapi 5's flat REST shape, paginated). The real CMS is exercised by the
 * integration tier; here we check the pull itself: published only, explicit populate, every page,
 * mapping, validation, and errors that say which collection failed.
 */

/** Relations as Strapi REST returns them with `populate: { rel: { fields: ['slug'] } }`. */
function asRestEntry(collection: CollectionName, entry: StrapiRecord): StrapiRecord {
  const one = (slug: unknown) => (slug === null ? null : { documentId: `doc-${String(slug)}`, slug });
  const many = (slugs: unknown) => (slugs as string[]).map(one);
  const out: StrapiRecord = {
    id: 1,
    documentId: `doc-${String(entry.slug)}`,
    publishedAt: '2026-01-01T00:00:00.000Z',
    ...entry,
  };
  if (collection === 'projects')
    Object.assign(out, { charity: one(entry.charity), needs: many(entry.needs), campaigns: many(entry.campaigns) });
  if (collection === 'disclosures') Object.assign(out, { project: one(entry.project), corrects: one(entry.corrects) });
  if (collection === 'caseSummaries') Object.assign(out, { project: one(entry.project) });
  if (collection === 'typicalCases')
    Object.assign(out, { projects: many(entry.projects), charities: many(entry.charities) });
  if (collection === 'awards') {
    const a = entry.awardee as StrapiRecord;
    out.awardee = { ...a, charity: one(a.charity), project: one(a.project) };
  }
  return out;
}

function restData(mutate?: (collection: CollectionName, e: StrapiRecord) => void): Map<string, StrapiRecord[]> {
  const snapshot = demoSnapshot();
  const byPlural = new Map<string, StrapiRecord[]>();
  for (const [collection, meta] of Object.entries(STRAPI_COLLECTIONS) as [CollectionName, { pluralName: string }][]) {
    const entries = (snapshot[collection] as { slug: string }[]).map((entry) => {
      // The seed writer resolves relations to documentIds; here the "id" is the slug itself.
      const data = fromSnapshotEntry(collection, entry as never, (_c, slug) => slug);
      const rest = asRestEntry(collection, data);
      mutate?.(collection, rest);
      return rest;
    });
    byPlural.set(meta.pluralName, entries);
  }
  return byPlural;
}

interface FakeStrapi {
  url: string;
  requests: { url: string; auth: string | undefined }[];
  /** The most requests the fake was answering at one time. */
  peakInFlight: () => number;
  server: Server;
}

interface FakeOptions {
  failOn?: string;
  /** Milliseconds to hold the answer to a page: makes later pages finish before earlier ones. */
  delay?: (page: number) => number;
  /** Claims this many pages whatever the data holds (a misbehaving proxy). */
  pageCount?: number;
}

async function fakeStrapi(data: Map<string, StrapiRecord[]>, options: FakeOptions = {}): Promise<FakeStrapi> {
  const { failOn } = options;
  const requests: FakeStrapi['requests'] = [];
  let inFlight = 0;
  let peak = 0;
  const server = createServer(async (req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push({ url: decodeURIComponent(url.search), auth: req.headers.authorization });
    const plural = url.pathname.replace(/^\/api\//, '');
    if (plural === failOn) {
      res
        .writeHead(500, { 'content-type': 'application/json' })
        .end('{"error":{"status":500,"name":"InternalServerError"}}');
      return;
    }
    if (plural === 'reports/stats') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: REPORT_STATS }));
      return;
    }
    const all = data.get(plural);
    if (!all) {
      res.writeHead(404).end();
      return;
    }
    const page = Number(url.searchParams.get('pagination[page]') ?? 1);
    const pageSize = Number(url.searchParams.get('pagination[pageSize]') ?? 25);
    const pageCount = options.pageCount ?? Math.max(1, Math.ceil(all.length / pageSize));
    const body = {
      data: all.slice((page - 1) * pageSize, page * pageSize),
      meta: { pagination: { page, pageSize, pageCount, total: all.length } },
    };
    inFlight++;
    peak = Math.max(peak, inFlight);
    const wait = options.delay?.(page) ?? 0;
    if (wait > 0) await new Promise((done) => setTimeout(done, wait));
    inFlight--;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    peakInFlight: () => peak,
    server,
  };
}

/** What the CMS's GET /api/reports/stats answers: counts per quarter, nothing else. */
const REPORT_STATS = {
  asOf: '2026-11-27',
  periods: [{ period: '2026-Q4', received: 3, answered: 2, answeredInTime: 1, due: 3, overdueOpen: 1 }],
};

const close = (s: Server) => new Promise<void>((ok) => s.close(() => ok()));

describe('strapi query strings', () => {
  it('encodes nested populate the way Strapi (qs) reads it', () => {
    expect(strapiQuery({ populate: { plan: { populate: { window: true } }, charity: { fields: ['slug'] } } })).toBe(
      'populate[plan][populate][window]=true&populate[charity][fields][0]=slug',
    );
    expect(strapiQuery({ status: 'published', pagination: { page: 2, pageSize: 100 }, skip: undefined })).toBe(
      'status=published&pagination[page]=2&pagination[pageSize]=100',
    );
    expect(strapiQuery({ q: '慈善 & 救助' })).toBe('q=%E6%85%88%E5%96%84%20%26%20%E6%95%91%E5%8A%A9');
  });
});

describe('pulling a snapshot from a fake Strapi REST server', () => {
  let fake: FakeStrapi;
  beforeAll(async () => {
    fake = await fakeStrapi(restData());
  });
  afterAll(async () => {
    await close(fake.server);
  });

  it('reads every published entry, page by page, into a valid snapshot', async () => {
    const now = new Date('2026-11-27T03:00:00Z');
    const snapshot = await pullStrapiSnapshot({ url: fake.url, pageSize: 50, token: 'tok', now });
    const demo = demoSnapshot();
    expect(snapshot.source).toBe('strapi');
    expect(snapshot.demo).toBe(false);
    expect(snapshot.asOf).toBe('2026-11-27');
    expect(snapshot.seedConsents).toEqual([]);
    for (const collection of Object.keys(STRAPI_COLLECTIONS) as CollectionName[]) {
      expect(snapshot[collection].length, collection).toBe(demo[collection].length);
    }
    const project = snapshot.projects.find((p) => p.slug === demo.projects[0]?.slug);
    expect(project).toEqual(demo.projects[0]);
    expect(snapshot.disclosures.find((d) => d.corrects !== null)?.corrects).toBeTruthy();
    // 更正说明 come through too (the demo has corrected projects and disclosures).
    for (const collection of ['projects', 'disclosures'] as const) {
      const corrected = (demo[collection] as { slug: string; corrections: unknown[] }[]).filter(
        (e) => e.corrections.length > 0,
      );
      expect(corrected.length, collection).toBeGreaterThan(0);
      const pulled = new Map(
        (snapshot[collection] as { slug: string; corrections: unknown[] }[]).map((e) => [e.slug, e]),
      );
      for (const e of corrected) expect(pulled.get(e.slug)?.corrections, e.slug).toEqual(e.corrections);
    }
    // The report counts of the transparency page come along, validated.
    expect(snapshot.reportStats).toEqual(REPORT_STATS);
  });

  it('asks for published entries with an explicit populate, never populate=*, and sends the token', () => {
    const projectRequests = fake.requests.filter(
      (r) => r.url.includes('projectStatus') || r.url.includes('populate[charity]'),
    );
    expect(projectRequests.length).toBeGreaterThan(1);
    const contentRequests = fake.requests.filter((r) => r.url !== '');
    expect(contentRequests.length).toBe(fake.requests.length - 1);
    for (const r of contentRequests) {
      expect(r.url).toContain('status=published');
      expect(r.url).not.toContain('populate=*');
      expect(r.auth).toBe('Bearer tok');
    }
    expect(fake.requests.some((r) => r.url.includes('populate[plan][populate][partners]=true'))).toBe(true);
    expect(fake.requests.some((r) => r.url.includes('pagination[page]=7'))).toBe(true);
    // A case's consent is private: it is never requested.
    expect(fake.requests.some((r) => r.url.includes('consent'))).toBe(false);
  });

  it('keeps page order when later pages answer first, with at most `concurrency` requests in flight', async () => {
    // Page 2 is held longest, so pages 3–5 finish before it: the entries must still come in page order.
    const slow = await fakeStrapi(restData(), { delay: (page) => (page === 2 ? 60 : page === 1 ? 0 : 10) });
    try {
      const parallel = await pullStrapiSnapshot({ url: slow.url, pageSize: 20, concurrency: 3 });
      expect(slow.peakInFlight()).toBe(3);
      const sequential = await pullStrapiSnapshot({ url: fake.url, pageSize: 20, concurrency: 1 });
      for (const collection of Object.keys(STRAPI_COLLECTIONS) as CollectionName[]) {
        const slugs = (s: typeof parallel) => (s[collection] as { slug: string }[]).map((e) => e.slug);
        expect(slugs(parallel), collection).toEqual(slugs(sequential));
      }
    } finally {
      await close(slow.server);
    }
  });

  it('goes through loadSnapshot for CONTENT_SOURCE=strapi', async () => {
    const snapshot = await loadSnapshot({ kind: 'strapi', url: fake.url, token: undefined });
    expect(snapshot.charities.length).toBe(demoSnapshot().charities.length);
  });
});

describe('a fake Strapi that returns bad data or fails', () => {
  it('fails the build naming the entry and the field', async () => {
    const target = demoSnapshot().projects[5]?.slug;
    const fake = await fakeStrapi(
      restData((collection, e) => {
        if (collection === 'projects' && e.slug === target) (e.plan as StrapiRecord).goalFen = 'lots';
      }),
    );
    try {
      const error = await pullStrapiSnapshot({ url: fake.url }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ContentError);
      expect((error as Error).message).toContain(`“${target}”`);
      expect((error as Error).message).toContain('plan.goalFen');
    } finally {
      await close(fake.server);
    }
  });

  it('fails when the CMS cannot give the report counts', async () => {
    const fake = await fakeStrapi(restData(), { failOn: 'reports/stats' });
    try {
      await expect(pullStrapiSnapshot({ url: fake.url })).rejects.toThrow(
        /举报投诉统计（\/api\/reports\/stats）失败：HTTP 500/,
      );
    } finally {
      await close(fake.server);
    }
  });

  it('says which collection could not be read', async () => {
    const fake = await fakeStrapi(restData(), { failOn: 'disclosures' });
    try {
      await expect(pullStrapiSnapshot({ url: fake.url })).rejects.toThrow(
        /信息公开（\/api\/disclosures）失败：HTTP 500/,
      );
    } finally {
      await close(fake.server);
    }
  });

  it('refuses a page count no CMS would send, without fetching those pages', async () => {
    const fake = await fakeStrapi(restData(), { pageCount: 50_000 });
    try {
      await expect(pullStrapiSnapshot({ url: fake.url })).rejects.toThrow(/分页超过 10000 页/);
      expect(fake.requests.length).toBe(1);
    } finally {
      await close(fake.server);
    }
  });

  it('says so when Strapi is not reachable', async () => {
    await expect(pullStrapiSnapshot({ url: 'http://127.0.0.1:9' })).rejects.toThrow(/无法连接内容管理系统/);
  });
});
