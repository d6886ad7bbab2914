import { html, type SafeHtml } from '../html.ts';

/**
 * The project page's 捐赠名单 (`#donors`): the donate form promises that a public name “会显示在项目的
 * 捐赠名单中”, and this is where. The names are live data (the donations API, newest first), so the
 * built page carries only the place: the live-totals island loads the list into `#donor-list` on
 * first idle (`import()` of site/islands/donor-list.tsx — nothing more up front on a page whose
 * script budget is nearly spent). Without JavaScript the section says so; with it, it says the
 * list is loading until the island replaces the line (the stylesheet picks by `html.js`).
 */
export function donorListSlotHtml(): SafeHtml {
  return html`<section class="section" id="donors" aria-labelledby="donors-heading" data-pagefind-ignore><h2 id="donors-heading">捐赠名单</h2><p class="small muted">选择公开署名的捐赠者，按到账时间从新到旧列出；匿名捐赠只计笔数，不显示任何信息。</p><div id="donor-list"><p class="small muted"><span class="if-js">正在读取捐赠名单…</span><span class="if-no-js">捐赠名单需要启用 JavaScript 才能显示。</span></p></div></section>`;
}
