import { describe, expect, it } from 'vitest';
import { relevanceDataset } from '../../../../bench/relevance/demo-documents.ts';
import { JUDGED_QUERIES } from '../../../../bench/relevance/judged-queries.ts';
import { POLICY_QUERIES, policyJudged } from '../../../../bench/relevance/policy-queries.ts';

describe('政策用语评测集（按字段评判）', () => {
  const judged = policyJudged(relevanceDataset().documents);

  it('至少 40 个查询，各不相同，也不与第一评测集重复', () => {
    expect(POLICY_QUERIES.length).toBeGreaterThanOrEqual(40);
    const queries = POLICY_QUERIES.map((q) => q.query);
    expect(new Set(queries).size).toBe(queries.length);
    for (const q of queries) expect(JUDGED_QUERIES.map((j) => j.query)).not.toContain(q);
  });

  it.each(judged.map((q) => [q.query, q] as const))(
    '%s：规则在演示数据上找到条目，且只是项目、需求、案例、活动或表彰',
    (_, q) => {
      expect(q.relevant.length).toBeGreaterThan(0);
      for (const ref of q.relevant) expect(ref).toMatch(/^(project|need|typical-case|campaign|award):/);
    },
  );

  it('老年助餐：其他人群的助餐项目不算相关', () => {
    const meals = judged.find((q) => q.query === '老年助餐');
    expect(meals?.relevant).not.toContain('project:lanping-fangfanpinjiancehu-aixinzhucan');
    expect(meals?.relevant).toContain('project:kaipingshi-gaolingshinenglaoren-aixinzhucan');
  });
});
