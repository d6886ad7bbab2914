import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, releasePolicies } from '../../../publisher/serve/security-headers.ts';

const directive = (policy: string, name: string) =>
  policy
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));

describe('contentSecurityPolicy', () => {
  it('allows scripts from this origin and Pagefind’s WebAssembly, never inline scripts', () => {
    const policy = contentSecurityPolicy();
    expect(directive(policy, 'script-src')).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy.split(/[\s;]+/)).not.toContain("'unsafe-eval'");
    expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'none'");
  });
});

describe('releasePolicies', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'xianjie-csp-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lets the search island reach the release’s Meilisearch host, and nothing else', async () => {
    const client = join(dir, 'meili');
    await mkdir(client, { recursive: true });
    await writeFile(
      join(client, 'search-config.json'),
      JSON.stringify({
        engine: 'meilisearch',
        pagefindPath: '/pagefind/',
        meilisearch: { host: 'https://search.example.org/path', indexUid: 'x', apiKey: 'k', expiresAt: null },
      }),
    );
    const policy = await releasePolicies()('r1', client);
    expect(directive(policy, 'connect-src')).toBe("connect-src 'self' https://search.example.org");
  });

  it.each([
    ['Pagefind only', JSON.stringify({ engine: 'pagefind', pagefindPath: '/pagefind/', meilisearch: null })],
    ['malformed JSON', '{'],
    [
      'a host that is no http URL',
      JSON.stringify({ engine: 'meilisearch', meilisearch: { host: 'javascript:x', indexUid: 'x', apiKey: 'k' } }),
    ],
  ])('keeps connect-src to this origin for %s', async (label, text) => {
    const client = join(dir, label.replace(/\W+/g, '-'));
    await mkdir(client, { recursive: true });
    await writeFile(join(client, 'search-config.json'), text);
    expect(directive(await releasePolicies()('r', client), 'connect-src')).toBe("connect-src 'self'");
  });

  it('has the base policy before the first release', async () => {
    expect(await releasePolicies()(null, null)).toBe(contentSecurityPolicy());
  });
});
