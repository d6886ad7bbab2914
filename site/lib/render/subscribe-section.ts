import { SUBSCRIPTION_PAGES } from '../../../content/contracts/subscription-request.ts';
import { paths } from '../../../content/paths.ts';
import { html, type SafeHtml } from '../html.ts';
import type { ProjectView } from '../site-data.ts';

/**
 * 订阅项目进展 on a project page, under its disclosures: two plain links, no script — the page's
 * up-front JavaScript is at its budget (tests/e2e/budgets.test.ts). The e-mail form is its own
 * page (`/subscriptions/?project=<slug>`, site/islands/subscribe-form.tsx); the Atom feed needs
 * no address at all.
 */
export function subscribeSectionHtml(view: ProjectView): SafeHtml {
  const { slug, title } = view.project;
  const form = `${SUBSCRIPTION_PAGES.subscribe}?project=${encodeURIComponent(slug)}`;
  return html`<section class="section subscribe-links" aria-labelledby="subscribe-heading" data-pagefind-ignore><h2 id="subscribe-heading">订阅项目进展</h2><p>「${title}」发布新的信息公开时通知您：<a href="${form}">用邮箱订阅</a>（每次发布只发一封，可一键退订），或用阅读器订阅 <a href="${paths.projectFeed(slug)}" type="application/atom+xml">Atom 源</a>（无需留下邮箱）。</p></section>`;
}
