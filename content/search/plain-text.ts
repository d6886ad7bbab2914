/**
 * Rich text (the CMS's Markdown, which may carry raw HTML) reduced to plain text for indexing.
 * Markup never survives: elements whose text never shows (`<script>`, `<style>`, …) go with their
 * content, every other tag goes and keeps its text, Markdown syntax goes and keeps its words.
 * The result is still untrusted text — whoever renders it must escape it (the search client does).
 */

const HIDDEN_ELEMENTS = ['script', 'style', 'template', 'iframe', 'object', 'noscript', 'textarea', 'title', 'svg'];
const HIDDEN_BLOCK = new RegExp(`<(${HIDDEN_ELEMENTS.join('|')})\\b[^>]*>[\\s\\S]*?<\\/\\1\\s*>`, 'gi');
/** An opening hidden element that is never closed hides everything after it. */
const HIDDEN_UNCLOSED = new RegExp(`<(?:${HIDDEN_ELEMENTS.join('|')})\\b[\\s\\S]*$`, 'i');
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const TAG = /<\/?[A-Za-z][^<>]*(?:>|$)/g;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  hellip: '…',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : ' ';
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** HTML removed, entities decoded; whitespace left as it was. */
export function stripHtml(text: string): string {
  return decodeEntities(
    text.replace(COMMENT, ' ').replace(HIDDEN_BLOCK, ' ').replace(HIDDEN_UNCLOSED, ' ').replace(TAG, ' '),
  );
}

const LINE_RULES: [RegExp, string][] = [
  [/^ {0,3}(?:```|~~~).*$/gm, ''], // code fences (their content stays)
  [/^ {0,3}\[[^\]]+\]:\s*\S+.*$/gm, ''], // link reference definitions
  [/^ {0,3}(?:[-*_] *){3,}$/gm, ''], // thematic breaks
  [/^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/gm, ''], // table delimiter rows
  [/^ {0,3}#{1,6}\s+/gm, ''], // ATX headings
  [/^ {0,3}#{1,6}$/gm, ''],
  [/^\s*(?:>\s?)+/gm, ''], // block quotes
  [/^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/gm, ''], // list markers and task boxes
];

const INLINE_RULES: [RegExp, string][] = [
  [/!\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1'], // images keep their alt text
  [/\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1'], // links keep their text (one level of parentheses in the URL)
  [/\[([^\]]+)\]\[[^\]]*\]/g, '$1'], // reference links
  [/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '$1'],
  [/(?<![A-Za-z0-9])__(?=\S)([\s\S]*?\S)__(?![A-Za-z0-9])/g, '$1'],
  [/\*(?=\S)([^*\n]*?\S)\*/g, '$1'],
  [/(?<![A-Za-z0-9])_(?=\S)([^_\n]*?\S)_(?![A-Za-z0-9])/g, '$1'],
  [/~~(?=\S)([\s\S]*?\S)~~/g, '$1'],
  [/`+([^`]*)`+/g, '$1'],
  [/\\([\\`*_{}[\]()#+\-.!|>~<])/g, '$1'],
  [/\|/g, ' '],
];

/** Markdown (with any embedded HTML) as one line of plain text. */
export function richTextToPlain(markdown: string): string {
  let text = stripHtml(markdown.replace(/\r\n?/g, '\n'));
  for (const [pattern, replacement] of LINE_RULES) text = text.replace(pattern, replacement);
  for (const [pattern, replacement] of INLINE_RULES) text = text.replace(pattern, replacement);
  return collapseWhitespace(text);
}

export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u200b\u3000]+/g, ' ').trim();
}

/** Cuts at a character boundary (never inside a surrogate pair) and marks the cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}
