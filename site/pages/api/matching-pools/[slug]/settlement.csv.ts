import type { APIRoute } from 'astro';
import { getPoolSettlement, withDonations } from '../../../../../donations/index.ts';

/** GET /api/matching-pools/{slug}/settlement.csv — a sponsor's 配捐结算单, behind a charity's or the ministry's token. */
export const prerender = false;

export const GET: APIRoute = ({ params, request }) =>
  withDonations((ctx, req) => getPoolSettlement(ctx, params.slug ?? '', req, new URL(request.url)), request);
