/**
 * Markdown that reached a page as text instead of markup: `**规范转介流程。**` shown to a reader
 * means a rich-text field skipped the renderer, or the renderer did not parse it (CommonMark's
 * flanking rules with CJK punctuation, before marked-cjk-friendly). The build checks every page
 * with this (integrations/check-raw-markup.ts); tests run every demo text through it.
 *
 * Only text a reader sees counts: tags, attributes, comments, scripts, styles and code blocks are
 * removed first, so an `aria-label`, a CSS selector or a code sample does not trip it.
 */

const INVISIBLE = /<!--[\s\S]*?-->|<(script|style|template|pre|code|textarea)\b[\s\S]*?<\/\1\s*>/gi;
const TAG = /<[^>]*>/g;

/** Each pattern is one kind of Markdown a renderer would have turned into markup. */
const PATTERNS: readonly { kind: string; pattern: RegExp }[] = [
  // `**粗体**`, `__粗体__`: a doubled marker touching a non-space on either side.
  { kind: '粗体标记', pattern: /(?:\*\*|__)(?=[^\s*_])|(?<=[^\s*_])(?:\*\*|__)/ },
  { kind: '删除线标记', pattern: /~~(?=\S)|(?<=\S)~~/ },
  // `*斜体*`: one asterisk on each side of a short run, not a footnote star before a space.
  { kind: '斜体标记', pattern: /(?<![*\w])\*(?=[^\s*])[^*\n]{1,120}(?<=[^\s*])\*(?![*\w])/ },
  { kind: '链接语法', pattern: /\[[^\]\n]{1,200}\]\((?:https?:|mailto:|\/|#)[^)\s]*\)/ },
  { kind: '标题标记', pattern: /(?:^|\n)[ \t]*#{1,6}[ \t]+\S/ },
  { kind: '代码标记', pattern: /`[^`\n]{1,200}`/ },
];

export interface RawMarkup {
  kind: string;
  /** Up to 20 characters either side of what was found, for the error message. */
  excerpt: string;
}

/** Visible text of an HTML page or fragment, one line per tag boundary. */
export function visibleText(html: string): string {
  return html.replace(INVISIBLE, '\n').replace(TAG, '\n');
}

/** The first raw Markdown in what a reader sees of `html`, or null when there is none. */
export function findRawMarkup(html: string): RawMarkup | null {
  const text = visibleText(html);
  for (const { kind, pattern } of PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const start = Math.max(0, match.index - 20);
    const excerpt = text
      .slice(start, match.index + match[0].length + 20)
      .replace(/\s+/g, ' ')
      .trim();
    return { kind, excerpt };
  }
  return null;
}
