/**
 * Markdown that reached a page as text instead of markup: `**规范转介流程。**` shown to a reader
 * means a rich-text field skipped the renderer, or the renderer did not parse it (CommonMark's
 * flanking rules with CJK punctuation, before marked-cjk-friendly). The build checks every page
 * with this (integrations/check-raw-markup.ts); tests run every demo text through it.
 *
 * Only text a reader sees counts: tags, attributes, comments, scripts, styles and code blocks are
 * removed first, so an `aria-label`, a CSS selector or a code sample does not trip it.
 */

/** Elements whose content a reader never sees as prose. */
const HIDDEN_ELEMENTS = new Map(
  ['script', 'style', 'template', 'pre', 'code', 'textarea'].map((name) => [name, new RegExp(`</${name}\\s*>`, 'gi')]),
);
/** Any character a pattern below starts with: text without one is clean (most pages). */
const CANDIDATE = /[*_~[#`]/;

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

/**
 * Visible text of an HTML page or fragment, one line per tag boundary. A scan with indexOf rather
 * than regular expressions: the build runs it over every page (tens of thousands at scale).
 */
export function visibleText(html: string): string {
  let out = '';
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open === -1) {
      out += html.slice(at);
      break;
    }
    out += `${html.slice(at, open)}\n`;
    if (html.startsWith('<!--', open)) {
      const end = html.indexOf('-->', open + 4);
      at = end === -1 ? html.length : end + 3;
      continue;
    }
    const close = html.indexOf('>', open);
    if (close === -1) break;
    const name = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(open, Math.min(close, open + 20)))?.[1]?.toLowerCase();
    at = close + 1;
    const closing = name ? HIDDEN_ELEMENTS.get(name) : undefined;
    if (closing) {
      closing.lastIndex = at;
      const end = closing.exec(html);
      at = end ? end.index + end[0].length : html.length;
    }
  }
  return out;
}

/** The first raw Markdown in what a reader sees of `html`, or null when there is none. */
export function findRawMarkup(html: string): RawMarkup | null {
  const text = visibleText(html);
  if (!CANDIDATE.test(text)) return null;
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
