import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentError } from '../../../content/errors.ts';
import type { Snapshot } from '../../../content/snapshot/snapshot-schema.ts';
import { REPO_ROOT, readPublisherConfig } from '../../../publisher/config.ts';
import { type Portal, startPortal } from '../../../publisher/portal.ts';
import { inProcessSnapshotStage } from '../../../publisher/releases/snapshot-stage.ts';
import { FIXTURE_SNAPSHOT } from '../../support/fixture-snapshot.ts';
import { type FakeMeilisearch, startFakeMeilisearch } from '../search/fake-meilisearch.ts';

/**
 * The release pipeline for real: `astro build` of a small snapshot into a staging folder, an
 * atomic switch, and the portal serving it — then a publish whose content is invalid, which must
 * leave the live site as it was and say why on the status endpoint. Every release carries its
 * Pagefind index; with MEILI_HOST set it also syncs Meilisearch — here a fake Meilisearch server
 * (no Meilisearch binary can be installed here, STACK.md) or a closed port — and a failed sync
 * fails the release.
 */
let dataDir: string;
let portal: Portal;
let base: string;
let next: () => Promise<Snapshot> = async () => FIXTURE_SNAPSHOT;
const logs: string[] = [];

interface Status {
  current: { id: string; demo: boolean } | null;
  building: boolean;
  lastAttempt: { ok: boolean | null; stage: string | null; error: string | null } | null;
  releases: string[];
}
const status = async () => (await (await fetch(`${base}/_publisher/status`)).json()) as Status;

beforeAll(async () => {
  // Inside the repository: a release's server bundle imports packages from the repo's node_modules.
  await mkdir(join(REPO_ROOT, '.data', 'tmp'), { recursive: true });
  dataDir = await mkdtemp(join(REPO_ROOT, '.data', 'tmp', 'publisher-'));
  const config = readPublisherConfig({ XIANJIE_DATA_DIR: dataDir, PUBLISHER_PORT: '0', CONTENT_SOURCE: 'strapi' });
  portal = await startPortal(
    config,
    inProcessSnapshotStage(() => next()),
    (line) => logs.push(line),
  );
  base = `http://127.0.0.1:${(portal.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await portal?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('publisher release pipeline', () => {
  it('answers 503 with a Chinese message before the first release', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('构建');
  });

  it('builds the first release, switches to it and serves its pages', async () => {
    await portal.publishNow('测试：首个版本');
    const s = await status();
    expect(s.current?.id).toMatch(/^\d{8}-\d{6}-[0-9a-f]{4}$/);
    expect(s.lastAttempt).toMatchObject({ ok: true, error: null });
    const home = await fetch(`${base}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toContain('text/html');
    const html = await home.text();
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain('示例数据');
    const project = FIXTURE_SNAPSHOT.projects[0];
    expect((await fetch(`${base}/projects/${project?.slug}/`)).status).toBe(200);
    // The search step: Pagefind's bundle in the release, and a Pagefind-only browser config.
    const pagefindJs = await fetch(`${base}/pagefind/pagefind.js`);
    expect(pagefindJs.status).toBe(200);
    expect(await pagefindJs.text()).toContain('pagefind');
    expect((await fetch(`${base}/pagefind/vocabulary.json`)).status).toBe(200);
    expect(await (await fetch(`${base}/search-config.json`)).json()).toEqual({
      engine: 'pagefind',
      pagefindPath: '/pagefind/',
      meilisearch: null,
    });
    const missing = await fetch(`${base}/no-such-page/`);
    expect(missing.status).toBe(404);
  });

  it('serves the API routes from the live release', async () => {
    const project = FIXTURE_SNAPSHOT.projects[0];
    const res = await fetch(`${base}/api/projects/${project?.slug}/stats`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ raisedFen: 0, donationCount: 0 });
  });

  it('keeps the live release when the content is invalid, and the status says why', async () => {
    const before = (await status()).current?.id;
    next = async () => {
      throw new ContentError('SNAPSHOT_INVALID', '快照校验失败：', [
        { entry: '慈善项目 “broken”（projects[0]）', field: 'plan.goalFen', message: '募捐目标应大于 0' },
      ]);
    };
    await expect(portal.publishNow('测试：无效内容')).rejects.toThrow('plan.goalFen');
    const s = await status();
    expect(s.current?.id).toBe(before);
    expect(s.lastAttempt).toMatchObject({ ok: false, stage: 'pull' });
    expect(s.lastAttempt?.error).toContain('plan.goalFen');
    expect((await fetch(`${base}/`)).status).toBe(200);
    expect(s.releases.filter((r) => r.startsWith('.'))).toEqual([]);
  });

  it('switches to a new release without dropping a request', async () => {
    next = async () => FIXTURE_SNAPSHOT;
    const before = (await status()).current?.id;
    let stop = false;
    const codes: number[] = [];
    const hammer = (async () => {
      while (!stop) {
        const res = await fetch(`${base}/`);
        codes.push(res.status);
        await res.arrayBuffer();
      }
    })();
    await portal.publishNow('测试：第二个版本');
    stop = true;
    await hammer;
    const s = await status();
    expect(s.current?.id).not.toBe(before);
    expect(s.releases).toContain(before);
    expect(codes.length).toBeGreaterThan(10);
    expect(codes.every((c) => c === 200)).toBe(true);
  });
});

