import type { APIRoute } from 'astro';
import { sandboxPay, withDonations } from '../../../../../donations/index.ts';

/** The sandbox checkout's pay/cancel button: sends a notify signed as Alipay would to the notify route. */
export const prerender = false;

export const POST: APIRoute = ({ request }) => withDonations((ctx, req) => sandboxPay(ctx, req), request);
