// @ts-check
import node from '@astrojs/node';
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';

const siteUrl = process.env.XIANJIE_SITE_URL ?? 'http://127.0.0.1:4321';

// The site lives in site/ (DESIGN.md rooms); the config stays at the root so `astro` finds it.
// Pages are static; API routes (`export const prerender = false`) run in the node adapter's
// middleware, which the publisher mounts in the one process that serves the live release.
export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: './dist',
  site: siteUrl,
  integrations: [react()],
  adapter: node({ mode: 'middleware' }),
  build: { format: 'directory' },
  // Every script the build emits is a file under /_astro/, never inlined into a page (Astro inlines
  // small import-free scripts below this limit): the Content-Security-Policy the portal sends
  // allows scripts from 'self' only, no 'unsafe-inline' (publisher/serve/security-headers.ts).
  vite: { build: { assetsInlineLimit: 0 } },
  security: {
    // Alipay's notify is a cross-site form POST without an Origin header; Astro's origin check
    // would answer 403. Our state-changing routes don't rely on it: the notify is verified by its
    // RSA2 signature, and POST /api/donations accepts JSON only (a cross-site JSON POST needs CORS).
    checkOrigin: false,
    // Without these, Astro answers 403 to same-origin form POSTs behind our own host names (STACK.md).
    allowedDomains: [{ hostname: '127.0.0.1' }, { hostname: 'localhost' }, { hostname: new URL(siteUrl).hostname }],
  },
});
