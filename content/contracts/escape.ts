/**
 * The one escaper for text placed in HTML or XML (pages, the sandbox checkout, feeds, the sitemap).
 * Hand-written on purpose: five characters and one table, no dependency in the browser bundle; the
 * libraries that do this either write `&apos;` (not an HTML 4 entity) or are long unmaintained.
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const SPECIAL = /[&<>"']/g;
const NEEDS_ESCAPING = /[&<>"']/;

/** Text and attribute values in HTML: `&`, `<`, `>`, `"` and `'` become entities. */
export function escapeHtml(text: string): string {
  // Most values (CJK text, slugs, dates) contain nothing to escape: test once, replace rarely.
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text.replace(SPECIAL, (c) => ENTITIES[c] ?? c);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Text and attribute values in XML (feeds, sitemap): the same escaping, XML's own `&apos;`, and the
 * characters XML 1.0 forbids outright removed (they can only come from a broken paste).
 */
export function escapeXml(text: string): string {
  // After escapeHtml every `&` of the input is `&amp;`, so `&#39;` can only be our own apostrophe.
  return removeXmlInvalid(escapeHtml(text).replaceAll('&#39;', '&apos;'));
}

/**
 * Only the removal of what XML 1.0 forbids, for text a library escapes itself (@astrojs/rss
 * escapes markup, not these characters).
 */
export function removeXmlInvalid(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}
