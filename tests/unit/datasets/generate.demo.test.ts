import { describe, expect, it } from 'vitest';
import { isCreditCode } from '../../../content/rules/credit-code.ts';
import { lintEntryText } from '../../../content/rules/publish-lint.ts';
import { ALIAS_PATTERN } from '../../../content/schemas/case-summary.ts';
import { MINOR_AGE_BANDS } from '../../../content/schemas/taxonomy.ts';
import { parseSnapshot } from '../../../content/snapshot/parse-snapshot.ts';
import { COLLECTIONS, type CollectionName } from '../../../content/snapshot/snapshot-schema.ts';
import { demo } from '../../support/fixtures/datasets.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('demo dataset: size and validity', () => {
  const s = demo();

  it('meets the demo minimums', () => {
    expect(s.charities.length).toBeGreaterThanOrEqual(40);
    expect(s.projects.length).toBeGreaterThanOrEqual(300);
    expect(s.disclosures.length).toBeGreaterThanOrEqual(1500);
    // Issue 2: ≥ 1,500 disclosures that carry expense lines.
    expect(s.disclosures.filter((d) => d.expenses.length > 0).length).toBeGreaterThanOrEqual(1500);
    expect(s.caseSummaries.length).toBeGreaterThanOrEqual(200);
    expect(s.needs.length).toBeGreaterThanOrEqual(100);
    expect(s.typicalCases.length).toBeGreaterThanOrEqual(30);
    expect(s.awards.length).toBeGreaterThanOrEqual(60);
    expect(s.campaigns.length).toBeGreaterThanOrEqual(3);
    const provinces = new Set(s.projects.flatMap((p) => p.regions.map((r) => r.provinceCode)));
    expect(provinces.size).toBeGreaterThanOrEqual(20);
  });

  it('validates with parseSnapshot, also after a JSON round trip', () => {
    expect(() => parseSnapshot(s)).not.toThrow();
    expect(() => parseSnapshot(JSON.parse(JSON.stringify(s)))).not.toThrow();
  });

  it('passes the PII lint in every entry of every collection', () => {
    const problems: string[] = [];
    for (const name of Object.keys(COLLECTIONS) as CollectionName[]) {
      for (const entry of s[name]) {
        for (const issue of lintEntryText(name, entry as unknown as Record<string, unknown>)) {
          problems.push(`${name} ${entry.slug} ${issue.field}: ${issue.message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('leaves no template slot unfilled', () => {
    expect(JSON.stringify(s)).not.toMatch(/\{[a-zA-Z]+\}|undefined|NaN/);
  });

  it('uses lowercase ASCII slugs of at most 120 characters, unique per collection', () => {
    for (const name of Object.keys(COLLECTIONS) as CollectionName[]) {
      const slugs = s[name].map((e) => e.slug);
      for (const slug of slugs) {
        expect(slug).toMatch(SLUG);
        expect(slug.length).toBeLessThanOrEqual(120);
      }
      expect(new Set(slugs).size).toBe(slugs.length);
    }
  });
});

describe('demo dataset: charities', () => {
  const s = demo();

  it('have unique fictional names and valid social-organisation credit codes', () => {
    const names = s.charities.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of s.charities) {
      expect(isCreditCode(c.creditCode)).toBe(true);
      expect(c.creditCode.startsWith('5')).toBe(true);
      expect(c.registryUrl).toContain(c.creditCode);
      expect(c.registrationAuthority).toMatch(/民政(?:厅|局)$/);
      // Reserved, so no one is reached (datasets/README.md): `.example` domains, local numbers
      // starting with 0 after a real area code.
      expect(c.contact.email ?? '').toMatch(/^[a-z]+@[a-z]+\.example$/);
      expect(c.contact.website ?? 'https://www.x.example/').toMatch(/^https:\/\/www\.[a-z]+\.example\/$/);
      expect(c.contact.phone).toMatch(/^0\d{2,3}-0\d{6,7}$/);
      expect(c.contact.phone.replace('-', '')).toHaveLength(11);
    }
    expect(new Set(s.charities.map((c) => c.creditCode)).size).toBe(s.charities.length);
  });

  it('include some without 公开募捐资格, some that got it recently, and none before registration + 1 year', () => {
    expect(s.charities.some((c) => c.publicFundraisingSince === null)).toBe(true);
    const recent = s.charities.filter((c) => c.publicFundraisingSince && c.publicFundraisingSince >= '2025-01-01');
    expect(recent.length).toBeGreaterThan(0);
    for (const c of s.charities) {
      if (c.publicFundraisingSince) expect(c.publicFundraisingSince >= c.recognisedOn).toBe(true);
    }
  });
});

describe('demo dataset: projects and their references', () => {
  const s = demo();
  const charities = new Map(s.charities.map((c) => [c.slug, c]));
  const needs = new Map(s.needs.map((n) => [n.slug, n]));

  it('only raise public funds under a plan filed after the charity got 公开募捐资格', () => {
    for (const p of s.projects) {
      if (!p.plan) continue;
      const since = charities.get(p.charity)?.publicFundraisingSince;
      expect(since, p.slug).toBeTruthy();
      expect(p.plan.window.start >= (since as string), p.slug).toBe(true);
      if (p.plan.filedOn) expect(p.plan.filedOn <= p.plan.window.start).toBe(true);
    }
    expect(s.projects.some((p) => p.plan === null)).toBe(true);
    expect(s.projects.some((p) => p.plan !== null && p.plan.filingNumber === null)).toBe(true);
  });

  it('mark key counties only on counties, and include some', () => {
    const key = s.projects.flatMap((p) => p.regions).filter((r) => r.keyCounty);
    expect(key.length).toBeGreaterThan(10);
    for (const r of key) expect(r.code.endsWith('00')).toBe(false);
  });

  it('answer needs in their own counties, for their group and service type', () => {
    let linked = 0;
    for (const p of s.projects) {
      for (const slug of p.needs) {
        const n = needs.get(slug);
        expect(n, slug).toBeDefined();
        if (!n) continue;
        linked++;
        expect(p.regions.map((r) => r.code)).toContain(n.region.code);
        expect(p.targetGroups.includes(n.group) && p.serviceTypes.includes(n.kind)).toBe(true);
      }
    }
    expect(linked).toBeGreaterThan(50);
    const answered = new Set(s.projects.flatMap((p) => p.needs));
    for (const n of s.needs) expect(n.status === 'matched').toBe(answered.has(n.slug));
  });

  it('have a 中华慈善日 campaign around 9月5日 that projects join', () => {
    const days = s.campaigns.filter((c) => c.title.includes('中华慈善日'));
    expect(days.length).toBeGreaterThan(0);
    for (const c of days) {
      const year = c.window.start.slice(0, 4);
      expect(c.window.start <= `${year}-09-05` && `${year}-09-05` <= c.window.end).toBe(true);
    }
    const joined = new Set(s.projects.flatMap((p) => p.campaigns));
    expect(days.some((c) => joined.has(c.slug))).toBe(true);
  });

  it('are mostly assistance projects, with brand projects and a few others', () => {
    expect(s.projects.some((p) => p.brand)).toBe(true);
    expect(s.projects.filter((p) => p.assistanceOriented).length).toBeGreaterThan(s.projects.length * 0.7);
    expect(s.projects.some((p) => !p.assistanceOriented)).toBe(true);
  });
});

describe('demo dataset: cases', () => {
  const s = demo();
  const projects = new Map(s.projects.map((p) => [p.slug, p]));
  const consents = new Map(s.seedConsents.map((c) => [c.caseSummary, c]));

  it('use aliases, county regions of their project and a consent recorded before publish', () => {
    for (const c of s.caseSummaries) {
      expect(c.alias).toMatch(ALIAS_PATTERN);
      const p = projects.get(c.project);
      expect(p?.regions.map((r) => r.code)).toContain(c.region.code);
      expect(p?.targetGroups).toContain(c.group);
      const consent = consents.get(c.slug);
      expect(consent, c.slug).toBeDefined();
      expect(consent?.scope).toContain('portal-publication');
      expect((consent?.recordedOn ?? '9') <= c.publishedOn).toBe(true);
      expect(consent?.guardian !== null).toBe(MINOR_AGE_BANDS.includes(c.ageBand));
      expect(c.publishedOn <= s.asOf).toBe(true);
    }
    expect(s.seedConsents.length).toBe(s.caseSummaries.length);
  });
});
