import type { APIRoute } from 'astro';
import { withDonations } from '../../../../donations/http/astro-glue.ts';
import { getDonation } from '../../../../donations/http/handlers.ts';

/** GET /api/donations/{donationId} — `{status, amountFen, project}`; the result page polls it. */
export const prerender = false;

export const GET: APIRoute = ({ params }) => withDonations((ctx) => getDonation(ctx, params.donationId ?? ''));
