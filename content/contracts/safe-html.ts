import { escapeHtml } from './escape.ts';

/**
 * Escaped HTML built in TypeScript: the site's fragments rendered thousands of times per build
 * (project cards, the filter panel, the page chrome) and the workbench's server-rendered pages. Astro components cost a render instance and
 * several promises each; at 10,000 projects a card appears on ~20 listing pages, so it is built
 * once here as a string and reused. Every interpolated value is escaped (content/'s one escaper)
 * unless it is SafeHtml.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Value = SafeHtml | string | number | boolean | null | undefined | readonly Value[];

function piece(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(piece).join('');
  return escapeHtml(String(value));
}

/** `html\`<a href="${url}">${text}</a>\``: text and attribute values are escaped. */
export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += piece(values[i] as Value) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/** Marks already-safe HTML (e.g. the output of renderRichText) for interpolation. */
export function raw(value: string): SafeHtml {
  return new SafeHtml(value);
}
