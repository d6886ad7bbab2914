import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../../../content/contracts/format.ts';
import { describeChangedFields } from '../../../../../content/rules/correction-diff.ts';
import { projectPageHtml } from '../../../../../site/lib/render/project-page.ts';
import type { ProjectView } from '../../../../../site/lib/site-data.ts';
import { demoSite } from '../../../../support/fixtures/site.ts';

/** 更正说明 on the project page: the project's own history, and corrected disclosures marked in the timeline. */
describe('correction notes on the project page', () => {
  const site = demoSite();
  const visible = (v: ProjectView) => v.disclosures.filter((d) => d.publishedOn <= site.today);

  it('shows the project’s corrections: date, changed fields in Chinese, reason, and a badge that links there', () => {
    const view = site.projects.find((v) => v.project.corrections.length > 0) as ProjectView;
    expect(view, 'the demo has a corrected project').toBeDefined();
    const out = projectPageHtml(view, site.today).value;
    expect(out).toContain('<h2 id="corrections-heading">更正说明</h2>');
    expect(out).toMatch(/<a class="badge badge--warn" href="#corrections">已更正/);
    for (const note of view.project.corrections) {
      expect(out).toContain(`<time datetime="${note.date}">${formatDate(note.date)}</time>`);
      expect(out).toContain(`更正了：${describeChangedFields('projects', note.fields)}`);
      expect(out).toContain(`原因：${note.reason}`);
    }
    // The corrections section comes before the disclosures, after the story.
    expect(out.indexOf('id="corrections"')).toBeGreaterThan(out.indexOf('id="story-heading"'));
    expect(out.indexOf('id="corrections"')).toBeLessThan(out.indexOf('id="disclosures"'));
  });

  it('marks corrected disclosures in the timeline and puts their notes under them', () => {
    const view = site.projects.find((v) => visible(v).some((d) => d.corrections.length > 0)) as ProjectView;
    expect(view, 'the demo has a corrected disclosure').toBeDefined();
    const out = projectPageHtml(view, site.today).value;
    const corrected = visible(view).filter((d) => d.corrections.length > 0);
    expect(out).toContain(`其中 ${corrected.length} 条发布后作过修改`);
    for (const d of corrected) {
      // To the end of the item's article: its correction notes are a nested list of their own.
      const item = out.slice(
        out.indexOf(`<li id="d-${d.slug}">`),
        out.indexOf('</article></li>', out.indexOf(`<li id="d-${d.slug}">`)),
      );
      expect(item).toContain(`href="#d-${d.slug}-gengzheng">已更正`);
      expect(item).toContain(`<h4 id="d-${d.slug}-gengzheng">更正说明</h4>`);
      for (const note of d.corrections) {
        expect(item).toContain(`更正了：${describeChangedFields('disclosures', note.fields)}`);
        expect(item).toContain(`原因：${note.reason}`);
      }
    }
    // An uncorrected disclosure carries no mark.
    const plain = visible(view).find((d) => d.corrections.length === 0);
    if (plain) {
      const start = out.indexOf(`<li id="d-${plain.slug}">`);
      expect(out.slice(start, out.indexOf('</li>', start))).not.toContain('已更正');
    }
  });

  it('shows nothing of the kind for a project never corrected', () => {
    const view = site.projects.find(
      (v) => v.project.corrections.length === 0 && v.disclosures.every((d) => d.corrections.length === 0),
    ) as ProjectView;
    const out = projectPageHtml(view, site.today).value;
    expect(out).not.toContain('id="corrections"');
    expect(out).not.toContain('已更正');
    expect(out).not.toContain('发布后作过修改');
  });

  it('escapes a hostile reason', () => {
    const base = site.projects[0] as ProjectView;
    const view: ProjectView = {
      ...base,
      project: {
        ...base.project,
        corrections: [
          { date: base.project.publishedOn, fields: ['title'], reason: '<img src=x onerror=alert(1)>写错了' },
        ],
      },
    };
    const out = projectPageHtml(view, site.today).value;
    expect(out).toContain('原因：&lt;img src=x onerror=alert(1)&gt;写错了');
    expect(out).not.toMatch(/<img/);
  });
});
