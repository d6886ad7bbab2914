import { describe, expect, it } from 'vitest';
import { donationEligibility } from '../../../content/index.ts';
import { merchantConfigured } from '../../../content/node/index.ts';
import {
  moneyByGroup,
  moneyByProvince,
  overdueEntries,
  siteTotals,
  timelinessAcrossCharities,
} from '../../../site/lib/aggregates.ts';
import { projectMoney } from '../../../site/lib/project-money.ts';
import { rulesToday } from '../../../site/lib/rules-today.ts';
import { AS_OF, demoSite, demoSnapshot } from './fixtures.ts';

describe('the day rules are judged on', () => {
  it('is the snapshot day for generated data, so the demo always shows the same flags', () => {
    expect(rulesToday({ demo: true, asOf: '2025-01-01' }, new Date('2026-06-01T00:00:00Z'))).toBe('2025-01-01');
  });

  it('is today in Beijing for real content', () => {
    expect(rulesToday({ demo: false, asOf: '2025-01-01' }, new Date('2026-06-01T17:00:00Z'))).toBe('2026-06-02');
  });
});

describe('site data built once from the snapshot', () => {
  const site = demoSite();
  const snapshot = demoSnapshot();

  it('indexes every entry by slug', () => {
    expect(site.today).toBe(AS_OF);
    expect(site.projectBySlug.size).toBe(snapshot.projects.length);
    expect(site.charityBySlug.size).toBe(snapshot.charities.length);
    expect(site.needBySlug.size).toBe(snapshot.needs.length);
    expect(site.typicalCaseBySlug.size).toBe(snapshot.typicalCases.length);
  });

  it('attaches each project to its charity, disclosures, cases and needs', () => {
    for (const view of site.projects) {
      expect(view.charity.slug).toBe(view.project.charity);
      for (const d of view.disclosures) expect(d.project).toBe(view.project.slug);
      for (const c of view.cases) expect(c.project).toBe(view.project.slug);
      expect(view.needs.map((n) => n.slug)).toEqual(view.project.needs);
    }
    const disclosureCount = site.projects.reduce((n, v) => n + v.disclosures.length, 0);
    expect(disclosureCount).toBe(snapshot.disclosures.length);
    const charityProjects = site.charities.reduce((n, c) => n + c.projects.length, 0);
    expect(charityProjects).toBe(snapshot.projects.length);
  });

  it('uses the shared eligibility rule, with every charity counted as having a merchant for now', () => {
    for (const view of site.projects) {
      const expected = donationEligibility({
        project: view.project,
        charity: view.charity,
        today: site.today,
        merchantConfigured: merchantConfigured(view.charity),
      });
      expect(view.accepting).toBe(expected.eligible);
    }
    expect(site.projects.some((v) => v.accepting)).toBe(true);
    expect(site.projects.some((v) => !v.accepting)).toBe(true);
  });

  it('lists accepting projects first', () => {
    const firstClosed = site.projects.findIndex((v) => !v.accepting);
    expect(site.projects.slice(firstClosed).every((v) => !v.accepting)).toBe(true);
  });

  it('takes raised and spent from the latest public disclosure', () => {
    const view = site.projects.find((v) => v.disclosures.length > 2);
    expect(view).toBeDefined();
    if (!view) return;
    const published = view.disclosures.filter((d) => d.publishedOn <= site.today);
    const latest = published[published.length - 1];
    expect(view.money.raisedFen).toBe(latest?.raisedToDateFen);
    expect(view.money.spentFen).toBe(latest?.spentToDateFen);
  });

  it('adds expense lines by category in integer fen, ignoring disclosures not yet public', () => {
    const base = demoSnapshot().disclosures.find((d) => d.expenses.length > 1);
    if (!base) throw new Error('demo has no expense lines');
    const future = { ...base, slug: 'future', publishedOn: '2999-01-01', raisedToDateFen: 1 };
    const money = projectMoney([base, future], AS_OF);
    expect(money.raisedFen).toBe(base.raisedToDateFen);
    expect(money.expenseTotalFen).toBe(base.expenses.reduce((s, e) => s + e.amountFen, 0));
    expect(money.expenses.reduce((s, e) => s + e.amountFen, 0)).toBe(money.expenseTotalFen);
    for (const e of money.expenses) expect(Number.isSafeInteger(e.amountFen)).toBe(true);
    expect(projectMoney([], AS_OF)).toMatchObject({ raisedFen: 0, spentFen: 0, asOf: null, expenses: [] });
  });
});

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
