import type { APIRoute } from 'astro';
import { getStats, withDonations } from '../../../../../donations/index.ts';

/** GET /api/projects/{slug}/stats — `{raisedFen, donationCount, updatedAt}` (live totals). */
export const prerender = false;

export const GET: APIRoute = ({ params, request }) => withDonations((ctx) => getStats(ctx, params.slug ?? ''), request);
