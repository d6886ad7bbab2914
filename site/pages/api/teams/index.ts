import type { APIRoute } from 'astro';
import { postTeam, socketAddressOf, withDonations } from '../../../../donations/index.ts';

/** POST /api/teams — start a 一起捐 team for a project. */
export const prerender = false;

export const POST: APIRoute = (context) =>
  withDonations(
    (ctx, request) =>
      postTeam(ctx, request, {
        socketAddress: socketAddressOf(context.locals, context.request, () => context.clientAddress),
      }),
    context.request,
  );
