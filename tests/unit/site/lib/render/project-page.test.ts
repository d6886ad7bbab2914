import { describe, expect, it } from 'vitest';
import { islandSlotHtml } from '../../../../../site/lib/render/island-slots.ts';
import { projectPageHtml } from '../../../../../site/lib/render/project-page.ts';
import type { ProjectView } from '../../../../../site/lib/site-data.ts';
import { demoSite } from '../../../../support/fixtures/site.ts';

describe('project page body', () => {
  const site = demoSite();

  it('puts the Charity Law Art. 25 block first, before the totals and the donate slot', () => {
    const view = site.projects.find((v) => v.accepting) as ProjectView;
    const out = projectPageHtml(view, site.today).value;
    const block = out.indexOf('募捐信息公示');
    expect(block).toBeGreaterThan(0);
    // The totals are a React island (site/islands/live-totals.tsx) placed at its marker.
    const totals = out.indexOf(islandSlotHtml('live-totals').value);
    expect(block).toBeLessThan(totals);
    expect(totals).toBeLessThan(out.indexOf('id="donate"'));
    for (const text of [
      view.charity.name,
      view.charity.creditCode,
      '公开募捐资格',
      '募捐方案备案编号',
      view.charity.registryUrl,
    ]) {
      expect(out).toContain(text.replace(/&/g, '&amp;'));
    }
    expect(out).toContain(`data-project-slug="${view.project.slug}"`);
    expect(out).toContain('data-accepting="true"');
  });

  it('flags overdue disclosures and explains a project that takes no donations', () => {
    const overdue = site.projects.find((v) => v.schedule.isOverdue) as ProjectView;
    const out = projectPageHtml(overdue, site.today).value;
    expect(out).toContain(`逾期未披露 ${overdue.schedule.overdue.length} 项`);
    expect(out).toContain('badge badge--bad');
    const closed = site.projects.find((v) => !v.accepting) as ProjectView;
    const closedOut = projectPageHtml(closed, site.today).value;
    expect(closedOut).toContain('本项目目前不接受捐赠');
    if (!closed.eligibility.eligible) expect(closedOut).toContain(closed.eligibility.reasons[0]?.message ?? '');
  });

  it('never lets a hostile story, title or disclosure reach the page as markup', () => {
    const base = site.projects.find((v) => v.disclosures.length > 0) as ProjectView;
    const hostile: ProjectView = {
      ...base,
      project: {
        ...base.project,
        title: '<img src=x onerror=alert(1)>',
        story:
          '## 背景\n\n<script>alert(1)</script>\n\n[点我](javascript:alert(1)) <a href="data:text/html,x" onclick="x()">y</a>',
      },
      disclosures: base.disclosures.map((d) => ({
        ...d,
        body: `${d.body}\n\n<iframe src="https://evil.example"></iframe>`,
      })),
    };
    const out = projectPageHtml(hostile, site.today).value;
    expect(out).not.toMatch(/<script|<iframe|<img/i);
    expect(out).not.toMatch(/<[^>]*\son[a-z]+=/i);
    expect(out).not.toMatch(/href="\s*(javascript|data):/i);
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
