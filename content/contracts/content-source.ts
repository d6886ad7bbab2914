/**
 * Where content comes from (`CONTENT_SOURCE`), parsed the same way by the site build, the
 * publisher and the donations API. A file snapshot lets the site, the tests and the benchmarks
 * build without a running CMS; `strapi` pulls the published entries over REST. The build's default
 * is the demo snapshot; the publisher's is `strapi` (it passes its own default).
 */
export type ContentSource = { kind: 'file'; path: string } | { kind: 'strapi'; url: string; token: string | undefined };

export const DEFAULT_CONTENT_SOURCE = 'file:.data/snapshots/demo.json';
export const DEFAULT_STRAPI_URL = 'http://127.0.0.1:1337';

export function parseContentSource(
  env: Record<string, string | undefined>,
  defaultSource: string = DEFAULT_CONTENT_SOURCE,
): ContentSource {
  const raw = (env.CONTENT_SOURCE ?? '').trim() || defaultSource;
  if (raw.startsWith('file:')) {
    const path = raw.slice('file:'.length).trim();
    if (!path) throw new Error('CONTENT_SOURCE=file: 后面需要快照文件路径，例如 file:.data/snapshots/demo.json');
    return { kind: 'file', path };
  }
  if (raw === 'strapi') {
    const url = (env.STRAPI_URL ?? '').trim() || DEFAULT_STRAPI_URL;
    const token = (env.STRAPI_TOKEN ?? '').trim() || undefined;
    return { kind: 'strapi', url: url.replace(/\/+$/, ''), token };
  }
  throw new Error(`无法识别的 CONTENT_SOURCE：“${raw}”（可用 file:<路径> 或 strapi）`);
}

/** For build logs: never prints the token. */
export function describeContentSource(source: ContentSource): string {
  return source.kind === 'file' ? `快照文件 ${source.path}` : `Strapi ${source.url}`;
}
