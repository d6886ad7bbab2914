import { Marked } from 'marked';
import markedCjkFriendly from 'marked-cjk-friendly';
import sanitizeHtml from 'sanitize-html';
import { escapeHtml } from '../../content/contracts/escape.ts';

/**
 * The one place CMS rich text (project stories, disclosure bodies, typical cases, campaign
 * descriptions) becomes HTML: Markdown through marked, then an allowlist through sanitize-html.
 * Editors' raw HTML is not trusted — a `<script>`, an `onclick`, a `javascript:` or `data:` link,
 * an image or an iframe never reaches a page. Headings are demoted under the page's own outline.
 */

// CommonMark's flanking rules do not close `**规范转介流程。**民政部门…`: a run after CJK
// punctuation followed by a Han character is not right-flanking, so the asterisks stayed as text.
// marked-cjk-friendly applies the CJK-friendly emphasis amendment (commonmark-spec#650); non-CJK
// text parses as before.
const marked = new Marked({ gfm: true, breaks: false, async: false }, markedCjkFriendly());

export interface RichTextOptions {
  /** Level that the text's top headings (`#`, `##`) become, so the page outline stays in order. @default 3 */
  headingBase?: 2 | 3 | 4;
}

/** Every tag rich text may contain after sanitising; tests check nothing executable is in it. */
export const ALLOWED_TAGS: readonly string[] = [
  'p',
  'br',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'del',
  'a',
  'blockquote',
  'code',
  'pre',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

function headingMap(base: number): Record<string, string> {
  const level = (n: number) => `h${Math.min(6, n)}`;
  return {
    h1: level(base),
    h2: level(base),
    h3: level(base + 1),
    h4: level(base + 2),
    h5: level(base + 2),
    h6: level(base + 2),
  };
}

const sanitizers = new Map<number, sanitizeHtml.IOptions>();

function sanitizerOptions(base: number): sanitizeHtml.IOptions {
  let options = sanitizers.get(base);
  if (options) return options;
  const headings = headingMap(base);
  options = {
    allowedTags: [...ALLOWED_TAGS],
    allowedAttributes: { a: ['href', 'title'], ol: ['start'], th: ['scope'] },
    // Only ordinary web and mail links; `javascript:`, `data:`, `vbscript:` and protocol-relative
    // URLs are dropped (sanitize-html decodes entities and strips control characters first).
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: {},
    allowedSchemesAppliedToAttributes: ['href'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    // Text inside these never shows: a stripped <script> must not leave its source as prose.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'template', 'title'],
    transformTags: {
      ...Object.fromEntries(
        Object.entries(headings).map(([from, to]) => [
          from,
          (_tag: string, attribs: sanitizeHtml.Attributes) => ({ tagName: to, attribs }),
        ]),
      ),
      b: 'strong',
      i: 'em',
      // Links in CMS text point away from the portal: no referrer, no endorsement, no opener.
      a: (_tag, attribs) => ({
        tagName: 'a',
        attribs: { ...attribs, rel: 'nofollow noopener noreferrer' },
      }),
    },
    allowedClasses: {},
    allowedStyles: {},
    parser: { lowerCaseTags: true, lowerCaseAttributeNames: true },
  };
  // `rel` is added by the transform above; allow it only on links.
  (options.allowedAttributes as Record<string, string[]>).a = ['href', 'title', 'rel'];
  sanitizers.set(base, options);
  return options;
}

/**
 * Text with nothing Markdown or HTML would interpret: no markup characters, no list, quote,
 * heading or code lines, nothing that GFM turns into an autolink. Most disclosure bodies are
 * such plain paragraphs; rendering them directly skips two parsers on tens of thousands of entries
 * at scale, and is safe by construction because every character is escaped.
 */
const MARKUP_CHARS = /[<>&*_`[\]!#|~\\=:@]/;
const BLOCK_LINE = /^(?: {4}|\t| {0,3}(?:[-+>]|\d{1,9}[.)]))/m;
const AUTOLINK = /www\./i;

export function isPlainText(text: string): boolean {
  return !MARKUP_CHARS.test(text) && !BLOCK_LINE.test(text) && !AUTOLINK.test(text);
}

function plainParagraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.trim())
    .filter((block) => block.length > 0)
    .map((block) => `<p>${escapeHtml(block)}</p>`)
    .join('\n');
}

export function renderRichText(markdown: string, options: RichTextOptions = {}): string {
  if (isPlainText(markdown)) return plainParagraphs(markdown);
  const html = marked.parse(markdown) as string;
  return sanitizeHtml(html, sanitizerOptions(options.headingBase ?? 3)).trim();
}
