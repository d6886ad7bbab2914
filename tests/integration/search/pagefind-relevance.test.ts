import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relevanceDataset } from '../../../bench/relevance/demo-documents.ts';
import { JUDGED_QUERIES } from '../../../bench/relevance/judged-queries.ts';
import { policyJudged } from '../../../bench/relevance/policy-queries.ts';
import { runJudged } from '../../../bench/relevance/scorer.ts';
import { type PagefindBrowser, startPagefindBrowser } from './pagefind-browser.ts';

/**
 * The judged query set (bench/relevance/) through Pagefind's real search in Chromium, via our
 * search client, over an index built from the demo snapshot's search documents — once as custom
 * records (addCustomRecord) and once as the reference HTML the site's templates will emit
 * (addHTMLFile with content/search/pagefind-markup.ts), so neither needs the site.
 */
const THRESHOLDS = { recallAt5: 0.85, mrr: 0.85 };
/**
 * Issue 20's island target on both judged sets: success@5 ≥ 0.95. Measured 2026-12-06 after the
 * rare-word weights, homophone corrections and named-type classes: first set 0.957, policy set
 * 1.000, in both record modes (before: 0.957 and 0.938; BENCHMARKS.md "Island relevance").
 */
const SUCCESS = 0.95;

describe.each([
  { name: '自定义记录（addCustomRecord）', as: 'records' as const },
  { name: '参考 HTML（addHTMLFile，模板约定）', as: 'htmlRecords' as const },
])('Pagefind 评测集：$name', ({ name, as }) => {
  let browser: PagefindBrowser;
  /** The island's success@5 on each set, from the tests above, for the Pagefind-only comparison. */
  const island: { first?: number; policy?: number } = {};

  beforeAll(async () => {
    browser = await startPagefindBrowser({ [as]: relevanceDataset().documents });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(`success@5 ≥ ${SUCCESS}，recall@5 ≥ ${THRESHOLDS.recallAt5}，MRR ≥ ${THRESHOLDS.mrr}（${JUDGED_QUERIES.length} 个查询，Chromium）`, async () => {
    const score = await runJudged(async (query) => {
      const response = await browser.search({ query });
      expect(response.state, query).toBe('results');
      return response.hits.map((h) => h.id);
    }, `Pagefind / ${name}`);
    island.first = score.successAt5;
    expect(score.successAt5).toBeGreaterThanOrEqual(SUCCESS);
    expect(score.recallAt5).toBeGreaterThanOrEqual(THRESHOLDS.recallAt5);
    expect(score.mrr).toBeGreaterThanOrEqual(THRESHOLDS.mrr);
  });

  // Issue 20's policy set (judged by fields).
  it(`政策用语评测集：success@5 ≥ ${SUCCESS}（Chromium）`, async () => {
    const judged = policyJudged(relevanceDataset().documents);
    const score = await runJudged(
      async (query) => (await browser.search({ query })).hits.map((h) => h.id),
      `Pagefind / ${name} / 政策用语`,
      judged,
    );
    island.policy = score.successAt5;
    expect(score.successAt5).toBeGreaterThanOrEqual(SUCCESS);
  });

  // Issue 20 asks for Pagefind-only too: Pagefind with its defaults, without our variants, type
  // classes and fusion. Reported, and guarded only against doing better than the island (which
  // would mean our client costs relevance).
  it('仅 Pagefind（无查询变体与融合）：两个评测集都低于本客户端', async () => {
    const only = (query: string) => browser.pagefindOnly(query);
    const first = await runJudged(only, `仅 Pagefind / ${name}`);
    const policy = await runJudged(
      only,
      `仅 Pagefind / ${name} / 政策用语`,
      policyJudged(relevanceDataset().documents),
    );
    expect(island.first, '本客户端的两项先跑').toBeDefined();
    expect(first.successAt5).toBeLessThan(island.first ?? 0);
    expect(policy.successAt5).toBeLessThan(island.policy ?? 0);
  });
});
