// @ts-check
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';

// The site lives in site/ (DESIGN.md rooms); the config stays at the root so `astro` finds it.
export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: './dist',
  site: process.env.XIANJIE_SITE_URL ?? 'http://127.0.0.1:4321',
  integrations: [react()],
  // No web fonts, no prefetch: pages stay static and light (issue 3 sets the budgets).
  build: { format: 'directory' },
});
