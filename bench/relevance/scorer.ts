/**
 * Scores a ranked run against the judged queries: recall@5 and MRR (mean reciprocal rank).
 * recall@5 of one query is the share of its judged entries found in the top 5, with the
 * denominator capped at 5 (a query judged to have more than five right answers is perfect when
 * its top 5 are all right ones). MRR uses the rank of the first judged entry in the top 10
 * (0 when none is there). success@5 of one query is 1 when any judged entry is in the top 5 (the
 * measure issue 20's targets are set in). All are averaged over the queries.
 */
import { JUDGED_QUERIES, type JudgedQuery } from './judged-queries.ts';

export const CUTOFF = 5;
export const MRR_DEPTH = 10;

export interface QueryScore {
  query: string;
  kind: JudgedQuery['kind'];
  recall: number;
  /** 1 when a judged entry is in the top 5, else 0. */
  success: number;
  reciprocalRank: number;
  /** Judged entries missing from the top 5. */
  missing: string[];
  /** The ids the engine ranked first (up to MRR_DEPTH). */
  top: string[];
}

export interface RunScore {
  successAt5: number;
  recallAt5: number;
  mrr: number;
  queries: QueryScore[];
  byKind: Record<string, { n: number; successAt5: number; recallAt5: number; mrr: number }>;
}

/** `project:slug` (how the judged file names entries) → the search document id `project-slug`. */
export const docId = (ref: string) => ref.replace(':', '-');

export function scoreQuery(judged: JudgedQuery, ranked: readonly string[]): QueryScore {
  const relevant = judged.relevant.map(docId);
  const top = ranked.slice(0, CUTOFF);
  const found = relevant.filter((id) => top.includes(id));
  const firstRank = ranked.slice(0, MRR_DEPTH).findIndex((id) => relevant.includes(id));
  return {
    query: judged.query,
    kind: judged.kind,
    recall: relevant.length === 0 ? 0 : found.length / Math.min(CUTOFF, relevant.length),
    success: found.length > 0 ? 1 : 0,
    reciprocalRank: firstRank < 0 ? 0 : 1 / (firstRank + 1),
    missing: judged.relevant.filter((ref) => !top.includes(docId(ref))),
    top: ranked.slice(0, MRR_DEPTH),
  };
}

const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

export function scoreRun(judged: readonly JudgedQuery[], run: ReadonlyMap<string, readonly string[]>): RunScore {
  const queries = judged.map((j) => scoreQuery(j, run.get(j.query) ?? []));
  const byKind: RunScore['byKind'] = {};
  for (const kind of new Set(queries.map((q) => q.kind))) {
    const of = queries.filter((q) => q.kind === kind);
    byKind[kind] = {
      n: of.length,
      successAt5: mean(of.map((q) => q.success)),
      recallAt5: mean(of.map((q) => q.recall)),
      mrr: mean(of.map((q) => q.reciprocalRank)),
    };
  }
  return {
    successAt5: mean(queries.map((q) => q.success)),
    recallAt5: mean(queries.map((q) => q.recall)),
    mrr: mean(queries.map((q) => q.reciprocalRank)),
    queries,
    byKind,
  };
}

/**
 * Runs every judged query through `search` (the ids it ranks, best first), scores the run and logs
 * the table under `label`: the one loop every engine's relevance test shares. Per-query checks
 * (the state, which engine answered) belong in `search`.
 */
export async function runJudged(
  search: (query: string) => Promise<readonly string[]>,
  label: string,
  judged: readonly JudgedQuery[] = JUDGED_QUERIES,
): Promise<RunScore> {
  const run = new Map<string, readonly string[]>();
  // One at a time: latency-sensitive engines (a browser, a remote server) are measured unloaded.
  for (const j of judged) run.set(j.query, await search(j.query));
  const score = scoreRun(judged, run);
  console.log(formatScore(label, score));
  return score;
}

/** A short table for the test log. */
export function formatScore(engine: string, score: RunScore): string {
  const pct = (x: number) => x.toFixed(3);
  const lines = [
    `${engine}: success@5 ${pct(score.successAt5)}, recall@5 ${pct(score.recallAt5)}, MRR ${pct(score.mrr)} over ${score.queries.length} queries`,
    ...Object.entries(score.byKind).map(
      ([kind, s]) =>
        `  ${kind.padEnd(12)} n=${String(s.n).padStart(2)} success@5 ${pct(s.successAt5)} recall@5 ${pct(s.recallAt5)} MRR ${pct(s.mrr)}`,
    ),
    ...score.queries
      .filter((q) => q.recall < 1)
      .map((q) => {
        const more = q.missing.length > 3 ? ` (+${q.missing.length - 3})` : '';
        return `  ✗ ${q.query} recall ${pct(q.recall)} RR ${pct(q.reciprocalRank)} missing ${q.missing.slice(0, 3).join(', ')}${more}`;
      }),
  ];
  return lines.join('\n');
}
