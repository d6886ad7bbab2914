import type { APIRoute } from 'astro';
import { postMyVoucher, socketAddressOf, withDonations } from '../../../../donations/index.ts';

/** POST /api/my/voucher.pdf — the 捐赠凭证 (not a 财政票据) of a gift, as PDF. */
export const prerender = false;

export const POST: APIRoute = (context) =>
  withDonations(
    (ctx, request) =>
      postMyVoucher(ctx, request, {
        socketAddress: socketAddressOf(context.locals, context.request, () => context.clientAddress),
      }),
    context.request,
  );
