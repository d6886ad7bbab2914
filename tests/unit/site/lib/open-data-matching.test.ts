import { describe, expect, it } from 'vitest';
import { datasetJson } from '../../../../site/lib/open-data.ts';
import { matchingPoolDataset } from '../../../../site/lib/open-data-matching.ts';
import { demoSite } from '../../../support/fixtures/site.ts';

type PoolItem = Record<string, unknown> & { sponsor: string; sponsor_credit_code: string | null; total_fen: number };

describe('open data: 配捐 pools (/data/matching-pools.{json,csv})', () => {
  const site = demoSite();
  const dataset = matchingPoolDataset('https://xianjie.example.org');
  const items = (s = site) =>
    (JSON.parse(datasetJson(dataset as Parameters<typeof datasetJson>[0], s)) as { items: PoolItem[] }).items;

  it("has every pool of the release's snapshot with its caps in fen and its rules in words", () => {
    const pools = site.snapshot.matchingPools;
    expect(pools.length).toBeGreaterThan(0);
    const rows = items();
    expect(rows.map((r) => r.slug)).toEqual(pools.map((p) => p.slug));
    const [row, pool] = [rows[0], pools[0]];
    expect(row?.total_fen).toBe(pool?.totalFen);
    expect(row?.cap_per_account_day_fen).toBe(pool?.capPerDonorDayFen);
    expect(row?.tiers).toEqual(pool?.tiers.map((t) => `${t.fromFen}:${t.percent}`));
    expect(String(row?.rules)).toContain('拆成多笔捐款不会多得配捐');
    expect(row?.campaign_url).toBe(`https://xianjie.example.org/campaigns/${pool?.campaign}/`);
  });

  it('names a sponsor only when it agreed to be named, and no donor ever', () => {
    const pool = site.snapshot.matchingPools[0];
    if (!pool) throw new Error('the demo needs a pool');
    const hidden = {
      ...site,
      snapshot: { ...site.snapshot, matchingPools: [{ ...pool, sponsor: { ...pool.sponsor, public: false } }] },
    };
    const [row] = items(hidden);
    expect(row?.sponsor).not.toContain(pool.sponsor.name);
    expect(row?.sponsor_credit_code).toBeNull();
    expect(JSON.stringify(row)).not.toContain(pool.sponsor.creditCode);
    expect(dataset.columns.map((c) => c.name).join(' ')).not.toMatch(/donor_id|buyer|email|name_of/);
  });
});
