import type { APIRoute } from 'astro';
import { absoluteUrl, paths } from '../../content/paths.ts';

export const prerender = true;

export const GET: APIRoute = ({ site }) =>
  new Response(
    `User-agent: *\nDisallow: /api/\nDisallow: /search/results/\n\nSitemap: ${absoluteUrl(paths.sitemap(), site)}\n`,
    {
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    },
  );
