import { escapeHtml } from '../../content/contracts/escape.ts';
/**
 * Excerpts come from the engines as HTML-ish strings with highlight tags, built from text that
 * editors (or attackers) wrote. The island puts `excerptHtml` into the page as HTML, so this is
 * the one place that decides what markup survives: `<mark>` and `</mark>`, balanced, and nothing
 * else. Every other character is text and leaves escaped; a `<script>` in the index or in the
 * query arrives as the visible text `<script>`.
 */

/** Highlight tags asked of Meilisearch: private-use characters that never occur in our text. */
export const MEILI_MARK_OPEN = '\ue000';
export const MEILI_MARK_CLOSE = '\ue001';

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

function decodeOnce(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6}|#39);/gi, (whole, body: string) => {
    const named = NAMED[body.toLowerCase()];
    if (named !== undefined) return named;
    if (body[0] !== '#') return whole;
    const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
  });
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
const UNSAFE_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ue000-\uf8ff]/g;

function assemble(parts: { text: string; mark: boolean }[]): string {
  let out = '';
  let open = false;
  for (const part of parts) {
    const text = escapeHtml(part.text.replace(UNSAFE_TEXT, '')).replace(/\s+/g, ' ');
    if (text.length === 0) continue;
    if (part.mark !== open) out += part.mark ? '<mark>' : '</mark>';
    open = part.mark;
    out += text;
  }
  return open ? `${out}</mark>` : out;
}

/**
 * Pagefind's excerpt: its text may already be entity-escaped, and `<mark>` wraps matches.
 * Only exact `<mark>`/`</mark>` tags are kept (case-insensitive, no attributes); the rest is text,
 * entity-decoded once (so `&lt;` shows as `<`) and escaped again.
 */
export function sanitisePagefindExcerpt(html: unknown): string {
  if (typeof html !== 'string') return '';
  const parts: { text: string; mark: boolean }[] = [];
  let mark = false;
  for (const piece of html.split(/(<\/?mark>)/i)) {
    const tag = piece.toLowerCase();
    if (tag === '<mark>') mark = true;
    else if (tag === '</mark>') mark = false;
    else parts.push({ text: decodeOnce(piece), mark });
  }
  return assemble(parts);
}

/** Meilisearch's `_formatted` text: raw text with our private-use highlight characters. */
export function sanitiseMeiliExcerpt(text: unknown): string {
  if (typeof text !== 'string') return '';
  const parts: { text: string; mark: boolean }[] = [];
  let mark = false;
  for (const piece of text.split(new RegExp(`([${MEILI_MARK_OPEN}${MEILI_MARK_CLOSE}])`))) {
    if (piece === MEILI_MARK_OPEN) mark = true;
    else if (piece === MEILI_MARK_CLOSE) mark = false;
    else parts.push({ text: piece, mark });
  }
  return assemble(parts);
}

/** Plain text for titles and meta: tags and sentinels out, entities decoded, nothing escaped (render as text). */
export function plainText(value: unknown, { decode = false } = {}): string {
  if (typeof value !== 'string') return '';
  const text = value.replace(/<\/?mark>/gi, '').replace(UNSAFE_TEXT, '');
  return (decode ? decodeOnce(text) : text).replace(/\s+/g, ' ').trim();
}

/** Only same-site paths: `/x/`, never `//host`, `javascript:`, `data:` or a full URL to elsewhere. */
export function safePath(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  const trimmed = url.trim();
  if (!trimmed.startsWith('/') || trimmed.startsWith('//') || trimmed.startsWith('/\\')) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: reject control characters in paths
  if (/[\u0000-\u001f\s<>"']/.test(trimmed)) return null;
  return trimmed;
}
