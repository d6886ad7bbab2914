import type { APIRoute } from 'astro';
import { withDonations } from '../../../../../donations/http/astro-glue.ts';
import { getReceiptCsv } from '../../../../../donations/http/handlers.ts';

/** GET /api/charities/{slug}/receipt-requests.csv — the charity's receipt requests, behind its bearer token. */
export const prerender = false;

export const GET: APIRoute = ({ params, request }) =>
  withDonations((ctx) => getReceiptCsv(ctx, params.slug ?? '', request));
