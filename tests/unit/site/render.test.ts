import { describe, expect, it } from 'vitest';
import { pageOf } from '../../../site/lib/pagination.ts';
import { barChartHtml } from '../../../site/lib/render/bar-chart.ts';
import { islandSlotHtml } from '../../../site/lib/render/island-slots.ts';
import { listingPageHtml } from '../../../site/lib/render/listing-page.ts';
import { pagerHtml } from '../../../site/lib/render/pager.ts';
import { projectPageHtml } from '../../../site/lib/render/project-page.ts';
import { siteHeaderHtml } from '../../../site/lib/render/site-chrome.ts';
import type { ProjectView } from '../../../site/lib/site-data.ts';
import { demoSite } from '../../support/fixtures/site.ts';

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

describe('listing page body and small pieces', () => {
  const site = demoSite();

  it('renders one page of cards, the filter panel and the pager', () => {
    const positions = site.projectCombos.get('group/minors') ?? [];
    const out = listingPageHtml(site, { group: 'minors' }, pageOf(positions, 1, 20)).value;
    expect((out.match(/<article class="card">/g) ?? []).length).toBe(Math.min(20, positions.length));
    expect(out).toContain('<h1>慈善项目：困境未成年人</h1>');
    expect(out).toContain('aria-current="page">困境未成年人');
    expect(out).toContain('取消“帮扶对象：困境未成年人”');
    if (positions.length > 20) expect(out).toContain('href="/projects/group/minors/p/2/"');
  });

  it('marks the current section in the header and draws nothing for a one-page list', () => {
    expect(siteHeaderHtml('needs').value).toContain('<a href="/needs/" aria-current="page">需求对接</a>');
    expect(siteHeaderHtml(undefined).value).not.toContain('aria-current');
    expect(pagerHtml(1, 1, (n) => `/x/${n}/`).value).toBe('');
    expect(pagerHtml(2, 3, (n) => `/x/${n}/`).value).toContain('rel="prev"');
  });

  it('draws a chart as an image with a text alternative and the same figures in a table', () => {
    const out = barChartHtml({
      id: 'c',
      title: '标题',
      summary: '两行数据',
      series: [
        { key: 'a', label: '募得' },
        { key: 'b', label: '支出' },
      ],
      rows: [
        { label: '甲省', values: [200, 100], valueLabels: ['2.00 元', '1.00 元'] },
        { label: '乙省', values: [0, 0], valueLabels: ['0.00 元', '0.00 元'] },
      ],
      rowHeader: '地区',
    }).value;
    expect(out).toContain('role="img" aria-label="两行数据（具体数字见下表）"');
    expect((out.match(/<rect /g) ?? []).length).toBe(4);
    expect(out).toContain('width="0"');
    expect((out.match(/<tr>/g) ?? []).length).toBe(3);
  });
});
