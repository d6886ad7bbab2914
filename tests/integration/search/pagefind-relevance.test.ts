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
 * Measured 2026-12-06: 0.917 in both modes, then 0.938 once each award had its own URL (issue 20's
 * island target is 0.95: not reached yet, BENCHMARKS.md).
 */
const POLICY_SUCCESS = 0.92;

describe.each([
  { name: '自定义记录（addCustomRecord）', as: 'records' as const },
  { name: '参考 HTML（addHTMLFile，模板约定）', as: 'htmlRecords' as const },
])('Pagefind 评测集：$name', ({ name, as }) => {
  let browser: PagefindBrowser;

  beforeAll(async () => {
    browser = await startPagefindBrowser({ [as]: relevanceDataset().documents });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(`recall@5 ≥ ${THRESHOLDS.recallAt5}，MRR ≥ ${THRESHOLDS.mrr}（${JUDGED_QUERIES.length} 个查询，Chromium）`, async () => {
    const score = await runJudged(async (query) => {
      const response = await browser.search({ query });
      expect(response.state, query).toBe('results');
      return response.hits.map((h) => h.id);
    }, `Pagefind / ${name}`);
    expect(score.recallAt5).toBeGreaterThanOrEqual(THRESHOLDS.recallAt5);
    expect(score.mrr).toBeGreaterThanOrEqual(THRESHOLDS.mrr);
  });

  // Issue 20's policy set (judged by fields): guarded a little under the measurement.
  it(`政策用语评测集：success@5 ≥ ${POLICY_SUCCESS}（Chromium）`, async () => {
    const judged = policyJudged(relevanceDataset().documents);
    const score = await runJudged(
      async (query) => (await browser.search({ query })).hits.map((h) => h.id),
      `Pagefind / ${name} / 政策用语`,
      judged,
    );
    expect(score.successAt5).toBeGreaterThanOrEqual(POLICY_SUCCESS);
  });
});
