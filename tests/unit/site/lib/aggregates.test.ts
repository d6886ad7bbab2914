import { describe, expect, it } from 'vitest';
import {
  moneyByGroup,
  moneyByProvince,
  overdueEntries,
  siteTotals,
  timelinessAcrossCharities,
} from '../../../../site/lib/aggregates.ts';
import { demoSite } from '../../../support/fixtures/site.ts';

describe('aggregates for the home page and the transparency dashboard', () => {
  const site = demoSite();

  it('sums totals as integers', () => {
    const totals = siteTotals(site);
    expect(totals.raisedFen).toBe(site.projects.reduce((s, v) => s + v.money.raisedFen, 0));
    expect(Number.isSafeInteger(totals.raisedFen)).toBe(true);
    expect(totals.accepting).toBe(site.projects.filter((v) => v.accepting).length);
    expect(totals.openNeeds).toBeGreaterThan(0);
  });

  it('counts multi-region projects in each of their provinces', () => {
    const rows = moneyByProvince(site);
    const sum = rows.reduce((s, r) => s + r.projects, 0);
    const expected = site.projects.reduce((s, v) => s + v.provinceCodes.length, 0);
    expect(sum).toBe(expected);
    expect(rows[0]?.raisedFen).toBeGreaterThanOrEqual(rows[rows.length - 1]?.raisedFen ?? 0);
    expect(moneyByGroup(site).length).toBeGreaterThan(0);
  });

  it('lists overdue projects, longest overdue first, and buckets charities by timeliness', () => {
    const overdue = overdueEntries(site);
    expect(overdue.length).toBe(site.projects.filter((v) => v.schedule.isOverdue).length);
    for (let i = 1; i < overdue.length; i++) {
      expect((overdue[i - 1]?.daysOverdue ?? 0) >= (overdue[i]?.daysOverdue ?? 0)).toBe(true);
    }
    const t = timelinessAcrossCharities(site);
    expect(t.buckets.reduce((s, b) => s + b.charities, 0) + t.nothingDue).toBe(site.charities.length);
  });
});
