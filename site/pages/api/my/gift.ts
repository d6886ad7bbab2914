import type { APIRoute } from 'astro';
import { postMyGift, socketAddressOf, withDonations } from '../../../../donations/index.ts';

/** POST /api/my/gift — a gift by its private token (in the body, never the URL). */
export const prerender = false;

export const POST: APIRoute = (context) =>
  withDonations(
    (ctx, request) =>
      postMyGift(ctx, request, {
        socketAddress: socketAddressOf(context.locals, context.request, () => context.clientAddress),
      }),
    context.request,
  );
