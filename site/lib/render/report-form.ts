import {
  REPORT_CONTACT_MAX,
  REPORT_KINDS,
  REPORT_TEXT_MAX,
  REPORT_TEXT_MIN,
  REPORTS_API_PATH,
  type ReportFormValues,
  type ReportKind,
  type ReportTargetKind,
} from '../../../content/index.ts';
import { html, type SafeHtml } from '../html.ts';

/**
 * The report entry (举报/投诉, MZ/T 088-2017) on every fundraising page: a plain HTML form that
 * posts to `POST /api/reports` — no JavaScript anywhere, the browser checks what HTML can
 * (a kind chosen, the text's length) and the API answers with a page (reports/answer.astro):
 * the reference number, or this form again with what was typed and what to fix.
 *
 * The entry sits closed in a `<details>` so it does not crowd the page; the answer page shows
 * the form open.
 */
export interface ReportFormTarget {
  kind: ReportTargetKind;
  slug: string;
}

export interface ReportFormState {
  values?: ReportFormValues;
  error?: { message: string; field?: string | undefined };
}

const TEXT_HINT = `写明问题是什么、出现在页面的哪个位置（${REPORT_TEXT_MIN}–${REPORT_TEXT_MAX} 字）。为保护隐私，请不要写任何人的姓名、身份证号、电话或住址。`;
const CONTACT_HINT =
  '手机号、带区号的固定电话或电子邮箱。只有民政部门工作人员能看到，用于向您核实情况和告知结果；不会公开，也不会提供给被举报的慈善组织。';

/** `aria-invalid` and the error's id on the control the API named. */
function invalid(state: ReportFormState, field: string): SafeHtml | string {
  return state.error?.field === field ? html` aria-invalid="true"` : '';
}

function fieldError(state: ReportFormState, field: string): SafeHtml | string {
  return state.error?.field === field
    ? html`<p class="field-error" id="report-${field}-error">${state.error.message}</p>`
    : '';
}

function describedBy(state: ReportFormState, field: string, hint: string): string {
  return state.error?.field === field ? `${hint} report-${field}-error` : hint;
}

export function reportFormHtml(target: ReportFormTarget, state: ReportFormState = {}): SafeHtml {
  const values = state.values;
  const chosen = values?.kind ?? '';
  const kinds = (Object.entries(REPORT_KINDS) as [ReportKind, string][]).map(
    ([value, label]) =>
      html`<label class="choice"><input type="radio" name="kind" value="${value}" required${value === chosen ? html` checked` : ''}> ${label}</label>`,
  );
  // An error the form cannot point at (the page, the limit, the server) is said above the fields.
  const general =
    state.error && !['kind', 'text', 'contact'].includes(state.error.field ?? '')
      ? html`<p class="report-form__alert" role="alert">${state.error.message}</p>`
      : '';
  return html`<form class="report-form" method="post" action="${REPORTS_API_PATH}" accept-charset="utf-8">${general}<input type="hidden" name="targetKind" value="${target.kind}"><input type="hidden" name="targetSlug" value="${target.slug}"><fieldset class="choices" id="report-kind"><legend>问题类型（必选）</legend>${fieldError(state, 'kind')}<div class="choices__row">${kinds}</div></fieldset><div class="field"><label for="report-text">具体情况（必填）</label><p class="hint" id="report-text-hint">${TEXT_HINT}</p>${fieldError(state, 'text')}<textarea id="report-text" name="text" rows="6" minlength="${REPORT_TEXT_MIN}" maxlength="${REPORT_TEXT_MAX}" required aria-describedby="${describedBy(state, 'text', 'report-text-hint')}"${invalid(state, 'text')}>${values?.text ?? ''}</textarea></div><div class="field"><label for="report-contact">联系方式（选填）</label><p class="hint" id="report-contact-hint">${CONTACT_HINT}</p>${fieldError(state, 'contact')}<input id="report-contact" name="contact" type="text" maxlength="${REPORT_CONTACT_MAX}" autocomplete="off" value="${values?.contact ?? ''}" aria-describedby="${describedBy(state, 'contact', 'report-contact-hint')}"${invalid(state, 'contact')}></div><p class="hint">平台收到后转交民政部门和相关慈善组织，在 5 个工作日内处理答复，并给出举报编号。</p><button type="submit" class="button">提交举报</button></form>`;
}

/** The closed entry at the end of a fundraising page. */
export function reportEntryHtml(target: ReportFormTarget, subject: string): SafeHtml {
  return html`<section class="section report" id="report" aria-labelledby="report-heading" data-pagefind-ignore><h2 id="report-heading">举报/投诉</h2><p>发现${subject}信息不实、善款未按承诺使用、泄露受助人隐私或违规募捐，可以向平台举报。</p><details class="report__details"><summary>填写举报</summary>${reportFormHtml(target)}</details></section>`;
}
