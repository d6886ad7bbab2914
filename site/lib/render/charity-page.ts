import { formatDate } from '../../../content/contracts/format.ts';
import { paths } from '../../../content/paths.ts';
import type { SearchDocument } from '../../../content/search/documents.ts';
import { html, type SafeHtml } from '../html.ts';
import type { CharityView } from '../site-data.ts';
import { awardListHtml } from './award-list.ts';
import { breadcrumbsHtml } from './breadcrumbs.ts';
import { pagefindAttrsHtml } from './pagefind-attrs.ts';
import { projectCardHtml } from './project-card.ts';
import { timelinessFigureHtml } from './timeliness-figure.ts';

/**
 * The body of a charity page: credentials as registered, rating, timeliness, projects, awards.
 *
 * Search (search/README.md): one `data-pagefind-body` with the name, badges, summary, region and
 * registration authority; meta and filters from `search` (pagefind-attrs.ts). Contacts, the legal
 * representative and the credit code are never indexed (`data-pagefind-ignore`), nor are the
 * lists of projects, awards and cases (other entries, indexed on their own).
 */
export function charityPageHtml(view: CharityView, search?: SearchDocument): SafeHtml {
  const { charity, projects, awards, typicalCases, timeliness } = view;
  const accepting = projects.filter((p) => p.accepting).length;
  const ignore = search ? html` data-pagefind-ignore` : '';
  // Only facts marked `indexed` are searchable text; the rest carry personal or registry data.
  const fact = (term: string, value: SafeHtml | string, wide = false, indexed = false) =>
    html`<div${wide ? html` class="wide"` : ''}${indexed ? '' : ignore}><dt>${term}</dt><dd>${value}</dd></div>`;
  const badges = html`<ul class="badges">${
    charity.publicFundraisingSince
      ? html`<li class="badge badge--ok">具有公开募捐资格</li>`
      : html`<li class="badge">不具有公开募捐资格</li>`
  }${charity.rating ? html`<li class="badge">等级评估 ${charity.rating}</li>` : ''}${charity.taxDeductible ? html`<li class="badge">公益性捐赠税前扣除资格</li>` : ''}</ul>`;
  const facts = [
    fact('统一社会信用代码', charity.creditCode),
    fact('登记管理机关', charity.registrationAuthority, false, true),
    fact('登记日期', formatDate(charity.registeredOn)),
    fact('认定为慈善组织', formatDate(charity.recognisedOn)),
    fact(
      '公开募捐资格',
      charity.publicFundraisingSince ? `自 ${formatDate(charity.publicFundraisingSince)} 起具备` : '不具备',
    ),
    fact('公益性捐赠税前扣除资格', charity.taxDeductible ? '具备' : '不具备或未公示'),
    fact('社会组织等级评估', charity.rating ? `${charity.rating} 级` : '未评估'),
    fact('法定代表人', charity.legalRepresentative),
    fact('所在地区', charity.region.name, false, true),
    fact(
      '联系方式',
      html`电话 ${charity.contact.phone}${charity.contact.email ? `；邮箱 ${charity.contact.email}` : ''}<br>${charity.contact.address}`,
    ),
    charity.contact.website
      ? fact('网站', html`<a href="${charity.contact.website}" rel="noopener">${charity.contact.website}</a>`)
      : '',
    fact(
      '核验',
      html`<a href="${charity.registryUrl}" rel="noopener">在“慈善中国”查询${charity.name}的登记信息</a>`,
      true,
    ),
  ];
  const projectList =
    projects.length === 0
      ? html`<p>该组织尚未在本站发布项目。</p>`
      : html`<ul class="grid">${projects.map((p) => html`<li>${projectCardHtml(p, 3)}</li>`)}</ul>`;
  const typical =
    typicalCases.length > 0
      ? html`<section class="section" aria-labelledby="typical-heading"${ignore}><h2 id="typical-heading">入选典型案例</h2><ul>${typicalCases.map(
          (t) => html`<li><a href="${paths.typicalCase(t.slug)}">${t.title}</a></li>`,
        )}</ul></section>`
      : '';
  const body = html`<h1${search ? html` data-pagefind-meta="title"` : ''}>${charity.name}</h1>${search ? pagefindAttrsHtml(search) : ''}${badges}<p class="lead" data-pagefind-weight="2">${charity.summary}</p><section class="compliance" aria-labelledby="credentials-heading"><h2 id="credentials-heading">登记与资格</h2><dl class="facts">${facts}</dl></section><section class="section" aria-labelledby="timeliness-heading"${ignore}><h2 id="timeliness-heading">信息公开按时率</h2>${timelinessFigureHtml(timeliness)}</section><section class="section" aria-labelledby="projects-heading"${ignore}><h2 id="projects-heading">项目（${projects.length} 个，其中 ${accepting} 个可在线捐赠）</h2>${projectList}</section><section class="section" aria-labelledby="awards-heading"${ignore}><h2 id="awards-heading">表彰</h2>${
    awards.length === 0 ? html`<p>暂无在本站登记的表彰。</p>` : awardListHtml(awards, false)
  }</section>${typical}`;
  return html`${breadcrumbsHtml([
    { label: '首页', href: '/' },
    { label: '慈善组织', href: paths.charities() },
    { label: charity.name },
  ])}${search ? html`<div data-pagefind-body>${body}</div>` : body}`;
}
