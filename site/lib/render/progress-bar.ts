import { html, type SafeHtml } from '../html.ts';

/**
 * The share of a goal as a bar, for pages built as strings (project cards). The same markup as the
 * live-totals island's bar: an SVG rect's `width` attribute, because the Content-Security-Policy
 * blocks `style` attributes. Over 100% the bar is full; the words beside it give the number.
 */
export function progressBarHtml(percent: number): SafeHtml {
  return html`<div class="progress__bar" role="img" aria-label="已达到募捐目标的 ${percent}%"><svg viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect width="${Math.min(100, Math.max(0, percent))}" height="1"/></svg></div>`;
}
