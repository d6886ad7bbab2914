import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { relevanceDataset } from '../../../bench/relevance/demo-documents.ts';
import { createSearchClient } from '../../../search/client/client.ts';
import { createMeilisearchEngine } from '../../../search/client/meilisearch-engine.ts';
import { loadSearchConfig, type MeilisearchConfig } from '../../../search/index/config.ts';
import { createMeilisearchAdapter } from '../../../search/index/meilisearch-adapter.ts';
import { searchKeyName } from '../../../search/index/meilisearch-keys.ts';
import { meilisearchSettings } from '../../../search/index/meilisearch-settings.ts';
import { MeilisearchTaskError } from '../../../search/index/meilisearch-tasks.ts';
import { type FakeMeilisearch, startFakeMeilisearch } from './fake-meilisearch.ts';

/**
 * The Meilisearch adapter's requests, checked against a FAKE Meilisearch server
 * (tests/integration/search/fake-meilisearch.ts): it answers the real HTTP API shapes and records
 * every request, but it is not Meilisearch — ranking, synonyms and typo tolerance are not tested
 * here (meilisearch-live.test.ts does that when MEILI_HOST is set).
 */
const { snapshot, documents } = relevanceDataset();
let fake: FakeMeilisearch;
let config: MeilisearchConfig;

