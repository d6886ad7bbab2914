import { html, type SafeHtml } from '../html.ts';

/** Where the page sits: links to each level above, the current page last and unlinked. */
export interface Crumb {
  label: string;
  href?: string | undefined;
}

export function breadcrumbsHtml(items: readonly Crumb[]): SafeHtml {
  return html`<nav class="breadcrumbs" aria-label="当前位置"><ol>${items.map(
    (item) =>
      html`<li>${item.href ? html`<a href="${item.href}">${item.label}</a>` : html`<span aria-current="page">${item.label}</span>`}</li>`,
  )}</ol></nav>`;
}
