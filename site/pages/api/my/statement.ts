import type { APIRoute } from 'astro';
import { postMyStatement, socketAddressOf, withDonations } from '../../../../donations/index.ts';

/** POST /api/my/statement — the year statement (CSV or PDF) of the gifts this device found. */
export const prerender = false;

export const POST: APIRoute = (context) =>
  withDonations(
    (ctx, request) =>
      postMyStatement(ctx, request, {
        socketAddress: socketAddressOf(context.locals, context.request, () => context.clientAddress),
      }),
    context.request,
  );
