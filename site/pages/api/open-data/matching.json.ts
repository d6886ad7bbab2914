import type { APIRoute } from 'astro';
import { getMatchingOpenData, withDonations } from '../../../../donations/index.ts';

/** GET /api/open-data/matching.json — pools, matches per project, teams' totals (no donor). */
export const prerender = false;

export const GET: APIRoute = ({ request }) => withDonations((ctx) => getMatchingOpenData(ctx), request);
