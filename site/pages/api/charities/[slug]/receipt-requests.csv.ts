import type { APIRoute } from 'astro';
import { getReceiptCsv, withDonations } from '../../../../../donations/index.ts';

/** GET /api/charities/{slug}/receipt-requests.csv — the charity's receipt requests, behind its bearer token. */
export const prerender = false;

export const GET: APIRoute = ({ params, request }) =>
  withDonations((ctx, req) => getReceiptCsv(ctx, params.slug ?? '', req), request);
