import type { APIRoute } from 'astro';
import { postDonation, socketAddressOf, withDonations } from '../../../../donations/index.ts';

/** POST /api/donations — create a pending donation and return its payment step (DESIGN.md contracts). */
export const prerender = false;

export const POST: APIRoute = (context) =>
  withDonations(
    (ctx, request) =>
      postDonation(ctx, request, {
        socketAddress: socketAddressOf(context.locals, context.request, () => context.clientAddress),
      }),
    context.request,
  );
