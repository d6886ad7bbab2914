import type { APIRoute } from 'astro';
import { getMonthlyPlan, postMonthlyPlan, withDonations } from '../../../../donations/index.ts';

/** GET/POST /api/monthly/{token} — a monthly gift behind its private link: view, change, pause, cancel. */
export const prerender = false;

export const GET: APIRoute = ({ params, request }) =>
  withDonations((ctx) => getMonthlyPlan(ctx, params.token ?? ''), request);

export const POST: APIRoute = ({ params, request }) =>
  withDonations((ctx, req) => postMonthlyPlan(ctx, params.token ?? '', req), request);
