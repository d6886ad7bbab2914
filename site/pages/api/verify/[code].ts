import type { APIRoute } from 'astro';
import { getVerifyGift, withDonations } from '../../../../donations/index.ts';

/** GET /api/verify/{code} — what a 捐赠凭证's code confirms (project, amount, day, anonymised donor). */
export const prerender = false;

export const GET: APIRoute = ({ params, request }) =>
  withDonations((ctx) => getVerifyGift(ctx, params.code ?? ''), request);
