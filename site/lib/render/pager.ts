import { html, type SafeHtml } from '../html.ts';
import { pagerWindow } from '../pagination.ts';

/** Numbered page links with previous/next, or nothing for a single page. */
export function pagerHtml(page: number, pageCount: number, hrefOf: (page: number) => string, label = '分页'): SafeHtml {
  if (pageCount <= 1) return html``;
  const items = pagerWindow(page, pageCount).map((n) =>
    n === null
      ? html`<li><span aria-hidden="true">…</span></li>`
      : html`<li><a href="${hrefOf(n)}"${n === page ? html` aria-current="page"` : ''} aria-label="第 ${n} 页">${n}</a></li>`,
  );
  return html`<nav class="pager" aria-label="${label}"><ul>${page > 1 ? html`<li><a href="${hrefOf(page - 1)}" rel="prev">上一页</a></li>` : ''}${items}${page < pageCount ? html`<li><a href="${hrefOf(page + 1)}" rel="next">下一页</a></li>` : ''}</ul></nav>`;
}
