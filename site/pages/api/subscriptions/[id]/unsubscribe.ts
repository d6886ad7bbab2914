import type { APIRoute } from 'astro';
import { postSubscriptionChange, withDonations } from '../../../../../donations/index.ts';

/** POST /api/subscriptions/{id}/unsubscribe?token= — RFC 8058 one-click, and the unsubscribe page's button. */
export const prerender = false;

export const POST: APIRoute = ({ params, request }) =>
  withDonations((ctx, req) => postSubscriptionChange(ctx, 'unsubscribe', params.id ?? '', req), request);
