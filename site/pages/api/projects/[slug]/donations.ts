import type { APIRoute } from 'astro';
import { getProjectDonations, withDonations } from '../../../../../donations/index.ts';

/** GET /api/projects/{slug}/donations — public list: amount, time, and a name only if the donor chose one. */
export const prerender = false;

export const GET: APIRoute = ({ params, url, request }) =>
  withDonations((ctx) => getProjectDonations(ctx, params.slug ?? '', url), request);
