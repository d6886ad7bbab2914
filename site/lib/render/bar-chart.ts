import { type ChartRow, type ChartSeries, layoutBars } from '../bar-chart.ts';
import { html, type SafeHtml } from '../html.ts';

/**
 * A horizontal bar chart drawn at build time as SVG, with the same figures in a table beside it:
 * the SVG is one image with a text alternative for screen readers, the table is the data.
 */
export interface BarChartOptions {
  id: string;
  title: string;
  /** One sentence saying what the chart shows; the image's text alternative. */
  summary: string;
  series: readonly ChartSeries[];
  rows: readonly ChartRow[];
  rowHeader: string;
  /** Extra table columns after the series values, e.g. the number of projects. */
  extraColumns?: { header: string; values: readonly string[] }[];
  note?: string | undefined;
}

export function barChartHtml(o: BarChartOptions): SafeHtml {
  const layout = layoutBars(o.rows, o.series.length);
  const extra = o.extraColumns ?? [];
  const legend =
    o.series.length > 1
      ? html`<ul class="legend" aria-hidden="true">${o.series.map((s, i) => html`<li><span class="key-${i}"></span>${s.label}</li>`)}</ul>`
      : '';
  const bars = layout.rows.map(
    (row) =>
      html`<g><text class="chart__label" x="0" y="${row.labelY}em">${row.label}</text>${row.bars.map(
        (bar) =>
          html`<rect class="bar-${bar.series}" x="0" y="${bar.y}em" width="${bar.widthPct === 0 ? '0' : `${bar.widthPct}%`}" height="${bar.height}em"></rect><text${bar.inside ? html` class="inside" text-anchor="end" dx="-0.4em"` : html` dx="0.4em"`} x="${bar.widthPct}%" y="${bar.textY}em" dominant-baseline="central">${bar.valueLabel}</text>`,
      )}</g>`,
  );
  const head = html`<tr><th scope="col">${o.rowHeader}</th>${o.series.map((s) => html`<th scope="col" class="num">${s.label}</th>`)}${extra.map((c) => html`<th scope="col" class="num">${c.header}</th>`)}</tr>`;
  const body = o.rows.map(
    (row, r) =>
      html`<tr><th scope="row">${row.label}</th>${o.series.map((_, s) => html`<td class="num">${row.valueLabels[s] ?? ''}</td>`)}${extra.map((c) => html`<td class="num">${c.values[r] ?? ''}</td>`)}</tr>`,
  );
  return html`<figure class="chart" aria-labelledby="${o.id}-title"><figcaption id="${o.id}-title"><strong>${o.title}</strong></figcaption>${legend}<svg width="100%" height="${layout.height}em" role="img" aria-label="${o.summary}（具体数字见下表）">${bars}</svg>${
    o.note ? html`<p class="small muted">${o.note}</p>` : ''
  }<div class="scroll-x" role="region" aria-labelledby="${o.id}-table" tabindex="0"><table><caption id="${o.id}-table">${o.title}：数据表</caption><thead>${head}</thead><tbody>${body}</tbody></table></div></figure>`;
}
