import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseBrowserSearchConfig, SEARCH_CONFIG_FILE } from '../../search/search-client/browser-config.ts';

/**
 * The headers every answer of the portal carries (pages, files, API, status). The
 * Content-Security-Policy allows scripts from this origin only — the build emits every script as a
 * file (astro.config.mjs `assetsInlineLimit: 0`, site/scripts/elder-mode.js), so no
 * 'unsafe-inline' — plus 'wasm-unsafe-eval' for Pagefind's WebAssembly search. Styles may be
 * inline: the progress bar's width is a style attribute and the sandbox cashier page carries its
 * own <style>; a style cannot run code. Framing is refused twice over (`frame-ancestors 'none'`
 * and X-Frame-Options for browsers without CSP 2), so no page — the donate confirm step included —
 * can be laid under another site's clickjacking overlay. HSTS is the TLS proxy's to send
 * (docs/production.md): this process speaks plain HTTP on loopback.
 */
export function contentSecurityPolicy(connectOrigins: readonly string[] = []): string {
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'"]],
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

/**
 * The policy for one release: with Meilisearch, the search island asks its host directly, and
 * that origin is in the release's `search-config.json` (search/release-index.ts writes it). Read
 * once per release; a missing or malformed file means Pagefind only, as the island reads it.
 */
export function releasePolicies(): (releaseId: string | null, clientDir: string | null) => Promise<string> {
  const cache = new Map<string, Promise<string>>();
  return (releaseId, clientDir) => {
    if (!releaseId || !clientDir) return Promise.resolve(contentSecurityPolicy());
    let policy = cache.get(releaseId);
    if (!policy) {
      policy = readFile(join(clientDir, SEARCH_CONFIG_FILE), 'utf8')
        .then((text) => parseBrowserSearchConfig(JSON.parse(text)).meilisearch?.host ?? null)
        .catch(() => null)
        .then((host) => contentSecurityPolicy(host ? [new URL(host).origin] : []));
      // One entry per release this process has served: a handful over its life (RELEASES_KEEP).
      if (cache.size > 20) cache.clear();
      cache.set(releaseId, policy);
    }
    return policy;
  };
}
