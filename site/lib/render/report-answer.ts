import { formatDate, formatDateTime } from '../../../content/contracts/format.ts';
import { REPORT_TARGET_KINDS, type ReportPageAnswer, type ReportReceipt } from '../../../content/index.ts';
import { html, type SafeHtml } from '../html.ts';
import { reportFormHtml } from './report-form.ts';

/**
 * What a report form's submission is answered with (site/pages/reports/answer.astro): the
 * confirmation with the reference number and the deadline, or the form again — open, with what
 * was typed and the API's message at the field it names.
 */

function confirmationHtml(receipt: ReportReceipt): SafeHtml {
  const { target } = receipt;
  return html`<div class="result result--ok" role="status"><h1>举报已收到</h1><p class="report-ref">举报编号：<strong>${receipt.reference}</strong></p><p>请记下这个编号，向平台或民政部门查询时提供。</p></div>${
    receipt.duplicate ? html`<p class="callout">这份举报刚才已经收到，没有重复提交，编号不变。</p>` : ''
  }<dl class="report-receipt"><div><dt>举报的页面</dt><dd><a href="${target.path}">${target.title}</a>（${REPORT_TARGET_KINDS[target.kind]}）</dd></div><div><dt>收到时间</dt><dd>${formatDateTime(receipt.receivedAt) ?? receipt.receivedAt}（北京时间）</dd></div><div><dt>答复期限</dt><dd>${formatDate(receipt.deadline)}前（收到后 5 个工作日内）</dd></div></dl>${
    receipt.deadlineExact ? '' : html`<p class="hint">该年度的法定节假日安排尚未录入，期限暂按周一至周五计算。</p>`
  }<p>${
    receipt.contactGiven
      ? '您留下的联系方式只有民政部门工作人员能看到，处理结果会通过它告知您。'
      : '您没有留下联系方式，处理结果不会另行通知；可凭举报编号向民政部门查询。'
  }</p><p>每季度收到和按期答复举报的数量在<a href="/transparency/#reports-heading">公开透明</a>页面公布（只公布数量，不公布举报内容）。</p><p><a href="${target.path}">返回“${target.title}”</a></p>`;
}

const FIELD_LABELS: Record<string, { label: string; anchor: string }> = {
  kind: { label: '问题类型', anchor: '#report-kind' },
  text: { label: '具体情况', anchor: '#report-text' },
  contact: { label: '联系方式', anchor: '#report-contact' },
};

export function reportAnswerHtml(answer: ReportPageAnswer): SafeHtml {
  if (answer.ok) return confirmationHtml(answer.receipt);
  const { target, error } = answer;
  const lead = html`<h1>举报没有提交</h1>`;
  if (!target) {
    return html`${lead}<p class="report-form__alert" role="alert">${error.message}</p><p>请回到要举报的<a href="/projects/">项目</a>、<a href="/needs/">救助需求</a>或<a href="/campaigns/">专题活动</a>页面，在页面底部的“举报/投诉”中重新填写。</p>`;
  }
  // An error at a field is said there in full; the summary names the field and links to it.
  const field = error.field ? FIELD_LABELS[error.field] : undefined;
  return html`${lead}${
    field
      ? html`<p class="report-form__alert" role="alert">请修改<a href="${field.anchor}">${field.label}</a>后再提交。</p>`
      : ''
  }<p>举报的页面：<a href="${target.path}">${target.title}</a></p>${reportFormHtml(target, { values: answer.values, error })}`;
}
