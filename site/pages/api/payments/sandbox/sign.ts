import type { APIRoute } from 'astro';
import { sandboxSign, withDonations } from '../../../../../donations/index.ts';

/** The sandbox signing page's 开通/取消: sends `dut_user_sign`, signed as Alipay would, to the notify route. */
export const prerender = false;

export const POST: APIRoute = ({ request }) => withDonations((ctx, req) => sandboxSign(ctx, req), request);
