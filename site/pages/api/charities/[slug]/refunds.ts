import type { APIRoute } from 'astro';
import { postRefund, withDonations } from '../../../../../donations/index.ts';

/** POST /api/charities/{slug}/refunds — the charity refunds one of its gifts (alipay.trade.refund), behind its token. */
export const prerender = false;

export const POST: APIRoute = ({ params, request }) =>
  withDonations((ctx, req) => postRefund(ctx, params.slug ?? '', req), request);
