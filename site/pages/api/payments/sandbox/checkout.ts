import type { APIRoute } from 'astro';
import { sandboxCheckout, withDonations } from '../../../../../donations/index.ts';

/** The sandbox checkout page (a QR code's target): 这是沙箱支付，不会产生真实扣款. */
export const prerender = false;

export const GET: APIRoute = ({ request }) => withDonations((ctx, req) => sandboxCheckout(ctx, req), request);
