import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { disclosureListHtml } from '../../../../../site/lib/render/disclosure-list.ts';
import { disclosureScheduleHtml } from '../../../../../site/lib/render/disclosure-schedule.ts';
import { demoSite } from '../../../../support/fixtures/site.ts';

/**
 * On phones the project page's two list tables stack into cards, each cell after its column's
 * name. To keep the page under its HTML budget the names live in site/styles/tables.css (by
 * column position), not on every cell: they must stay the table's own column headers, in order.
 */
const css = readFileSync(new URL('../../../../../site/styles/tables.css', import.meta.url), 'utf8');

const cssLabels = (table: string) =>
  [
    ...css.matchAll(
      new RegExp(`table\\.${table} > tbody > tr > td:nth-child\\((\\d+)\\)::before \\{\\s*content: "([^"]+)："`, 'g'),
    ),
  ]
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((m) => m[2]);

const headers = (html: string, tableClass: string) => {
  const table = new RegExp(`<table class="[^"]*\\b${tableClass}\\b[^"]*">[\\s\\S]*?</thead>`).exec(html)?.[0] ?? '';
  return [...table.matchAll(/<th scope="col"[^>]*>([^<]+)<\/th>/g)].map((m) => m[1]);
};

describe('stacked tables of the project page name their columns from the stylesheet', () => {
  const site = demoSite();

  it('the disclosure schedule: 截止日期, 事项, 涵盖期间, 状态', () => {
    const view = site.projects.find((v) => v.schedule.items.length > 0);
    if (!view) throw new Error('演示数据中没有带信息公开事项的项目');
    const out = disclosureScheduleHtml(view, site.today).value;
    expect(out).toContain('class="due-table stack"');
    expect(cssLabels('due-table')).toEqual(headers(out, 'due-table'));
  });

  it('the expense lines of a disclosure', () => {
    const view = site.projects.find((v) =>
      v.disclosures.some((d) => d.publishedOn <= site.today && d.expenses.length > 0),
    );
    if (!view) throw new Error('演示数据中没有带支出明细的信息公开');
    const out = disclosureListHtml(view, site.today).value;
    expect(headers(out, 'expense-table')).toHaveLength(5);
    expect(cssLabels('expense-table')).toEqual(headers(out, 'expense-table'));
  });
});
