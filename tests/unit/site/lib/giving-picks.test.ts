import { describe, expect, it } from 'vitest';
import { givingPicks } from '../../../../site/lib/giving-picks.ts';
import { demoSite } from '../../../support/fixtures/site.ts';

describe('what the home page offers a donor', () => {
  const site = demoSite();
  const picks = givingPicks(site);

  it('offers only projects accepting gifts, closing soonest first, key counties apart', () => {
    expect(picks.total).toBe(site.projects.filter((v) => v.accepting).length);
    expect(picks.endingSoon).toHaveLength(3);
    const soonest = site.projects
      .filter((v) => v.accepting)
      .map((v) => v.project.plan?.window.end ?? '')
      .sort()[0];
    expect(picks.endingSoon[0]?.project.plan?.window.end).toBe(soonest);
    for (const v of [...picks.endingSoon, ...picks.keyCounties]) expect(v.accepting).toBe(true);
    expect(picks.keyCounties.length).toBeGreaterThan(0);
    for (const v of picks.keyCounties) {
      expect(v.project.regions.some((r) => r.keyCounty)).toBe(true);
      expect(picks.endingSoon).not.toContain(v);
    }
  });

  it('lists each province with projects accepting gifts, linked to that listing', () => {
    const sum = picks.provinces.reduce((n, p) => n + p.count, 0);
    expect(sum).toBeGreaterThanOrEqual(picks.total);
    for (const p of picks.provinces) {
      expect(p.count).toBeGreaterThan(0);
      expect(p.href).toBe(`/projects/region/${p.code}/accepting/yes/`);
      expect(site.provinces.get(p.code)).toBe(p.name);
    }
  });
});
