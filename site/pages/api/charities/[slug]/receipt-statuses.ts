import type { APIRoute } from 'astro';
import { postReceiptStatuses, withDonations } from '../../../../../donations/index.ts';

/** POST /api/charities/{slug}/receipt-statuses — the charity's 捐赠票据 statuses in bulk (its edited export CSV, or JSON), behind its token. */
export const prerender = false;

export const POST: APIRoute = ({ params, request }) =>
  withDonations((ctx, req) => postReceiptStatuses(ctx, params.slug ?? '', req), request);
