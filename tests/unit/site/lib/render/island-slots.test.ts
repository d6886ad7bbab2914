import { describe, expect, it } from 'vitest';
import { islandSlotHtml, splitAtIslands } from '../../../../../site/lib/render/island-slots.ts';
import { projectPageHtml } from '../../../../../site/lib/render/project-page.ts';
import type { ProjectView } from '../../../../../site/lib/site-data.ts';
import { demoSite } from '../../../../support/fixtures/site.ts';

describe('island places in a page body built as one string', () => {
  it('splits the body into markup runs and island places, in order, losing nothing', () => {
    const body = `<p>a</p>${islandSlotHtml('live-totals').value}<section>${islandSlotHtml('donate').value}</section>`;
    const pieces = splitAtIslands(body);
    expect(pieces).toEqual([
      { html: '<p>a</p>' },
      { island: 'live-totals' },
      { html: '<section>' },
      { island: 'donate' },
      { html: '</section>' },
    ]);
  });

  it('gives a project page the totals, then (when it accepts donations) the form inside #donate', () => {
    const site = demoSite();
    const accepting = site.projects.find((v) => v.accepting) as ProjectView;
    const places = (v: ProjectView) =>
      splitAtIslands(projectPageHtml(v, site.today).value).flatMap((p) => ('island' in p ? [p.island] : []));
    expect(places(accepting)).toEqual(['live-totals', 'donate']);
    const closed = site.projects.find((v) => !v.accepting && !v.eligibility.eligible) as ProjectView;
    expect(places(closed)).toEqual(['live-totals']);
  });

  it('cannot be forged by content: a marker in a title or story stays text', () => {
    const site = demoSite();
    const base = site.projects[0] as ProjectView;
    const hostile: ProjectView = {
      ...base,
      project: { ...base.project, title: '<!--xj-island:donate-->', story: '<!--xj-island:donate-->\n\n正文' },
    };
    const pieces = splitAtIslands(projectPageHtml(hostile, site.today).value);
    expect(pieces.filter((p) => 'island' in p && p.island === 'donate')).toHaveLength(
      base.eligibility.eligible ? 1 : 0,
    );
  });
});
