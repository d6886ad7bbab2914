import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_POLICY_FILE, type PagePolicy, pagePolicySchema } from '../../../content/schemas/page-policy.ts';
import { REPO_ROOT, readPublisherConfig } from '../../../publisher/config.ts';
import { type Portal, startPortal } from '../../../publisher/portal.ts';
import { inProcessSnapshotStage } from '../../../publisher/releases/snapshot-stage.ts';
import { filesUnder } from '../../support/e2e/site-files.ts';
import { FIXTURE_SNAPSHOT } from '../../support/fixture-snapshot.ts';

/**
 * The portal's web surface against the real portal server (issue 13 item 10): a real release of
 * the fixture snapshot (astro build + Pagefind), served by `startPortal` on every interface so that
 * the status page can be asked from this machine's loopback and from one of its other addresses.
 * Checked: the security headers on every kind of answer (one policy, the release's page policy in
 * it), that every inline script of the built pages is allowed by its hash and none by
 * 'unsafe-inline', the status split by peer and token, and the 429 on `/search/results/`.
 */
const SEARCH_LIMIT = 3;
let dataDir: string;
let portal: Portal;
let port: number;
let base: string;
const switched: { id: string; previousId: string | null; snapshotThere: boolean }[] = [];

/** An address of this machine that is not loopback, so a request to it has a non-loopback peer. */
const outsideAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

