import { readFile } from 'node:fs/promises';
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { PAGE_POLICY_FILE, type PagePolicy, pagePolicySchema } from '../../content/schemas/page-policy.ts';
import { parseBrowserSearchConfig, SEARCH_CONFIG_FILE } from '../../content/search/browser-config.ts';

/**
 * The policy of a release built before it recorded its page policy (or before any release): those
 * pages had no inline script (the 长辈模式 restore was a file) but a style attribute on the progress
 * bar. Serving such a release after a rollback keeps it working; nothing is allowed that it did
 * not need.
 */
export const LEGACY_PAGE_POLICY: PagePolicy = {
  scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
};

/**
 * The headers every answer of the portal carries (pages, files, API, status, the sandbox cashier).
 *
 * One source for scripts and styles: Astro's build (astro.config.mjs `experimental.csp`) puts
 * them in a <meta> on every page — 'self', 'wasm-unsafe-eval' for Pagefind's WebAssembly, and the
 * hashes of every inline script and style (the islands' hydration, the 长辈模式 restore, the sandbox
 * cashier's stylesheet), never 'unsafe-inline' — and records the same two directives in the
 * release (content/schemas/page-policy.ts). The header copies them, so the two policies a browser
 * enforces on a page agree, and a response without a meta (the per-request results page, where
 * Astro sends them as a header of its own; the sandbox cashier; files; error pages) is held to
 * them as well. The header adds what a meta cannot carry or the build does not know:
 * frame-ancestors (with X-Frame-Options for browsers without CSP 2, so no page — the donate
 * confirm step included — can be laid under another site's clickjacking overlay), the Meilisearch
 * origin in connect-src, `data:` images (the pay QR), object-src, base-uri, form-action. HSTS is the TLS proxy's to send
 * (docs/production.md): this process speaks plain HTTP on loopback.
 */
export function contentSecurityPolicy(
  page: PagePolicy = LEGACY_PAGE_POLICY,
  connectOrigins: readonly string[] = [],
): string {
  const directives: [string, readonly string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', page.scriptSrc],
    ['style-src', page.styleSrc],
    // data: for the pay QR image the donations API returns with an order (a PNG data URL, checked
    // by the island before it reaches an <img>): a picture cannot run script, and a data URL keeps
    // the order's QR off any URL that could be fetched again.
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'", ...connectOrigins]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

export function securityHeaders(csp: string): Record<string, string> {
  return {
    'content-security-policy': csp,
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-content-type-options': 'nosniff',
  };
}

/** The release's Meilisearch origin from `search-config.json`; missing or malformed means Pagefind only. */
async function meilisearchOrigin(clientDir: string): Promise<string | null> {
  try {
    const host = parseBrowserSearchConfig(JSON.parse(await readFile(join(clientDir, SEARCH_CONFIG_FILE), 'utf8')))
      .meilisearch?.host;
    return host ? new URL(host).origin : null;
  } catch {
    return null;
  }
}

/**
 * The release's page policy, beside its `client/` folder. Missing: a release built before the
 * record existed (LEGACY_PAGE_POLICY). Present but invalid: refused loudly and served with the
 * legacy policy, which has no hash, so the release's inline scripts stay blocked rather than a
 * widened policy being guessed.
 */
async function pagePolicy(clientDir: string): Promise<PagePolicy> {
  const file = join(dirname(clientDir), PAGE_POLICY_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return LEGACY_PAGE_POLICY;
  }
  try {
    return pagePolicySchema.parse(JSON.parse(text));
  } catch (error) {
    process.stderr.write(`[portal] ${file} 无效，CSP 不放行任何内联脚本和样式：${(error as Error).message}\n`);
    return { scriptSrc: LEGACY_PAGE_POLICY.scriptSrc, styleSrc: ["'self'"] };
  }
}

/**
 * The policy for one release: its page policy, and with Meilisearch the origin the search island
 * asks directly. Both files are read once per release.
 */
export function releasePolicies(): (releaseId: string | null, clientDir: string | null) => Promise<string> {
  const cache = new Map<string, Promise<string>>();
  return (releaseId, clientDir) => {
    if (!releaseId || !clientDir) return Promise.resolve(contentSecurityPolicy());
    let policy = cache.get(releaseId);
    if (!policy) {
      policy = Promise.all([pagePolicy(clientDir), meilisearchOrigin(clientDir)]).then(([page, origin]) =>
        contentSecurityPolicy(page, origin ? [origin] : []),
      );
      // One entry per release this process has served: a handful over its life (RELEASES_KEEP).
      if (cache.size > 20) cache.clear();
      cache.set(releaseId, policy);
    }
    return policy;
  };
}

/**
 * Astro answers a page it renders per request (`/search/results/`) with a policy header of its own
 * (`experimental.csp`), and its writeHead would put that in place of the portal's, dropping
 * frame-ancestors and the rest. The portal's header already carries the same script-src and
 * style-src (the release's page policy), so it stays the one policy: Astro's copy is left out.
 */
export function keepPortalPolicy(res: ServerResponse): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    const headers = args.at(-1);
    if (headers && typeof headers === 'object' && !Array.isArray(headers)) {
      const own = headers as OutgoingHttpHeaders;
      for (const name of Object.keys(own)) if (name.toLowerCase() === 'content-security-policy') delete own[name];
    }
    return writeHead(...args);
  }) as ServerResponse['writeHead'];
}
