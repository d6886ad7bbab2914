import type { APIRoute } from 'astro';
import { postMyLookup, socketAddressOf, withDonations } from '../../../../donations/index.ts';

/** POST /api/my/lookup — a gift by Alipay trade number (or order number) + amount; one neutral answer when not found. */
export const prerender = false;

export const POST: APIRoute = (context) =>
  withDonations(
    (ctx, request) =>
      postMyLookup(ctx, request, {
        socketAddress: socketAddressOf(context.locals, context.request, () => context.clientAddress),
      }),
    context.request,
  );