describe('publisher release pipeline with Meilisearch (MEILI_HOST)', () => {
  let fake: FakeMeilisearch;
  const saved = { host: process.env.MEILI_HOST, key: process.env.MEILI_MASTER_KEY };

  beforeAll(async () => {
    next = async () => FIXTURE_SNAPSHOT;
    fake = await startFakeMeilisearch('pipeline-master-key');
    process.env.MEILI_HOST = fake.url;
    process.env.MEILI_MASTER_KEY = fake.masterKey;
  });
  afterAll(async () => {
    for (const [name, value] of [
      ['MEILI_HOST', saved.host],
      ['MEILI_MASTER_KEY', saved.key],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await fake?.close();
  });

  it('reindexes the fake Meilisearch server and gives the browser only the search-only key', async () => {
    await portal.publishNow('测试：同步 Meilisearch');
    const s = await status();
    expect(s.lastAttempt).toMatchObject({ ok: true, error: null });
    const live = fake.indexes.get('xianjie-content');
    expect(live?.docs.size).toBeGreaterThan(FIXTURE_SNAPSHOT.projects.length);
    const config = (await (await fetch(`${base}/search-config.json`)).json()) as {
      engine: string;
      meilisearch: { host: string; indexUid: string; apiKey: string; expiresAt: string | null };
    };
    expect(config.engine).toBe('meilisearch');
    expect(Object.keys(config.meilisearch).sort()).toEqual(['apiKey', 'expiresAt', 'host', 'indexUid']);
    expect(config.meilisearch).toMatchObject({ host: fake.url, indexUid: 'xianjie-content' });
    expect(config.meilisearch.apiKey).not.toBe(fake.masterKey);
    const key = fake.keys.find((k) => k.key === config.meilisearch.apiKey);
    expect(key).toMatchObject({ actions: ['search'], indexes: ['xianjie-content'] });
    expect(config.meilisearch.expiresAt).not.toBeNull();
    expect((await fetch(`${base}/pagefind/pagefind.js`)).status).toBe(200);
    // The island asks Meilisearch from the browser: the pages' CSP lets it reach that origin only.
    const csp = (await fetch(`${base}/search/`)).headers.get('content-security-policy');
    expect(csp).toContain(`connect-src 'self' ${new URL(fake.url).origin};`);
  });

  it('fails the release and keeps the live one when the fake Meilisearch server fails a task', async () => {
    const before = (await status()).current?.id;
    const liveDocs = fake.indexes.get('xianjie-content')?.docs.size;
    expect(liveDocs).toBeGreaterThan(0);
    fake.failNext('documentAdditionOrUpdate');
    await expect(portal.publishNow('测试：Meilisearch 写入失败')).rejects.toThrow('同步 Meilisearch');
    const s = await status();
    expect(s.current?.id).toBe(before);
    expect(s.lastAttempt).toMatchObject({ ok: false, stage: 'index' });
    expect(s.lastAttempt?.error).toMatch(/^构建搜索索引失败：同步 Meilisearch/);
    expect(s.releases.filter((r) => r.startsWith('.'))).toEqual([]);
    expect((await fetch(`${base}/pagefind/pagefind.js`)).status).toBe(200);
    // The live index was not swapped: it holds what the last good release put there.
    expect(fake.indexes.get('xianjie-content')?.docs.size).toBe(liveDocs);
  });

  it('fails the release and keeps the live one when MEILI_HOST points at a closed port', async () => {
    const before = (await status()).current?.id;
    const probe = createServer();
    await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((ok) => probe.close(() => ok()));
    process.env.MEILI_HOST = `http://127.0.0.1:${port}`;
    await expect(portal.publishNow('测试：Meilisearch 不可达')).rejects.toThrow('同步 Meilisearch');
    const s = await status();
    expect(s.current?.id).toBe(before);
    expect(s.lastAttempt).toMatchObject({ ok: false, stage: 'index' });
    expect(s.lastAttempt?.error).toContain(`127.0.0.1:${port}`);
    expect((await fetch(`${base}/`)).status).toBe(200);
  });
});
