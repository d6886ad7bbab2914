import { describe, expect, it } from 'vitest';
import type { ReportPageAnswer } from '../../../../../content/schemas/report-request.ts';
import { reportAnswerHtml } from '../../../../../site/lib/render/report-answer.ts';

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
