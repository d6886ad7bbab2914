import { describe, expect, it } from 'vitest';
import { projectPageHtml } from '../../../../../site/lib/render/project-page.ts';
import { reportEntryHtml, reportFormHtml } from '../../../../../site/lib/render/report-form.ts';
import { demoSite } from '../../../../support/fixtures/site.ts';

/** The report entry on fundraising pages, as HTML (its answer page and the counts: report-answer, report-stats). */
describe('the report form', () => {
  it('is a plain form posting to /api/reports with the page it is about, the five kinds and the limits', () => {
    const out = reportFormHtml({ kind: 'project', slug: 'minxian-zhuxue' }).value;
    expect(out).toContain('<form class="report-form" method="post" action="/api/reports"');
    expect(out).toContain('<input type="hidden" name="targetKind" value="project">');
    expect(out).toContain('<input type="hidden" name="targetSlug" value="minxian-zhuxue">');
    for (const label of ['信息不实', '未按承诺使用善款', '泄露受助人隐私', '违规募捐', '其他']) {
      expect(out).toContain(`> ${label}</label>`);
    }
    expect(out).toContain('minlength="10" maxlength="1000" required');
    expect(out).toContain('不会提供给被举报的慈善组织');
    expect(out).not.toContain('<script');
  });

  it('shows what was typed (escaped) and the error at the field it names', () => {
    const out = reportFormHtml(
      { kind: 'project', slug: 'minxian-zhuxue' },
      {
        values: {
          targetKind: 'project',
          targetSlug: 'minxian-zhuxue',
          kind: 'other',
          text: '<b>电话</b>',
          contact: 'a"b',
        },
        error: { message: '为保护隐私……', field: 'text' },
      },
    ).value;
    expect(out).toContain('value="other" required checked');
    expect(out).toContain('>&lt;b&gt;电话&lt;/b&gt;</textarea>');
    expect(out).toContain('value="a&quot;b"');
    expect(out).toContain('aria-describedby="report-text-hint report-text-error" aria-invalid="true"');
    expect(out).toContain('<p class="field-error" id="report-text-error">为保护隐私……</p>');
  });

  it('closes at the end of every project page, outside the search index', () => {
    const site = demoSite();
    for (const view of site.projects.slice(0, 20)) {
      const out = projectPageHtml(view, site.today).value;
      expect(out).toContain('<section class="section report" id="report"');
      expect(out).toContain(`name="targetSlug" value="${view.project.slug}"`);
    }
    expect(reportEntryHtml({ kind: 'campaign', slug: 'x' }, '本活动页面').value).toContain('data-pagefind-ignore');
  });
});