beforeAll(async () => {
  // Inside the repository: a release's server bundle imports packages from the repo's node_modules.
  await mkdir(join(REPO_ROOT, '.data', 'tmp'), { recursive: true });
  dataDir = await mkdtemp(join(REPO_ROOT, '.data', 'tmp', 'web-surface-'));
  const config = readPublisherConfig({
    XIANJIE_DATA_DIR: dataDir,
    PUBLISHER_HOST: '0.0.0.0',
    PUBLISHER_PORT: '0',
    CONTENT_SOURCE: 'strapi',
    SEARCH_RATE_LIMIT: String(SEARCH_LIMIT),
    SEARCH_RATE_WINDOW_S: '600',
    // As behind the production proxy: X-Forwarded-For from loopback names the client, so each
    // test below can be a client of its own.
    TRUSTED_PROXY: 'loopback',
  });
  portal = await startPortal(
    config,
    inProcessSnapshotStage(async () => FIXTURE_SNAPSHOT),
    () => undefined,
    {
      // The donor mail hooks (publisher/start.ts wires them to publisher/mail/).
      onRelease: async (id, previousId, store) => {
        switched.push({ id, previousId, snapshotThere: existsSync(store.snapshotOf(id)) });
      },
      outboxPage: async () => '<p>本地发件箱 reader@example.org</p>',
    },
  );
  port = (portal.server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  await portal.publishNow('测试：网页安全');
});

afterAll(async () => {
  await portal?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const asClient = (ip: string, headers: Record<string, string> = {}) => ({
  headers: { 'x-forwarded-for': ip, ...headers },
});

/** The live release's page policy, as the site build recorded it (site/integrations/record-csp.ts). */
async function recordedPolicy(): Promise<PagePolicy> {
  const live = await portal.store.currentId();
  const file = join(dirname(portal.store.clientDirOf(live ?? '')), PAGE_POLICY_FILE);
  return pagePolicySchema.parse(JSON.parse(await readFile(file, 'utf8')));
}

function csp(res: Response): Map<string, string[]> {
  const value = res.headers.get('content-security-policy') ?? '';
  return new Map(
    value
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

describe('security headers', () => {
  const project = FIXTURE_SNAPSHOT.projects[0]?.slug;
  it.each([
    ['a static page', () => '/'],
    ['a project page (donate island)', () => `/projects/${project}/`],
    ['a script file', () => '/pagefind/pagefind.js'],
    ['an API answer', () => `/api/projects/${project}/stats`],
    ['the server-rendered search results', () => '/search/results/?q=%E5%8A%A9%E5%AD%A6'],
    ['a 404', () => '/no-such-page/'],
    ['the status page', () => '/_publisher/status'],
  ])('on %s', async (_label, path) => {
    const res = await fetch(`${base}${path()}`, asClient('203.0.113.1'));
    await res.arrayBuffer();
    expect(res.status).toBeLessThan(500);
    // One policy: Astro's own header on the per-request page is not sent beside the portal's.
    expect(res.headers.get('content-security-policy')).not.toContain(',');
    const policy = csp(res);
    // The release's page policy (what Astro put in every page's <meta>), the same on every answer.
    const page = await recordedPolicy();
    expect(policy.get('script-src')).toEqual(page.scriptSrc);
    expect(policy.get('style-src')).toEqual(page.styleSrc);
    expect(page.scriptSrc.slice(0, 2)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(page.scriptSrc.some((s) => s.startsWith("'sha256-"))).toBe(true);
    expect([...page.scriptSrc, ...page.styleSrc]).not.toContain("'unsafe-inline'");
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('go with a release whose inline scripts are each allowed by their hash (no unsafe-inline)', async () => {
    const live = await portal.store.currentId();
    const pages = await filesUnder(portal.store.clientDirOf(live ?? ''), '.html');
    expect(pages.length).toBeGreaterThan(10);
    const allowed = new Set((await recordedPolicy()).scriptSrc);
    const inline: string[] = [];
    for (const file of pages) {
      const html = await readFile(file, 'utf8');
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        if (/\bsrc\s*=/.test(m[1] ?? '')) continue;
        const hash = `'sha256-${createHash('sha256')
          .update(m[2] ?? '', 'utf8')
          .digest('base64')}'`;
        if (!allowed.has(hash)) inline.push(`${file}: ${(m[2] ?? '').slice(0, 60)}`);
      }
      if (/\son[a-z]+\s*=/i.test(html)) inline.push(`${file} (event handler attribute)`);
    }
    expect(inline).toEqual([]);
  });
});

describe('/_publisher/status', () => {
  const token = () => readFile(join(dataDir, 'publisher', 'status-token'), 'utf8').then((t) => t.trim());
  const FULL_KEYS = ['building', 'cms', 'current', 'lastAttempt', 'releases'];

  it('generated its token into the data directory, private to the owner', async () => {
    expect((await token()).length).toBeGreaterThanOrEqual(32);
    expect((await stat(join(dataDir, 'publisher', 'status-token'))).mode & 0o077).toBe(0);
  });

  it('shows everything to this machine', async () => {
    const body = (await (await fetch(`${base}/_publisher/status`)).json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(FULL_KEYS);
  });

  it('shows only the live release id and time through a proxy', async () => {
    const res = await fetch(`${base}/_publisher/status`, asClient('203.0.113.2'));
    const text = await res.text();
    const live = await portal.store.meta((await portal.store.currentId()) ?? '');
    expect(JSON.parse(text)).toEqual({ live: { id: live?.id, since: live?.createdAt } });
    expect(text).not.toMatch(/strapi|127\.0\.0\.1|\/work|\.data|error/i);
  });

  it('shows everything to the holder of the token, and nothing more for a wrong one', async () => {
    const right = await fetch(
      `${base}/_publisher/status`,
      asClient('203.0.113.3', { authorization: `Bearer ${await token()}` }),
    );
    expect(Object.keys((await right.json()) as object).sort()).toEqual(FULL_KEYS);
    const wrong = await fetch(`${base}/_publisher/status`, asClient('203.0.113.3', { authorization: 'Bearer nope' }));
    expect(Object.keys((await wrong.json()) as object)).toEqual(['live']);
  });

  it.skipIf(!outsideAddress)(
    'shows only the public part to a non-loopback peer, everything with the token',
    async () => {
      const url = `http://${outsideAddress}:${port}/_publisher/status`;
      expect(Object.keys((await (await fetch(url)).json()) as object)).toEqual(['live']);
      const withToken = await fetch(url, { headers: { authorization: `Bearer ${await token()}` } });
      expect(Object.keys((await withToken.json()) as object).sort()).toEqual(FULL_KEYS);
    },
  );
  if (!outsideAddress) console.warn('跳过：本机没有非回环的 IPv4 地址，无法从非回环地址访问状态页');
});

describe('/search/results/ rate limit', () => {
  const search = (ip: string) => fetch(`${base}/search/results/?q=%E5%BA%B7%E5%A4%8D`, asClient(ip));

  it(`answers ${SEARCH_LIMIT} searches per client, then 429 with Retry-After and a Chinese message`, async () => {
    for (let i = 0; i < SEARCH_LIMIT; i++) {
      const res = await search('198.51.100.7');
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('搜索');
    }
    const limited = await search('198.51.100.7');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.text()).toMatch(/搜索过于频繁，请 \d+ 秒后再试/);
    expect(limited.headers.get('x-frame-options')).toBe('DENY');
  });

  it('counts every address of one IPv6 /64 as one client (a /64 holds 2^64 addresses)', async () => {
    for (let i = 0; i < SEARCH_LIMIT; i++)
      expect((await search(`2001:db8:7:7::${(i + 1).toString(16)}`)).status).toBe(200);
    expect((await search('2001:db8:7:7:ffff:1:2:3')).status).toBe(429);
    expect((await search('2001:db8:7:8::1')).status).toBe(200);
  });

  it('limits each client apart, and not the rest of the site', async () => {
    expect((await search('198.51.100.8')).status).toBe(200);
    expect((await fetch(`${base}/search/`, asClient('198.51.100.7'))).status).toBe(200);
    expect((await fetch(`${base}/`, asClient('198.51.100.7'))).status).toBe(200);
  });
});

describe('donor mail hooks', () => {
  it('tells the mail queue of each switch, with the release that was live before', async () => {
    expect(switched).toEqual([{ id: await portal.store.currentId(), previousId: null, snapshotThere: true }]);
  });

  it('shows the local outbox (it holds addresses) to this machine only, never through a proxy, token or not', async () => {
    const local = await fetch(`${base}/_publisher/outbox`);
    expect(local.status).toBe(200);
    expect(await local.text()).toContain('本地发件箱');
    const proxied = await fetch(`${base}/_publisher/outbox`, asClient('203.0.113.9'));
    expect(proxied.status).toBe(403);
    expect(await proxied.text()).not.toContain('@');
    const token = (await readFile(join(dataDir, 'publisher', 'status-token'), 'utf8')).trim();
    const withToken = await fetch(
      `${base}/_publisher/outbox`,
      asClient('203.0.113.9', { authorization: `Bearer ${token}` }),
    );
    expect(withToken.status).toBe(403);
  });
});
