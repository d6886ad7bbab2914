import type { APIRoute } from 'astro';
import { withDonations } from '../../../../../donations/http/astro-glue.ts';
import { getStats } from '../../../../../donations/http/handlers.ts';

/** GET /api/projects/{slug}/stats — `{raisedFen, donationCount, updatedAt}` (live totals). */
export const prerender = false;

export const GET: APIRoute = ({ params }) => withDonations((ctx) => getStats(ctx, params.slug ?? ''));
