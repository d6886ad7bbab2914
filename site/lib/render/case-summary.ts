import { formatDate } from '../../../content/contracts/format.ts';
import { AGE_BANDS, type CaseSummary, labelOf, TARGET_GROUPS } from '../../../content/index.ts';
import { html, type SafeHtml } from '../html.ts';

/** An anonymised case (alias, age band, county): what help came from government and from the charity. */
export function caseSummaryHtml(item: CaseSummary): SafeHtml {
  return html`<article class="case" id="case-${item.slug}"><h3>${item.alias}（${labelOf(AGE_BANDS, item.ageBand)}，${item.region.name}）</h3><p class="card__meta">${labelOf(TARGET_GROUPS, item.group)} · 发布于 ${formatDate(item.publishedOn)}</p><dl><dt>困难情况</dt><dd>${item.situation}</dd><dt>政府救助</dt><dd>${item.governmentAssistance}</dd><dt>慈善帮扶</dt><dd>${item.charityHelp}</dd><dt>帮扶成效</dt><dd>${item.outcome}</dd></dl></article>`;
}
