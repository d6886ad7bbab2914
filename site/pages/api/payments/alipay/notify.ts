import type { APIRoute } from 'astro';
import { withDonations } from '../../../../../donations/http/astro-glue.ts';
import { postAlipayNotify } from '../../../../../donations/http/handlers.ts';

/** POST /api/payments/alipay/notify — Alipay's signed notify; answers `success` or `failure`. */
export const prerender = false;

export const POST: APIRoute = ({ request }) => withDonations((ctx) => postAlipayNotify(ctx, request));
