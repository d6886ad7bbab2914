import { staticSnapshotSource } from '../donations/snapshot-source.ts';
import { createServerSearch } from '../search/server/index.ts';
import { relevanceDataset } from './relevance/demo-documents.ts';
import { JUDGED_QUERIES } from './relevance/judged-queries.ts';
import { policyJudged } from './relevance/policy-queries.ts';
import { type RunScore, runJudged } from './relevance/scorer.ts';

/**
 * Both judged sets through the server engine (the no-JavaScript results page's, in-process), with
 * latency per query: `npx tsx bench/search-relevance.ts`. bench/search.ts reports it beside the
 * island's and Pagefind's numbers; the unit test gates the same scores.
 */
export async function serverRelevance(): Promise<{ first: RunScore; policy: RunScore; p50: number; p95: number }> {
  const { snapshot, documents } = relevanceDataset();
  const search = createServerSearch({ snapshots: staticSnapshotSource(snapshot) });
  await search.corpus();
  const times: number[] = [];
  const ask = async (query: string) => {
    const t0 = performance.now();
    const r = await search.search({ query });
    times.push(performance.now() - t0);
    return r.hits.map((h) => h.id);
  };
  const first = await runJudged(ask, '服务器端 / 第一评测集', JUDGED_QUERIES);
  const policy = await runJudged(ask, '服务器端 / 政策用语评测集', policyJudged(documents));
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { first, policy, p50: at(0.5), p95: at(0.95) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await serverRelevance();
  console.log(`server demo latency p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`);
}
