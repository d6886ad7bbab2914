import type { APIRoute } from 'astro';
import { getDonation, withDonations } from '../../../../donations/index.ts';

/** GET /api/donations/{donationId} — `{status, amountFen, project}`; the result page polls it. */
export const prerender = false;

export const GET: APIRoute = ({ params, request }) =>
  withDonations((ctx) => getDonation(ctx, params.donationId ?? ''), request);
