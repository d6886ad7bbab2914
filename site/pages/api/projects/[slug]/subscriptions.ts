import type { APIRoute } from 'astro';
import { postSubscription, socketAddressOf, withDonations } from '../../../../../donations/index.ts';

/** POST /api/projects/{slug}/subscriptions — `{email}`: a confirmation mail, then news of the project's disclosures. */
export const prerender = false;

export const POST: APIRoute = ({ params, request, locals, clientAddress }) =>
  withDonations(
    (ctx, req) =>
      postSubscription(ctx, params.slug ?? '', req, {
        socketAddress: socketAddressOf(locals, request, () => clientAddress),
      }),
    request,
  );
