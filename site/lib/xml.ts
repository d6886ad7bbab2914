/** Escapes text for XML content and attribute values (the feed's own elements). */
export function escapeXml(text: string): string {
  return removeXmlInvalid(
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;'),
  );
}

/**
 * Drops the characters XML 1.0 forbids outright; they can only come from a broken paste. Text a
 * library escapes (@astrojs/rss) still needs this: it escapes markup, not these.
 */
export function removeXmlInvalid(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}
