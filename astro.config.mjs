// @ts-check
import { createHash } from 'node:crypto';
import node from '@astrojs/node';
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';
import { SANDBOX_PAGE_STYLE } from './donations/sandbox/checkout-style.ts';
import { checkRawMarkup } from './site/integrations/check-raw-markup.ts';
import { precompressAssets } from './site/integrations/precompress-assets.ts';
import { recordCsp } from './site/integrations/record-csp.ts';
import { shareImageCache } from './site/integrations/share-image-cache.ts';
import { siteSitemap } from './site/integrations/sitemap.ts';
import { zodJitless } from './site/integrations/zod-jitless.ts';
import { ELDER_MODE_SCRIPT } from './site/lib/elder-mode-script.ts';

const siteUrl = process.env.XIANJIE_SITE_URL ?? 'http://127.0.0.1:4321';

/** @param {string} text */
const sha256 = (text) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

// The site lives in site/ (DESIGN.md rooms); the config stays at the root so `astro` finds it.
// Pages are static; API routes (`export const prerender = false`) run in the node adapter's
// middleware, which the publisher mounts in the one process that serves the live release.
export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: './dist',
  site: siteUrl,
  integrations: [
    react(),
    zodJitless(),
    siteSitemap(),
    precompressAssets(),
    recordCsp(),
    checkRawMarkup(),
    shareImageCache(),
  ],
  adapter: node({ mode: 'middleware' }),
  build: { format: 'directory' },
  vite: {
    build: {
      // No preload helper around the donate form's lazy `import()`: what it imports is already
      // loaded with the islands, and the helper would cost every project page ~1 KB of script.
      modulePreload: false,
      // Nothing becomes a data: URL or an inlined stylesheet: images, fonts and styles are files
      // from 'self', so the policy needs no data: source and the stylesheet is cached across pages.
      assetsInlineLimit: 0,
    },
  },
  experimental: {
    // The one source of the site's script-src and style-src. Astro writes them as a policy <meta>
    // on every page, with no 'unsafe-inline': it hashes what it emits inline (the astro-island
    // element and the client:load/idle directive loaders of the React islands, their
    // display:contents style) and its bundled scripts and styles. Inline text we write ourselves
    // is added by its hash: the 长辈模式 restore and the sandbox cashier's stylesheet.
    // 'wasm-unsafe-eval': Pagefind (the embedded search) compiles its WebAssembly module.
    // recordCsp() writes the same two directives into the release, and the portal's
    // Content-Security-Policy header carries them (publisher/serve/security-headers.ts).
    csp: {
      algorithm: 'SHA-256',
      scriptDirective: {
        resources: ["'self'", "'wasm-unsafe-eval'"],
        hashes: [/** @type {`sha256-${string}`} */ (sha256(ELDER_MODE_SCRIPT))],
      },
      styleDirective: {
        resources: ["'self'"],
        hashes: [/** @type {`sha256-${string}`} */ (sha256(SANDBOX_PAGE_STYLE))],
      },
    },
  },
  security: {
    // Alipay's notify is a cross-site form POST without an Origin header; Astro's origin check
    // would answer 403. Our state-changing routes don't rely on it: the notify is verified by its
    // RSA2 signature, and POST /api/donations accepts JSON only (a cross-site JSON POST needs CORS).
    checkOrigin: false,
    // Without these, Astro answers 403 to same-origin form POSTs behind our own host names (STACK.md).
    allowedDomains: [{ hostname: '127.0.0.1' }, { hostname: 'localhost' }, { hostname: new URL(siteUrl).hostname }],
  },
});
