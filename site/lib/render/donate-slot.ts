import { formatDate } from '../../../content/contracts/format.ts';
import { paths } from '../../../content/paths.ts';
import type { DonateFormProps } from '../../islands/donate-form.tsx';
import { html, type SafeHtml } from '../html.ts';
import type { ProjectView } from '../site-data.ts';
import { donationBounds } from '../site-env.ts';
import { islandSlotHtml } from './island-slots.ts';

/**
 * Where giving starts. The donate island (site/islands/donate-form.tsx) goes in `#donate`; the
 * reasons a project does not accept donations come from the same eligibility rule the donations
 * API uses, so the page and the API never disagree. The cause-donation slot of needs and campaign
 * pages is site/components/cause-donate.astro. The amount bounds come from site-env.ts.
 */
/** The donate island's props on a project page (site/islands/donate-form.tsx). */
export function donateFormProps(view: ProjectView): DonateFormProps {
  return {
    id: 'donate1',
    target: { kind: 'project', slug: view.project.slug },
    bounds: donationBounds(),
    charity: { name: view.charity.name, href: paths.charity(view.charity.slug) },
  };
}

/**
 * A direct gift to a project with an overdue disclosure is the donor's choice to make, but not
 * blind: the notice sits above the form, so it is read before the confirm step. (Cause gifts are
 * never routed to such a project: donations/route-cause.ts.)
 */
function overdueNoticeHtml({ schedule }: Pick<ProjectView, 'schedule'>): SafeHtml | string {
  if (!schedule.isOverdue) return '';
  const first = schedule.overdue[0];
  return html`<div class="callout callout--bad" role="note" data-overdue-notice><p><strong>请注意：本项目有 ${schedule.overdue.length} 项法定信息公开逾期未披露</strong>${first ? `（最早一项截止于${formatDate(first.dueOn)}）` : ''}，捐出的钱怎么用，目前公开的信息不全。您仍可以捐赠；也可以先看<a href="#disclosures">信息公开</a>，或选择其他项目。</p></div>`;
}

/**
 * 一起捐 from the project page: a plain link to the team form (no script — the page is at its
 * script budget), only where the project accepts gifts, as the teams API requires.
 */
function teamInviteHtml(slug: string): SafeHtml {
  return html`<p class="team-invite" data-team-invite><a href="${paths.teamStart(slug)}">发起一起捐</a>：为本项目组一支队伍，把队伍链接或海报发给朋友，一起捐款。</p>`;
}

/**
 * The project page's `#donate` section: where the island goes when the project accepts donations
 * (its server render says, without JavaScript, how to give to the charity directly), else every
 * reason it does not.
 */
export function donateSlotHtml(view: ProjectView): SafeHtml {
  const { eligibility, charity, project } = view;
  const body = eligibility.eligible
    ? html`<div class="callout"><p>本项目正在依法公开募捐。善款直接进入${charity.name}的账户，本站不经手资金。</p></div>${overdueNoticeHtml(view)}${islandSlotHtml('donate')}${teamInviteHtml(project.slug)}`
    : html`<div class="callout callout--warn"><p><strong>本项目目前不接受捐赠。</strong>原因：</p><ul>${eligibility.reasons.map((r) => html`<li>${r.message}</li>`)}</ul></div>`;
  return html`<section id="donate" aria-labelledby="donate-heading" data-project-slug="${project.slug}" data-accepting="${String(eligibility.eligible)}"><h2 id="donate-heading">捐赠</h2>${body}</section>`;
}
