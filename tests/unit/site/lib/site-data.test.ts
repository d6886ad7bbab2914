import { describe, expect, it } from 'vitest';
import { donationEligibility } from '../../../../content/index.ts';
import { merchantConfigured } from '../../../../content/node/index.ts';
import { AS_OF, demoSite, demoSnapshot } from '../../../support/fixtures/site.ts';

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
});
