import type { APIRoute } from 'astro';
import { postAlipayNotify, socketAddressOf, withDonations } from '../../../../../donations/index.ts';

/** POST /api/payments/alipay/notify — Alipay's signed notify; answers `success` or `failure`. */
export const prerender = false;

export const POST: APIRoute = (context) =>
  withDonations(
    (ctx, request) =>
      postAlipayNotify(ctx, request, {
        socketAddress: socketAddressOf(context.locals, context.request, () => context.clientAddress),
      }),
    context.request,
  );
