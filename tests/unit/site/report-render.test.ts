import { describe, expect, it } from 'vitest';
import type { ReportPageAnswer } from '../../../content/schemas/report-request.ts';
import { projectPageHtml } from '../../../site/lib/render/project-page.ts';
import { reportAnswerHtml } from '../../../site/lib/render/report-answer.ts';
import { reportEntryHtml, reportFormHtml } from '../../../site/lib/render/report-form.ts';
import { reportStatsHtml } from '../../../site/lib/render/report-stats.ts';
import { demoSite } from '../../support/fixtures/site.ts';

/** The report entry on fundraising pages, its answer page and the transparency counts, as HTML. */
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

describe('the answer page', () => {
  const receipt = {
    reference: 'JB-20261204-7K3QX9',
    receivedAt: '2026-12-04T14:39:00.000Z',
    deadline: '2026-12-11',
    deadlineExact: true,
    target: { kind: 'project' as const, slug: 'minxian-zhuxue', title: '岷县助学', path: '/projects/minxian-zhuxue/' },
    contactGiven: false,
    duplicate: false,
  };

  it('confirms with the reference, the time in China and the deadline', () => {
    const out = reportAnswerHtml({ ok: true, status: 201, receipt }).value;
    expect(out).toContain('<h1>举报已收到</h1>');
    expect(out).toContain('<strong>JB-20261204-7K3QX9</strong>');
    expect(out).toContain('2026年12月4日 22:39（北京时间）');
    expect(out).toContain('2026年12月11日前');
    expect(out).toContain('您没有留下联系方式');
    expect(out).not.toContain('没有重复提交');
    const repeat = reportAnswerHtml({ ok: true, status: 200, receipt: { ...receipt, duplicate: true } }).value;
    expect(repeat).toContain('没有重复提交');
  });

  it('shows the form again with the error, or says where to report when the page is unknown', () => {
    const refused: ReportPageAnswer = {
      ok: false,
      status: 400,
      error: { code: 'PERSONAL_INFO_IN_TEXT', message: '为保护隐私，具体情况中不能包含手机号码', field: 'text' },
      values: {
        targetKind: 'project',
        targetSlug: 'minxian-zhuxue',
        kind: 'other',
        text: '电话 13812345678',
        contact: '',
      },
      target: receipt.target,
    };
    const out = reportAnswerHtml(refused).value;
    expect(out).toContain('<h1>举报没有提交</h1>');
    expect(out).toContain('role="alert">请修改<a href="#report-text">具体情况</a>后再提交。</p>');
    // The message itself stands once, at the field.
    expect(out.match(/为保护隐私，具体情况中不能包含手机号码/g)).toHaveLength(1);
    expect(out).toContain('id="report-text-error">为保护隐私');
    expect(out).toContain('>电话 13812345678</textarea>');
    const limited = reportAnswerHtml({
      ...refused,
      status: 429,
      error: { code: 'RATE_LIMITED', message: '提交过于频繁，请 10 分钟后再试' },
    }).value;
    expect(limited.match(/role="alert"/g)).toHaveLength(1);
    expect(limited).toContain('提交过于频繁');
    const lost = reportAnswerHtml({ ...refused, target: null }).value;
    expect(lost).not.toContain('<form');
    expect(lost).toContain('在页面底部的“举报/投诉”中重新填写');
  });
});

describe('the transparency counts', () => {
  it('shows counts per quarter with totals and the in-time share, and nothing about a report', () => {
    const out = reportStatsHtml({
      asOf: '2026-12-04',
      periods: [
        { period: '2026-Q4', received: 5, answered: 3, answeredInTime: 2, due: 4, overdueOpen: 1 },
        { period: '2026-Q3', received: 1, answered: 1, answeredInTime: 1, due: 1, overdueOpen: 0 },
      ],
    }).value;
    expect(out).toContain(
      '<th scope="row">2026年第4季度</th><td class="num">5</td><td class="num">3</td><td class="num">2</td><td class="num">50%</td><td class="num">1</td>',
    );
    expect(out).toContain(
      '<th scope="row">合计</th><td class="num">6</td><td class="num">4</td><td class="num">3</td><td class="num">60%</td><td class="num">1</td>',
    );
    expect(out).toContain('<dt>按期答复率</dt><dd>60%</dd>');
    expect(out).toContain('统计截至2026年12月4日');
  });

  it('says so when there are no reports, or no counts in the data', () => {
    expect(reportStatsHtml({ asOf: '2026-12-04', periods: [] }).value).toContain('尚未收到举报或投诉');
    expect(reportStatsHtml(undefined).value).toContain('没有举报投诉统计');
  });
});
