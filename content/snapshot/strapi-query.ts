/**
 * Encodes a nested object as the bracketed query string Strapi's REST API reads
 * (`populate[plan][populate][window]=true`, `populate[charity][fields][0]=slug`), the way `qs`
 * would, without depending on it. Keys and values are percent-encoded; brackets stay readable.
 */
export type QueryValue = string | number | boolean | null | undefined | QueryValue[] | { [key: string]: QueryValue };

function encode(part: string): string {
  return encodeURIComponent(part).replace(/%5B/gi, '[').replace(/%5D/gi, ']');
}

function walk(prefix: string, value: QueryValue, out: string[]): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      walk(`${prefix}[${index}]`, item, out);
    });
    return;
  }
  if (typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) walk(prefix ? `${prefix}[${key}]` : key, child, out);
    return;
  }
  out.push(`${encode(prefix)}=${encodeURIComponent(String(value))}`);
}

export function strapiQuery(params: Record<string, QueryValue>): string {
  const out: string[] = [];
  walk('', params, out);
  return out.join('&');
}
