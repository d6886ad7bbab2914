import { describe, expect, it } from 'vitest';
import { pageOf } from '../../../../../site/lib/pagination.ts';
import { barChartHtml } from '../../../../../site/lib/render/bar-chart.ts';
import { listingPageHtml } from '../../../../../site/lib/render/listing-page.ts';
import { pagerHtml } from '../../../../../site/lib/render/pager.ts';
import { siteHeaderHtml } from '../../../../../site/lib/render/site-chrome.ts';
import { demoSite } from '../../../../support/fixtures/site.ts';

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

describe('listing page: filters in a <details>, orders of accepting projects', () => {
  const site = demoSite();

  it('says in the filter button how many filters are chosen and how many projects match', () => {
    const positions = site.projectCombos.get('group/minors') ?? [];
    const out = listingPageHtml(site, { group: 'minors' }, pageOf(positions, 1, 20)).value;
    expect(out).toContain(
      `<details class="facet-panel"><summary><span class="facet-panel__title" id="facet-heading">筛选</span> <span class="facet-panel__count">已选 1 项 · ${positions.length} 个项目</span></summary>`,
    );
    // Not sortable: the way to a sortable listing instead.
    expect(out).toContain('<a href="/projects/group/minors/accepting/yes/">只看可在线捐赠的项目</a>');
    expect(out).not.toContain('aria-label="排序"');
  });

  it('links the orders, marks the current one and keeps it through the pages', () => {
    const positions = site.projectCombos.get('accepting/yes') ?? [];
    const out = listingPageHtml(site, { accepting: 'yes' }, pageOf(positions, 1, 20), 'ending').value;
    expect(out).toContain('<nav class="sort-bar" aria-label="排序">');
    expect(out).toContain('<a href="/projects/accepting/yes/sort/ending/" aria-current="page">即将截止</a>');
    expect(out).toContain('<a href="/projects/accepting/yes/">默认</a>');
    expect(out).toContain('按即将截止排列');
    if (positions.length > 20) expect(out).toContain('href="/projects/accepting/yes/sort/ending/p/2/"');
  });
});
