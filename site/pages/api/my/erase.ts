import type { APIRoute } from 'astro';
import { postMyErase, socketAddressOf, withDonations } from '../../../../donations/index.ts';

/** POST /api/my/erase — erase the lookup data of a gift (PIPL Art. 47). */
export const prerender = false;

export const POST: APIRoute = (context) =>
  withDonations(
    (ctx, request) =>
      postMyErase(ctx, request, {
        socketAddress: socketAddressOf(context.locals, context.request, () => context.clientAddress),
      }),
    context.request,
  );
