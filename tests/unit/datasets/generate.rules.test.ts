import { describe, expect, it } from 'vitest';
import { todayIso } from '../../../content/rules/dates.ts';
import { disclosureSchedule } from '../../../content/rules/disclosure-schedule.ts';
import { donationEligibility } from '../../../content/rules/eligibility.ts';
import type { Disclosure } from '../../../content/schemas/disclosure.ts';
import { AS_OF, demo } from '../../support/fixtures/datasets.ts';

/**
 * The demo must show every state the real rules in content/rules can report, whenever it is
 * generated: so these run for a fixed day and for today.
 */
describe.each([AS_OF, todayIso()])('demo dataset judged by the real rules on %s', (asOf) => {
  const s = demo(asOf);
  const charities = new Map(s.charities.map((c) => [c.slug, c]));
  const byProject = new Map<string, Disclosure[]>();
  for (const d of s.disclosures) byProject.set(d.project, [...(byProject.get(d.project) ?? []), d]);
  const schedules = s.projects.map((p) => disclosureSchedule(p, byProject.get(p.slug) ?? [], asOf));
  const eligibility = s.projects.map((p) => {
    const charity = charities.get(p.charity);
    if (!charity) throw new Error(`missing charity ${p.charity}`);
    return donationEligibility({ project: p, charity, today: asOf, merchantConfigured: true });
  });
  const reasons = new Set(eligibility.flatMap((e) => (e.eligible ? [] : e.reasons.map((r) => r.code))));

  it('has some overdue projects, but most are on time', () => {
    const overdue = schedules.filter((x) => x.isOverdue);
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    expect(overdue.length).toBeLessThan(s.projects.length * 0.15);
    // Overdue means a missed periodic disclosure of an ongoing project, never a finished one.
    for (const o of overdue) {
      expect(o.overdue.every((i) => i.kind === 'periodic')).toBe(true);
    }
    expect(schedules.some((x) => x.late > 0)).toBe(true);
  });

  it('has eligible projects and projects refused for each main reason', () => {
    expect(eligibility.filter((e) => e.eligible).length).toBeGreaterThan(s.projects.length * 0.25);
    for (const code of ['BEFORE_WINDOW', 'WINDOW_ENDED', 'NO_PUBLIC_FUNDRAISING', 'NOT_ASSISTANCE', 'NO_PLAN']) {
      expect(reasons, code).toContain(code);
    }
  });

  it('keeps statuses consistent with the windows', () => {
    for (const p of s.projects) {
      const w = p.plan?.window;
      if (p.status === 'fundraising') expect(w && w.start <= asOf && asOf <= w.end, p.slug).toBe(true);
      if (p.status === 'preparing') expect((w?.start ?? p.implementation.start) > asOf, p.slug).toBe(true);
      if (p.status === 'completed' || p.status === 'terminated') expect(p.implementation.end < asOf).toBe(true);
      if (p.status === 'implementing') expect(!w || w.end < asOf).toBe(true);
      expect(p.publishedOn <= asOf).toBe(true);
    }
  });

  it('publishes disclosures whose money adds up', () => {
    for (const [slug, list] of byProject) {
      let spent = 0;
      let raised = 0;
      let last = '';
      for (const d of list) {
        expect(d.publishedOn >= last, d.slug).toBe(true);
        expect(d.publishedOn <= asOf).toBe(true);
        last = d.publishedOn;
        spent += d.expenses.reduce((a, l) => a + l.amountFen, 0);
        expect(d.spentToDateFen, d.slug).toBe(spent);
        expect(d.raisedToDateFen, d.slug).toBeGreaterThanOrEqual(raised);
        expect(d.spentToDateFen).toBeLessThanOrEqual(d.raisedToDateFen);
        raised = d.raisedToDateFen;
        for (const l of d.expenses) expect(Number.isInteger(l.amountFen) && l.amountFen > 0).toBe(true);
      }
      expect(slug).toBeTruthy();
    }
  });

  it('includes corrections pointing at earlier disclosures of the same project', () => {
    const bySlug = new Map(s.disclosures.map((d) => [d.slug, d]));
    const corrections = s.disclosures.filter((d) => d.kind === 'correction');
    expect(corrections.length).toBeGreaterThan(0);
    for (const c of corrections) {
      const target = bySlug.get(c.corrects ?? '');
      expect(target?.project).toBe(c.project);
      expect((target?.publishedOn ?? '9') <= c.publishedOn).toBe(true);
    }
  });

  it('closes finished projects with a final report and a remaining-property note', () => {
    const done = s.projects.filter((p) => p.status === 'completed' || p.status === 'terminated');
    expect(done.length).toBeGreaterThan(0);
    for (const p of done) {
      const kinds = (byProject.get(p.slug) ?? []).map((d) => d.kind);
      expect(kinds, p.slug).toContain('final-report');
      expect(kinds, p.slug).toContain('remaining-property');
    }
  });
});
