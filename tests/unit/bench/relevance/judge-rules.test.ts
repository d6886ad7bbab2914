import { describe, expect, it } from 'vitest';
import { relevanceDataset } from '../../../../bench/relevance/demo-documents.ts';
import { judge, RULES, rewrite } from '../../../../bench/relevance/judge-rules.ts';
import { JUDGED_QUERIES } from '../../../../bench/relevance/judged-queries.ts';
import { docId } from '../../../../bench/relevance/scorer.ts';

/**
 * The judged set stays tied to the demo it was judged on: when the generator's texts change, these
 * fail and say to re-judge (`tsx bench/relevance/judge-rules.ts`, read over, `--write`).
 */
describe('judged search set and its rules', () => {
  const judged = judge(relevanceDataset().snapshot);

  it('every judged query has a rule that finds something in the demo', () => {
    expect(JUDGED_QUERIES.map((q) => q.query).filter((q) => !RULES[q])).toEqual([]);
    expect([...judged].filter(([, r]) => !r || r.ids.length === 0).map(([q]) => q)).toEqual([]);
  });

  it('every judged entry exists in the demo of the judged day', () => {
    const ids = new Set(relevanceDataset().documents.map((d) => d.id));
    const missing = JUDGED_QUERIES.flatMap((q) =>
      q.relevant.filter((r) => !ids.has(docId(r))).map((r) => `${q.query}: ${r}`),
    );
    expect(missing).toEqual([]);
  });

  it('the judged lists are what the rules find', () => {
    for (const q of JUDGED_QUERIES)
      expect([...q.relevant].sort(), q.query).toEqual([...(judged.get(q.query)?.ids ?? [])].sort());
  });

  it('rewrite replaces a query’s list and leaves an unruled one alone', () => {
    const source = `  {\n    query: 'a',\n    kind: 'jargon',\n    relevant: ['project:x'],\n  },\n  {\n    query: 'b',\n    kind: 'jargon',\n    relevant: ['need:y'],\n  },`;
    const out = rewrite(
      source,
      new Map([
        ['a', { ids: ['project:z', 'need:w'] }],
        ['b', null],
      ]),
    );
    expect(out).toContain(`relevant: [\n      'project:z',\n      'need:w',\n    ]`);
    expect(out).toContain(`relevant: ['need:y']`);
  });
});
