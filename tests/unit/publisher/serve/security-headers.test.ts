import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_POLICY_FILE } from '../../../../content/schemas/page-policy.ts';
import {
  contentSecurityPolicy,
  keepPortalPolicy,
  LEGACY_PAGE_POLICY,
  releasePolicies,
} from '../../../../publisher/serve/security-headers.ts';

const HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";
const PAGE = { scriptSrc: ["'self'", "'wasm-unsafe-eval'", HASH], styleSrc: ["'self'", HASH] };

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

  it('carries the release’s page policy: the script and style hashes its pages’ <meta> allow', () => {
    const policy = contentSecurityPolicy(PAGE);
    expect(directive(policy, 'script-src')).toBe(`script-src 'self' 'wasm-unsafe-eval' ${HASH}`);
    expect(directive(policy, 'style-src')).toBe(`style-src 'self' ${HASH}`);
    expect(directive(policy, 'default-src')).toBe("default-src 'self'");
    expect(policy).not.toContain("'unsafe-inline'");
  });

  it('allows images from the site and data: images (the pay QR), nothing from elsewhere', () => {
    expect(directive(contentSecurityPolicy(PAGE), 'img-src')).toBe("img-src 'self' data:");
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

  const writeRelease = async (name: string, record: unknown) => {
    const client = join(dir, name, 'client');
    await mkdir(client, { recursive: true });
    if (record !== undefined) {
      await writeFile(join(dir, name, PAGE_POLICY_FILE), typeof record === 'string' ? record : JSON.stringify(record));
    }
    return client;
  };

  it('takes script-src and style-src from the page policy the build recorded beside client/', async () => {
    const policy = await releasePolicies()('p1', await writeRelease('recorded', PAGE));
    expect(directive(policy, 'script-src')).toBe(`script-src 'self' 'wasm-unsafe-eval' ${HASH}`);
    expect(directive(policy, 'style-src')).toBe(`style-src 'self' ${HASH}`);
  });

  it('serves a release built before the record with the policy it was built for', async () => {
    expect(await releasePolicies()('p2', await writeRelease('legacy', undefined))).toBe(
      contentSecurityPolicy(LEGACY_PAGE_POLICY),
    );
  });

  it.each([
    ['unsafe-inline', { scriptSrc: ["'self'", "'unsafe-inline'"], styleSrc: ["'self'"] }],
    ['a host', { scriptSrc: ["'self'", 'https://cdn.example.org'], styleSrc: ["'self'"] }],
    ['a smuggled directive', { scriptSrc: ["'self'; script-src *"], styleSrc: ["'self'"] }],
    ['malformed JSON', '{'],
  ])('refuses a record with %s and allows no inline script or style at all', async (label, record) => {
    const policy = await releasePolicies()('p3', await writeRelease(label.replace(/\W+/g, '-'), record));
    expect(directive(policy, 'script-src')).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(directive(policy, 'style-src')).toBe("style-src 'self'");
  });

  it('has the base policy before the first release', async () => {
    expect(await releasePolicies()(null, null)).toBe(contentSecurityPolicy());
  });
});

describe('keepPortalPolicy', () => {
  it('sends the portal’s policy alone when a handler writes its own with writeHead (Astro per-request pages)', async () => {
    const server = createServer((_req, res) => {
      res.setHeader('content-security-policy', "default-src 'self'; frame-ancestors 'none'");
      keepPortalPolicy(res);
      res.writeHead(200, { 'Content-Security-Policy': "script-src 'self'", 'content-type': 'text/html' });
      res.end('ok');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      expect(res.headers.get('content-security-policy')).toBe("default-src 'self'; frame-ancestors 'none'");
      expect(res.headers.get('content-type')).toBe('text/html');
    } finally {
      await new Promise((ok) => server.close(ok));
    }
  });
});
