import { describe, expect, it } from 'vitest';
import { percentOf } from '../../../../content/contracts/money.ts';
import { sortedPositions } from '../../../../site/lib/project-sorts.ts';
import { demoSite } from '../../../support/fixtures/site.ts';

describe('sorted positions of a filter combination', () => {
  const site = demoSite();
  const key = 'accepting/yes';
  const all = site.projectCombos.get(key) ?? [];
  const views = (positions: number[]) => positions.map((i) => site.projects[i]).filter((v) => v !== undefined);

  it('keeps exactly the projects of the combination in every order', () => {
    expect(all.length).toBeGreaterThan(20);
    for (const sort of ['ending', 'needed', 'newest'] as const) {
      expect([...sortedPositions(site, key, sort)].sort((a, b) => a - b)).toEqual([...all].sort((a, b) => a - b));
    }
  });

  it('puts the window closing soonest first', () => {
    const ends = views(sortedPositions(site, key, 'ending')).map((v) => v.project.plan?.window.end ?? '');
    expect(ends).toEqual([...ends].sort());
  });

  it('puts the project furthest from its goal first', () => {
    const shares = views(sortedPositions(site, key, 'needed')).map(
      (v) => percentOf(v.money.raisedFen, v.project.plan?.goalFen ?? 0) ?? 101,
    );
    for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeGreaterThanOrEqual(shares[i - 1] ?? 0);
  });

  it('puts the newest first and keeps the listing order on ties', () => {
    const sorted = sortedPositions(site, key, 'newest');
    const days = views(sorted).map((v) => v.project.publishedOn);
    expect(days).toEqual([...days].sort().reverse());
    for (let i = 1; i < sorted.length; i++) {
      if (days[i] === days[i - 1]) expect(sorted[i]).toBeGreaterThan(sorted[i - 1] ?? 0);
    }
    expect(sortedPositions(site, key, 'newest')).toBe(sorted);
  });
});
