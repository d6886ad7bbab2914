import { html, type SafeHtml } from '../html.ts';
import type { ProjectView } from '../site-data.ts';

/**
 * Where giving starts. The donate island arrives with the donations issue and mounts in
 * `#donate`; the reasons a project does not accept donations come from the same eligibility rule
 * the donations API uses, so the page and the API never disagree.
 */
export function donateSlotHtml(view: ProjectView): SafeHtml {
  const { eligibility, charity, project } = view;
  const body = eligibility.eligible
    ? html`<div class="callout"><p>本项目正在依法公开募捐。善款直接进入${charity.name}的账户，本站不经手资金。</p><p class="small muted">在线捐赠入口即将开放。</p></div>`
    : html`<div class="callout callout--warn"><p><strong>本项目目前不接受捐赠。</strong>原因：</p><ul>${eligibility.reasons.map((r) => html`<li>${r.message}</li>`)}</ul></div>`;
  return html`<section id="donate" aria-labelledby="donate-heading" data-project-slug="${project.slug}" data-accepting="${String(eligibility.eligible)}"><h2 id="donate-heading">捐赠</h2>${body}</section>`;
}
