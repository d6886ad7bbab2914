import { formatDate, formatShare } from '../../../content/contracts/format.ts';
import { formatMoneyTogether } from '../../../content/contracts/money.ts';
import { EXPENSE_CATEGORIES, labelOf, PROJECT_STATUSES, SERVICE_TYPES, TARGET_GROUPS } from '../../../content/index.ts';
import { paths } from '../../../content/paths.ts';
import type { SearchDocument } from '../../../content/search/documents.ts';
import { html, raw, type SafeHtml } from '../html.ts';
import { renderRichText } from '../rich-text.ts';
import type { ProjectView } from '../site-data.ts';
import { barChartHtml } from './bar-chart.ts';
import { breadcrumbsHtml } from './breadcrumbs.ts';
import { caseSummaryHtml } from './case-summary.ts';
import { complianceBlockHtml } from './compliance-block.ts';
import { correctedBadgeHtml, correctionListHtml } from './correction-notes.ts';
import { coverFigureHtml } from './cover-figure.ts';
import { disclosureListHtml } from './disclosure-list.ts';
import { disclosureScheduleHtml } from './disclosure-schedule.ts';
import { donateSlotHtml } from './donate-slot.ts';
import { islandSlotHtml } from './island-slots.ts';
import { pagefindAttrsHtml } from './pagefind-attrs.ts';
import { reportEntryHtml } from './report-form.ts';
import { subscribeSectionHtml } from './subscribe-section.ts';

/**
 * The body of a project page. Above the fold: title, status and the Charity Law Art. 25 block;
 * then the totals (#live-totals, an island) and the donate slot (#donate), the story, the disclosure
 * schedule with 逾期未披露 flags and every disclosure, the expense breakdown, cases and the needs
 * it answers. Built as one string: there is one such page per project (10,000 at scale), and
 * hundreds of small template expressions per page were most of the build's time.
 *
 * The live totals and the donate form are React islands: the body carries their places
 * (island-slots.ts) and site/pages/projects/[slug].astro renders them there.
 *
 * An accepting project also gets the sticky 我要捐赠 link to #donate (DONATE_JUMP_HTML).
 *
 * Search (search/README.md): one `data-pagefind-body` around the project's own words — title,
 * badges, summary, regions, story, the charity's name — with its meta and filters from `search`
 * (the page's SearchDocument, pagefind-attrs.ts). The compliance block, totals, donate slot,
 * disclosures (indexed as their own records), expenses, cases and linked entries are
 * `data-pagefind-ignore`. Without `search` the page is rendered without the index markup.
 */
/**
 * "我要捐赠", a plain link to #donate kept at the bottom of the screen (position: sticky) from the
 * first screen until the donate section comes into view, where it rests just above it: one tap to
 * the form on a phone, where the Art. 25 block and the totals put it several screens down. A
 * link, not a script (the page's script budget is full). It must be a child of the element that
 * starts at the top of the page, not of the block around the compliance box: a sticky element
 * stays inside its parent, and that block starts below the first screen on a phone.
 */
const DONATE_JUMP_HTML = html`<p class="donate-jump" data-pagefind-ignore><a class="button donate-jump__link" href="#donate">我要捐赠</a></p>`;