const writes = () =>
  fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path.replace(/-next-\d+/, '-next-N')}`);

beforeEach(async () => {
  fake = await startFakeMeilisearch();
  const loaded = loadSearchConfig({
    MEILI_HOST: fake.url,
    MEILI_MASTER_KEY: fake.masterKey,
    MEILI_INDEX: 'xj',
    MEILI_BATCH_SIZE: '1000',
  });
  if (!loaded.meilisearch) throw new Error('config');
  config = loaded.meilisearch;
});
afterEach(async () => {
  await fake.close();
});

describe('Meilisearch 适配器（fake Meilisearch server：假的 Meilisearch 服务器，记录请求）', () => {
  it('全量重建：先建新索引、先设置后写文档、分批写入并逐个等任务、原子切换、删掉旧内容', async () => {
    const adapter = createMeilisearchAdapter(config, { now: () => 1_700_000_000_000, pollMs: 1 });
    const result = await adapter.reindexAll(documents);
    expect(result).toMatchObject({ indexUid: 'xj-content', documents: documents.length, batches: 3 });
    expect(writes()).toEqual([
      'POST /indexes',
      'PATCH /indexes/xj-content-next-N/settings',
      'POST /indexes/xj-content-next-N/documents',
      'POST /indexes/xj-content-next-N/documents',
      'POST /indexes/xj-content-next-N/documents',
      'POST /indexes',
      'PATCH /indexes/xj-content/settings',
      'POST /swap-indexes',
      'DELETE /indexes/xj-content-next-N',
    ]);
    const [create] = fake.requests;
    expect(create?.body).toEqual({ uid: 'xj-content-next-1700000000000', primaryKey: 'id' });
    expect(create?.authorization).toBe(`Bearer ${fake.masterKey}`);
    const settings = fake.requests.find((r) => r.method === 'PATCH');
    expect(settings?.body).toEqual(JSON.parse(JSON.stringify(meilisearchSettings())));
    const batches = fake.requests.filter((r) => r.path.endsWith('/documents'));
    // addDocumentsInBatches sends the batches concurrently: their order on the wire is not fixed.
    const sizes = batches.map((b) => (b.body as unknown[]).length).sort((a, b) => b - a);
    expect(sizes).toEqual([1000, 1000, documents.length - 2000]);
    expect(batches.every((b) => b.query.primaryKey === 'id')).toBe(true);
    // Every task was polled until it finished before the next step.
    const taskPolls = fake.requests.filter((r) => r.path.startsWith('/tasks/')).length;
    expect(taskPolls).toBeGreaterThanOrEqual(2 * 9);
    expect(fake.indexes.get('xj-content')?.docs.size).toBe(documents.length);
    expect([...fake.indexes.keys()]).toEqual(['xj-content']);
  });

  it('第二次重建：旧的 live 索引被换下并删除，live 里是新文档', async () => {
    const adapter = createMeilisearchAdapter(config, { pollMs: 1 });
    await adapter.reindexAll(documents.slice(0, 10));
    await adapter.reindexAll(documents.slice(10, 15));
    expect([...(fake.indexes.get('xj-content')?.docs.keys() ?? [])]).toEqual(documents.slice(10, 15).map((d) => d.id));
    expect([...fake.indexes.keys()]).toEqual(['xj-content']);
  });

  it('写入失败：抛出带服务器原因的错误，live 索引保持原样，临时索引被清理', async () => {
    const adapter = createMeilisearchAdapter(config, { pollMs: 1 });
    await adapter.reindexAll(documents.slice(0, 5));
    fake.failNext('documentAdditionOrUpdate');
    await expect(adapter.reindexAll(documents.slice(5, 10))).rejects.toThrow(MeilisearchTaskError);
    expect([...(fake.indexes.get('xj-content')?.docs.keys() ?? [])]).toEqual(documents.slice(0, 5).map((d) => d.id));
    await new Promise((ok) => setTimeout(ok, 50));
    expect(fake.requests.at(-1)?.method).toBe('DELETE');
  });

  it('增量：改动的项目整条替换（连同它的信息公开），下架的项目连同信息公开删除', async () => {
    const adapter = createMeilisearchAdapter(config, { pollMs: 1 });
    await adapter.reindexAll(documents);
    const project = snapshot.projects[0];
    if (!project) throw new Error('demo');
    const changed = structuredClone(snapshot);
    const target = changed.projects[0];
    if (target) target.title = '改过的标题';
    fake.requests.length = 0;
    const sync = await adapter.syncEntry(changed, { type: 'project', slug: project.slug });
    const ownDisclosures = snapshot.disclosures
      .filter((d) => d.project === project.slug)
      .map((d) => `disclosure-${d.slug}`);
    expect(sync.upserted.sort()).toEqual([`project-${project.slug}`, ...ownDisclosures].sort());
    expect(sync.deleted).toEqual([]);
    expect(writes()).toEqual(['POST /indexes/xj-content/documents']);
    expect(fake.indexes.get('xj-content')?.docs.get(`project-${project.slug}`)?.title).toBe('改过的标题');
    expect(fake.indexes.get('xj-content')?.docs.get(ownDisclosures[0] ?? '')?.project).toBe('改过的标题');

    const gone = structuredClone(snapshot);
    gone.projects = gone.projects.filter((p) => p.slug !== project.slug);
    gone.disclosures = gone.disclosures.filter((d) => d.project !== project.slug);
    fake.requests.length = 0;
    const removal = await adapter.syncEntry(gone, { type: 'project', slug: project.slug });
    expect(removal.upserted).toEqual([]);
    expect(writes()).toEqual([
      `DELETE /indexes/xj-content/documents/project-${project.slug}`,
      'POST /indexes/xj-content/documents/delete',
    ]);
    expect(fake.requests.find((r) => r.path.endsWith('/documents/delete'))?.body).toEqual({
      filter: `projectSlug = "${project.slug}"`,
    });
    const docs = fake.indexes.get('xj-content')?.docs;
    expect(docs?.has(`project-${project.slug}`)).toBe(false);
    expect(ownDisclosures.some((id) => docs?.has(id))).toBe(false);
  });

  it('增量：一条需求更新、一批删除', async () => {
    const adapter = createMeilisearchAdapter(config, { pollMs: 1 });
    const need = documents.find((d) => d.type === 'need');
    if (!need) throw new Error('demo');
    await adapter.upsert([need]);
    expect(writes()).toEqual([
      'POST /indexes',
      'PATCH /indexes/xj-content/settings',
      'POST /indexes/xj-content/documents',
    ]);
    fake.requests.length = 0;
    await adapter.remove(['need-a', 'need-b']);
    expect(fake.requests.find((r) => r.path.endsWith('/delete-batch'))?.body).toEqual(['need-a', 'need-b']);
  });

  it('浏览器密钥：只有 search、只对本索引、有到期日；复用未过半的，替换快到期的；主密钥不外泄', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const adapter = createMeilisearchAdapter(config, { now: () => now, pollMs: 1 });
    const first = await adapter.searchKey();
    expect(first).toMatchObject({ host: fake.url, indexUid: 'xj-content', expiresAt: '2026-01-31T00:00:00.000Z' });
    expect(first.apiKey).not.toBe(fake.masterKey);
    expect(JSON.stringify(first)).not.toContain(fake.masterKey);
    const created = fake.requests.find((r) => r.method === 'POST' && r.path === '/keys');
    expect(created?.body).toMatchObject({
      name: searchKeyName(config),
      actions: ['search'],
      indexes: ['xj-content'],
      expiresAt: '2026-01-31T00:00:00.000Z',
    });
    now += 10 * 86_400_000;
    expect((await adapter.searchKey()).apiKey).toBe(first.apiKey);
    now += 10 * 86_400_000;
    const rotated = await adapter.searchKey();
    expect(rotated.apiKey).not.toBe(first.apiKey);
    expect(fake.keys.map((k) => k.key)).toEqual([rotated.apiKey]);
  });

  it('浏览器端引擎用这把 search-only key 能搜，不能写；客户端经由它返回同样的形状', async () => {
    const adapter = createMeilisearchAdapter(config, { pollMs: 1 });
    await adapter.reindexAll(documents.slice(0, 50));
    const key = await adapter.searchKey();
    const write = await fetch(`${fake.url}/indexes/xj-content/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key.apiKey}`, 'content-type': 'application/json' },
      body: '[]',
    });
    expect(write.status).toBe(403);
    const client = createSearchClient({ primary: createMeilisearchEngine({ ...key }) });
    const title = documents[0]?.title.slice(0, 4) ?? '';
    const r = await client.search({ query: title, filters: { type: ['project', 'bogus'] } });
    expect(r).toMatchObject({ engine: 'meilisearch', state: 'results', fellBack: false });
    expect(r.hits[0]).toMatchObject({ id: documents[0]?.id, url: documents[0]?.url, meta: { typeLabel: '慈善项目' } });
    const search = fake.requests.filter((x) => x.path === '/indexes/xj-content/search').at(-1);
    expect(search?.authorization).toBe(`Bearer ${key.apiKey}`);
    expect(search?.body).toMatchObject({ q: title, filter: [['type = "project"']], page: 1, hitsPerPage: 10 });
  });
});
