import { describe, expect, it } from 'vitest';
import { lintEntryText } from '../../../content/rules/publish-lint.ts';
import { AS_OF, demo } from '../../support/fixtures/datasets.ts';

/** The demo carries a few 更正说明 so the pages show them (datasets/corrections.ts). */
describe('demo dataset: correction notes', () => {
  const s = demo();
  const projects = s.projects.filter((p) => p.corrections.length > 0);
  const disclosures = s.disclosures.filter((d) => d.corrections.length > 0);

  it('corrects a few projects and disclosures, one project with both', () => {
    expect(projects.length).toBeGreaterThanOrEqual(4);
    expect(disclosures.length).toBeGreaterThanOrEqual(4);
    // About 1 %: the rest stay as they were published.
    expect(disclosures.length).toBeLessThan(s.disclosures.length / 20);
    const both = projects.filter((p) => disclosures.some((d) => d.project === p.slug));
    expect(both.length).toBeGreaterThanOrEqual(1);
  });

  it('dates each note after the entry was published and no later than the day of the data, in order', () => {
    for (const e of [...projects, ...disclosures]) {
      let last = e.publishedOn;
      for (const note of e.corrections) {
        expect(note.date > e.publishedOn, e.slug).toBe(true);
        expect(note.date <= AS_OF, e.slug).toBe(true);
        expect(note.date >= last, e.slug).toBe(true);
        last = note.date;
      }
    }
  });

  it('never corrects a correction, and its reasons pass the PII lint', () => {
    expect(disclosures.filter((d) => d.kind === 'correction')).toEqual([]);
    for (const p of projects) expect(lintEntryText('projects', p as never)).toEqual([]);
    for (const d of disclosures) expect(lintEntryText('disclosures', d as never)).toEqual([]);
  });
});