export function projectPageHtml(view: ProjectView, today: string, search?: SearchDocument): SafeHtml {
  const { project, charity, schedule, money } = view;
  const overdue = schedule.overdue.length;

  const corrected = project.corrections.length > 0;
  const badges = html`<ul class="badges" data-pagefind-weight="3"><li class="${view.accepting ? 'badge badge--ok' : 'badge'}">${labelOf(PROJECT_STATUSES, project.status)}${view.accepting ? ' · 可在线捐赠' : ''}</li>${
    overdue > 0 ? html`<li><a class="badge badge--bad" href="#disclosures">逾期未披露 ${overdue} 项</a></li>` : ''
  }${corrected ? html`<li>${correctedBadgeHtml(project.corrections, 'corrections')}</li>` : ''}${project.brand ? html`<li class="badge">品牌项目</li>` : ''}${project.emergency ? html`<li class="badge badge--warn">应急募捐</li>` : ''}${project.targetGroups.map(
    (g) => html`<li class="badge">${labelOf(TARGET_GROUPS, g)}</li>`,
  )}${project.serviceTypes.map((s) => html`<li class="badge">${labelOf(SERVICE_TYPES, s)}</li>`)}</ul>`;

  const regions = project.regions.map((r) => `${r.name}${r.keyCounty ? '（国家乡村振兴重点帮扶县）' : ''}`).join('、');

  const overdueNote =
    overdue > 0
      ? html`<div class="callout callout--bad" role="note"><p><strong>逾期未披露：</strong>本项目有 ${overdue} 项法定信息公开已过截止日期仍未发布（最早一项截止于 ${formatDate(schedule.overdue[0]?.dueOn ?? today)}）。</p></div>`
      : html`<p>本项目目前没有逾期未披露的信息公开事项。</p>`;

  // The bars, their labels and the total are compared with each other: one unit for all.
  const [expenseTotal = '', ...expenseLabels] = formatMoneyTogether([
    money.expenseTotalFen,
    ...money.expenses.map((e) => e.amountFen),
  ]);
  const expenses =
    money.expenses.length > 0
      ? barChartHtml({
          id: 'expenses',
          title: '已公开支出按类别',
          summary: `已公开支出合计 ${expenseTotal}，按${money.expenses.length}个类别分列`,
          series: [{ key: 'amount', label: '支出金额' }],
          rows: money.expenses.map((e, i) => ({
            label: labelOf(EXPENSE_CATEGORIES, e.category),
            values: [e.amountFen],
            valueLabels: [expenseLabels[i] ?? ''],
          })),
          rowHeader: '类别',
          extraColumns: [
            {
              header: '占比',
              values: money.expenses.map((e) => formatShare(e.amountFen, money.expenseTotalFen) ?? '—'),
            },
          ],
          note: `以上为各次信息公开列示的支出明细之和，合计 ${expenseTotal}。`,
        })
      : html`<p>本项目尚未公开支出明细。</p>`;

  const cases =
    view.cases.length > 0
      ? html`<section class="section" aria-labelledby="cases-heading" data-pagefind-ignore><h2 id="cases-heading">帮扶案例</h2><p class="small muted">案例均经本人（未成年人由监护人）同意后匿名发布，只写化名、年龄段和县级地区。</p>${view.cases.map(caseSummaryHtml)}</section>`
      : '';

  const needs =
    view.needs.length > 0
      ? html`<ul>${view.needs.map(
          (n) =>
            html`<li><a href="${paths.need(n.region.provinceCode, n.slug)}">${n.title}</a>（${n.department}，涉及 ${n.households} 户）</li>`,
        )}</ul>`
      : html`<p>本项目未登记对接民政部门发布的救助需求。</p>`;

  const more = [
    ...view.campaigns.map((c) => html`<li>参与专题活动：<a href="${paths.campaign(c.slug)}">${c.title}</a></li>`),
    ...view.awards.map(
      (a) => html`<li>获得表彰：<a href="${paths.awardYear(a.year)}">${a.name}（${a.edition}）</a></li>`,
    ),
    ...view.typicalCases.map((t) => html`<li>入选典型案例：<a href="${paths.typicalCase(t.slug)}">${t.title}</a></li>`),
  ];

  // Changes to the project's own information after publication (民政部令第81号: never a silent edit).
  const corrections = corrected
    ? html`<section class="section" id="corrections" aria-labelledby="corrections-heading" data-pagefind-ignore><h2 id="corrections-heading">更正说明</h2><p class="small muted">本项目信息发布后的每一次修改都在此公开：修改日期、改了什么、为什么改。</p>${correctionListHtml('projects', project.corrections)}</section>`
    : '';

  const crumbs = breadcrumbsHtml([
    { label: '首页', href: '/' },
    { label: '慈善项目', href: paths.projects() },
    { label: project.title },
  ]);
  const ignore = search ? raw(' data-pagefind-ignore') : '';
  const body = html`<h1${search ? raw(' data-pagefind-meta="title"') : ''}>${project.title}</h1>${search ? pagefindAttrsHtml(search) : ''}${badges}<p class="lead" data-pagefind-weight="2">${project.summary}</p><p class="small muted" data-pagefind-weight="3">实施地区：${regions}</p><div${ignore}>${complianceBlockHtml(view)}${islandSlotHtml('live-totals')}</div>${view.eligibility.eligible ? DONATE_JUMP_HTML : ''}<div${ignore}>${donateSlotHtml(view)}</div><section class="section" aria-labelledby="story-heading"><h2 id="story-heading">项目介绍</h2>${project.cover ? coverFigureHtml(project.cover) : ''}<div class="rich-text">${raw(renderRichText(project.story, { headingBase: 3 }))}</div></section>${corrections}<section class="section" id="disclosures" aria-labelledby="disclosures-heading"${ignore}><h2 id="disclosures-heading">信息公开</h2>${overdueNote}${disclosureScheduleHtml(view, today)}${disclosureListHtml(view, today)}</section>${subscribeSectionHtml(view)}<section class="section" aria-labelledby="expenses-heading"${ignore}><h2 id="expenses-heading">资金使用</h2>${expenses}</section>${cases}<section class="section" aria-labelledby="needs-heading"${ignore}><h2 id="needs-heading">对接的救助需求</h2>${needs}</section>${
    more.length > 0
      ? html`<section class="section" aria-labelledby="more-heading"${ignore}><h2 id="more-heading">参与活动与表彰</h2><ul>${more}</ul></section>`
      : ''
  }<p class="small muted">项目由${charity.name}发布于 ${formatDate(project.publishedOn)}。如对项目有疑问，可联系该组织或在“慈善中国”核验。</p>${reportEntryHtml({ kind: 'project', slug: project.slug }, '本项目')}`;
  return html`${crumbs}${search ? html`<div data-pagefind-body>${body}</div>` : body}`;
}
