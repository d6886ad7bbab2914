import { describe, expect, it } from 'vitest';
import { JUDGED_QUERIES } from '../../../../bench/relevance/judged-queries.ts';
import { docId, scoreQuery, scoreRun } from '../../../../bench/relevance/scorer.ts';

describe('relevance scorer', () => {
  const judged = { query: 'q', kind: 'jargon' as const, relevant: ['project:a', 'need:b'] };

  it('recall@5 与倒数排名', () => {
    expect(scoreQuery(judged, ['project-a', 'x', 'need-b'])).toMatchObject({ recall: 1, reciprocalRank: 1 });
    expect(scoreQuery(judged, ['x', 'y', 'project-a'])).toMatchObject({ recall: 0.5, reciprocalRank: 1 / 3 });
    expect(scoreQuery(judged, ['1', '2', '3', '4', '5', 'project-a'])).toMatchObject({
      recall: 0,
      reciprocalRank: 1 / 6,
    });
    expect(scoreQuery(judged, [])).toMatchObject({ recall: 0, reciprocalRank: 0, missing: ['project:a', 'need:b'] });
  });

  it('相关条目超过 5 个时，分母按 5 计', () => {
    const many = {
      ...judged,
      relevant: ['project:1', 'project:2', 'project:3', 'project:4', 'project:5', 'project:6'],
    };
    expect(scoreQuery(many, ['project-6', 'project-5', 'project-4', 'project-3', 'project-2']).recall).toBe(1);
  });

  it('平均并按类别汇总', () => {
    const run = scoreRun([judged, { ...judged, query: 'r', kind: 'region' }], new Map([['q', ['project-a']]]));
    expect(run.recallAt5).toBe(0.25);
    expect(run.mrr).toBe(0.5);
    expect(run.byKind.region).toEqual({ n: 1, successAt5: 0, recallAt5: 0, mrr: 0 });
    expect(docId('typical-case:x-y')).toBe('typical-case-x-y');
  });

  it('评测集：至少 40 个查询，五类都有，每个查询都有判定的条目且不重复', () => {
    expect(JUDGED_QUERIES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(JUDGED_QUERIES.map((q) => q.kind))).toEqual(
      new Set(['jargon', 'synonym', 'region', 'two-term', 'near-miss']),
    );
    expect(new Set(JUDGED_QUERIES.map((q) => q.query)).size).toBe(JUDGED_QUERIES.length);
    for (const q of JUDGED_QUERIES) {
      expect(q.relevant.length).toBeGreaterThan(0);
      expect(q.relevant.every((r) => /^(project|need|typical-case):[a-z0-9-]+$/.test(r))).toBe(true);
    }
  });
});
