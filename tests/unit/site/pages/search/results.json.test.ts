import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relevanceDataset } from '../../../../../bench/relevance/demo-documents.ts';
import { SEARCH_DOCUMENTS_FILE, writeReleaseDocuments } from '../../../../../search/index/release-documents.ts';
import { MAX_FACET_VALUES } from '../../../../../search/server/index.ts';

/**
 * GET /search/results.json (issue 20, step 5): the results page's search as JSON for the island,
 * over a real release documents file (the demo's 2,488 documents) read by the same process-wide
 * server search the page uses. Hostile input never gives markup or a 500.
 */
let dir = '';
let GET: typeof import('../../../../../site/pages/search/results.json.ts')['GET'];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'results-json-'));
  const { documents } = relevanceDataset();
  await writeReleaseDocuments(join(dir, SEARCH_DOCUMENTS_FILE), { demo: true, ruleDay: '2025-06-15', documents });
  process.env.XIANJIE_RELEASE_DIR = dir;
  ({ GET } = await import('../../../../../site/pages/search/results.json.ts'));
}, 60_000);

afterAll(async () => {
  delete process.env.XIANJIE_RELEASE_DIR;
  await rm(dir, { recursive: true, force: true });
});

async function get(query: string): Promise<{ status: number; type: string | null; text: string }> {
  const url = new URL(`http://localhost/search/results.json?${query}`);
  const response = await GET({ url, request: new Request(url) } as Parameters<typeof GET>[0]);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

const MARKUP_OTHER_THAN_MARK = /<(?!\/?mark>)/;

describe('GET /search/results.json', () => {
  it('answers the server engine’s results as JSON, first results well under 150 KB', async () => {
    const answer = await get(`q=${encodeURIComponent('失能老人')}`);
    expect(answer.status).toBe(200);
    expect(answer.type).toMatch(/^application\/json/);
    const body = JSON.parse(answer.text);
    expect(body.state).toBe('results');
    expect(body.hits.length).toBe(10);
    expect(body.total).toBeGreaterThan(10);
    expect(body.facets.region).toBeUndefined();
    for (const counts of Object.values(body.facets) as Record<string, number>[])
      expect(Object.keys(counts).length).toBeLessThanOrEqual(MAX_FACET_VALUES);
    expect(Buffer.byteLength(answer.text)).toBeLessThan(150 * 1024);
  }, 60_000);

  it('finds an award by its name and keeps a filter the release holds', async () => {
    const award = JSON.parse((await get(`q=${encodeURIComponent('中华慈善奖')}`)).text);
    expect(award.hits.slice(0, 5).some((h: { type: string }) => h.type === 'award')).toBe(true);
    const filtered = JSON.parse((await get(`q=${encodeURIComponent('助学')}&type=project&type=不存在`)).text);
    expect(filtered.filters).toEqual({ type: ['project'] });
    expect(filtered.hits.every((h: { type: string }) => h.type === 'project')).toBe(true);
  });

  it.each([
    ['markup', '<script>alert(1)</script><img src=x onerror=alert(2)>'],
    ['2,000 characters', '慈善'.repeat(1000)],
    ['punctuation only', '！？。，、…——<>&"\'%'],
    ['empty', ''],
  ])('a hostile query (%s) gives 200 JSON without markup', async (kind, query) => {
    const answer = await get(`q=${encodeURIComponent(query)}&page=999999&province=<b>x</b>`);
    expect(answer.status).toBe(200);
    expect(answer.type).toMatch(/^application\/json/);
    const body = JSON.parse(answer.text);
    expect(['results', 'no-results', 'empty']).toContain(body.state);
    // The query comes back as data (the island renders it as text); nothing the engine wrote is markup.
    expect(JSON.stringify({ ...body, query: '' })).not.toMatch(MARKUP_OTHER_THAN_MARK);
    expect(Array.from(body.query as string).length).toBeLessThanOrEqual(200);
    if (kind.startsWith('punctuation')) expect(body.total).toBe(0);
  });
});
