import { paths } from '../../../content/paths.ts';
import { html, type SafeHtml } from '../html.ts';
import { NAV_ITEMS, type NavKey } from '../nav.ts';

/**
 * The frame around every page — header with navigation and the 长辈模式 switch, the 示例数据
 * notice, the footer — as strings built once per build (the header once per current section),
 * since they are identical on tens of thousands of pages.
 *
 * The switch is a real checkbox: without JavaScript it still enlarges the current page (CSS :has),
 * with the inline script in the layout the choice is remembered across pages.
 *
 * The search box is a plain GET form to /search/results/ (`?q=`), the results page rendered on
 * the server: no script on any page, and results in one step with or without JavaScript. That
 * page links to the interactive search (/search/, the island) with the same query.
 */
/** site/pages/search/results.astro (served by the Node process, like /api/*). */
const SEARCH_RESULTS_PATH = '/search/results/';
const headers = new Map<NavKey | undefined, SafeHtml>();

const SITE_SEARCH_HTML = html`<form class="site-search" role="search" aria-label="全站搜索" action="${SEARCH_RESULTS_PATH}" method="get"><label class="visually-hidden" for="site-search-q">搜索项目、组织、案例</label><input id="site-search-q" type="search" name="q" maxlength="200" placeholder="搜索项目、组织、案例" autocomplete="off" enterkeyhint="search"><button type="submit">搜索</button></form>`;

export function siteHeaderHtml(current: NavKey | undefined): SafeHtml {
  const hit = headers.get(current);
  if (hit) return hit;
  const links = html`<ul>${NAV_ITEMS.map(
    (item) =>
      html`<li><a href="${item.href}"${item.key === current ? html` aria-current="page"` : ''}>${item.label}</a></li>`,
  )}</ul>`;
  // Two renderings of the one navigation, only one of them shown (display:none keeps the other out
  // of the accessibility tree and the tab order): on a phone a 菜单 button that opens the links
  // (<details>, no script), so the first screen is the page and not nine links in three rows; from
  // 48rem the links in a row as before. A single <details> forced open on wide screens would need
  // ::details-content, which older WebViews (WeChat's among them) do not know.
  const header = html`<header class="site-header"><div class="wrap site-header__top"><a class="site-brand" href="/">衔接 <small>社会救助与慈善帮扶</small></a>${SITE_SEARCH_HTML}<label class="elder-toggle"><input type="checkbox" id="elder-mode" role="switch" autocomplete="off"> 长辈模式</label><details class="site-menu"><summary><span class="site-menu__icon" aria-hidden="true"></span>菜单</summary><nav class="site-menu__nav" aria-label="主导航">${links}</nav></details></div><nav class="wrap site-nav" aria-label="主导航">${links}</nav></header>`;
  headers.set(current, header);
  return header;
}

/** Shown on every page while generated data is in use, so nobody mistakes it for real charities. */
export const DEMO_NOTICE_HTML = html`<div class="demo-notice" role="note" aria-label="示例数据提示"><p class="wrap"><strong>示例数据：</strong>本站的慈善组织、项目、案例与金额均为生成的虚构内容，请勿据此捐赠。</p></div>`;

export const SITE_FOOTER_HTML = html`<footer class="site-footer"><div class="wrap"><p>衔接依据民政部《关于加强社会救助与慈善帮扶有效衔接的指导意见》（民发〔2023〕46号）建设。本站不经手善款：每一笔捐赠直接进入项目所属慈善组织的账户。本站不发布个人求助信息。</p><ul class="footer-links"><li><a href="${paths.about()}">关于本站</a></li><li><a href="${paths.openData()}">开放数据</a></li><li><a href="${paths.feed()}">信息公开订阅（RSS）</a></li><li><a href="${paths.sitemap()}">站点地图</a></li><li><a href="https://cszg.mca.gov.cn/" rel="noopener">慈善中国（民政部）</a></li></ul></div></footer>`;
