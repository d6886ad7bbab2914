import { formatDate } from '../../../content/contracts/format.ts';
import { type CorrectedCollection, type CorrectionNote, describeChangedFields } from '../../../content/index.ts';
import { html, type SafeHtml } from '../html.ts';

/**
 * 更正说明 of one project or disclosure: each change made after publication, oldest first, with
 * its date, what changed (in the page's own words for the fields) and why. Shown on the project
 * page for the project, and under each corrected disclosure in its timeline.
 */
export function correctionListHtml(collection: CorrectedCollection, notes: readonly CorrectionNote[]): SafeHtml {
  return html`<ol class="corrections">${notes.map(
    (n) =>
      html`<li><p><time datetime="${n.date}">${formatDate(n.date)}</time> 更正了：${describeChangedFields(collection, n.fields)}</p><p>原因：${n.reason}</p></li>`,
  )}</ol>`;
}

/** The mark a corrected entry carries, linking to its notes. */
export function correctedBadgeHtml(notes: readonly CorrectionNote[], anchor: string): SafeHtml {
  return html`<a class="badge badge--warn" href="#${anchor}">已更正${notes.length > 1 ? ` ${notes.length} 次` : ''}</a>`;
}
