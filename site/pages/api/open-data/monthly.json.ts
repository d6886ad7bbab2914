import type { APIRoute } from 'astro';
import { getMonthlyOpenData, withDonations } from '../../../../donations/index.ts';

/** GET /api/open-data/monthly.json — active monthly plans and their monthly total per project (no donor). */
export const prerender = false;

export const GET: APIRoute = ({ request }) => withDonations((ctx) => getMonthlyOpenData(ctx), request);
